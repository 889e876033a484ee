import Diagnostics
import KitConfig
import Markdown
import Templating

/// A kit loaded into one immutable value: config, every Markdown file parsed once, assets,
/// navigation source and templates. `check` stops here; `build` renders it.
public struct Kit: Sendable {
    public let location: KitLocation
    public let config: KitConfig
    /// Pages sorted by source path.
    public let pages: [Page]
    /// Every parsed Markdown file (pages and includes) by content-relative path.
    public let documents: [String: MarkdownDocument]
    /// Content-relative paths of files copied as they are (images, downloads).
    public let assets: [String]
    public let toc: TableOfContentsSource?
    public let templates: TemplateSet
    /// Everything found while loading and checking, sorted.
    public let diagnostics: [Diagnostic]

    /// The page for a content-relative `.md` path.
    public func page(at source: String) -> Page? {
        pageIndex[source].map { pages[$0] }
    }

    let pageIndex: [String: Int]

    init(location: KitLocation, config: KitConfig, pages: [Page], documents: [String: MarkdownDocument], assets: [String],
         toc: TableOfContentsSource?, templates: TemplateSet, diagnostics: [Diagnostic]) {
        self.location = location
        self.config = config
        self.pages = pages
        self.documents = documents
        self.assets = assets
        self.toc = toc
        self.templates = templates
        self.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
        self.pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.source, $0) })
    }
}

/// The kit's table of contents, from `TOC.md` or `toc.yml` at the content root.
public struct TableOfContentsSource: Sendable {
    /// Content-relative path of the TOC file; entry links are relative to it.
    public let path: String
    public let entries: [TOCEntry]
}
