import Diagnostics
import Foundation
import KitConfig
import Markdown
import Templating

/// Reads a kit from disk: config, content (each file read and parsed once, in parallel),
/// templates; then runs the checks. Reads only; never writes.
public enum KitLoader {
    /// - Parameter cache: parsed files from an earlier load of the same kit (`serve`); only
    ///   files that changed since are parsed again.
    public static func load(_ location: KitLocation, configRequired: Bool = false, cache: ParseCache? = nil) async -> Kit {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(location, required: configRequired, into: &diagnostics)
        let (templates, templateProblems) = TemplateSet.load(kitFolder: location.templates, displayRoot: location.displayPath(location.templates))
        diagnostics += templateProblems

        let variables = KitVariables.values(config)
        let scan = ContentScanner.scan(location)
        diagnostics += scan.diagnostics
        let parsed = await parseAll(scan.markdown, location: location, cache: cache)
        var documents: [String: MarkdownDocument] = [:]
        var pages: [Page] = []
        for (path, result) in parsed {
            switch result {
            case .failure(let problem):
                diagnostics.append(problem)
            case .success(let (document, metadata, problems)):
                diagnostics += document.diagnostics + problems
                documents[path] = document
                if !ContentPath.isInclude(path) && !ContentScanner.isTOC(path) {
                    pages.append(Page(source: path, document: document, metadata: metadata, variables: variables))
                }
            }
        }
        pages.sort { $0.source < $1.source }

        var toc: TableOfContentsSource?
        if let tocPath = scan.tocPath {
            if let document = documents[tocPath] {
                toc = TableOfContentsSource(path: tocPath, entries: TOCEntry.entries(fromMarkdownTOC: document))
            } else if let (entries, problems) = TOCYAML.load(location: location, path: tocPath) {
                toc = TableOfContentsSource(path: tocPath, entries: entries)
                diagnostics += problems
            }
        }

        let (posters, posterProblems) = PosterCatalog.load(templates)
        diagnostics += posterProblems
        let logo = loadLogo(config, location: location, into: &diagnostics)

        var kit = Kit(location: location, config: config, pages: pages, documents: documents, assets: scan.assets,
                      toc: toc, templates: templates, posters: posters, logoDataURI: logo, diagnostics: diagnostics)
        kit.diagnostics = (diagnostics + KitChecks.run(kit)).sorted(by: Diagnostic.ordered)
        return kit
    }

    static func loadConfig(_ location: KitLocation, required: Bool, into diagnostics: inout [Diagnostic]) -> KitConfig {
        let display = location.displayPath(location.config)
        guard let data = FileManager.default.contents(atPath: location.config.path) else {
            if required || FileManager.default.fileExists(atPath: location.config.path) {
                diagnostics.append(.error(.unreadable, "cannot read the config file", at: SourceLocation(path: display, line: 1, column: 1)))
            }
            return KitConfig()
        }
        if data.count > YAMLLoader.maximumBytes {
            diagnostics.append(.error(.configTooLarge, "config file is larger than \(YAMLLoader.maximumBytes / 1024) KiB",
                                      at: SourceLocation(path: display, line: 1, column: 1)))
            return KitConfig()
        }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem):
            diagnostics.append(problem)
            return KitConfig()
        case .success(let source):
            let (config, problems) = KitConfig.decode(source.text, path: display)
            diagnostics += problems
            return config
        }
    }

    static let logoTypes = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                            "gif": "image/gif", "webp": "image/webp"]

    /// Reads `organization.logo` (relative to the kit) into a `data:` URI.
    static func loadLogo(_ config: KitConfig, location: KitLocation, into diagnostics: inout [Diagnostic]) -> String? {
        guard let logo = config.organization.logo else { return nil }
        let at = config.organization.logoLocation
        guard let type = logoTypes[ContentPath.fileExtension(logo)] else {
            diagnostics.append(.error(.configLogo, "logo '\(logo)' must be an SVG, PNG, JPEG, GIF or WebP file", at: at))
            return nil
        }
        let url = location.kit.appendingPathComponent(logo).standardizedFileURL
        guard KitLocation.isSameOrInside(url.path, location.kit.path) else {
            diagnostics.append(.error(.configLogo, "logo '\(logo)' must be a file inside the kit folder", at: at))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(.configLogo, "logo file '\(logo)' does not exist or cannot be read", at: at))
            return nil
        }
        guard data.count <= 1 << 20 else {
            diagnostics.append(.error(.configLogo, "logo '\(logo)' is larger than 1 MiB; posters embed it", at: at))
            return nil
        }
        return "data:\(type);base64,\(data.base64EncodedString())"
    }

    typealias Parsed = Result<(MarkdownDocument, Metadata, [Diagnostic]), Diagnostic>

    /// Reads and parses every Markdown file, spread over the cores. cmark itself parses under a
    /// lock; reading, decoding, the DocFX passes and front matter run in parallel.
    static func parseAll(_ paths: [String], location: KitLocation, cache: ParseCache?) async -> [(String, Parsed)] {
        await withTaskGroup(of: (Int, Parsed).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask {
                    guard let cache, let stamp = ParseCache.stamp(of: location.content.appendingPathComponent(path)) else {
                        return (index, parseOne(path, location: location))
                    }
                    if let hit = cache.cached(path, stamp: stamp) { return (index, hit) }
                    let parsed = parseOne(path, location: location)
                    cache.store(path, stamp: stamp, parsed: parsed)
                    return (index, parsed)
                }
            }
            var results = [(String, Parsed)?](repeating: nil, count: paths.count)
            for await (index, result) in group { results[index] = (paths[index], result) }
            return results.compactMap { $0 }
        }
    }

    static func parseOne(_ path: String, location: KitLocation) -> Parsed {
        let display = location.displayPath(content: path)
        guard let data = FileManager.default.contents(atPath: location.content.appendingPathComponent(path).path) else {
            return .failure(.error(.unreadable, "cannot read file", at: SourceLocation(path: display, line: 1, column: 1)))
        }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let source):
            let document = MarkdownParser.parse(source, path: path)
            guard document.frontMatter.isPresent else { return .success((document, Metadata(), [])) }
            let (metadata, problems) = FrontMatterDecoder.decode(document.frontMatter.yaml, path: display,
                                                                 firstLine: document.frontMatter.firstLine)
            return .success((document, metadata, problems))
        }
    }
}
