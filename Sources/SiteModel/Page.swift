import KitConfig
import Markdown
import Rendering

/// A Markdown file that becomes an HTML page.
///
/// Its fields sit in one shared, immutable box: a kit holds thousands of pages, and `serve`
/// copies the kit's page list on every edit, so copying a page must cost one reference count,
/// not one per field.
public struct Page: Sendable {
    /// Path relative to the content folder (`guide/invite.md`).
    public var source: String { fields.source }
    /// Path relative to the output folder (`guide/invite.html`).
    public var output: String { fields.output }
    /// The file's path as diagnostics name it (`Content/guide/invite.md`). The page keeps no
    /// tree: the kit does (`Kit.tree(of:)`), or parses the file again where the page renders.
    public var displayPath: String { fields.displayPath }
    public var metadata: Metadata { fields.metadata }
    /// From front matter, else the first H1, else the file name.
    public var title: String { fields.title }
    public var description: String { fields.description }
    /// For a page another language lacks: the default language's page it shows (`guide/a.md`
    /// for `fr/guide/a.md`). Nil for a page read from its own file.
    public var fallback: String? { fields.fallback }

    private final class Fields: Sendable {
        let source, output, displayPath: String
        let metadata: Metadata
        let title, description: String
        let fallback: String?

        init(source: String, displayPath: String, metadata: Metadata, title: String, description: String, fallback: String?) {
            (self.source, self.output, self.displayPath, self.metadata) = (source, ContentPath.outputPath(forPage: source), displayPath, metadata)
            (self.title, self.description, self.fallback) = (title, description, fallback)
        }
    }
    private let fields: Fields

    /// The page `index.html` comes from: `index.md`, or a landing page `index.yml`.
    public var isHome: Bool { source == "index.md" || source == "index.yml" }

    /// `variables` fill `{{ name }}` placeholders in the title and description, as in the text.
    package init(source: String, document: MarkdownDocument, metadata: Metadata, variables: [String: String] = [:]) {
        self.init(source: source, displayPath: document.displayPath, headingTitle: document.firstHeadingText, metadata: metadata, variables: variables)
    }

    /// The same from what the parse kept of the file: its path for diagnostics and its first
    /// level-1 heading's text.
    package init(source: String, displayPath: String, headingTitle: String?, metadata: Metadata, variables: [String: String] = [:]) {
        let title = metadata["title"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? headingTitle ?? Self.fileTitle(source)
        fields = Fields(source: source, displayPath: displayPath, metadata: metadata, title: DocVariables.substitute(title, values: variables),
                        description: DocVariables.substitute(metadata["description"]?.string ?? "", values: variables), fallback: nil)
    }

    /// The title of a page with none of its own: its file name, dashes as spaces (only then worked
    /// out: almost every page has a title).
    private static func fileTitle(_ source: String) -> String {
        String(ContentPath.components(ContentPath.outputPath(forPage: source)).last ?? "").replacingOccurrences(of: ".html", with: "")
            .replacingOccurrences(of: "-", with: " ")
    }

    /// `original` (a default-language page) standing in at `source` for a language that lacks it.
    package init(fallbackOf original: Page, at source: String) {
        fields = Fields(source: source, displayPath: original.displayPath, metadata: original.metadata, title: original.title,
                        description: original.description, fallback: original.source)
    }
}
