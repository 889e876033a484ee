extension Kit {
    /// The kit after page titles changed, its pages, documents and includes already updated:
    /// the navigation is made again from the new titles. When it keeps its shape (a title that
    /// still sorts in the same place, or any title in a kit with a TOC), the link targets and
    /// the plan carry over; otherwise they are made anew with the navigation.
    package func retitled() -> Kit {
        let navigation = Navigation(toc: toc, pages: pages, resolver: resolver)
        if navigation.hasSameShape(as: self.navigation) {
            var kit = self
            kit.navigation = navigation
            return kit
        }
        var rebuilt = Kit(location: location, config: config, pages: pages, documents: documents, assets: assets, toc: toc,
                          templates: templates, posters: posters, logoDataURI: logoDataURI,
                          loadDiagnostics: loadDiagnostics, parseDiagnostics: parseDiagnostics, docfx: docfx, codeFiles: codeFiles,
                          includes: includes, anchors: anchors)
        rebuilt.findings = findings
        return rebuilt
    }
}
