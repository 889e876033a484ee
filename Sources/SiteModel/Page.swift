import KitConfig
import Markdown
import Rendering

/// A Markdown file that becomes an HTML page.
public struct Page: Sendable {
    /// Path relative to the content folder (`guide/invite.md`).
    public let source: String
    /// Path relative to the output folder (`guide/invite.html`).
    public let output: String
    public let document: MarkdownDocument
    public let metadata: Metadata
    /// From front matter, else the first H1, else the file name.
    public let title: String
    public let description: String
    /// For a page another language lacks: the default language's page it shows (`guide/a.md`
    /// for `fr/guide/a.md`). Nil for a page read from its own file.
    public let fallback: String?

    /// `variables` fill `{{ name }}` placeholders in the title and description, as in the text.
    /// The page `index.html` comes from: `index.md`, or a landing page `index.yml`.
    public var isHome: Bool { source == "index.md" || source == "index.yml" }

    package init(source: String, document: MarkdownDocument, metadata: Metadata, variables: [String: String] = [:]) {
        self.source = source
        self.output = ContentPath.outputPath(forPage: source)
        self.document = document
        self.metadata = metadata
        let fileTitle = String(ContentPath.components(ContentPath.outputPath(forPage: source)).last ?? "").replacingOccurrences(of: ".html", with: "")
            .replacingOccurrences(of: "-", with: " ")
        let title = metadata["title"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? document.firstHeadingText ?? fileTitle
        self.title = DocVariables.substitute(title, values: variables)
        self.description = DocVariables.substitute(metadata["description"]?.string ?? "", values: variables)
        self.fallback = nil
    }

    /// `original` (a default-language page) standing in at `source` for a language that lacks it.
    package init(fallbackOf original: Page, at source: String) {
        self.source = source
        self.output = ContentPath.outputPath(forPage: source)
        self.document = original.document
        self.metadata = original.metadata
        self.title = original.title
        self.description = original.description
        self.fallback = original.source
    }
}
