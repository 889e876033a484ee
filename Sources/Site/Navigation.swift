import Markdown
import Rendering

/// The site's navigation: the sidebar tree (from the TOC, or from folders and titles when the
/// kit has none), the reading order for previous/next, and breadcrumbs.
struct Navigation: Sendable {
    struct Item: Sendable {
        var title: String
        var target: Target?
        var children: [Item] = []
    }

    enum Target: Sendable, Equatable {
        /// Content-relative source of a page.
        case page(String)
        /// A link that leaves the kit, kept as written.
        case external(String)
    }

    let items: [Item]
    /// Page sources in reading order (first appearance in the tree).
    let order: [String]
    /// For each page, the titles and targets of the items above its first appearance.
    private let trails: [String: [Item]]

    init(toc: TableOfContentsSource?, pages: [Page], resolver: LinkResolver) {
        if let toc {
            items = toc.entries.map { Self.item($0, toc: toc, resolver: resolver) }
        } else {
            items = Self.folderTree(pages)
        }
        var order: [String] = []
        var seen: Set<String> = []
        var trails: [String: [Item]] = [:]
        // Depth-first with an explicit stack of (item, ancestors).
        var stack: [(Item, [Item])] = items.reversed().map { ($0, []) }
        while let (item, ancestors) = stack.popLast() {
            if case .page(let source) = item.target, seen.insert(source).inserted {
                order.append(source)
                trails[source] = ancestors
            }
            stack.append(contentsOf: item.children.reversed().map { ($0, ancestors + [item]) })
        }
        self.order = order
        self.trails = trails
    }

    private static func item(_ entry: TOCEntry, toc: TableOfContentsSource, resolver: LinkResolver) -> Item {
        var target: Target?
        if let href = entry.href {
            switch resolver.resolve(href, from: toc.path) {
            case .page(let source, _): target = .page(source)
            case .external, .rootRelative: target = .external(href)
            default: target = nil
            }
        }
        return Item(title: entry.title, target: target, children: entry.children.map { item($0, toc: toc, resolver: resolver) })
    }

    /// Without a TOC: root pages (index first, then by title), then one item per folder.
    private static func folderTree(_ pages: [Page]) -> [Item] {
        final class Folder {
            var pages: [Page] = []
            var folders: [String: Folder] = [:]
        }
        let root = Folder()
        for page in pages {
            var folder = root
            for part in ContentPath.components(page.source).dropLast() {
                let name = String(part)
                if folder.folders[name] == nil { folder.folders[name] = Folder() }
                folder = folder.folders[name]!
            }
            folder.pages.append(page)
        }
        func isIndex(_ page: Page) -> Bool { ContentPath.components(page.source).last == "index.md" }
        func items(_ folder: Folder) -> [Item] {
            let sortedPages = folder.pages.filter { !isIndex($0) }.sorted { ($0.title, $0.source) < ($1.title, $1.source) }
            var result = sortedPages.map { Item(title: $0.title, target: .page($0.source)) }
            for name in folder.folders.keys.sorted() {
                let sub = folder.folders[name]!
                let index = sub.pages.first(where: isIndex)
                let title = index?.title ?? name.replacingOccurrences(of: "-", with: " ").capitalized
                result.append(Item(title: title, target: index.map { .page($0.source) }, children: items(sub)))
            }
            return result
        }
        let rootIndex = root.pages.first(where: isIndex)
        return (rootIndex.map { [Item(title: $0.title, target: .page($0.source))] } ?? []) + items(root)
    }

    func previous(of source: String) -> String? {
        guard let i = order.firstIndex(of: source), i > 0 else { return nil }
        return order[i - 1]
    }

    func next(of source: String) -> String? {
        guard let i = order.firstIndex(of: source), i + 1 < order.count else { return nil }
        return order[i + 1]
    }

    /// Items above the page in the tree, outermost first (empty for pages not in the tree).
    func trail(of source: String) -> [Item] { trails[source] ?? [] }

    /// The sidebar as a nested list, URLs relative to `currentOutput`, the current page marked.
    func sidebarHTML(currentSource: String?, currentOutput: String, outputOf: (String) -> String) -> String {
        var html = "<ul>\n"
        // Explicit stack of pending work so deep TOCs cannot overflow the stack.
        enum Work { case item(Item), close }
        var stack: [Work] = items.reversed().map { .item($0) }
        while let work = stack.popLast() {
            switch work {
            case .close:
                html += "</ul>\n</li>\n"
            case .item(let item):
                html += "<li>"
                let title = HTMLEscaping.escape(item.title)
                switch item.target {
                case .page(let source)?:
                    let href = HTMLEscaping.escape(ContentPath.relativeURL(from: currentOutput, to: outputOf(source)))
                    html += source == currentSource ? "<a href=\"\(href)\" aria-current=\"page\">\(title)</a>" : "<a href=\"\(href)\">\(title)</a>"
                case .external(let href)?:
                    html += "<a href=\"\(HTMLEscaping.escapeHref(href))\">\(title)</a>"
                case nil:
                    html += "<span class=\"toc-heading\">\(title)</span>"
                }
                if item.children.isEmpty {
                    html += "</li>\n"
                } else {
                    html += "\n<ul>\n"
                    stack.append(.close)
                    stack.append(contentsOf: item.children.reversed().map { .item($0) })
                }
            }
        }
        return html + "</ul>\n"
    }
}
