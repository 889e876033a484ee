import Diagnostics

/// What the checks found: per document (so an edit rechecks one file), and for the kit as a whole.
package struct CheckFindings: Sendable {
    package var documents: [String: DocumentFindings] = [:]
    package var kit: [Diagnostic] = []

    package init(documents: [String: DocumentFindings] = [:], kit: [Diagnostic] = []) {
        self.documents = documents
        self.kit = kit
    }
}

/// What the document rules found in one file.
package struct DocumentFindings: Sendable {
    package var diagnostics: [Diagnostic] = []
    /// Relative links to pages and files (chat text needs `site.base_url` for them).
    package var internalLinks: [SourceLocation] = []

    package init() {}
}
