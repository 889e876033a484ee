import Diagnostics

/// What the checks found: per document (so an edit rechecks one file), and for the kit as a whole.
package struct CheckFindings: Sendable {
    package var documents: [String: DocumentFindings] = [:]
    package var kit: [Diagnostic] = []
    /// The type sizes each poster (by index in `Kit.posterInstances`) fits its sheet at, as
    /// the sheet check measured them; rendering uses them instead of measuring again. Empty
    /// when the posters were not checked.
    package var posterSizes: [PosterTypeSizes] = []

    package init(documents: [String: DocumentFindings] = [:], kit: [Diagnostic] = []) {
        self.documents = documents
        self.kit = kit
    }
}

/// What the document rules found in one file.
package struct DocumentFindings: Sendable {
    package var diagnostics: [Diagnostic] = []
    /// Relative links to pages and files (chat text needs `site.base_url` for them).
    package var internalLinks = InternalLinks()

    package init() {}
}

/// How many relative links a file has, and where the first is: all the chat-link rule reports
/// (a kit of 100,000 pages has millions of links, so their places are not kept).
package struct InternalLinks: Sendable {
    package private(set) var count = 0
    package private(set) var first: SourceLocation?

    package init() {}

    package mutating func add(_ location: SourceLocation) {
        count += 1
        if first.map({ location < $0 }) ?? true { first = location }
    }
}

/// Steps down from a poster's largest type: the headline's and the other text's.
package struct PosterTypeSizes: Sendable, Hashable {
    package var headlineStep = 0
    package var textStep = 0

    package init(headlineStep: Int = 0, textStep: Int = 0) {
        (self.headlineStep, self.textStep) = (headlineStep, textStep)
    }
}
