import Diagnostics
import Markdown

/// Checks that need the whole kit: links, images, includes and the table of contents.
enum KitChecks {
    static func run(_ kit: Kit) -> [Diagnostic] {
        let resolver = LinkResolver(kit: kit)
        let includes = IncludeGraph(kit: kit)
        var diagnostics = includes.diagnostics
        let anchors = AnchorIndex(kit: kit, includes: includes)
        for path in kit.documents.keys.sorted() where path != kit.toc?.path {
            guard let document = kit.documents[path] else { continue }
            diagnostics += checkLinks(in: document, resolver: resolver, anchors: anchors,
                                      isInclude: kit.page(at: path) == nil)
        }
        if let toc = kit.toc { diagnostics += checkTOC(toc, resolver: resolver, kit: kit) }
        diagnostics += kit.templates.check(SiteRenderer.layoutTemplate, against: PageViewModel.shape(config: kit.config))
        return diagnostics
    }

    static func checkLinks(in document: MarkdownDocument, resolver: LinkResolver, anchors: AnchorIndex, isInclude: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, node) in document.nodes.enumerated() {
            let destination: String
            let isImage: Bool
            switch node.kind {
            case .link(let d, _): destination = d; isImage = false
            case .inlineImage(let d, _): destination = d; isImage = true
            case .image(let block): destination = block.source; isImage = true
            default: continue
            }
            let location = document.location(of: NodeID(index))
            let what = isImage ? "image" : "link"
            switch resolver.resolve(destination, from: document.path) {
            case .external, .rootRelative, .dangerous, .asset:
                break
            case .sameDocument(let fragment):
                if !isInclude, !fragment.isEmpty, !anchors.contains(fragment, in: document.path) {
                    diagnostics.append(.warning(.linkMissingAnchor, "\(what) to '#\(fragment)': no heading on this page has that id", at: location,
                                                notes: Suggestions.note(fragment, among: anchors.ids(of: document.path))))
                }
            case let .page(target, fragment):
                if let fragment, !fragment.isEmpty, !anchors.contains(fragment, in: target) {
                    diagnostics.append(.warning(.linkMissingAnchor, "\(what) to '\(destination)': '\(target)' has no heading with id '\(fragment)'",
                                                at: location, notes: Suggestions.note(fragment, among: anchors.ids(of: target))))
                }
            case let .missingPage(path, suggestion):
                diagnostics.append(.warning(.linkMissingPage, "\(what) to '\(destination)': there is no page '\(path)'", at: location,
                                            notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case let .missingFile(path, suggestion):
                diagnostics.append(.warning(.linkMissingFile, "\(what) to '\(destination)': there is no file '\(path)' in the content folder",
                                            at: location, notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case .outsideContent:
                diagnostics.append(.warning(.linkMissingFile, "\(what) to '\(destination)' points outside the content folder", at: location))
            }
        }
        return diagnostics
    }

    static func checkTOC(_ toc: TableOfContentsSource, resolver: LinkResolver, kit: Kit) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var stack = toc.entries
        while let entry = stack.popLast() {
            stack.append(contentsOf: entry.children)
            guard let href = entry.href else { continue }
            switch resolver.resolve(href, from: toc.path) {
            case .missingPage(let path, let suggestion), .missingFile(let path, let suggestion):
                diagnostics.append(.warning(.tocMissingTarget, "table of contents entry '\(entry.title)' points to '\(href)', but there is no '\(path)'",
                                            at: entry.location,
                                            notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case .outsideContent:
                diagnostics.append(.warning(.tocMissingTarget, "table of contents entry '\(entry.title)' points outside the content folder",
                                            at: entry.location))
            default:
                break
            }
        }
        return diagnostics
    }
}

/// Heading ids of each page, including the headings its includes bring in.
struct AnchorIndex {
    private var byDocument: [String: Set<String>] = [:]

    init(kit: Kit, includes: IncludeGraph) {
        var own: [String: Set<String>] = [:]
        for (path, document) in kit.documents { own[path] = Set(document.headings.map(\.anchor)) }
        for page in kit.pages {
            var ids = own[page.source] ?? []
            for included in includes.transitiveIncludes(of: page.source) { ids.formUnion(own[included] ?? []) }
            byDocument[page.source] = ids
        }
    }

    func contains(_ id: String, in path: String) -> Bool {
        byDocument[path]?.contains(id) ?? false
    }

    func ids(of path: String) -> [String] { (byDocument[path] ?? []).sorted() }
}
