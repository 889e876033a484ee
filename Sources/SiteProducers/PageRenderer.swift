import Foundation
import Markdown
import Rendering
import SiteModel

/// Pages in the site's layout: content pages, the home page, the contents page and the
/// posters index.
package enum PageRenderer {
    static func html(_ page: Page, context: RenderContext) -> String {
        let kit = context.kit, navigation = kit.navigation
        let rendered = HTMLRenderer(options: .init(allowRawHTML: kit.config.markdown.rawHTML, siteMarkup: true))
            .renderPage(page.document, environment: context.environment(for: page.output))
        var model = PageViewModel(
            title: page.title, description: page.description, contentHTML: rendered.html, outputPath: page.output, sourcePath: page.source,
            sidebarHTML: context.sidebar(current: page.source, output: page.output),
            breadcrumbs: breadcrumbs(for: page, kit: kit),
            previous: navigation.previous(of: page.source).flatMap { neighbour($0, from: page.output, kit: kit) },
            next: navigation.next(of: page.source).flatMap { neighbour($0, from: page.output, kit: kit) },
            metadata: page.metadata.entries.map { ($0.key, $0.value.displayText) },
            titleSuffix: page.metadata["titleSuffix"]?.string
        )
        model.outline = rendered.headings.filter { $0.level == 2 || $0.level == 3 }
        return layout(model, context: context)
    }

    static func layout(_ model: PageViewModel, context: RenderContext) -> String {
        let chrome = PageViewModel.Chrome(hasPosters: context.hasPosters, searchPath: context.searchPath, logoPath: context.logoPath,
                                          palette: context.palette)
        return context.kit.templates.render(OutputPaths.layoutTemplate, model.value(config: context.kit.config, chrome: chrome))
    }

    private static func neighbour(_ source: String, from output: String, kit: Kit) -> (title: String, url: String)? {
        kit.page(at: source).map { ($0.title, ContentPath.relativeURL(from: output, to: $0.output)) }
    }

    private static func homeTitle(_ kit: Kit) -> String { (kit.page(at: "index.md") ?? kit.page(at: "index.yml"))?.title ?? "Home" }

    private static func breadcrumbs(for page: Page, kit: Kit) -> [(title: String, url: String?, isCurrent: Bool)] {
        guard page.output != "index.html" else { return [] }
        var crumbs: [(String, String?, Bool)] = [(homeTitle(kit), ContentPath.relativeURL(from: page.output, to: "index.html"), false)]
        for item in kit.navigation.trail(of: page.source) {
            if case .page(let source) = item.target, kit.page(at: source)?.isHome == true { continue }
            let url: String? = if case .page(let source) = item.target {
                ContentPath.relativeURL(from: page.output, to: ContentPath.outputPath(forPage: source))
            } else { nil }
            crumbs.append((item.title, url, false))
        }
        crumbs.append((page.title, nil, true))
        return crumbs
    }

    /// `index.html` for kits without `index.md`: the site title, a card for each top-level
    /// section (its page's title and description) and, for champions, the posters.
    static func home(context: RenderContext) -> String {
        let kit = context.kit
        let content = HomePage.content(context: context)
        let first = kit.navigation.order.first.flatMap { kit.page(at: $0) }
        let model = PageViewModel(
            title: kit.config.site.title, description: "", contentHTML: content, outputPath: "index.html", sourcePath: kit.toc?.path ?? "",
            sidebarHTML: context.sidebar(current: nil, output: "index.html"), breadcrumbs: [], previous: nil,
            next: first.map { ($0.title, ContentPath.relativeURL(from: "index.html", to: $0.output)) })
        return layout(model, context: context)
    }

    /// The search page: results for `?q=` (the search script fills them in).
    static func searchPage(path: String, context: RenderContext) -> String {
        let kit = context.kit
        let content = """
            <h1 id="search">Search</h1>
            <div id="search-page">
            <form id="search-page-form" class="search-page-form" role="search" action="">
            <label class="visually-hidden" for="search-page-input">Search the guide</label>
            <input id="search-page-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-page-status">
            </form>
            <p id="search-page-status" role="status" aria-live="polite"></p>
            <div id="search-page-results"></div>
            <noscript><p>Search needs JavaScript. <a href="\(HTMLEscaping.escape(ContentPath.relativeURL(from: path, to: context.contentsPath)))">All pages</a> lists every page.</p></noscript>
            </div>

            """
        let model = PageViewModel(
            title: "Search", description: "Search \(kit.config.site.title).", contentHTML: content, outputPath: path,
            sourcePath: kit.toc?.path ?? "", sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [(homeTitle(kit), ContentPath.relativeURL(from: path, to: "index.html"), false), ("Search", nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }

    /// The whole navigation tree, which the pages' sidebars link to.
    static func contents(path: String, context: RenderContext) -> String {
        let kit = context.kit
        let content = "<h1 id=\"all-pages\">All pages</h1>\n<nav class=\"home-contents\" aria-label=\"All pages\">\n"
            + kit.navigation.treeHTML(currentOutput: path) + "</nav>\n"
        let model = PageViewModel(
            title: "All pages", description: "Every page of \(kit.config.site.title).", contentHTML: content, outputPath: path,
            sourcePath: kit.toc?.path ?? "", sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [(homeTitle(kit), ContentPath.relativeURL(from: path, to: "index.html"), false), ("All pages", nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }

    /// `posters/index.html`, in the site's layout.
    static func postersIndex(context: RenderContext) -> String {
        let kit = context.kit, path = OutputPaths.postersIndex
        let model = PageViewModel(
            title: "Posters", description: "Print-ready posters and chat texts for every group.", contentHTML: PosterPages.indexContent(kit),
            outputPath: path, sourcePath: kit.location.manifestPath(kit.location.config),
            sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [(homeTitle(kit), ContentPath.relativeURL(from: path, to: "index.html"), false), ("Posters", nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }
}
