import Markdown
import Rendering

/// Heading ids of each page, including the headings its includes bring in.
package struct AnchorIndex: Sendable {
    private var byDocument: [String: Set<String>] = [:]

    init(documents: [String: MarkdownDocument], pages: [Page], includes: IncludeGraph) {
        var own: [String: Set<String>] = [:]
        for (path, document) in documents {
            var ids = Set(document.headings.map(\.anchor))
            // Raw HTML anchors the sanitiser keeps (`<a name="BKMK_x">`, `<span id="note-1">`).
            for node in document.nodes {
                switch node.kind {
                case .htmlBlock(let html), .htmlInline(let html): ids.formUnion(HTMLSanitizer.anchors(in: String(document[html])))
                default: continue
                }
            }
            own[path] = ids
        }
        for page in pages {
            var ids = own[page.source] ?? []
            for included in includes.transitiveIncludes(of: page.source) { ids.formUnion(own[included] ?? []) }
            byDocument[page.source] = ids
        }
    }

    package func contains(_ id: String, in path: String) -> Bool {
        byDocument[path]?.contains(id) ?? false
    }

    package func ids(of path: String) -> [String] { (byDocument[path] ?? []).sorted() }
}
