import KitConfig
import Markdown
import Rendering

/// The site's navigation: the tree (from the TOC, or from folders and titles when the kit has
/// none), the reading order for previous/next, and breadcrumbs. Items live in one flat array
/// linked by index, so every question is answered without walking the whole tree.
package struct Navigation: Sendable {
    package struct Item: Sendable {
        package var title: String
        package var target: Target?
        var parent: Int?
        var children: [Int] = []
        /// The page whose title this item shows (folder trees); nil when the title is written
        /// in the TOC.
        var titleSource: String?
    }

    package enum Target: Sendable, Equatable {
        /// Content-relative source of a page.
        case page(String)
        /// A link that leaves the kit, kept as written.
        case external(String)
    }

    private(set) var items: [Item] = []
    private(set) var roots: [Int] = []
    /// Page sources in reading order (first appearance in the tree).
    package let order: [String]
    private let position: [String: Int]
    /// Each page's first item in the tree.
    private let firstItem: [String: Int]
    /// Each item's page as an output path, and its title escaped: worked out once, not for
    /// every page whose sidebar shows the item.
    private let itemOutputs: [String?]
    private var itemTitles: [String]
    /// Each item's place among its siblings: finding it by search made every page's sidebar
    /// linear in the size of its folder, and the kit quadratic in it.
    private let siblingPosition: [Int]

    /// The sidebar's own words, from the language's string table.
    package struct Labels: Sendable {
        var more = "{count} more…"
        var pagesInSection = "{count} pages"
        var allPages = "All pages"

        package init() {}
        package init(_ strings: StringTable) {
            more = strings["more_pages"] ?? more
            pagesInSection = strings["pages_in_section"] ?? pagesInSection
            allPages = strings["all_pages"] ?? allPages
        }
    }

    /// How many siblings the sidebar shows on each side of the reader's branch; the rest are
    /// one "more" line, so a page's size never depends on the size of the kit.
    static let siblingWindow = 8

    /// - Parameters: `folder` is where the pages lie (`fr/` for a language's own pages), so a
    ///   tree made from folders starts there. With `titlesFromPages` (a language following the
    ///   default's TOC), an entry that reaches a page shows that page's title, in its language.
    init(toc: TableOfContentsSource?, pages: [Page], resolver: LinkResolver, folder: String = "", titlesFromPages: Bool = false) {
        var builder = Builder()
        if let toc {
            let titles = titlesFromPages ? Dictionary(pages.map { ($0.source, $0.title) }, uniquingKeysWith: { first, _ in first }) : [:]
            builder.addTOC(toc.entries, tocPath: toc.path, resolver: resolver, titles: titles)
        } else {
            builder.addFolders(pages, folder: folder)
        }
        items = builder.items
        roots = builder.roots
        itemOutputs = items.map { item in
            if case .page(let source) = item.target { ContentPath.outputPath(forPage: source) } else { nil }
        }
        itemTitles = items.map { HTMLEscaping.escape($0.title) }
        var position = [Int](repeating: 0, count: items.count)
        for list in [roots] + items.map(\.children) {
            for (offset, item) in list.enumerated() { position[item] = offset }
        }
        siblingPosition = position
        var order: [String] = [], firstItem: [String: Int] = [:]
        // Depth-first, explicit stack, so deep TOCs cannot overflow the stack.
        var stack = roots.reversed() as [Int]
        while let index = stack.popLast() {
            if case .page(let source) = items[index].target, firstItem[source] == nil {
                firstItem[source] = index
                order.append(source)
            }
            stack.append(contentsOf: items[index].children.reversed())
        }
        self.order = order
        self.firstItem = firstItem
        self.position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func previous(of source: String) -> String? {
        guard let i = position[source], i > 0 else { return nil }
        return order[i - 1]
    }

    package func next(of source: String) -> String? {
        guard let i = position[source], i + 1 < order.count else { return nil }
        return order[i + 1]
    }

    package func contains(_ source: String) -> Bool { firstItem[source] != nil }

    /// An entry of the tree as the home page shows it: title, target and how many pages lie under it.
    package typealias Section = (title: String, target: Target?, pages: Int)

    /// The top level of the tree.
    package var topLevel: [Section] { roots.map(section) }

    /// The home page's cards: the top level, or, when one entry holds the whole tree (a DocFX
    /// set whose TOC opens with a single "Welcome" entry), that entry as the lead and its
    /// children as the cards.
    package var homeSections: (lead: Section?, cards: [Section]) {
        if roots.count == 1, !items[roots[0]].children.isEmpty { return (section(roots[0]), items[roots[0]].children.map(section)) }
        return (nil, topLevel)
    }

    private func section(_ item: Int) -> Section {
        var count = 0, stack = items[item].children
        while let index = stack.popLast() {
            if case .page = items[index].target { count += 1 }
            stack += items[index].children
        }
        return (items[item].title, items[item].target, count)
    }

    /// Items above the page in the tree, outermost first (empty for pages not in the tree).
    package func trail(of source: String) -> [Item] {
        guard let index = firstItem[source] else { return [] }
        return ancestors(of: index).map { items[$0] }
    }

    private func ancestors(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = items[index].parent
        while let parent = current {
            chain.append(parent)
            current = items[parent].parent
        }
        return chain.reversed()
    }

    /// The items a page's sidebar shows: the top level, the branch down to the page with each
    /// level's siblings (a window of them around the branch), and the page's own children.
    /// Returns the visible items per level with the counts of those left out.
    private func visibleLevels(current source: String?) -> (open: Set<Int>, shown: [Int: Window]) {
        let currentItem = source.flatMap { firstItem[$0] }
        let branch = currentItem.map { ancestors(of: $0) + [$0] } ?? []
        let open = Set(branch)
        var shown: [Int: Window] = [:]
        shown[-1] = Window(roots, focus: branch.first.map { siblingPosition[$0] })
        for (depth, index) in branch.enumerated() {
            let focus = depth + 1 < branch.count ? siblingPosition[branch[depth + 1]] : nil
            shown[index] = Window(items[index].children, focus: focus)
        }
        return (open, shown)
    }

    /// A slice of a list of siblings around the one at position `focus` (or its start), with
    /// what is left out.
    package struct Window {
        var visible: ArraySlice<Int>
        var before: Int, after: Int

        init(_ list: [Int], focus: Int?) {
            let w = Navigation.siblingWindow
            guard list.count > 2 * w + 1 else { visible = list[...]; before = 0; after = 0; return }
            let center = focus ?? 0
            let start = max(0, min(center - w, list.count - (2 * w + 1)))
            let end = min(list.count, start + 2 * w + 1)
            visible = list[start..<end]
            before = start
            after = list.count - end
        }
    }

    /// Page sources whose titles a page's navigation shows (folder trees only: a TOC's titles
    /// are written in the TOC file). A change of one of these titles makes the page stale.
    func titleSources(shownOn source: String?) -> [String] {
        let (_, shown) = visibleLevels(current: source)
        var result: [String] = []
        for window in shown.values { result += window.visible.compactMap { items[$0].titleSource } }
        return result
    }

    /// The sidebar for one page: only the reader's branch, URLs relative to `currentOutput`,
    /// the current page marked, and a link to the page with the whole tree.
    package func sidebarHTML(currentSource: String?, currentOutput: String, contentsOutput: String, labels: Labels = Labels()) -> String {
        let (open, shown) = visibleLevels(current: currentSource)
        let contents = HTMLEscaping.escape(ContentPath.relativeURL(from: currentOutput, to: contentsOutput))
        var html = ""
        enum Work { case list(Int), item(Int), more(Int, String), close(String) }
        var stack: [Work] = [.list(-1)]
        while let work = stack.popLast() {
            switch work {
            case .close(let text):
                html += text
            case .more(let count, let closing):
                html += "<li class=\"nav-more\"><a href=\"\(contents)\">\(HTMLEscaping.escape(StringTable.fill(labels.more, ["count": String(count)])))</a></li>\n" + closing
            case .list(let parent):
                guard let window = shown[parent] else { continue }
                html += "<ul>\n"
                var work: [Work] = []
                if window.before > 0 { work.append(.more(window.before, "")) }
                work += window.visible.map { .item($0) }
                work.append(window.after > 0 ? .more(window.after, "</ul>\n") : .close("</ul>\n"))
                stack.append(contentsOf: work.reversed())
            case .item(let index):
                let item = items[index]
                html += "<li>"
                appendLink(index, currentSource: currentSource, currentOutput: currentOutput, to: &html)
                if item.children.isEmpty {
                    html += "</li>\n"
                } else if open.contains(index) {
                    html += "\n"
                    stack.append(.close("</li>\n"))
                    stack.append(.list(index))
                } else {
                    let title = HTMLEscaping.escape(StringTable.fill(labels.pagesInSection, ["count": String(item.children.count)]))
                    html += " <span class=\"nav-collapsed\" title=\"\(title)\">(\(item.children.count))</span></li>\n"
                }
            }
        }
        return html + "<p class=\"nav-all\"><a href=\"\(contents)\">\(HTMLEscaping.escape(labels.allPages))</a></p>\n"
    }

    /// The whole tree as a nested list (the contents page and a home page without `index.md`).
    package func treeHTML(currentOutput: String) -> String {
        var html = "<ul>\n"
        enum Work { case item(Int), close }
        var stack: [Work] = roots.reversed().map { .item($0) }
        while let work = stack.popLast() {
            switch work {
            case .close:
                html += "</ul>\n</li>\n"
            case .item(let index):
                let item = items[index]
                html += "<li>"
                appendLink(index, currentSource: nil, currentOutput: currentOutput, to: &html)
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

    /// Appends item `index`'s link to `html` (every page's sidebar shows dozens: appended
    /// piece by piece, not interpolated into strings of their own).
    private func appendLink(_ index: Int, currentSource: String?, currentOutput: String, to html: inout String) {
        let title = itemTitles[index]
        switch items[index].target {
        case .page(let source)?:
            html += "<a href=\""
            html += HTMLEscaping.escape(ContentPath.relativeURL(from: currentOutput, to: itemOutputs[index] ?? ""))
            html += source == currentSource ? "\" aria-current=\"page\">" : "\">"
        case .external(let href)?:
            html += "<a href=\""
            html += HTMLEscaping.escapeHref(href)
            html += "\">"
        case nil:
            html += "<span class=\"toc-heading\">"
            html += title
            html += "</span>"
            return
        }
        html += title
        html += "</a>"
    }
}

extension Navigation {
    /// The same tree with the new `titles` (by page source), when each page still sorts in its
    /// place among its siblings; nil when one moved (the tree must be made again). A TOC's own
    /// titles never change with a page's.
    package func retitling(_ titles: [String: String]) -> Navigation? {
        var retitled: [Int: String] = [:]
        for index in items.indices {
            guard let source = items[index].titleSource, let title = titles[source], title != items[index].title else { continue }
            retitled[index] = title
        }
        // A folder's pages are sorted by title and source (`addFolders`): each retitled one must
        // still come after the sibling before it and before the one after it.
        func key(_ index: Int) -> (String, String) { (retitled[index] ?? items[index].title, items[index].titleSource ?? "") }
        for index in retitled.keys where Self.sortsByTitle(items[index]) {
            let siblings = (items[index].parent.map { items[$0].children } ?? roots).filter { Self.sortsByTitle(items[$0]) }
            guard let at = siblings.firstIndex(of: index) else { return nil }
            if at > 0, !(key(siblings[at - 1]) < key(index)) { return nil }
            if at + 1 < siblings.count, !(key(index) < key(siblings[at + 1])) { return nil }
        }
        var next = self
        for (index, title) in retitled {
            next.items[index].title = title
            next.itemTitles[index] = HTMLEscaping.escape(title)
        }
        return next
    }

    /// A page of a folder tree, placed by its title; index pages and folders are not.
    private static func sortsByTitle(_ item: Item) -> Bool {
        guard item.children.isEmpty, let source = item.titleSource, item.target == .page(source) else { return false }
        return !isIndex(source)
    }

    /// `index.md` or `index.yml` in any folder: the page a folder's item opens.
    static func isIndex(_ source: String) -> Bool {
        for name in ["index.md", "index.yml"] where source == name || source.hasSuffix("/" + name) { return true }
        return false
    }
}

extension Navigation {
    /// Builds the flat item array from a TOC or from the folder tree.
    fileprivate struct Builder {
        var items: [Item] = []
        var roots: [Int] = []

        mutating func add(_ item: Item) -> Int {
            items.append(item)
            let index = items.count - 1
            if let parent = item.parent { items[parent].children.append(index) } else { roots.append(index) }
            return index
        }

        mutating func addTOC(_ entries: [TOCEntry], tocPath: String, resolver: LinkResolver, titles: [String: String] = [:]) {
            var stack: [(TOCEntry, Int?)] = entries.reversed().map { ($0, nil) }
            while let (entry, parent) = stack.popLast() {
                var target: Target?
                if let href = entry.href {
                    switch resolver.resolve(href, from: tocPath) {
                    case .page(let source, _): target = .page(source)
                    case .external: target = .external(ExternalLink.encode(href).url)
                    case .rootAbsolute(let url): target = .external(url)
                    // Anything else would be a dead link: the entry shows as a heading (and is reported).
                    default: target = nil
                    }
                }
                var title = entry.title
                if case .page(let source)? = target, let own = titles[source] { title = own }
                let index = add(Item(title: title, target: target, parent: parent))
                stack.append(contentsOf: entry.children.reversed().map { ($0, index) })
            }
        }

        /// Without a TOC: root pages (index first, then by title), then one item per folder,
        /// titled by the folder's `index.md` or its name.
        mutating func addFolders(_ pages: [Page], folder prefix: String = "") {
            final class Folder {
                var pages: [Page] = []
                var folders: [String: Folder] = [:]
            }
            let root = Folder()
            for page in pages {
                var folder = root
                for part in ContentPath.components(String(page.source.dropFirst(prefix.count))).dropLast() {
                    let name = String(part)
                    if folder.folders[name] == nil { folder.folders[name] = Folder() }
                    folder = folder.folders[name]!
                }
                folder.pages.append(page)
            }
            func isIndex(_ page: Page) -> Bool { Navigation.isIndex(page.source) }
            if let index = root.pages.first(where: isIndex) {
                _ = add(Item(title: index.title, target: .page(index.source), titleSource: index.source))
            }
            var stack: [(Folder, Int?)] = [(root, nil)]
            while let (folder, parent) = stack.popLast() {
                let sorted = folder.pages.filter { !isIndex($0) }.sorted { ($0.title, $0.source) < ($1.title, $1.source) }
                for page in sorted { _ = add(Item(title: page.title, target: .page(page.source), parent: parent, titleSource: page.source)) }
                var pending: [(Folder, Int?)] = []
                for name in folder.folders.keys.sorted() {
                    let sub = folder.folders[name]!
                    let index = sub.pages.first(where: isIndex)
                    let title = index?.title ?? name.replacingOccurrences(of: "-", with: " ").capitalized
                    let item = add(Item(title: title, target: index.map { .page($0.source) }, parent: parent, titleSource: index?.source))
                    pending.append((sub, item))
                }
                stack.append(contentsOf: pending.reversed())
            }
        }
    }
}
