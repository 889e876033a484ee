import Diagnostics
import Markdown
import Rendering
import SiteModel
import SiteProducers

/// The checks of a kit, in two kinds: rules over one document at a time, which run on every
/// core at once, and rules over the kit as a whole. `check` and `build` run the same ones.
package enum KitChecks {
    /// The rules that look at one document, through what its outline gathered (and the kit's
    /// indexes, read-only).
    static func checkDocument(_ path: String, kit: Kit, anchors: AnchorIndex, known: Set<String>) -> DocumentFindings {
        var findings = DocumentFindings()
        guard let uses = kit.outlines[path]?.uses else { return findings }
        let page = kit.page(at: path)
        findings.diagnostics += checkLinks(uses.links, from: path, resolver: kit.resolver, anchors: anchors, isInclude: page == nil,
                                           internalLinks: &findings.internalLinks)
        findings.diagnostics += checkCodeFiles(uses.codeUses, from: path, kit: kit)
        findings.diagnostics += checkVariables(uses.placeholders, known: known)
        findings.diagnostics += checkNeutralised(uses, rawHTMLAllowed: kit.config.markdown.rawHTML)
        if let page { findings.diagnostics += checkPage(page, uses: uses, kit: kit, known: known) }
        return findings
    }

    /// Runs every rule: the document rules over every Markdown file in parallel, and beside
    /// them the kit-wide rules, then the printed sheets.
    static func run(_ kit: Kit) async -> CheckFindings {
        let paths = kit.outlines.keys.sorted().filter { !ContentScanner.isTOC($0) && !isLeftOut($0, kit: kit) }
        let known = knownVariables(kit)
        // The kit-wide rules, then the printed sheets, run beside the document rules, not after them.
        async let kitWide = checkKitAndSheets(kit)
        let found = await parallelMap(paths, chunk: 64) { checkDocument($0, kit: kit, anchors: kit.anchors, known: known) }
        let (kitFindings, posterSizes) = await kitWide
        var findings = CheckFindings(documents: Dictionary(uniqueKeysWithValues: zip(paths, found)), kit: kitFindings)
        findings.posterSizes = posterSizes
        return findings
    }

    /// The kit-wide rules, and the sheets' when those found no error: posters are measured from
    /// their HTML, so only once their templates are known good.
    private static func checkKitAndSheets(_ kit: Kit) async -> ([Diagnostic], [PosterTypeSizes]) {
        let kitFindings = checkKit(kit)
        guard !kitFindings.hasErrors else { return (kitFindings, []) }
        let sheets = await checkPosterSheets(kit)
        return (kitFindings + sheets.diagnostics, sheets.sizes)
    }

    /// A Markdown file that `docfx.json` leaves out of the set (a README) and nothing includes:
    /// not part of the site, so not checked.
    static func isLeftOut(_ path: String, kit: Kit) -> Bool {
        kit.docfx != nil && kit.page(at: path) == nil && !ContentPath.isInclude(path) && !kit.includes.takesPartInIncludes(path)
    }

    /// What one page may expand to through includes: far above any real page (the largest
    /// Microsoft docs page is under 20,000), far below what exhausts memory.
    static let maximumExpandedNodes = 1_000_000

    static func knownVariables(_ kit: Kit) -> Set<String> { Set(KitVariables.values(kit.config).keys) }

    /// The rules over the kit as a whole.
    static func checkKit(_ kit: Kit) -> [Diagnostic] {
        var diagnostics = kit.includes.diagnostics + checkIncludeBudgets(kit)
        if let toc = kit.toc { diagnostics += checkTOC(toc, resolver: kit.resolver, kit: kit) }
        for tag in kit.languageTOCs.keys.sorted() { diagnostics += checkTOC(kit.languageTOCs[tag]!, resolver: kit.resolver, kit: kit) }
        diagnostics += kit.templates.check(OutputPaths.layoutTemplate, against: PageViewModel.shape(config: kit.config, strings: kit.languages.strings(nil)))
        diagnostics += checkPosters(kit)
        diagnostics += checkOutputs(kit)
        diagnostics += checkQRCodes(kit)
        diagnostics += checkBrandContrast(kit)
        diagnostics += checkFallbacks(kit)
        return diagnostics
    }

    /// What each page expands to through includes: a count and a size budget (`include.too-large`),
    /// how deep it nests (`markdown.too-deep`), and the text its outputs hold (`output.too-large`),
    /// per page and for the kit. All measured on the parsed files, before anything renders.
    static func checkIncludeBudgets(_ kit: Kit, pages: [Page]? = nil) -> [Diagnostic] {
        let includes = kit.includes
        var diagnostics: [Diagnostic] = []
        var memo: [String: Int] = [:]
        var nodeMemo: [String: Int] = [:]
        var depthMemo: [String: Int] = [:]
        var textMemo: [String: ExpandedText] = [:]
        let values = KitVariables.values(kit.config).values
        let longestValue = values.map(\.utf8.count).max() ?? 0
        let groupsBlock = kit.config.groups.reduce(0) { $0 + $1.name.utf8.count + $1.description.utf8.count + $1.inviteLink.utf8.count + $1.slug.utf8.count }
        // Each page writes its HTML and one text per chat flavour, each about as long as its text.
        let outputsPerPage = 1 + OutputPaths.flavors(kit.config).count
        var kitTotal = 0
        var largest: (bytes: Int, at: SourceLocation)?
        for page in pages ?? kit.pages {
            let at = SourceLocation(path: page.displayPath, line: 1, column: 1)
            if includes.expansions(of: page.source, limit: ExpandedWalk.maximumExpansions, memo: &memo) > ExpandedWalk.maximumExpansions {
                diagnostics.append(.error(.includeTooLarge, "page expands to more than \(ExpandedWalk.maximumExpansions) includes (files that include the same files many times)",
                                          at: at, notes: ["the limit is fixed; include each file fewer times"]))
                continue
            } else if includes.expandedNodes(of: page.source, limit: maximumExpandedNodes, memo: &nodeMemo) > maximumExpandedNodes {
                diagnostics.append(.error(.includeTooLarge, "page expands to more than \(maximumExpandedNodes) Markdown elements with its includes",
                                          at: at, notes: ["the limit is fixed; split the page, or include large files fewer times"]))
                continue
            }
            if let deep = includes.tooDeep(page.source, limit: maximumNesting, displayPath: page.displayPath, tree: { try? kit.tree(of: page).get() },
                                           memo: &depthMemo) {
                diagnostics.append(.error(.markdownTooDeep, "quotes, lists and alerts nest more than \(maximumNesting) deep here (counting the files it includes)",
                                          at: deep, notes: ["the limit is fixed; flatten the nesting, or include the file outside the quote or list"]))
                continue
            }
            let text = includes.expandedText(of: page.source, limit: maximumPageText, memo: &textMemo)
            let bytes = text.bytes + text.placeholders * longestValue + text.blocks * groupsBlock
            if bytes > maximumPageText {
                diagnostics.append(.error(.outputTooLarge, "page would put more than \(maximumPageText >> 20) MiB of text into its HTML and into each chat text, once its includes and placeholders are filled in",
                                          at: at, notes: ["the limit is fixed; split the page, or include large files and {{ groups }} fewer times"]))
                continue
            }
            kitTotal += bytes * outputsPerPage
            if bytes > largest?.bytes ?? -1 { largest = (bytes, at) }
        }
        // The kit budget applies to the whole kit only (an incremental check sees some pages).
        if pages == nil, kitTotal > maximumKitText, let largest {
            diagnostics.append(.error(.outputTooLarge, "the kit's pages would write more than \(maximumKitText >> 30) GiB of text; this is its largest page",
                                      at: largest.at, notes: ["the limit is fixed; split the kit into several"]))
        }
        return diagnostics
    }

    /// How deep quotes, lists and alerts may nest on a page, includes counted: chat text
    /// repeats the markers of every level on every line, so each level costs a copy.
    static let maximumNesting = 32
    /// Text one page may put into each output: 16 MiB, far above any real page.
    static let maximumPageText = 16 << 20
    /// Text all pages together may put out: 4 GiB.
    static let maximumKitText = 4 << 30
    /// The findings `checkIncludeBudgets` makes, replaced when a patched kit checks again.
    static let budgetIDs: Set<DiagnosticID> = [.includeTooLarge, .markdownTooDeep, .outputTooLarge]

    /// Chat text needs absolute links; without a base URL, relative ones lose their target. One
    /// finding per kit, at the first such link.
    static func checkChatLinks(_ kit: Kit, documents: [String: DocumentFindings]) -> [Diagnostic] {
        guard kit.config.site.baseURL == nil, !OutputPaths.flavors(kit.config).isEmpty else { return [] }
        let count = documents.values.reduce(0) { $0 + $1.internalLinks.count }
        guard let first = documents.values.compactMap(\.internalLinks.first).min() else { return [] }
        return [.warning(.chatRelativeLinks, "\(count) relative link(s) will appear in chat text without their target because site.base_url is not set",
                         at: first, notes: ["set site.base_url in adoptkit.yml to the address the site is published at"])]
    }

    static func checkLinks(_ links: [DocumentUses.Link], from path: String, resolver: LinkResolver, anchors: AnchorIndex, isInclude: Bool,
                           internalLinks: inout InternalLinks) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ destination: String, isImage: Bool, at location: SourceLocation) {
            let what = isImage ? "image" : "link"
            switch resolver.resolve(destination, from: path) {
            case .external:
                diagnostics += checkExternal(destination, what: what, at: location)
            case .rootAbsolute:
                break
            case .asset, .generated:
                if !isImage { internalLinks.add(location) }
            case .dangerous:
                diagnostics.append(dangerous(destination, what: what, at: location))
            case .rootRelative:
                diagnostics.append(rootRelative(destination, what: what, at: location))
            case .sameDocument(let fragment):
                if !isInclude, !fragment.isEmpty, !anchors.contains(fragment, in: path) {
                    diagnostics.append(.warning(.linkMissingAnchor, "\(what) to '#\(fragment)': no heading on this page has that id", at: location,
                                                notes: Suggestions.note(fragment, among: anchors.ids(of: path))))
                }
            case let .page(target, fragment):
                internalLinks.add(location)
                if let fragment, !fragment.isEmpty, !anchors.contains(fragment, in: target) {
                    diagnostics.append(.warning(.linkMissingAnchor, "\(what) to '\(destination)': '\(target)' has no heading with id '\(fragment)'",
                                                at: location, notes: Suggestions.note(fragment, among: anchors.ids(of: target))))
                }
            case let .missingPage(path, suggestion):
                diagnostics.append(.warning(.linkMissingPage, "\(what) to '\(destination)': there is no page '\(path)'", at: location,
                                            notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case let .missingFile(path, suggestion):
                diagnostics.append(.warning(.linkMissingFile, "\(what) to '\(destination)': there is no file '\(path)' in the content folder",
                                            at: location, notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case .outsideContent:
                diagnostics.append(.warning(.linkMissingFile, "\(what) to '\(destination)' points outside the content folder", at: location))
            }
        }
        for link in links { check(link.destination, isImage: link.isImage, at: link.location) }
        return diagnostics
    }

    /// `:::code source="…":::` must name a file in the content folder (or a URL).
    static func checkCodeFiles(_ uses: [DocumentUses.CodeUse], from path: String, kit: Kit) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in uses {
            let reference = use.reference
            if let file = ContentPath.includeTarget(reference.source, from: path), let text = kit.codeFiles[file] {
                if !reference.regionExists(in: text) {
                    diagnostics.append(.warning(.linkMissingAnchor, "code block source '\(reference.source)' has no region '\(reference.region)'; the page shows the whole file",
                                                at: use.location,
                                                notes: ["a region runs from a comment holding <\(reference.region)> to one holding </\(reference.region)>, or from #region \(reference.region) to #endregion"]))
                }
                continue
            }
            diagnostics.append(.warning(.linkMissingFile, "code block source '\(reference.source)': there is no such file in the content folder",
                                        at: use.location, notes: ["the page shows a link to it instead"]))
        }
        return diagnostics
    }

    /// `/path` links work only on the server the docs were written for. The message names the
    /// target alone, so `assemble` keeps one finding per target.
    static func rootRelative(_ destination: String, what: String, at location: SourceLocation) -> Diagnostic {
        .warning(.linkRootRelative, "'\(destination)' is relative to a web server's root; it breaks when the site is opened from disk or published elsewhere",
                 at: location, notes: ["use a full https:// URL or a relative link, or set markdown.root_url (and markdown.published_path) in adoptkit.yml"])
    }

    /// `javascript:`, `vbscript:`, `file:` and `data:` targets are emptied; say so where they are.
    static func dangerous(_ destination: String, what: String, at location: SourceLocation) -> Diagnostic {
        let scheme = destination.drop { $0 == " " }.prefix { $0 != ":" }
        return .warning(.linkDangerous, "\(what) to a '\(scheme):' URL is emptied: it could run code or hide content", at: location,
                        notes: ["link to an https:// page or a file in the kit instead"])
    }

    static func checkTOC(_ toc: TableOfContentsSource, resolver: LinkResolver, kit: Kit) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var stack = toc.entries
        while let entry = stack.popLast() {
            stack.append(contentsOf: entry.children)
            guard let href = entry.href else { continue }
            switch resolver.resolve(href, from: toc.path) {
            case .missingPage(let path, let suggestion), .missingFile(let path, let suggestion):
                diagnostics.append(.warning(.tocMissingTarget, "table of contents entry '\(entry.title)' points to '\(href)', but there is no '\(path)'",
                                            at: entry.location,
                                            notes: suggestion.map { ["did you mean '\($0)'? (letter case differs)"] } ?? []))
            case .outsideContent:
                diagnostics.append(.warning(.tocMissingTarget, "table of contents entry '\(entry.title)' points outside the content folder",
                                            at: entry.location))
            case .rootRelative:
                diagnostics.append(rootRelative(href, what: "table of contents entry", at: entry.location))
            case .rootAbsolute:
                break
            case .dangerous:
                diagnostics.append(dangerous(href, what: "table of contents entry", at: entry.location))
            case .external:
                diagnostics += checkExternal(href, what: "table of contents entry", at: entry.location)
            default:
                break
            }
        }
        return diagnostics
    }
}

extension KitChecks {
    /// Poster templates against the data of their scope, and each group's `posters:` list.
    static func checkPosters(_ kit: Kit) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for poster in kit.posters {
            let shape = PosterModel.shape(scope: poster.scope, kit: kit)
            for template in [poster.htmlTemplate, poster.textTemplate] where kit.templates.contains(template) {
                diagnostics += kit.templates.check(template, against: shape)
            }
        }
        if kit.plan.hasSharePages {
            diagnostics += kit.templates.check(OutputPaths.shareTemplate, against: SharePages.shape(kit))
            let emailShape = InvitationEmails.shape(kit)
            for template in [OutputPaths.emailHTMLTemplate, OutputPaths.emailTextTemplate, OutputPaths.emailSubjectTemplate] {
                diagnostics += kit.templates.contains(template) ? kit.templates.check(template, against: emailShape)
                    : [.error(.templateMissing, "the invitation e-mail needs the template '\(template).mustache'", at: nil)]
            }
        }
        let perGroup = kit.posters.filter { $0.scope == .group }.map(\.name)
        for group in kit.config.groups {
            for name in group.posters ?? [] where !perGroup.contains(name) {
                let organizationWide = kit.posters.contains { $0.name == name && $0.scope == .organization }
                diagnostics.append(.error(.configUnknownPoster,
                                          organizationWide ? "poster '\(name)' is organisation-wide; it is printed once, not per group"
                                                           : "group '\(group.name)' asks for poster '\(name)', which does not exist",
                                          at: group.postersLocation ?? group.location,
                                          notes: organizationWide ? [] : Suggestions.note(name, among: perGroup) + ["per-group posters: " + perGroup.joined(separator: ", ")]))
            }
        }
        return diagnostics
    }

    /// `{{ name }}` placeholders in a page's front matter title and description must name a config value.
    static func checkFrontMatterVariables(_ page: Page, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in ["title", "description"] {
            guard let value = page.metadata[key]?.string else { continue }
            for reference in DocVariables.references(in: value) where KitVariables.isKitPlaceholder(reference.name, known: known) && !known.contains(reference.name) {
                diagnostics.append(.error(.contentUnknownVariable, "unknown placeholder '{{ \(reference.name) }}' in '\(key)'",
                                          at: SourceLocation(path: page.displayPath, line: 1, column: 1),
                                          notes: Suggestions.note(reference.name, among: Array(known))))
            }
        }
        return diagnostics
    }

    /// `{{ name }}` placeholders in Markdown text must name a config value when they start with
    /// one of the kit's roots; other `{{…}}` (a URL template in a table) is text.
    static func checkVariables(_ placeholders: [DocumentUses.Placeholder], known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for placeholder in placeholders where KitVariables.isKitPlaceholder(placeholder.name, known: known) && !known.contains(placeholder.name) {
            let isBlock = KitVariables.blockNames.contains(placeholder.name)
            if isBlock && placeholder.standsAlone { continue }
            let all: [String] = known.sorted() + KitVariables.blockNames
            let message = isBlock ? "'{{ \(placeholder.name) }}' must stand alone in its paragraph"
                                  : "unknown placeholder '{{ \(placeholder.name) }}'"
            let notes: [String] = isBlock ? [] : Suggestions.note(placeholder.name, among: all) + ["available: " + all.joined(separator: ", ")]
            diagnostics.append(.error(.contentUnknownVariable, message, at: placeholder.location, notes: notes))
        }
        return diagnostics
    }
}
