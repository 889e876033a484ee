import Diagnostics

/// The YAML block between `---` lines at the top of a Markdown file, not yet interpreted.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text, without the `---` fences.
    public var yaml: String
    /// Line of the original file on which `yaml` starts (the line after the opening fence).
    public var firstLine: Int

    public static let none = FrontMatter(yaml: "", firstLine: 0)
    public var isPresent: Bool { firstLine > 0 }

    /// Splits front matter off `text`. The returned body keeps every line break of the original
    /// (the front matter lines are blanked, not removed), so cmark's line numbers stay true.
    static func split(_ text: String, path: String) -> (FrontMatter, body: String, Diagnostic?) {
        guard text.hasPrefix("---") else { return (.none, text, nil) }
        // Scan line by line over the bytes; only the front matter lines are looked at. The
        // pieces are cut from `text` at line starts, so they are not decoded (validated) again.
        let utf8 = text.utf8
        var lines: [Range<String.Index>] = []
        var start = utf8.startIndex
        var closing: Int?
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lines.append(start..<end)
            let line = text[start..<end]
            if lines.count == 1 {
                guard isFence(line, closing: false) else { return (.none, text, nil) }
            } else if isFence(line, closing: true) {
                closing = lines.count - 1
                break
            }
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        guard let closing else {
            let diagnostic = Diagnostic.error(.frontMatterUnterminated,
                                              "front matter starts with '---' but has no closing '---' line",
                                              at: SourceLocation(path: path, line: 1, column: 1))
            return (.none, text, diagnostic)
        }
        let yaml = lines.count > 2 ? String(text[lines[1].lowerBound..<lines[closing - 1].upperBound]) : ""
        let fenceEnd = lines[closing].upperBound
        let afterFence = fenceEnd < utf8.endIndex ? utf8.index(after: fenceEnd) : fenceEnd
        var body = String(repeating: "\n", count: closing + (afterFence > fenceEnd ? 1 : 0))
        body += text[afterFence...]
        return (FrontMatter(yaml: yaml, firstLine: 2), body, nil)
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
