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
        // Scan line by line over bytes; only the front matter lines are looked at.
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        var closing: Int?
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lines.append(start..<end)
            let line = Substring(decoding: bytes[start..<end], as: UTF8.self)
            if lines.count == 1 {
                guard isFence(line, closing: false) else { return (.none, text, nil) }
            } else if isFence(line, closing: true) {
                closing = lines.count - 1
                break
            }
            start = end + 1
        }
        guard let closing else {
            let diagnostic = Diagnostic.error(.frontMatterUnterminated,
                                              "front matter starts with '---' but has no closing '---' line",
                                              at: SourceLocation(path: path, line: 1, column: 1))
            return (.none, text, diagnostic)
        }
        let yaml = lines.count > 2 ? String(decoding: bytes[lines[1].lowerBound..<lines[closing - 1].upperBound], as: UTF8.self) : ""
        let afterFence = min(lines[closing].upperBound + 1, bytes.count)
        let body = String(repeating: "\n", count: closing + (afterFence > lines[closing].upperBound ? 1 : 0))
            + String(decoding: bytes[afterFence...], as: UTF8.self)
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
