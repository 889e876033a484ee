import Diagnostics
import Markdown

extension Kit {
    /// The tree `page` renders from (a stand-in's is its default-language page's): the one the
    /// kit keeps, or its file parsed again when the kit let it go (`releasePageTrees`).
    package func tree(of page: Page) -> Result<MarkdownDocument, Diagnostic> {
        let path = page.fallback ?? page.source
        if let kept = documents[path] { return .success(kept) }
        guard let fingerprint = releasedTrees[path] else {
            return .failure(.error(.unreadable, "no Markdown file '\(path)' in the kit", at: SourceLocation(path: page.displayPath, line: 1, column: 1)))
        }
        return KitReader.reread(path, location: location, fingerprint: fingerprint)
    }

    /// Notes the pages whose trees the parse let go, with the fingerprint of the bytes each was
    /// parsed from. A page another file includes is parsed again now and kept: it is read
    /// wherever a page that includes it renders. Returns the problems of those parses (a file
    /// that changed since).
    package mutating func noteReleasedTrees(_ released: [String: FileFingerprint]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let included = includes.includedFiles
        for (path, fingerprint) in released {
            guard included.contains(path) else { releasedTrees[path] = fingerprint; continue }
            switch KitReader.reread(path, location: location, fingerprint: fingerprint) {
            case .success(let tree): documents[path] = tree
            case .failure(let problem): problems.append(problem)
            }
        }
        return problems.sorted(by: Diagnostic.ordered)
    }

    /// The kit as `build` renders it: without what only the checks (and `serve`'s rechecks)
    /// read, which in a large kit is hundreds of megabytes: each file's uses and anchors, the
    /// anchor index, and the findings per document (their diagnostics are in `diagnostics`).
    package func forRendering() -> Kit {
        var kit = self
        kit.includes.keepOnlyWhatRenderingReads()
        kit.anchors = AnchorIndex()
        kit.findings.documents = [:]
        return kit
    }
}
