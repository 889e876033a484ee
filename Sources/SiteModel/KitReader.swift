import Diagnostics
import Foundation
import KitConfig
import KitFiles
import Markdown
import Templating

/// Reads a kit from disk into the model: config, content (each file read and parsed once, in
/// parallel), templates, navigation and plan. Reads only; never writes. The checks come after
/// (`KitLoader` in the Site target runs both).
package enum KitReader {
    /// - Parameter cache: parsed files from an earlier read of the same kit (`serve`); only
    ///   files that changed since are parsed again. A lap per stage goes on `clock`.
    /// - Parameter posterExport: the poster formats to export instead of `posters.export`
    ///   (`build --export`; `serve` exports none).
    /// - Parameter treeBudget: the most bytes of Markdown pages whose trees the kit keeps; past
    ///   it, the trees of pages nothing includes are let go once the model is made, and each
    ///   is parsed again where its page renders (`Kit.tree(of:)`). `keptTreesBudget` by default
    ///   (`check` loads as `build` does), unlimited for `serve` (whose cache holds them).
    package static func read(_ location: KitLocation, configRequired: Bool, cache: ParseCache?, posterExport: [KitConfig.PosterSettings.ExportFormat]? = nil,
                             treeBudget: Int = keptTreesBudget, clock: inout StageClock) async -> Kit {
        var diagnostics: [Diagnostic] = []
        // The content scan needs nothing of the config or templates: it walks beside them.
        async let scanned = ContentScanner.scan(location)
        var config = loadConfig(location, required: configRequired, into: &diagnostics)
        if let posterExport { config.posters.export = posterExport }
        let (templates, templateProblems) = TemplateSet.load(kitFolder: location.templates, displayRoot: location.displayPath(location.templates),
                                                                             boundary: location.boundary)
        diagnostics += templateProblems
        let (languages, languageProblems) = SiteLanguages.load(config, templates: templates)
        diagnostics += languageProblems

        let variables = KitVariables.values(config)
        let scan = await scanned
        diagnostics += scan.diagnostics
        clock.lap("config, templates, scan")
        // Past the budget, the parse keeps no page's tree: each page is parsed again where it
        // renders, and memory does not hold every tree at once.
        let pageBytes = scan.markdown.filter { ContentScanner.isPage($0, docfx: scan.docfx) }.reduce(0) { $0 + (scan.entries[$1]?.size ?? 0) }
        let keepsPageTrees = pageBytes <= treeBudget
        let parsed = await parseAll(scan.markdown, entries: scan.entries, location: location, cache: cache) { path in
            keepsPageTrees || !ContentScanner.isPage(path, docfx: scan.docfx)
        }
        clock.lap("read and parse")
        var documents: [String: MarkdownDocument] = [:], outlines: [String: DocumentOutline] = [:]
        var parseDiagnostics: [String: [Diagnostic]] = [:]
        var pageFiles: [(path: String, file: ParsedFile)] = []
        var released: [String: FileFingerprint] = [:]
        for (path, result) in parsed {
            switch result {
            case .failure(let problem):
                diagnostics.append(problem)
            case .success(let file):
                parseDiagnostics[path] = file.parseProblems + file.problems
                documents[path] = file.tree
                outlines[path] = file.outline
                if ContentScanner.isPage(path, docfx: scan.docfx) {
                    pageFiles.append((path, file))
                    if file.tree == nil { released[path] = file.fingerprint }
                }
            }
        }
        // A page's title fills placeholders and its metadata takes docfx.json's: on every core.
        var pages = ConcurrentMap.map(pageFiles) { path, file in
            Page(source: path, displayPath: file.displayPath, headingTitle: file.headingTitle,
                 metadata: file.metadata.inheriting(scan.docfx?.metadata(for: path) ?? []), variables: variables)
        }
        // YAML landing pages join the pages; they are no longer copied files.
        let landing = LandingPages.read(scan.yamlPages, location: location, skipping: Set(scan.markdown))
        diagnostics += landing.diagnostics
        for (path, document, metadata) in landing.pages {
            documents[path] = document
            outlines[path] = DocumentOutline(document)
            parseDiagnostics[path] = []
            pages.append(Page(source: path, document: document, metadata: metadata.inheriting(scan.docfx?.metadata(for: path) ?? []), variables: variables))
        }
        let landingPaths = Set(landing.pages.map(\.path))
        let assets = landingPaths.isEmpty ? scan.assets : scan.assets.filter { !landingPaths.contains($0) }
        pages.sort { $0.source < $1.source }

        // Each language's TOC sees only its own folder's TOC files and pages.
        func inLanguage(_ path: String) -> String { languages.language(ofSource: path).tag }
        let defaultTag = languages.defaultLanguage.tag
        var toc: TableOfContentsSource?
        if let tocPath = scan.tocPath {
            let (loaded, problems) = TOCLoader.load(root: tocPath, location: location, documents: documents,
                                                    tocFiles: scan.tocFiles.filter { inLanguage($0) == defaultTag },
                                                    pages: Set(pages.map(\.source).filter { inLanguage($0) == defaultTag }))
            toc = loaded
            diagnostics += problems
        }
        var languageTOCs: [String: TableOfContentsSource] = [:]
        for language in languages.others {
            let prefix = languages.prefix(language.tag)
            let own = scan.tocFiles.filter { inLanguage($0) == language.tag }
            // TOC.md wins over toc.yml, as at the root.
            let roots = own.filter { ContentScanner.isTOCFile($0) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
            guard let root = roots.first(where: ContentScanner.isTOC) ?? roots.first else { continue }
            let (loaded, problems) = TOCLoader.load(root: root, location: location, documents: documents, tocFiles: own,
                                                    pages: Set(pages.map(\.source).filter { inLanguage($0) == language.tag }))
            languageTOCs[language.tag] = loaded
            diagnostics += problems
        }

        let (posters, posterProblems) = PosterCatalog.load(templates)
        diagnostics += posterProblems
        let logo = loadLogo(config, location: location, into: &diagnostics)

        let codeFiles = CodeFiles.read(outlines, files: scan.allFiles, location: location, into: &diagnostics)
        var kit = Kit(location: location, config: config, pages: pages, documents: documents, outlines: outlines, assets: assets,
                      toc: toc, templates: templates, posters: posters, logoDataURI: logo,
                      loadDiagnostics: diagnostics, parseDiagnostics: parseDiagnostics, languages: languages, languageTOCs: languageTOCs,
                      docfx: scan.docfx, codeFiles: codeFiles)
        if !released.isEmpty { kit.loadDiagnostics += kit.noteReleasedTrees(released) }
        clock.lap("kit model and plan")
        return kit
    }

    static func loadConfig(_ location: KitLocation, required: Bool, into diagnostics: inout [Diagnostic]) -> KitConfig {
        let display = location.displayPath(location.config)
        let at = SourceLocation(path: display, line: 1, column: 1)
        let data: Data
        switch location.boundary.read(location.config, limit: YAMLLoader.maximumBytes) {
        case .success(let read): data = read
        case .failure(.missing):
            if required { diagnostics.append(.error(.unreadable, "cannot read the config file: it does not exist", at: at)) }
            return KitConfig()
        case .failure(.tooLarge(let bytes, let limit)):
            diagnostics.append(.error(.configTooLarge, "config file is \(bytes) bytes, larger than the limit of \(limit / 1024) KiB",
                                      at: at, notes: ["split the groups into a smaller file; the limit is fixed"]))
            return KitConfig()
        case .failure(let refusal):
            // Never decode or quote a file outside the kit: it may be a secret.
            diagnostics.append(.error(.outsideKit, "config file: " + refusal.describe(display), at: at))
            return KitConfig()
        }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem):
            diagnostics.append(problem)
            return KitConfig()
        case .success(let source):
            let (config, problems) = KitConfig.decode(source.text, path: display) { file, at in
                readGroupsFile(file, at: at, location: location)
            }
            diagnostics += problems
            return config
        }
    }

    /// A groups file may hold tens of thousands of rows; it is still read whole.
    static let groupsFileLimit = 16 << 20

    /// Reads `groups_file` (relative to the kit), which must be a regular file inside the kit
    /// folder. A UTF-8 byte-order mark is dropped; any other encoding is an error at its first
    /// bad byte.
    static func readGroupsFile(_ file: String, at: SourceLocation, location: KitLocation) -> KitConfig.GroupsFileContents {
        let url = location.kit.appendingPathComponent(file).standardizedFileURL
        let display = location.displayPath(url)
        guard KitLocation.isSameOrInside(url.path, location.kit.path) else {
            return .unreadable([.error(.configGroupsFile, "groups file '\(file)' must be a file inside the kit folder", at: at)])
        }
        switch FileBoundary(roots: [location.kit]).read(url, limit: groupsFileLimit) {
        case .success(let data):
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                return .unreadable([.error(.configGroupsFile, "groups file '\(file)' is UTF-16; save it as CSV UTF-8", at: at,
                                           notes: ["in Excel: File → Save As → CSV UTF-8 (Comma delimited)"])])
            }
            switch SourceText.decode(data, path: display) {
            case .success(let source): return .text(source.text, path: display)
            case .failure(var problem):
                problem.notes.append("save the spreadsheet as CSV UTF-8 (in Excel: CSV UTF-8 (Comma delimited))")
                return .unreadable([problem])
            }
        case .failure(.missing):
            return .unreadable([.error(.configGroupsFile, "groups file '\(file)' does not exist", at: at)])
        case .failure(.tooLarge(let bytes, let limit)):
            return .unreadable([.error(.configGroupsFile, "groups file '\(file)' is \(bytes) bytes, larger than the limit of \(limit >> 20) MiB", at: at)])
        case .failure(let refusal):
            // Never decode or quote a file outside the kit: it may be a secret.
            return .unreadable([.error(.configGroupsFile, "groups file: " + refusal.describe(file), at: at)])
        }
    }

    static let logoTypes = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                            "gif": "image/gif", "webp": "image/webp"]
    static let logoLimit = 1 << 20

    /// Reads `organization.logo` (relative to the kit) into a `data:` URI. The file must be a
    /// regular file inside the kit after following links.
    static func loadLogo(_ config: KitConfig, location: KitLocation, into diagnostics: inout [Diagnostic]) -> String? {
        guard let logo = config.organization.logo else { return nil }
        let at = config.organization.logoLocation
        guard let type = logoTypes[ContentPath.fileExtension(logo)] else {
            diagnostics.append(.error(.configLogo, "logo '\(logo)' must be an SVG, PNG, JPEG, GIF or WebP file", at: at))
            return nil
        }
        let url = location.kit.appendingPathComponent(logo).standardizedFileURL
        // Only the kit folder counts here, not folders named on the command line.
        guard KitLocation.isSameOrInside(url.path, location.kit.path) else {
            diagnostics.append(.error(.configLogo, "logo '\(logo)' must be a file inside the kit folder", at: at))
            return nil
        }
        switch FileBoundary(roots: [location.kit]).read(url, limit: logoLimit) {
        case .success(let data):
            return "data:\(type);base64,\(data.base64EncodedString())"
        case .failure(.tooLarge):
            diagnostics.append(.error(.configLogo, "logo '\(logo)' is larger than 1 MiB; posters embed it", at: at))
        case .failure(.missing):
            diagnostics.append(.error(.configLogo, "logo file '\(logo)' does not exist", at: at))
        case .failure(let refusal):
            diagnostics.append(.error(.configLogo, "logo: " + refusal.describe(logo), at: at))
        }
        return nil
    }
}
