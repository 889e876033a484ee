import Diagnostics
import Markdown

/// `{{ name }}` placeholders in Markdown text, filled from the kit's config when pages render.
/// Substitution happens on parsed text nodes, so a value can never become Markdown or HTML:
/// it is text, escaped like any other.
public enum DocVariables {
    public struct Reference: Hashable, Sendable {
        public var name: String
        /// Offset of `{{` in the text, in characters.
        public var offset: Int
        public var range: Range<String.Index>
    }

    /// Every `{{ name }}` in `text` (names are letters, digits, `_`, `-` and `.`).
    public static func references(in text: String) -> [Reference] {
        guard TextSpan.containsDoubleBrace(text.utf8) else { return [] }
        var result: [Reference] = []
        var index = text.startIndex
        while let open = text[index...].range(of: "{{") {
            guard let close = text[open.upperBound...].range(of: "}}") else { break }
            let name = text[open.upperBound..<close.lowerBound].trimmingSpaces()
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) {
                result.append(Reference(name: name, offset: text.distance(from: text.startIndex, to: open.lowerBound),
                                        range: open.lowerBound..<close.upperBound))
            }
            index = close.upperBound
        }
        return result
    }

    /// `text` with every known reference replaced by its value; unknown ones stay as written
    /// (the site reports them before rendering).
    public static func substitute(_ text: String, values: [String: String]) -> String {
        let references = references(in: text)
        guard !references.isEmpty else { return text }
        var result = ""
        var index = text.startIndex
        for reference in references {
            result += text[index..<reference.range.lowerBound]
            result += values[reference.name] ?? String(text[reference.range])
            index = reference.range.upperBound
        }
        return result + text[index...]
    }

    /// The name when `text` is nothing but one placeholder (`{{ groups }}` alone in a paragraph).
    public static func soleReference(in text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let found = references(in: trimmed)
        guard found.count == 1, found[0].range == trimmed.startIndex..<trimmed.endIndex else { return nil }
        return found[0].name
    }
}
