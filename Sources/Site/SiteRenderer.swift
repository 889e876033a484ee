import Diagnostics
import Foundation
import KitConfig
import Markdown
import Rendering
import Templating

/// Renders a loaded kit into an `OutputTree`: pages in parallel over the immutable kit, then
/// assets and the home page. Writes nothing.
public enum SiteRenderer {
    public static let layoutTemplate = "page"

    /// Renders a kit whose diagnostics have no errors (templates were checked while loading).
    public static func render(_ kit: Kit) async -> (OutputTree?, [Diagnostic]) {

        let context = RenderContext(kit: kit)
        let pages = kit.pages
        let rendered: [OutputTree.File] = await withTaskGroup(of: (Int, [OutputTree.File]).self) { group in
            for (index, page) in pages.enumerated() {
                group.addTask { (index, renderPage(page, context: context)) }
            }
            var files = [[OutputTree.File]](repeating: [], count: pages.count)
            for await (index, file) in group { files[index] = file }
            return files.flatMap { $0 }
        }

        var files = rendered
        if kit.page(at: "index.md") == nil {
            files.append(renderHome(context: context))
        }
        let posters = await PosterPages.render(kit)
        if !posters.isEmpty {
            files += posters
            files.append(renderPostersIndex(context: context))
        }
        for asset in kit.assets {
            files.append(OutputTree.File(path: asset, contents: .copy(of: kit.location.content.appendingPathComponent(asset)),
                                         kind: .asset, format: ContentPath.fileExtension(asset), source: kit.location.manifestPath(content: asset)))
        }
        for asset in kit.templates.assets {
            files.append(OutputTree.File(path: "assets/" + asset.name, contents: .bytes(asset.contents), kind: .asset,
                                         format: ContentPath.fileExtension(asset.name), source: asset.displayPath))
        }
        // Collisions and QR codes were checked with the kit (`KitChecks`).
        return (OutputTree(files: files), [])
    }

    /// What every page render shares: built once per build, immutable.
    struct RenderContext: Sendable {
        let kit: Kit
        let resolver: LinkResolver
        let navigation: Navigation
        let variables: [String: String]
        let blocks: [String: @Sendable (String) -> String]
        let chatBlocks: [String: [(text: String, url: String?)]]
        let baseURL: String?
        let hasPosters: Bool

        init(kit: Kit) {
            self.hasPosters = !kit.posterInstances.isEmpty
            self.kit = kit
            self.resolver = kit.resolver
            self.navigation = kit.navigation
            self.variables = KitVariables.values(kit.config)
            self.blocks = KitVariables.blocks(kit.config, hasPosters: !kit.posterInstances.isEmpty)
            self.chatBlocks = KitVariables.chatBlocks(kit.config)
            self.baseURL = kit.config.site.baseURL
        }

        func environment(for output: String) -> PageEnvironment {
            PageEnvironment(pageOutput: output, resolver: resolver, documents: kit.documents, variables: variables, blocks: blocks,
                            chatBlocks: chatBlocks, baseURL: baseURL)
        }

        func sidebar(current source: String?, output: String) -> String {
            navigation.sidebarHTML(currentSource: source, currentOutput: output, outputOf: ContentPath.outputPath(forPage:))
        }
    }

    /// A page's HTML and its chat text in each flavour.
    static func renderPage(_ page: Page, context: RenderContext) -> [OutputTree.File] {
        let kit = context.kit, navigation = context.navigation
        let environment = context.environment(for: page.output)
        let content = HTMLRenderer(options: .init(allowRawHTML: kit.config.markdown.rawHTML)).render(page.document, environment: environment)
        let model = PageViewModel(
            title: page.title, description: page.description, contentHTML: content, outputPath: page.output, sourcePath: page.source,
            sidebarHTML: context.sidebar(current: page.source, output: page.output),
            breadcrumbs: breadcrumbs(for: page, kit: kit, navigation: navigation),
            previous: navigation.previous(of: page.source).flatMap { neighbour($0, from: page, kit: kit) },
            next: navigation.next(of: page.source).flatMap { neighbour($0, from: page, kit: kit) },
            metadata: page.metadata.entries.map { ($0.key, $0.value.displayText) }
        )
        let html = kit.templates.render(layoutTemplate, model.value(config: kit.config, hasPosters: context.hasPosters))
        let source = kit.location.manifestPath(content: page.source)
        return [OutputTree.File(path: page.output, contents: .bytes(Data(html.utf8)), kind: .page, format: "html", source: source)]
            + ChatPages.pageFiles(page, environment: environment, config: kit.config, source: source)
    }

    /// `posters/index.html`, in the site's layout.
    static func renderPostersIndex(context: RenderContext) -> OutputTree.File {
        let kit = context.kit, path = PosterPages.indexPath
        let home = kit.page(at: "index.md")?.title ?? "Home"
        let model = PageViewModel(
            title: "Posters", description: "Print-ready posters and chat texts for every group.", contentHTML: PosterPages.indexContent(kit),
            outputPath: path, sourcePath: kit.location.manifestPath(kit.location.config),
            sidebarHTML: context.sidebar(current: nil, output: path),
            breadcrumbs: [(home, ContentPath.relativeURL(from: path, to: "index.html"), false), ("Posters", nil, true)],
            previous: nil, next: nil)
        let html = kit.templates.render(layoutTemplate, model.value(config: kit.config, hasPosters: context.hasPosters))
        return OutputTree.File(path: path, contents: .bytes(Data(html.utf8)), kind: .index, format: "html",
                               source: kit.location.manifestPath(kit.location.config))
    }

    private static func neighbour(_ source: String, from page: Page, kit: Kit) -> (title: String, url: String)? {
        kit.page(at: source).map { ($0.title, ContentPath.relativeURL(from: page.output, to: $0.output)) }
    }

    private static func breadcrumbs(for page: Page, kit: Kit, navigation: Navigation) -> [(title: String, url: String?, isCurrent: Bool)] {
        guard page.output != "index.html" else { return [] }
        let homeTitle = kit.page(at: "index.md")?.title ?? "Home"
        var crumbs: [(String, String?, Bool)] = [(homeTitle, ContentPath.relativeURL(from: page.output, to: "index.html"), false)]
        for item in navigation.trail(of: page.source) {
            if case .page("index.md") = item.target { continue }
            let url: String? = if case .page(let source) = item.target {
                ContentPath.relativeURL(from: page.output, to: ContentPath.outputPath(forPage: source))
            } else { nil }
            crumbs.append((item.title, url, false))
        }
        crumbs.append((page.title, nil, true))
        return crumbs
    }

    /// `index.html` for kits without `index.md`: the site title and the table of contents.
    static func renderHome(context: RenderContext) -> OutputTree.File {
        let kit = context.kit, navigation = context.navigation
        let list = context.sidebar(current: nil, output: "index.html")
        let content = "<h1 id=\"\(HeadingIDGenerator.slug(kit.config.site.title))\">\(HTMLEscaping.escape(kit.config.site.title))</h1>\n<nav class=\"home-contents\" aria-label=\"All pages\">\n\(list)</nav>\n"
        let model = PageViewModel(
            title: kit.config.site.title, description: "", contentHTML: content, outputPath: "index.html", sourcePath: kit.toc?.path ?? "",
            sidebarHTML: list, breadcrumbs: [], previous: nil,
            next: navigation.order.first.flatMap { first in kit.page(at: first).map { ($0.title, $0.output) } }
        )
        let html = kit.templates.render(layoutTemplate, model.value(config: kit.config, hasPosters: context.hasPosters))
        let source = kit.toc.map { kit.location.manifestPath(content: $0.path) } ?? kit.location.manifestPath(kit.location.content)
        return OutputTree.File(path: "index.html", contents: .bytes(Data(html.utf8)), kind: .index, format: "html", source: source)
    }

}
