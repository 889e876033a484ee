extension Kit {
    /// The kit after the titles of the pages at `sources` changed, its pages, documents and
    /// includes already updated: the navigation takes the new titles. The set of outputs, the
    /// link targets and every input but the titles a page shows stay as they were. When each
    /// page still sorts in its place (or the kit has a TOC), the navigation only changes its
    /// titles and the plan carries over whole; otherwise the navigation is made again, and the
    /// pages whose navigation now shows other titles get their new inputs.
    package func retitled(_ sources: some Sequence<String>) -> Kit {
        // Several languages: a new title also reaches the pages that stand in for it and the
        // other languages' navigation, which are made again with the whole kit.
        guard !languages.isMultilingual else {
            var rebuilt = Kit(location: location, config: config, pages: pages, documents: documents, outlines: outlines, assets: assets, toc: toc,
                              templates: templates, posters: posters, logoDataURI: logoDataURI,
                              loadDiagnostics: loadDiagnostics, parseDiagnostics: parseDiagnostics,
                              languages: languages, languageTOCs: languageTOCs, docfx: docfx, codeFiles: codeFiles,
                              includes: includes, anchors: anchors)
            rebuilt.findings = findings
            return rebuilt
        }
        var kit = self
        let titles = Dictionary(sources.compactMap { source in page(at: source).map { (source, $0.title) } }, uniquingKeysWith: { first, _ in first })
        if let same = navigation.retitling(titles) {
            kit.navigation = same
            return kit
        }
        kit.navigation = Navigation(toc: toc, pages: pages, resolver: resolver)
        guard !kit.navigation.hasSameShape(as: navigation) else { return kit }
        let homeSource = BuildPlan.Parts(location: location, config: config, pages: pages, assets: assets, templates: templates,
                                         posters: posters, instances: posterInstances, tocFiles: toc?.files ?? [], languages: languages,
                                         languageTOCFiles: languageTOCs.mapValues(\.files)).homeSource
        var replacements: [String: [PlanInput]] = [:]
        // Pages outside the moved pages' folders and away from their places show what they did.
        let candidates = kit.navigation.pagesShownDifferently(than: navigation).map { $0.sorted().compactMap(kit.page(at:)) } ?? pages
        for page in candidates {
            guard let output = plan[page.output], case .pageHTML = output.producer else { continue }
            let shown = BuildPlan.titlesShown(on: page.source, navigation: kit.navigation, homeSource: homeSource)
            let others = output.inputs.filter { if case .title = $0 { false } else { true } }
            if others.count + shown.count != output.inputs.count || output.inputs.suffix(shown.count) != shown[...] {
                replacements[page.output] = others + shown
            }
        }
        kit.plan = plan.replacingInputs(replacements)
        return kit
    }
}
