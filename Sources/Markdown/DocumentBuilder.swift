import Diagnostics

/// Builds a `MarkdownDocument` from code rather than from Markdown text (a YAML landing page),
/// with the same node kinds, source positions and heading ids a parsed page has, so every
/// renderer and check treats it like any other page.
public struct DocumentBuilder {
    private var builder = DocumentTreeBuilder()
    private var headingIDs = HeadingIDGenerator()

    public init(at range: SourceRange) {
        builder.open(.document, range)
    }

    /// `kind` with its literal text (if any) as a `String`: the builder pools it.
    public mutating func open(_ kind: NodeKindOf<String>, at range: SourceRange) { builder.openPooling(kind, range) }
    public mutating func append(_ kind: NodeKindOf<String>, at range: SourceRange) { builder.appendPooling(kind, range) }
    public mutating func close() { builder.close() }

    /// A heading holding `text`, linked to `url` when there is one, with a unique id.
    public mutating func heading(level: Int, text: String, url: String? = nil, at range: SourceRange) {
        builder.open(.heading(level: level, id: headingIDs.unique(for: text)), range)
        if let url { builder.open(.link(destination: url, title: ""), range) }
        builder.appendText(text, range)
        if url != nil { builder.close() }
        builder.close()
    }

    public mutating func paragraph(_ text: String, at range: SourceRange) {
        builder.open(.paragraph, range)
        builder.appendText(text, range)
        builder.close()
    }

    public func document(path: String, displayPath: String, diagnostics: [Diagnostic] = []) -> MarkdownDocument {
        var nodes = builder
        while nodes.depth > 0 { nodes.close() }
        return MarkdownDocument(path: path, displayPath: displayPath, nodes: nodes.finishedNodes(), textPool: nodes.finishedTextPool(),
                                frontMatter: .none, diagnostics: diagnostics)
    }
}
