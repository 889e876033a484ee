import Diagnostics
import Markdown
import SiteModel
import SiteProducers

extension Kit {
    /// The kit after the Markdown files in `changed` were edited, when the edit keeps their
    /// anchors, includes (as written and where) and code files, so no other file's findings change.
    /// The link targets, include graph and heading index carry over; so do the navigation and
    /// plan, unless a title changed (see `retitled`). Only the edited files are checked again.
    /// Nil when the edit reaches further: the caller loads the kit anew.
    package func updating(_ changed: [String: KitReader.Parsed]) -> Kit? {
        var next = self
        var titlesChanged = false
        let variables = KitVariables.values(config)
        // A page another language shows as its stand-in would keep the old text: load anew.
        let shownElsewhere = Set(fallbackPages.compactMap(\.fallback))
        for (path, parsed) in changed {
            guard !shownElsewhere.contains(path), !languageTOCs.values.contains(where: { $0.files.contains(path) }),
                  !(toc?.files.contains(path) ?? false), !ContentScanner.isTOC(path), let old = outlines[path], case .success(let file) = parsed,
                  file.outline.hasSameReach(as: old), let tree = file.tree
            else { return nil }
            if let index = pageIndex[path] {
                let page = Page(source: path, document: tree, metadata: file.metadata.inheriting(docfx?.metadata(for: path) ?? []),
                                variables: variables)
                titlesChanged = titlesChanged || page.title != pages[index].title
                next.pages[index] = page
            }
            next.documents[path] = tree
            next.includes.update(path, to: file.outline)
            next.parseDiagnostics[path] = file.parseProblems + file.problems
        }
        // Navigation shows titles: it is made again, and the plan with it when the navigation
        // changed shape. Includes and heading ids are unchanged, and no kit-wide rule reads a title.
        if titlesChanged { next = next.retitled(changed.keys) }
        // A file that grew counts against the include budget of every page that includes it;
        // a page on its own is held to the budget alone.
        if changed.keys.contains(where: includes.takesPartInIncludes) {
            next.findings.kit = next.findings.kit.filter { !KitChecks.budgetIDs.contains($0.id) } + KitChecks.checkIncludeBudgets(next)
        } else {
            let edited = Set(changed.keys.map { location.displayPath(content: $0) })
            next.findings.kit.removeAll { KitChecks.budgetIDs.contains($0.id) && edited.contains($0.location?.path ?? "") }
            next.findings.kit += KitChecks.checkIncludeBudgets(next, pages: changed.keys.sorted().compactMap(next.page(at:)))
        }
        let known = KitChecks.knownVariables(next)
        for path in changed.keys {
            next.findings.documents[path] = KitChecks.checkDocument(path, kit: next, anchors: next.anchors, known: known)
        }
        next.assemble()
        return next
    }
}
