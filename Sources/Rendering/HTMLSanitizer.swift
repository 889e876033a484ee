/// An allow-list HTML sanitiser for raw HTML in Markdown (`<br>` in table cells, `<sup>`,
/// `<kbd>`, `<a name>` anchors, small tables). It never passes markup through: it reads tags
/// and text, and writes back only the allowed elements and attributes in a canonical form it
/// makes itself, with text escaped. So what the browser parses is exactly what this file
/// decided, whatever the input's encoding tricks.
///
/// Scripts, styles, frames, forms, event attributes and `style` are never written. `href` and
/// `src` are decoded (character references, then the whitespace and control characters a
/// browser ignores) before their scheme is read; only `http`, `https`, `mailto` (links) and
/// relative URLs are kept, and the decoded URL is what is written, re-escaped. Elements are balanced: an end tag with no open element is dropped,
/// and `close()` ends what a fragment left open.
public struct HTMLSanitizer {
    /// Elements written back, with the attributes each may keep.
    static let allowed: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for name in ["br", "wbr", "sup", "sub", "kbd", "b", "i", "em", "strong", "code", "u", "s", "del", "ins", "small", "mark",
                     "cite", "var", "samp", "p", "ul", "li", "dl", "dt", "dd", "hr", "pre", "blockquote", "thead", "tbody", "tfoot", "tr", "caption"] {
            table[name] = []
        }
        table["abbr"] = ["title"]
        // A disclosure, as docs use for long optional detail; `open` shows it unfolded.
        table["details"] = ["open"]
        table["summary"] = []
        // `id` stays where pages put link targets (`<span id="footnote-1">`, `<a name="BKMK_x">`).
        for name in ["p", "li", "sup", "table"] { table[name] = ["id"] }
        table["span"] = ["class", "id"]
        table["div"] = ["class", "id"]
        table["ol"] = ["start"]
        table["a"] = ["href", "title", "name", "id"]
        table["img"] = ["src", "alt", "title", "width", "height"]
        table["table"] = []
        table["colgroup"] = ["span"]
        table["col"] = ["span"]
        table["th"] = ["colspan", "rowspan", "align", "scope", "id"]
        table["td"] = ["colspan", "rowspan", "align", "id"]
        return table
    }()

    /// Elements with no end tag.
    static let void: Set<String> = ["br", "wbr", "hr", "img", "col"]

    /// Elements whose whole content goes with them: it is code, or text the browser would not
    /// show as text.
    static let dropsContent: Set<String> = ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
                                            "noembed", "noframes", "textarea", "title", "xmp", "template", "select", "option", "plaintext",
                                            "math", "svg"]

    /// Maps a checked link or image URL to the one written (the page's link resolution).
    public typealias URLResolver = (_ url: String, _ isImage: Bool) -> String

    private let resolveURL: URLResolver
    /// Elements open so far, innermost last.
    private var open: [String] = []
    /// Tags and attributes left out so far (a count for the raw-HTML diagnostic).
    public private(set) var dropped = 0

    public init(resolveURL: @escaping URLResolver = { url, _ in url }) {
        self.resolveURL = resolveURL
    }

    /// One fragment (a raw HTML block, or one inline tag) as safe HTML. Elements it opens stay
    /// open for the fragments that follow, until `close()`.
    public mutating func sanitize(_ fragment: String) -> String {
        var output = ""
        var scanner = HTMLTokenizer(fragment)
        while let token = scanner.next() {
            switch token {
            case .text(let text):
                output += Self.escapeText(text)
            case .comment:
                break
            case let .startTag(name, attributes, _):
                if Self.dropsContent.contains(name) {
                    dropped += 1
                    scanner.skipContent(of: name)
                    continue
                }
                guard let permitted = Self.allowed[name] else { dropped += 1; continue }
                output += "<" + name
                for (attribute, value) in attributes {
                    if let written = self.attribute(attribute, value, of: name, permitted: permitted) {
                        output += " \(attribute)=\"\(written)\""
                    } else {
                        dropped += 1
                    }
                }
                output += Self.void.contains(name) ? " />" : ">"
                if !Self.void.contains(name) { open.append(name) }
            case .endTag(let name):
                guard Self.allowed[name] != nil, !Self.void.contains(name), let index = open.lastIndex(of: name) else {
                    if Self.allowed[name] == nil || !Self.void.contains(name) { dropped += 1 }
                    continue
                }
                for element in open[index...].reversed() { output += "</\(element)>" }
                open.removeSubrange(index...)
            }
        }
        return output
    }

    /// The link targets (`id` and `name` values) a fragment keeps, for anchor checks.
    public static func anchors(in fragment: String) -> [String] {
        var result: [String] = []
        var scanner = HTMLTokenizer(fragment)
        while let token = scanner.next() {
            guard case let .startTag(name, attributes, _) = token, let permitted = allowed[name] else { continue }
            for (attribute, value) in attributes where (attribute == "id" || attribute == "name") && permitted.contains(attribute) {
                let decoded = HTMLEntities.decode(value)
                if !decoded.isEmpty, decoded.allSatisfy(isNameCharacter) { result.append(decoded) }
            }
        }
        return result
    }

    /// End tags for every element still open.
    public mutating func close() -> String {
        defer { open = [] }
        return open.reversed().map { "</\($0)>" }.joined()
    }

    /// The value to write for an attribute, escaped, or nil when it is left out.
    private func attribute(_ name: String, _ raw: String, of element: String, permitted: Set<String>) -> String? {
        guard permitted.contains(name) else { return nil }
        let value = HTMLEntities.decode(raw)
        switch name {
        case "href", "src":
            guard let url = Self.safeURL(value, isImage: name == "src") else { return nil }
            return HTMLEscaping.escapeHref(resolveURL(url, name == "src"))
        case "class":
            let classes = value.split(whereSeparator: \.isWhitespace).filter { $0.allSatisfy(Self.isNameCharacter) }
            return classes.isEmpty ? nil : classes.joined(separator: " ")
        case "id", "name":
            return !value.isEmpty && value.allSatisfy(Self.isNameCharacter) ? value : nil
        case "width", "height", "colspan", "rowspan", "span", "start":
            let digits = value.hasSuffix("%") && (name == "width" || name == "height") ? value.dropLast() : Substring(value)
            return !digits.isEmpty && digits.count <= 5 && digits.allSatisfy { $0.isASCII && $0.isNumber } ? value : nil
        case "align":
            return ["left", "center", "right"].contains(value.lowercased()) ? value.lowercased() : nil
        case "scope":
            return ["row", "col", "rowgroup", "colgroup"].contains(value.lowercased()) ? value.lowercased() : nil
        default:
            return HTMLEscaping.escape(value)
        }
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == ":")
    }

    /// A URL as a browser reads it, when its scheme is safe; nil otherwise. `decoded` has its
    /// character references decoded; leading and trailing spaces and C0 controls are trimmed and
    /// tabs and line breaks removed, as the URL parser does, so `java&#x09;script:` or
    /// ` javascript:` cannot hide a scheme.
    public static func safeURL(_ decoded: String, isImage: Bool) -> String? {
        // Sliced, not removed one by one: a hostile attribute may start with a million spaces.
        let all = decoded.unicodeScalars
        let start = all.firstIndex { $0.value > 0x20 } ?? all.endIndex
        let end = all[start...].lastIndex { $0.value > 0x20 }.map(all.index(after:)) ?? start
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: all[start..<end].lazy.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        let url = String(scalars)
        // The scheme is what comes before the first ':' that precedes any '/', '?' or '#'.
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        // Relative: no scheme to hide. What is written is this decoded text, re-escaped, so the
        // browser reads exactly the URL checked here.
        guard let colon = head.firstIndex(of: ":") else { return url }
        let scheme = head[..<colon].lowercased()
        let schemes: Set<String> = isImage ? ["http", "https"] : ["http", "https", "mailto"]
        return schemes.contains(scheme) ? url : nil
    }

    /// Text between tags: `<`, `>` and `"` escaped, `&` kept only where it starts a character
    /// reference (the browser decodes those to text, which cannot run).
    static func escapeText(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            switch c {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "&":
                result += HTMLEntities.referenceLength(in: text[index...]) > 0 ? "&" : "&amp;"
            default: result.append(c)
            }
            index = text.index(after: index)
        }
        return result
    }

    /// Raw HTML as chat text: `<br>` and the ends of blocks become line breaks, other tags go,
    /// code-bearing elements go with their content, character references are decoded.
    public static func plainText(_ fragment: String) -> String {
        var output = ""
        var scanner = HTMLTokenizer(fragment)
        let breaking: Set<String> = ["br", "p", "div", "li", "tr", "table", "ul", "ol", "blockquote", "pre", "hr", "dt", "dd"]
        while let token = scanner.next() {
            switch token {
            case .text(let text): output += HTMLEntities.decode(text)
            case .comment: break
            case let .startTag(name, _, _):
                if dropsContent.contains(name) { scanner.skipContent(of: name) } else if name == "br" || name == "hr" { output += "\n" }
            case .endTag(let name):
                if breaking.contains(name), !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
            }
        }
        return output
    }
}

/// Splits HTML into text, comments and tags the way a browser's tokenizer does in the data
/// state, closely enough that no tag can hide from it: attribute values quoted with `"` or `'`
/// or unquoted, names lowercased, `/` between attributes ignored.
struct HTMLTokenizer {
    enum Token: Equatable {
        case text(String)
        case comment
        case startTag(String, [(String, String)], selfClosing: Bool)
        case endTag(String)

        static func == (lhs: Token, rhs: Token) -> Bool {
            switch (lhs, rhs) {
            case let (.text(a), .text(b)): return a == b
            case (.comment, .comment): return true
            case let (.endTag(a), .endTag(b)): return a == b
            case let (.startTag(a, x, s), .startTag(b, y, t)): return a == b && s == t && x.elementsEqual(y) { $0 == $1 }
            default: return false
            }
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ html: String) { bytes = Array(html.utf8) }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    mutating func next() -> Token? {
        guard position < bytes.count else { return nil }
        let start = position
        if bytes[position] != UInt8(ascii: "<") {
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
            return .text(string(start..<position))
        }
        let after = position + 1 < bytes.count ? bytes[position + 1] : 0
        if after == UInt8(ascii: "!") || after == UInt8(ascii: "?") {
            // Comments end at `-->`; other markup declarations and processing instructions at `>`.
            if bytes[position...].starts(with: Array("<!--".utf8)) {
                position += 4
                while position < bytes.count, !bytes[position...].starts(with: Array("-->".utf8)) { position += 1 }
                position = min(bytes.count, position + 3)
            } else {
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                position = min(bytes.count, position + 1)
            }
            return .comment
        }
        let isEnd = after == UInt8(ascii: "/")
        let nameStart = position + (isEnd ? 2 : 1)
        guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
            // `<` that opens no tag is text (`a < b`, `</ >`).
            position += 1
            return .text("<")
        }
        position = nameStart
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        let name = string(nameStart..<position).lowercased()
        var attributes: [(String, String)] = []
        var selfClosing = false
        while position < bytes.count {
            let b = bytes[position]
            if Self.isSpace(b) { position += 1; continue }
            if b == UInt8(ascii: ">") { position += 1; break }
            if b == UInt8(ascii: "/") {
                selfClosing = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: ">")
                position += 1
                continue
            }
            let attributeStart = position
            position += 1 // the first character is part of the name even if it is `=`
            while position < bytes.count, !Self.isSpace(bytes[position]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[position]) {
                position += 1
            }
            let attributeName = string(attributeStart..<position).lowercased()
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            var value = ""
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
                if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                    let quote = bytes[position]
                    position += 1
                    let valueStart = position
                    while position < bytes.count, bytes[position] != quote { position += 1 }
                    value = string(valueStart..<position)
                    position = min(bytes.count, position + 1)
                } else {
                    let valueStart = position
                    while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                    value = string(valueStart..<position)
                }
            }
            // The first of two same-named attributes wins, as in the browser.
            if !isEnd, !attributes.contains(where: { $0.0 == attributeName }) { attributes.append((attributeName, value)) }
        }
        return isEnd ? .endTag(name) : .startTag(name, attributes, selfClosing: selfClosing)
    }

    /// Moves past everything up to and including `</name …>` (or to the end).
    mutating func skipContent(of name: String) {
        let closing = Array("</\(name)".utf8)
        while position < bytes.count {
            // `| 0x20` lowercases letters and leaves `<`, `/` and digits as they are.
            if bytes[position] == UInt8(ascii: "<"), position + closing.count <= bytes.count,
               zip(bytes[position..<(position + closing.count)], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                let end = position + closing.count
                if end == bytes.count || Self.isSpace(bytes[end]) || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/") {
                    while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                    position = min(bytes.count, position + 1)
                    return
                }
            }
            position += 1
        }
    }
}
