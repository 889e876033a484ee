import Diagnostics
import Markdown
import SiteModel
import SiteProducers

extension Kit {
    /// The kit after the Markdown files in `changed` were edited, when the edit stays inside
    /// their text: the same titles, heading ids and includes (as written and where). Then the
    /// navigation, link targets, include graph and plan carry over unchanged, and only these
    /// files are checked again. Nil when the edit reaches further: the caller loads the kit anew.
    package func updating(_ changed: [String: KitReader.Parsed]) -> Kit? {
        var next = self
        let variables = KitVariables.values(config)
        for (path, parsed) in changed {
            guard path != toc?.path, let old = documents[path], case .success(let (document, metadata, problems)) = parsed,
                  old.headings.map(\.anchor) == document.headings.map(\.anchor),
                  IncludeGraph.includes(in: old).elementsEqual(IncludeGraph.includes(in: document), by: { $0 == $1 })
            else { return nil }
            if let index = pageIndex[path] {
                let page = Page(source: path, document: document, metadata: metadata, variables: variables)
                guard page.title == pages[index].title else { return nil }
                next.pages[index] = page
            }
            next.documents[path] = document
            next.parseDiagnostics[path] = document.diagnostics + problems
        }
        let known = KitChecks.knownVariables(next)
        for path in changed.keys {
            next.findings.documents[path] = KitChecks.checkDocument(path, kit: next, anchors: anchors, known: known)
        }
        next.assemble()
        return next
    }
}
