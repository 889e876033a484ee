import Diagnostics
import KitConfig
import Markdown
import Templating

/// A kit loaded into one immutable value: config, every Markdown file parsed once, assets,
/// navigation source and templates. `check` stops here; `build` renders it.
public struct Kit: Sendable {
    public let location: KitLocation
    public let config: KitConfig
    /// Pages sorted by source path.
    public package(set) var pages: [Page]
    /// The trees of the parsed Markdown files (pages and includes) by content-relative path:
    /// all of them, unless the kit let the trees of its pages go (`releasePageTrees`); read a
    /// page's through `tree(of:)`.
    public package(set) var documents: [String: MarkdownDocument]
    /// The pages whose trees the kit let go, with the fingerprint of the bytes they were parsed from.
    package internal(set) var releasedTrees: [String: FileFingerprint] = [:]
    /// What the kit model reads of each of them (includes, anchors, code files), by the same
    /// path: the include graph's, kept there alone.
    package var outlines: [String: DocumentOutline] { includes.outlines }
    /// Content-relative paths of files copied as they are (images, downloads).
    public let assets: [String]
    public let toc: TableOfContentsSource?
    public let templates: TemplateSet
    /// Poster templates (built-in and the kit's), sorted by name.
    public let posters: [PosterTemplate]
    /// The organisation's logo as a `data:` URI, so posters stand alone.
    public let logoDataURI: String?
    /// Every poster the build prints, in order (see `posterInstances(posters:config:)`).
    public let posterInstances: [PosterInstance]
    /// Everything found while loading and checking, sorted (see `assemble`).
    public package(set) var diagnostics: [Diagnostic] = []
    /// Problems found while loading that no document rule owns: config, templates, the scan.
    package internal(set) var loadDiagnostics: [Diagnostic]
    /// Each Markdown file's parse and front matter problems.
    package var parseDiagnostics: [String: [Diagnostic]]
    /// What the checks found (document by document, so an edit rechecks one file).
    package var findings = CheckFindings()
    /// Where every link points, and the navigation: worked out once, used by checks and
    /// renderers alike.
    package let resolver: LinkResolver
    package internal(set) var navigation: Navigation
    /// The site's languages and their strings (one language without `site.languages`).
    public let languages: SiteLanguages
    /// Pages a language lacks, standing in with the default language's page (`fr/guide/a.md`
    /// showing `guide/a.md`), sorted by source. Not documents: checks never see them twice.
    public let fallbackPages: [Page]
    /// Each other language's navigation, by tag (the default's is `navigation`).
    package let languageNavigations: [String: Navigation]
    /// Each other language's own TOC (`Content/fr/TOC.md`), by tag; a language without one
    /// follows the default's, its links moved into the language's folder.
    public let languageTOCs: [String: TableOfContentsSource]
    package var includes: IncludeGraph
    /// Heading ids of every page, with those its includes bring.
    package internal(set) var anchors: AnchorIndex
    /// Every output of the build with its producer and inputs.
    public internal(set) var plan: BuildPlan
    /// `docfx.json` at the content root, when there is one (page metadata, published prefix).
    public let docfx: DocFXProject?
    /// Local files `:::code source="…":::` shows, by content-relative path, read once.
    public let codeFiles: [String: String]

    /// Where `/path` links point when a folder has `docfx.json` and the config names no
    /// `markdown.root_url`: DocFX sets are written for this server.
    public static let docfxRootURL = "https://learn.microsoft.com/"

    /// The page for a content-relative `.md` path.
    public func page(at source: String) -> Page? {
        pageIndex[source].map { $0 < pages.count ? pages[$0] : fallbackPages[$0 - pages.count] }
    }

    /// The navigation of `language` (the default's for nil or the default tag).
    package func navigation(for language: String?) -> Navigation {
        language.flatMap { languageNavigations[$0] } ?? navigation
    }

    /// The TOC a language's navigation follows: its own, or the default's moved into its folder.
    public func toc(for language: String?) -> TableOfContentsSource? {
        guard let language, language != languages.defaultLanguage.tag else { return toc }
        return languageTOCs[language] ?? toc.map { $0.relocated(into: languages.prefix(language)) }
    }

    package let pageIndex: [String: Int]

    /// - Parameters: `includes` and `anchors`, when the caller knows they are unchanged (an
    ///   edit that kept every include and anchor), are not worked out again.
    package init(location: KitLocation, config: KitConfig, pages: [Page], documents: [String: MarkdownDocument],
                 outlines: [String: DocumentOutline], assets: [String],
         toc: TableOfContentsSource?, templates: TemplateSet, posters: [PosterTemplate], logoDataURI: String?,
         loadDiagnostics: [Diagnostic], parseDiagnostics: [String: [Diagnostic]],
         languages: SiteLanguages, languageTOCs: [String: TableOfContentsSource],
         docfx: DocFXProject? = nil, codeFiles: [String: String] = [:], includes known: IncludeGraph? = nil, anchors knownAnchors: AnchorIndex? = nil) {
        self.location = location
        self.config = config
        self.pages = pages
        self.documents = documents
        self.assets = assets
        self.toc = toc
        self.templates = templates
        self.posters = posters
        self.logoDataURI = logoDataURI
        self.docfx = docfx
        self.codeFiles = codeFiles
        let instances = Self.posterInstances(posters: posters, config: config)
        self.posterInstances = instances
        self.loadDiagnostics = loadDiagnostics
        self.parseDiagnostics = parseDiagnostics
        self.languages = languages
        self.languageTOCs = languageTOCs
        let fallbacks = Self.fallbackPages(pages: pages, languages: languages)
        self.fallbackPages = fallbacks
        let allPages = pages + fallbacks
        // The scanner refuses Unicode-equivalent names; keep the first should one slip through.
        self.pageIndex = Dictionary(allPages.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { first, _ in first })
        let parts = BuildPlan.Parts(location: location, config: config, pages: allPages, assets: assets, templates: templates,
                                    posters: posters, instances: instances, tocFiles: toc?.files ?? [], languages: languages,
                                    languageTOCFiles: languageTOCs.mapValues(\.files))
        // The include graph and the heading index read only the outlines: made beside the link
        // targets and the navigation, which read only the pages.
        let tocs = languageTOCs, fileTOC = toc
        let ((generated, resolver, navigation, navigations), (includes, anchors)) = ConcurrentMap.pair({
            let generated = BuildPlan.generatedOutputs(parts)
            let resolver = LinkResolver(pages: allPages, assets: assets, generated: generated.map(\.path),
                                        rootURL: config.markdown.rootURL ?? (docfx != nil ? Self.docfxRootURL : nil),
                                        publishedPrefixes: [config.markdown.publishedPath ?? docfx?.publishedPrefix].compactMap { $0 })
            let byLanguage = Dictionary(grouping: allPages) { languages.language(ofSource: $0.source).tag }
            let navigation = Navigation(toc: fileTOC, pages: languages.isMultilingual ? byLanguage[languages.defaultLanguage.tag] ?? [] : pages,
                                        resolver: resolver)
            var navigations: [String: Navigation] = [:]
            for language in languages.others {
                let own = tocs[language.tag]
                navigations[language.tag] = Navigation(toc: own ?? fileTOC.map { $0.relocated(into: languages.prefix(language.tag)) },
                                                       pages: byLanguage[language.tag] ?? [], resolver: resolver,
                                                       folder: languages.prefix(language.tag), titlesFromPages: own == nil)
            }
            return (generated, resolver, navigation, navigations)
        }, {
            let includes = known ?? IncludeGraph(outlines: outlines)
            return (includes, knownAnchors ?? AnchorIndex(outlines: outlines, pages: pages, includes: includes))
        })
        self.languageNavigations = navigations
        self.resolver = resolver
        self.navigation = navigation
        self.includes = includes
        self.anchors = anchors
        self.plan = BuildPlan(outputs: generated + BuildPlan.contentOutputs(parts, navigation: { navigations[$0] ?? navigation },
                                                                                  includes: includes, outlines: outlines))
    }
}

/// One poster to print: a template, for one group or (organisation-wide) for none.
public struct PosterInstance: Sendable, Hashable {
    public let poster: PosterTemplate
    public let group: Group?

    package init(poster: PosterTemplate, group: Group?) {
        (self.poster, self.group) = (poster, group)
    }
}

extension Kit {
    /// Every poster the build prints: organisation-wide ones once, per-group ones for each group
    /// that wants them (all of them unless the group lists `posters:`). Linear in groups. A kit
    /// without `organization` (any plain DocFX folder) gets no posters.
    static func posterInstances(posters: [PosterTemplate], config: KitConfig) -> [PosterInstance] {
        guard !config.organization.name.isEmpty else { return [] }
        let groups = config.groups
        var result = posters.filter { $0.scope == .organization }.map { PosterInstance(poster: $0, group: nil) }
        let perGroup = posters.filter { $0.scope == .group }
        for group in groups {
            let wanted = group.posters.map(Set.init)
            result += perGroup.filter { wanted?.contains($0.name) ?? true }.map { PosterInstance(poster: $0, group: group) }
        }
        return result
    }
}

extension Kit {
    /// For every other language, a stand-in for each default-language page it lacks.
    static func fallbackPages(pages: [Page], languages: SiteLanguages) -> [Page] {
        guard languages.isMultilingual, !languages.others.isEmpty else { return [] }
        let defaultTag = languages.defaultLanguage.tag
        let own = Set(pages.map(\.source))
        var result: [Page] = []
        for language in languages.others {
            let prefix = languages.prefix(language.tag)
            for page in pages where languages.language(ofSource: page.source).tag == defaultTag && !own.contains(prefix + page.source) {
                result.append(Page(fallbackOf: page, at: prefix + page.source))
            }
        }
        return result.sorted { $0.source < $1.source }
    }
}

/// The kit's table of contents, from `TOC.md` or `toc.yml` at the content root.
public struct TableOfContentsSource: Sendable {
    /// Content-relative path of the TOC file; entry links are relative to it.
    public let path: String
    public let entries: [TOCEntry]
    /// Every TOC file read: the root one first, then the nested ones its entries name.
    public let files: [String]

    /// The same entries read from `folder` (`fr/`): another language without a TOC of its own
    /// follows the default's, its links reaching that language's pages. The files are the same.
    package func relocated(into folder: String) -> TableOfContentsSource {
        TableOfContentsSource(path: folder + path, entries: entries, files: files)
    }
}
