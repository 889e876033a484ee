/// Heading ids of each page, including the headings its includes bring in.
package struct AnchorIndex: Sendable {
    private var byDocument: [String: Set<String>] = [:]

    init() {}

    init(outlines: [String: DocumentOutline], pages: [Page], includes: IncludeGraph) {
        for page in pages {
            // A page that includes nothing shares its outline's set, not a copy of it.
            var ids = outlines[page.source]?.anchors ?? []
            for included in includes.transitiveIncludes(of: page.source) { ids.formUnion(outlines[included]?.anchors ?? []) }
            byDocument[page.source] = ids
        }
    }

    package func contains(_ id: String, in path: String) -> Bool {
        byDocument[path]?.contains(id) ?? false
    }

    package func ids(of path: String) -> [String] { (byDocument[path] ?? []).sorted() }
}
