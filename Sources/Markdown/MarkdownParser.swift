import Diagnostics
import Foundation

/// Parses one Markdown file in the DocFX dialect. Each file is parsed once; the resulting
/// document is immutable and shared by every renderer.
public enum MarkdownParser {
    /// - Parameters:
    ///   - source: the decoded file; its `path` is used in diagnostics.
    ///   - path: the file's path relative to the content folder (used to resolve links).
    public static func parse(_ source: SourceText, path: String) -> MarkdownDocument {
        var diagnostics: [Diagnostic] = []
        let (frontMatter, body, problem) = FrontMatter.split(source.text, path: source.path)
        if let problem { diagnostics.append(problem) }
        let cleaned = CleanedText(body, source: source)
        diagnostics += cleaned.diagnostics
        let originalColumn = cleaned.movedColumns ? cleaned.originalByteColumn : nil
        if let tooLarge = TableBudget.check(cleaned.text, path: source.path) {
            // Refused before cmark allocates the padded cells: the page renders empty.
            let empty = CmarkConverter.convert("", source: source, originalColumn: originalColumn)
            var rewriter = DocFXRewriter(empty)
            let (nodes, textPool) = rewriter.rewrite()
            return MarkdownDocument(path: path, displayPath: source.path, nodes: nodes, textPool: textPool, frontMatter: frontMatter,
                                    diagnostics: diagnostics + [tooLarge])
        }
        let raw = CmarkConverter.convert(cleaned.text, source: source, originalColumn: originalColumn)
        var rewriter = DocFXRewriter(raw)
        let (nodes, textPool) = rewriter.rewrite()
        diagnostics += rewriter.diagnostics
        return MarkdownDocument(path: path, displayPath: source.path, nodes: nodes, textPool: textPool, frontMatter: frontMatter,
                                diagnostics: diagnostics)
    }

    /// Whether a link destination is `xref:` (any case), DocFX's link to an API or article by
    /// its uid, which only DocFX's xref maps resolve.
    public static func isCrossReference(_ destination: String) -> Bool {
        // The first byte first: this runs for every link.
        guard let first = destination.utf8.first, first | 0x20 == UInt8(ascii: "x") else { return false }
        return destination.utf8.count > 5 && destination.prefix(5).lowercased() == "xref:"
    }

    /// Convenience for tests and small snippets.
    public static func parse(_ text: String, path: String = "input.md") -> MarkdownDocument {
        parse(SourceText(path: path, text: text), path: path)
    }
}
