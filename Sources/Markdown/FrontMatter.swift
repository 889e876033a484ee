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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard isFence(lines[0], closing: false) else { return (.none, text, nil) }
        guard let end = lines.indices.dropFirst().first(where: { isFence(lines[$0], closing: true) }) else {
            let diagnostic = Diagnostic.error(.frontMatterUnterminated,
                                              "front matter starts with '---' but has no closing '---' line",
                                              at: SourceLocation(path: path, line: 1, column: 1))
            return (.none, text, diagnostic)
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        for i in 0...end { lines[i] = "" }
        return (FrontMatter(yaml: yaml, firstLine: 2), lines.joined(separator: "\n"), nil)
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
