import Diagnostics

/// A `{{…}}` tag found in a template, with its position, for checks swift-mustache cannot make.
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case variable, unescaped, section, inverted, close, partial, comment, pragma, delimiters, block, parent
    }
    var kind: Kind
    var name: String
    var line: Int
    var column: Int
    /// Where in an HTML document the tag's output lands.
    var context: HTMLContext = .text

    /// Scans `text` for tags with the default delimiters.
    static func scan(_ text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var line = 1, column = 1
        var index = text.startIndex
        var html = HTMLContextScanner()
        func advance(to target: String.Index, literal: Bool) {
            while index < target {
                let character = text[index]
                if literal { html.consume(character) }
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
                index = text.index(after: index)
            }
        }
        while let open = text[index...].range(of: "{{") {
            advance(to: open.lowerBound, literal: true)
            let tagLine = line, tagColumn = column
            let triple = text[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            let bodyStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = text[bodyStart...].range(of: closer) else { break }
            let body = text[bodyStart..<close.lowerBound].trimmingSpaces()
            var kind: Kind = triple ? .unescaped : .variable
            var name = body
            if !triple, let sigil = body.first {
                let mapped: Kind? = switch sigil {
                case "#": .section
                case "^": .inverted
                case "/": .close
                case ">": .partial
                case "!": .comment
                case "%": .pragma
                case "=": .delimiters
                case "&": .unescaped
                case "$": .block
                case "<": .parent
                default: nil
                }
                if let mapped {
                    kind = mapped
                    name = body.dropFirst().trimmingSpaces()
                }
            }
            tags.append(TemplateTag(kind: kind, name: name, line: tagLine, column: tagColumn, context: html.context))
            // Only output tags put characters in the page; sections and comments do not. A
            // value may be empty, so it never ends "the start of an attribute value".
            if kind == .variable || kind == .unescaped { html.consumePlaceholder() }
            advance(to: close.upperBound, literal: false)
        }
        return tags
    }

    /// The first section, inverted section, block or parent tag opened deeper than `limit`.
    static func firstTooDeep(_ tags: [TemplateTag], limit: Int) -> TemplateTag? {
        var depth = 0
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .block, .parent:
                depth += 1
                if depth > limit { return tag }
            case .close: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
