import Foundation
import Markdown
import Rendering
import SiteModel

/// Pages in the site's layout: content pages, the home page, the contents page and the
/// posters index.
package enum PageRenderer {
    /// A content page, with its environment (which its chat texts share).
    static func html(_ page: Page, document: MarkdownDocument, environment: PageEnvironment, context: RenderContext) -> String {
        let kit = context.kit, navigation = kit.navigation(for: context.language.tag)
        let rendered = HTMLRenderer(options: .init(allowRawHTML: kit.config.markdown.rawHTML, siteMarkup: true, words: context.words))
            .renderPage(document, environment: environment)
        var model = PageViewModel(
            title: page.title, description: page.description, contentHTML: rendered.html, outputPath: page.output, sourcePath: page.source,
            sidebarHTML: context.sidebar(current: page.source, output: page.output),
            breadcrumbs: breadcrumbs(for: page, context: context),
            previous: navigation.previous(of: page.source).flatMap { neighbour($0, from: page.output, kit: kit) },
            next: navigation.next(of: page.source).flatMap { neighbour($0, from: page.output, kit: kit) },
            metadata: page.metadata.entries.map { ($0.key, $0.value.displayText) },
            titleSuffix: page.metadata["titleSuffix"]?.string
        )
        if page.fallback != nil { model.contentLanguage = kit.languages.defaultLanguage }
        model.outline = rendered.headings.filter { $0.level == 2 || $0.level == 3 }
        return layout(model, context: context)
    }

    static func layout(_ model: PageViewModel, context: RenderContext) -> String {
        let chrome = PageViewModel.Chrome(hasPosters: context.hasPosters, searchPath: context.searchPath, logoPath: context.logoPath,
                                          palette: context.palette, language: context.language,
                                          // Converted once per language, shared by every page.
                                          strings: context.siteStrings,
                                          languageFields: LanguageLinks(outputPath: model.outputPath, context: context)
                                              .fields(from: model.outputPath, baseURL: context.kit.config.site.baseURL),
                                          languageRoot: context.prefix)
        return context.kit.templates.render(OutputPaths.layoutTemplate, model.value(config: context.kit.config, chrome: chrome))
    }

    private static func neighbour(_ source: String, from output: String, kit: Kit) -> (title: String, url: String)? {
        kit.page(at: source).map { ($0.title, ContentPath.relativeURL(from: output, to: $0.output)) }
    }

    private static func homeTitle(_ context: RenderContext) -> String {
        let kit = context.kit, prefix = context.prefix
        return (kit.page(at: prefix + "index.md") ?? kit.page(at: prefix + "index.yml"))?.title ?? context.text("home")
    }

    /// The first crumb: the home page of the output's language.
    private static func homeCrumb(from path: String, context: RenderContext) -> (title: String, url: String?, isCurrent: Bool) {
        (homeTitle(context), ContentPath.relativeURL(from: path, to: context.path("index.html")), false)
    }

    private static func breadcrumbs(for page: Page, context: RenderContext) -> [(title: String, url: String?, isCurrent: Bool)] {
        let kit = context.kit, home = context.path("index.html")
        guard page.output != home else { return [] }
        var crumbs: [(String, String?, Bool)] = [homeCrumb(from: page.output, context: context)]
        for item in kit.navigation(for: context.language.tag).trail(of: page.source) {
            if case .page(let source) = item.target, kit.page(at: source)?.output == home { continue }
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
        let kit = context.kit, here = context.path("index.html")
        let content = HomePage.content(context: context)
        let first = kit.navigation(for: context.language.tag).order.first.flatMap { kit.page(at: $0) }
        let model = PageViewModel(
            title: kit.config.site.title, description: "", contentHTML: content, outputPath: here, sourcePath: kit.toc?.path ?? "",
            sidebarHTML: context.sidebar(current: nil, output: here), breadcrumbs: [], previous: nil,
            next: first.map { ($0.title, ContentPath.relativeURL(from: here, to: $0.output)) })
        return layout(model, context: context)
    }

    /// The search page: results for `?q=` (the search script fills them in).
    static func searchPage(path: String, context: RenderContext) -> String {
        let kit = context.kit
        func word(_ name: String) -> String { HTMLEscaping.escape(context.text(name)) }
        let content = """
            <h1 id="search">\(word("search"))</h1>
            <div id="search-page" data-no-results="\(word("search_no_results"))" data-one-result="\(word("search_one_result"))" data-results="\(word("search_results"))">
            <form id="search-page-form" class="search-page-form" role="search" action="">
            <label class="visually-hidden" for="search-page-input">\(word("search_the_guide"))</label>
            <input id="search-page-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-page-status">
            </form>
            <p id="search-page-status" role="status" aria-live="polite"></p>
            <div id="search-page-results"></div>
            <noscript><p>\(word("search_needs_script")) <a href="\(HTMLEscaping.escape(ContentPath.relativeURL(from: path, to: context.contentsPath)))">\(word("all_pages"))</a>\(word("search_lists_every_page"))</p></noscript>
            </div>

            """
        let model = PageViewModel(
            title: context.text("search"), description: context.text("search_description"), contentHTML: content, outputPath: path,
            sourcePath: kit.toc?.path ?? "", sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [homeCrumb(from: path, context: context), (context.text("search"), nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }

    /// The whole navigation tree, which the pages' sidebars link to.
    static func contents(path: String, context: RenderContext) -> String {
        let kit = context.kit
        let allPages = HTMLEscaping.escape(context.text("all_pages"))
        let content = "<h1 id=\"all-pages\">\(allPages)</h1>\n<nav class=\"home-contents\" aria-label=\"\(allPages)\">\n"
            + kit.navigation(for: context.language.tag).treeHTML(currentOutput: path) + "</nav>\n"
        let model = PageViewModel(
            title: context.text("all_pages"), description: context.text("all_pages_description"), contentHTML: content, outputPath: path,
            sourcePath: kit.toc?.path ?? "", sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [homeCrumb(from: path, context: context), (context.text("all_pages"), nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }

    /// `posters/index.html`, in the site's layout.
    static func postersIndex(context: RenderContext) -> String {
        let kit = context.kit, path = context.path(OutputPaths.postersIndex)
        let model = PageViewModel(
            title: context.text("posters"), description: context.text("posters_description"), contentHTML: PosterPages.indexContent(context),
            outputPath: path, sourcePath: kit.location.manifestPath(kit.location.config),
            sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [homeCrumb(from: path, context: context), (context.text("posters"), nil, true)],
            previous: nil, next: nil)
        return layout(model, context: context)
    }
}
