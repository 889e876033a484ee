import Diagnostics
import Markdown
import SiteModel
import SiteProducers

extension Kit {
    /// The kit after the Markdown files in `changed` were edited, when the edit keeps their
    /// heading ids and includes (as written and where), so no other file's findings change.
    /// With the same titles, the navigation, link targets, include graph and plan carry over
    /// unchanged; a new title rebuilds them and reruns the kit-wide rules. Either way only the
    /// edited files are checked again. Nil when the edit reaches further: the caller loads the
    /// kit anew.
    package func updating(_ changed: [String: KitReader.Parsed]) -> Kit? {
        var next = self
        var titlesChanged = false
        let variables = KitVariables.values(config)
        // A page another language shows as its stand-in would keep the old text: load anew.
        let shownElsewhere = Set(fallbackPages.compactMap(\.fallback))
        for (path, parsed) in changed {
            guard !shownElsewhere.contains(path), !languageTOCs.values.contains(where: { $0.files.contains(path) }),
                  !(toc?.files.contains(path) ?? false), !ContentScanner.isTOC(path), let old = documents[path], case .success(let (document, metadata, problems)) = parsed,
                  old.headings.map(\.anchor) == document.headings.map(\.anchor),
                  IncludeGraph.includes(in: old).elementsEqual(IncludeGraph.includes(in: document), by: { $0 == $1 }),
                  CodeFiles.referenced(by: old) == CodeFiles.referenced(by: document)
            else { return nil }
            if let index = pageIndex[path] {
                let page = Page(source: path, document: document, metadata: metadata.inheriting(docfx?.metadata(for: path) ?? []),
                                variables: variables)
                titlesChanged = titlesChanged || page.title != pages[index].title
                next.pages[index] = page
            }
            next.documents[path] = document
            next.includes.update(document)
            next.parseDiagnostics[path] = document.diagnostics + problems
        }
        if titlesChanged {
            // Navigation shows titles: it, and the plan's inputs, are made again. Includes and
            // heading ids are unchanged, and no kit-wide rule reads a page title.
            var rebuilt = Kit(location: location, config: config, pages: next.pages, documents: next.documents, assets: assets, toc: toc,
                              templates: templates, posters: posters, logoDataURI: logoDataURI,
                              loadDiagnostics: loadDiagnostics, parseDiagnostics: next.parseDiagnostics,
                              languages: languages, languageTOCs: languageTOCs, docfx: docfx, codeFiles: codeFiles,
                              includes: includes, anchors: anchors)
            rebuilt.findings = findings
            next = rebuilt
        }
        // A file that grew counts against the include budget of every page that includes it;
        // a page on its own is held to the budget alone.
        if changed.keys.contains(where: includes.takesPartInIncludes) {
            next.findings.kit = next.findings.kit.filter { !KitChecks.budgetIDs.contains($0.id) } + KitChecks.checkIncludeBudgets(next)
        } else {
            let edited = Set(changed.keys.compactMap { next.documents[$0]?.displayPath })
            next.findings.kit.removeAll { KitChecks.budgetIDs.contains($0.id) && edited.contains($0.location?.path ?? "") }
            next.findings.kit += KitChecks.checkIncludeBudgets(next, pages: next.pages.filter { changed[$0.source] != nil })
        }
        let known = KitChecks.knownVariables(next)
        for path in changed.keys {
            next.findings.documents[path] = KitChecks.checkDocument(path, kit: next, anchors: next.anchors, known: known)
        }
        next.assemble()
        return next
    }
}
