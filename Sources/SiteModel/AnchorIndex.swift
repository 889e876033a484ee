import Markdown

/// Heading ids of each page, including the headings its includes bring in.
package struct AnchorIndex: Sendable {
    private var byDocument: [String: Set<String>] = [:]

    init(documents: [String: MarkdownDocument], pages: [Page], includes: IncludeGraph) {
        var own: [String: Set<String>] = [:]
        for (path, document) in documents { own[path] = Set(document.headings.map(\.anchor)) }
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
