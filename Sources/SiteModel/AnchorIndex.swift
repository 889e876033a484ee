import Markdown
import Rendering

/// Heading ids of each page, including the headings its includes bring in.
package struct AnchorIndex: Sendable {
    private var byDocument: [String: Set<String>] = [:]

    init(documents: [String: MarkdownDocument], pages: [Page], includes: IncludeGraph) {
        // Each file's own ids, on every core (a walk over every node of every page).
        let paths = Array(documents.keys)
        let found = ConcurrentMap.map(paths) { path in
            let document = documents[path]!
            var ids = Set(document.headings.map(\.anchor))
            // Raw HTML anchors the sanitiser keeps (`<a name="BKMK_x">`, `<span id="note-1">`);
            // kinds matched in place, since copying a node retains its payload.
            for index in document.nodes.indices {
                switch document[NodeID(index)].kind {
                case .htmlBlock(let html), .htmlInline(let html): ids.formUnion(HTMLSanitizer.anchors(in: String(document[html])))
                default: continue
                }
            }
            return ids
        }
        let own = Dictionary(uniqueKeysWithValues: zip(paths, found))
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
