/// A parsed Mustache template. adoptkit reads Mustache the way swift-mustache 2 (the library it
/// used before) does, standalone lines and partial indentation included, so kits' templates
/// render byte for byte as they did; it renders `TemplateValue`s directly (`TemplateRenderer`).
enum TemplateToken: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateToken])
    case inverted(TemplateName, [TemplateToken])
    /// `{{> name}}`, or `{{< name}}` with the blocks it overrides. A standalone tag indents
    /// every line of the partial by the white space before it.
    case partial(String, indentation: String?, overrides: [String: [TemplateToken]]?)
    /// `{{$ name}}default{{/ name}}`: the caller's override, or the default.
    case block(String, [TemplateToken], indentation: String?)
}

/// A name as a tag writes it: `.` (the current value), `a.b` (`a` looked up through the open
/// sections, innermost first, then `b` inside it) or `.a.b` (in the current value only).
struct TemplateName: Sendable, Hashable {
    enum Scope: Sendable, Hashable { case current, innermost, stack }
    let scope: Scope
    let parts: [String]

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        scope = text == "." ? .current : text.hasPrefix(".") ? .innermost : .stack
    }
}

/// A syntax error, at the position swift-mustache reported (characters since the line start).
struct TemplateSyntaxError: Error {
    enum Kind { case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, illegalTokenInsideParent }
    let kind: Kind
    let line: Int
    let column: Int

    var message: String {
        switch kind {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not finished"
        case .expectedSectionEnd: "a section is never closed"
        case .illegalTokenInsideParent: "only {{$block}} overrides may stand inside a {{<parent}} tag"
        }
    }
}

/// Reads a template into tokens. Set-delimiter and pragma tags are read and ignored: the
/// checker refuses both in kit templates.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    private struct State {
        var sectionName: String?
        var newLine: Bool
        var isParent = false
        var isParentTopLevel = false
        var parentIndent: String?

        func section(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    private struct Failure: Error { let kind: TemplateSyntaxError.Kind }

    static func parse(_ text: String) -> Result<[TemplateToken], TemplateSyntaxError> {
        var parser = TemplateParser(characters: Array(text))
        // swift-mustache saw each template after a content-type pragma adoptkit put first: a
        // blank first line was that tag's own, and no tag on the first line stood alone.
        let firstLineBlank = parser.lineFinished()
        do {
            return .success(try parser.parse(State(newLine: firstLineBlank)))
        } catch {
            let (line, column) = parser.lineAndColumn()
            return .failure(TemplateSyntaxError(kind: (error as? Failure)?.kind ?? .unfinishedName, line: line, column: column))
        }
    }

    private init(characters: [Character]) { self.characters = characters }

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func parse(_ initial: State) throws -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isParent && !state.isParentTopLevel {
                    if let indent = state.parentIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.parentIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline()
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)); whiteSpaceBefore = "" }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if standalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let inner = try parse(state.section(name, newLine: setNewLine))
                tokens.append(inverted ? .inverted(TemplateName(name), inner) : .section(TemplateName(name), inner))
            case "/":
                position += 1
                let start = position
                let name = try readName()
                guard name == state.sectionName else {
                    position = start
                    throw Failure(kind: .sectionCloseNameIncorrect)
                }
                if !standalone(state) { flushWhiteSpace() }
                return tokens
            case "!", "=", "%":
                // Comments; changed delimiters and pragmas, which the checker refuses.
                position += 1
                try skipTag()
                setNewLine = standalone(state)
            case "{", "&":
                flushWhiteSpace()
                let triple = current == "{"
                position += 1
                let name = try readName()
                if triple {
                    guard current == "}" else { throw Failure(kind: .unfinishedName) }
                    position += 1
                }
                tokens.append(.variable(TemplateName(name), escaped: false))
            case ">", "<":
                let isParent = current == "<"
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readName(characters: Self.partialNameCharacters)
                let indentation = whiteSpaceBefore
                flushWhiteSpace()
                let alone = standalone(state)
                if alone { setNewLine = true }
                guard isParent else {
                    // Only a standalone partial indents its lines.
                    tokens.append(.partial(name, indentation: alone ? indentation : nil, overrides: nil))
                    break
                }
                var parent = state
                parent.sectionName = name
                (parent.newLine, parent.isParent, parent.isParentTopLevel) = (true, true, true)
                var overrides: [String: [TemplateToken]] = [:]
                for token in try parse(parent) {
                    switch token {
                    case .block(let block, let content, nil): overrides[block] = content
                    case .text: break
                    default: throw Failure(kind: .illegalTokenInsideParent)
                    }
                }
                tokens.append(.partial(name, indentation: indentation, overrides: overrides))
            case "$":
                position += 1
                let name = try readName()
                if state.isParentTopLevel {
                    // An override inside `{{<parent}}`, marked by a nil indentation.
                    setNewLine = standalone(state)
                    tokens.append(.block(name, try parse(state.section(name, newLine: setNewLine)), indentation: nil))
                } else {
                    let indentation = whiteSpaceBefore
                    flushWhiteSpace()
                    setNewLine = standalone(state)
                    tokens.append(.block(name, try parse(state.section(name, newLine: setNewLine)), indentation: indentation))
                }
            default:
                flushWhiteSpace()
                tokens.append(.variable(TemplateName(try readName()), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure(kind: .expectedSectionEnd) }
        return tokens
    }

    /// Text up to a newline (not consumed) or `{{` (consumed).
    private mutating func readUntilTagOrNewline() -> String {
        var text = ""
        while !atEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == "{" {
                if position + 1 < characters.count, characters[position + 1] == "{" {
                    position += 2
                    break
                }
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, predicate(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    /// A tag's name and its closing `}}`.
    private mutating func readName(characters allowed: Set<Character> = nameCharacters) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read { allowed.contains($0) }
        _ = read(while: \.isWhitespace)
        guard readClose() else { throw Failure(kind: .unfinishedName) }
        return name
    }

    private mutating func readClose() -> Bool {
        guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}" else { return false }
        position += 2
        return true
    }

    /// Everything up to and including the next `}}`; without one, the error is where the tag's
    /// body starts.
    private mutating func skipTag() throws {
        let start = position
        while !atEnd {
            if readClose() { return }
            position += 1
        }
        position = start
        throw Failure(kind: .unfinishedName)
    }

    /// At a line start, nothing but spaces and tabs up to the line's end: the tag stands alone,
    /// and its line (white space and newline) is dropped.
    private mutating func standalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var ahead = position
        while ahead < characters.count, characters[ahead] == " " || characters[ahead] == "\t" { ahead += 1 }
        guard ahead < characters.count, characters[ahead].isNewline else { return false }
        position = ahead + 1
        return true
    }

    /// 1-based line and column (in characters) of the current position.
    private func lineAndColumn() -> (Int, Int) {
        let before = characters[..<min(position, characters.count)]
        let line = before.filter(\.isNewline).count + 1
        let lineStart = before.lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
        return (line, before.count - lineStart + 1)
    }
}
