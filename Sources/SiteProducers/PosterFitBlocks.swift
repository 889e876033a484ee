import Foundation

/// One measured part of a poster: an element marked `data-fit="…"` in its template, with the
/// text it prints (screen-only text left out) split into paragraphs.
struct PosterFitBlock {
    enum Role: String { case org, headline, text, scan, label, link, footer }
    let role: Role
    var paragraphs: [String] = [""]
    var isList = false, isNote = false, hasImage = false
    /// For a code: modules per side, and the printed width of the symbol in mm.
    var modules: Int?
    var codeWidth = 80.0
    var children: [PosterFitBlock] = []
    /// `paragraphs` with their words measured (`measure()`, once the block is read): the fit
    /// tries several type sizes, and only the arithmetic depends on the size.
    private(set) var measured: [MeasuredText] = []

    /// How the block's text is set.
    var style: TextWidths.Style {
        switch role {
        case .org: .capitals
        case .headline, .label: .bold
        case .link: .monospace
        case .footer, .text, .scan: .regular
        }
    }

    /// Measures the words of its paragraphs and its children's.
    mutating func measure() {
        measured = paragraphs.map { MeasuredText.memoized($0, style: style) }
        for index in children.indices { children[index].measure() }
    }

    /// Estimated height in mm at `width` mm.
    func height(width: Double, fit: PosterFit) -> Double {
        let pt = PosterFit.pointInMillimetres
        switch role {
        case .org:
            let textHeight = Double(lineCount(width: width - (hasImage ? 55 : 0), fit: fit)) * PosterFit.textSteps[fit.textStep] * 16 / 15 * pt * 1.2
            return max(hasImage ? 14 : 0, textHeight)
        case .headline:
            return Double(lineCount(width: width, fit: fit)) * PosterFit.headlineSteps[fit.headlineStep] * pt * 1.12
        case .label:
            return Double(lineCount(width: width, fit: fit)) * PosterFit.textSteps[fit.textStep] * 1.6 * pt * 1.15
        case .link:
            return Double(lineCount(width: width, fit: fit)) * PosterFit.textSteps[fit.textStep] * 0.8 * pt * 1.3
        case .footer:
            return Double(lineCount(width: width, fit: fit)) * PosterFit.textSteps[fit.textStep] * 0.75 * pt * 1.3 + 2.4
        case .text:
            let size = PosterFit.textSteps[fit.textStep]
            let lines = Double(lineCount(width: width, fit: fit)) * size * pt * 1.35
            if isList { return lines + 2 * Double(paragraphs.count) }
            return lines + (isNote ? 4 : 0)
        case .scan:
            guard let modules, modules > 0 else { return 0 }
            let symbol = codeWidth * Double(modules + 8) / Double(modules)
            let beside = width - symbol - 6
            let column = children.reduce(0) { $0 + $1.height(width: beside, fit: fit) } + 3 * Double(max(children.count - 1, 0))
            return max(symbol, column)
        }
    }

    /// Lines at `width` mm: every paragraph wrapped greedily at its break opportunities.
    func lineCount(width: Double, fit: PosterFit) -> Int {
        let pt = PosterFit.pointInMillimetres
        var size: Double
        var available = width
        switch role {
        case .org: size = PosterFit.textSteps[fit.textStep] * 16 / 15
        case .headline: size = PosterFit.headlineSteps[fit.headlineStep]
        case .label: size = PosterFit.textSteps[fit.textStep] * 1.6
        case .link: size = PosterFit.textSteps[fit.textStep] * 0.8
        case .footer: size = PosterFit.textSteps[fit.textStep] * 0.75
        case .text, .scan:
            size = PosterFit.textSteps[fit.textStep]
            if isList { available -= 8 }
            if isNote { available -= 10 }
        }
        let emWidth = available / (size * pt)
        return measured.reduce(0) { $0 + $1.lines(em: emWidth) }
    }

    /// "the link (9 lines)", for the overflow warning.
    func describe(width: Double, fit: PosterFit) -> String {
        let name: String
        switch role {
        case .org: name = "the organisation line"
        case .headline: name = "the headline"
        case .text: name = isList ? "the steps" : isNote ? "the note" : "a paragraph"
        case .scan: name = "the code with the steps beside it"
        case .label: name = "the code's label"
        case .link: name = "the link"
        case .footer: name = "the footer"
        }
        return name + " (" + String(format: "%.0f", height(width: width, fit: fit)) + " mm)"
    }
}

/// Reads the `data-fit` blocks of a poster's HTML (the markup adoptkit's templates make: no
/// comments inside blocks, quoted attributes).
enum PosterFitBlocks {
    static func parse(_ html: String) -> [PosterFitBlock] {
        let bytes = Array(html.utf8)
        var blocks: [PosterFitBlock] = []
        var codeWidth = 80.0
        // Open elements: name, whether it hides its text in print, and which block it opened.
        var stack: [(name: String, screenOnly: Bool, opens: Int)] = [] // opens: 0 none, 1 top block, 2 child block
        var inMain = false
        var topOpen = false, childOpen = false
        var index = 0
        func append(_ text: String) {
            guard topOpen, !stack.contains(where: \.screenOnly) else { return }
            if childOpen {
                blocks[blocks.count - 1].children[blocks[blocks.count - 1].children.count - 1].paragraphs[lastParagraph(child: true)] += text
            } else {
                blocks[blocks.count - 1].paragraphs[lastParagraph(child: false)] += text
            }
        }
        func lastParagraph(child: Bool) -> Int {
            child ? blocks[blocks.count - 1].children[blocks[blocks.count - 1].children.count - 1].paragraphs.count - 1
                  : blocks[blocks.count - 1].paragraphs.count - 1
        }
        func newParagraph() {
            guard topOpen else { return }
            if childOpen {
                let last = blocks[blocks.count - 1].children.count - 1
                if blocks[blocks.count - 1].children[last].paragraphs.last != "" { blocks[blocks.count - 1].children[last].paragraphs.append("") }
            } else if blocks[blocks.count - 1].paragraphs.last != "" {
                blocks[blocks.count - 1].paragraphs.append("")
            }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                if inMain { append(decodeEntities(String(decoding: bytes[start..<index], as: UTF8.self))) }
                continue
            }
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
            // The name first, from the bytes: an <img> may hold a logo of a megabyte.
            var nameEnd = index + 1
            while nameEnd < end, !" \t\n/".utf8.contains(bytes[nameEnd]) || (nameEnd == index + 1 && bytes[nameEnd] == UInt8(ascii: "/")) { nameEnd += 1 }
            let rawName = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self).lowercased()
            if rawName == "img" {
                if inMain, topOpen { blocks[blocks.count - 1].hasImage = true }
                index = end + 1
                continue
            }
            let tag = bytes[(index + 1)..<end]
            index = end + 1
            if tag.first == UInt8(ascii: "!") { continue }
            if tag.first == UInt8(ascii: "/") {
                let name = String(rawName.dropFirst())
                if name == "main" { inMain = false }
                if let open = stack.lastIndex(where: { $0.name == name }) {
                    for element in stack[open...] {
                        if element.opens == 2 { childOpen = false }
                        if element.opens == 1 { topOpen = false; childOpen = false }
                    }
                    stack.removeSubrange(open...)
                }
                continue
            }
            let name = rawName
            let classes = attribute("class", in: tag) ?? ""
            if ["style", "script", "title", "svg"].contains(name) {
                // Skip their contents; a code's size is in the svg's own style.
                if name == "svg", inMain, topOpen, let style = attribute("style", in: tag),
                   let modules = number(after: "--qr-modules:", in: style).flatMap({ Int(exactly: $0) }) {
                    blocks[blocks.count - 1].modules = modules
                    blocks[blocks.count - 1].codeWidth = codeWidth
                }
                index = skip(past: Array("</\(name)>".utf8), in: bytes, from: index)
                continue
            }
            if name == "main" {
                inMain = true
                if let style = attribute("style", in: tag), let width = number(after: "--qr-code:", in: style) { codeWidth = width }
            }
            let isVoid = ["img", "br", "wbr", "meta", "input", "hr", "link", "source"].contains(name) || tag.last == UInt8(ascii: "/")
            if name == "wbr" { append("\u{200B}") }
            if name == "br" || name == "li" { newParagraph() }
            var opens = 0
            if inMain, let role = attribute("data-fit", in: tag).flatMap(PosterFitBlock.Role.init(rawValue:)) {
                var block = PosterFitBlock(role: role)
                block.isList = name == "ol" || name == "ul"
                block.isNote = classes.split(separator: " ").contains("note")
                if !topOpen {
                    blocks.append(block)
                    topOpen = true
                    opens = 1
                } else if blocks[blocks.count - 1].role == .scan, !childOpen {
                    blocks[blocks.count - 1].children.append(block)
                    childOpen = true
                    opens = 2
                }
            } else if topOpen, !childOpen, blocks[blocks.count - 1].role == .footer, stack.last?.opens == 1 {
                newParagraph() // each part of the footer wraps onto its own lines
            }
            if !isVoid {
                stack.append((name, classes.split(separator: " ").contains("screen-only"), opens))
            }
        }
        for index in blocks.indices { blocks[index].measure() }
        return blocks
    }

    /// Where `closing` ends, searching from `start`; the end of `bytes` when it is missing.
    static func skip(past closing: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while let found = bytes[index...].firstIndex(of: closing[0]) {
            if found + closing.count <= bytes.count, bytes[found..<(found + closing.count)].elementsEqual(closing) { return found + closing.count }
            index = found + 1
        }
        return bytes.count
    }

    /// The number after `name` in a style attribute (`--qr-code: 100mm` → 100).
    static func number(after name: String, in style: String) -> Double? {
        guard let start = style.firstRange(of: name) else { return nil }
        let digits = style[start.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }

    /// A double-quoted attribute's value, read off the tag's bytes.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let pattern = Array(" \(name)=\"".utf8)
        var index = tag.startIndex
        while let found = tag[index...].firstIndex(of: pattern[0]) {
            if found + pattern.count <= tag.endIndex, tag[found..<(found + pattern.count)].elementsEqual(pattern) {
                let start = found + pattern.count
                let end = tag[start...].firstIndex(of: UInt8(ascii: "\"")) ?? tag.endIndex
                return String(decoding: tag[start..<end], as: UTF8.self)
            }
            index = found + 1
        }
        return nil
    }

    /// The entities adoptkit's escaping writes, decoded in one pass: what each decodes to is
    /// never read again, so `&amp;lt;` stays the text `&lt;`, as replacing each entity in turn
    /// with `&amp;` last gave.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        // On the bytes: an `&` or `;` with a combining mark after it is one character with it.
        let bytes = text.utf8
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while let ampersand = bytes[index...].firstIndex(of: UInt8(ascii: "&")) {
            result += bytes[index..<ampersand]
            let rest = bytes[ampersand...]
            if let (entity, character) = entities.first(where: { rest.starts(with: $0.entity.utf8) }) {
                result += character.utf8
                index = bytes.index(ampersand, offsetBy: entity.utf8.count)
            } else {
                result.append(UInt8(ascii: "&"))
                index = bytes.index(after: ampersand)
            }
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }

    private static let entities: [(entity: String, character: String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"), ("&nbsp;", "\u{A0}"), ("&amp;", "&"),
    ]
}

/// Average advance widths, in em, of the fonts posters print in (DejaVu Sans and DejaVu Sans
/// Mono on Debian; other system fonts are narrower), rounded up.
enum TextWidths {
    enum Style { case regular, bold, capitals, monospace }

    static func advance(_ scalar: Unicode.Scalar, style: Style) -> Double {
        let value = scalar.value
        if style == .monospace { return isWide(value) ? 1.2 : 0.61 }
        var width: Double
        switch scalar {
        case " ", "\u{A0}": width = 0.32
        case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!": width = 0.31
        case "f", "t", "r", "(", ")", "[", "]", "/", "-": width = 0.44
        case "m", "w": width = 0.98
        case "M", "W": width = 1.0
        case "A"..."Z": width = 0.75
        case "0"..."9": width = 0.64
        case "a"..."z": width = 0.62
        default:
            if isWide(value) {
                width = 1.0
            } else if value >= 0x1F000 {
                width = 1.25
            } else if value < 0x80 {
                width = 0.8
            } else if (0x0590...0x08FF).contains(value) {
                width = 0.52 // Hebrew and Arabic: joined letters are narrow
            } else {
                width = 0.66
            }
        }
        switch style {
        case .bold: width *= 1.1
        case .capitals: width = width * 1.1 + 0.04
        default: break
        }
        return width
    }

    static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    static func width(_ text: Substring, style: Style) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars {
            // ASCII needs no Unicode property lookups (which dominated the fit's time).
            if scalar.value < 0x80 {
                let lower = style == .capitals && scalar.value >= 0x61 && scalar.value <= 0x7A
                total += advance(lower ? Unicode.Scalar(UInt8(scalar.value - 0x20)) : scalar, style: style)
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || category == .format || scalar == "\u{200B}" { continue }
            total += advance(style == .capitals ? (scalar.properties.uppercaseMapping.unicodeScalars.first ?? scalar) : scalar, style: style)
        }
        return total
    }
}
