import Foundation
import KitConfig
import Markdown
import Rendering
import SiteModel
import Templating

/// What every render of one kit shares: built once per build, immutable (the search index and
/// image sizes are filled as outputs ask, under their own locks).
package struct RenderContext: Sendable {
    /// What every language's context of one build shares, in one box: a context is copied for
    /// every output rendered, and a copy should cost one reference count, not one per field.
    private final class Shared: Sendable {
        let kit: Kit
        let variables: [String: String]
        let blocks: [String: @Sendable (String, String) -> String]
        let chatBlocks: [String: [(text: String, url: String?)]]
        let posterFieldsByLanguage: [String: TemplateData]
        let instancesByGroup: [String: [PosterInstance]]
        let chromes: [String: LanguageChrome]
        let outputPaths: Set<String>
        let logoPath: String?
        let palette: SitePalette?
        let searchIndex = SearchIndexCache()
        let imageSizes = ImageSizeCache()

        init(kit: Kit) {
            self.kit = kit
            variables = KitVariables.values(kit.config)
            blocks = KitVariables.blocks(kit.config, hasPosters: !kit.posterInstances.isEmpty)
            chatBlocks = KitVariables.chatBlocks(kit.config)
            logoPath = kit.plan.outputs.first { $0.producer == .logo }?.path
            palette = kit.config.organization.name.isEmpty ? nil : SitePalette(hex: kit.config.organization.color)
            outputPaths = kit.languages.isMultilingual ? kit.plan.paths : []
            var byLanguage: [String: TemplateData] = [:]
            var chromes: [String: LanguageChrome] = [:]
            for language in kit.languages.languages {
                byLanguage[language.tag] = TemplateData(PosterModel.sharedFields(kit: kit, language: language.tag, qr: RenderContext.symbol))
                chromes[language.tag] = LanguageChrome(kit.languages.strings(language.tag), config: kit.config)
            }
            self.chromes = chromes
            posterFieldsByLanguage = byLanguage
            instancesByGroup = Dictionary(grouping: kit.posterInstances.filter { $0.group != nil }, by: { $0.group!.slug })
        }
    }
    private let shared: Shared

    var kit: Kit { _read { yield shared.kit } }
    var variables: [String: String] { shared.variables }
    var blocks: [String: @Sendable (String, String) -> String] { shared.blocks }
    var chatBlocks: [String: [(text: String, url: String?)]] { shared.chatBlocks }
    /// Per-group poster instances by group slug, for the share pages.
    var instancesByGroup: [String: [PosterInstance]] { shared.instancesByGroup }
    /// Every output path, for the links of stand-in pages and the language switch (empty for a
    /// one-language kit, which needs neither).
    var outputPaths: Set<String> { shared.outputPaths }
    /// The site's logo (header, favicon), relative to the site root.
    var logoPath: String? { shared.logoPath }
    var palette: SitePalette? { shared.palette }
    package var searchIndex: SearchIndexCache { shared.searchIndex }
    var imageSizes: ImageSizeCache { shared.imageSizes }

    private(set) var contentsPath: String
    /// Poster data every poster and share page shares, in this context's language.
    private(set) var posterFields: TemplateData
    private(set) var searchPath: String
    /// The language this render is in (`localized(_:)` picks it per output), its strings and
    /// the folder its outputs are in (`""` for the default, `fr/`).
    private(set) var language: SiteLanguage
    private var chrome: LanguageChrome
    private(set) var prefix = ""

    var strings: StringTable { chrome.strings }
    /// `strings` filled in with the site's values, as the layout sees them.
    var siteStrings: TemplateValue { chrome.siteStrings }
    /// Alert labels and the page markup's names in this language.
    var words: RenderWords { chrome.words }

    package init(kit: Kit) {
        shared = Shared(kit: kit)
        contentsPath = kit.plan.outputs.first { $0.producer == .contents && $0.language == nil }?.path ?? "contents.html"
        searchPath = kit.plan.outputs.first { $0.producer == .searchPage && $0.language == nil }?.path ?? "search.html"
        language = kit.languages.defaultLanguage
        chrome = shared.chromes[kit.languages.defaultLanguage.tag] ?? LanguageChrome(StringTable(), config: kit.config)
        posterFields = shared.posterFieldsByLanguage[kit.languages.defaultLanguage.tag] ?? TemplateData([:])
    }

    /// What a poster's templates see: the shared fields and those of `poster` for `group`,
    /// with type at the sizes `fit` chose.
    package func posterData(_ poster: PosterTemplate, group: Group?, fit: PosterFit = .largest, codes: PosterCodes = .symbols) -> TemplateData {
        var fields = PosterModel.posterFields(poster: poster, group: group, kit: kit, fit: fit, strings: strings) { link, label in
            switch codes {
            case .symbols: Self.symbol(link, label: label)
            case .outlines: QRCode.outlineSVG(link, label: label)
            }
        }
        fields["i18n"] = stringsValue(group.map { ["group": $0.name] } ?? [:])
        return posterFields.merging(fields)
    }

    /// How a poster's group codes are drawn: whole, or as outlines for measuring its sheet.
    package enum PosterCodes { case symbols, outlines }

    /// A link's code as a poster prints it (encoded once per process); empty where none fits.
    fileprivate static func symbol(_ link: String, label: String) -> String {
        QRCode.memoized(link)?.svg(label: label) ?? ""
    }

    var hasPosters: Bool { !kit.posterInstances.isEmpty }

    /// The same context for an output in `tag` (nil: the default language): its strings, and
    /// the index pages of its folder.
    package func localized(_ tag: String?) -> RenderContext {
        guard let tag, tag != language.tag else { return self }
        var copy = self
        copy.language = kit.languages.language(tag)
        copy.chrome = shared.chromes[copy.language.tag] ?? chrome
        let prefix = kit.languages.prefix(tag)
        copy.contentsPath = prefix + String(contentsPath.dropFirst(self.prefix.count))
        copy.searchPath = prefix + String(searchPath.dropFirst(self.prefix.count))
        copy.prefix = prefix
        copy.posterFields = shared.posterFieldsByLanguage[copy.language.tag] ?? posterFields
        return copy
    }

    /// `posters/index.html` → `fr/posters/index.html` in another language.
    func path(_ path: String) -> String { prefix + path }

    /// String `name` of this language with `{site}`, `{organization}`, `{app}` and `values` filled in.
    func text(_ name: String, _ values: [String: String] = [:]) -> String { chrome.text(name, values) }

    /// Every string of this language, filled in, as templates see them (`i18n.NAME`).
    func stringsValue(_ values: [String: String] = [:]) -> TemplateValue { values.isEmpty ? chrome.siteStrings : chrome.value(values) }

    /// For a stand-in page, links that reach a default-language page go to its counterpart in
    /// the page's language, so a reader stays in it.
    func environment(for output: String, fallback: Bool = false) -> PageEnvironment {
        PageEnvironment(pageOutput: output, resolver: kit.resolver, documents: kit.documents, variables: variables, blocks: blocks,
                        chatBlocks: chatBlocks, baseURL: kit.config.site.baseURL, codeFiles: kit.codeFiles,
                        imageSizes: imageSizes, content: kit.location.content,
                        languagePrefix: fallback ? prefix : "", translatedOutputs: fallback ? outputPaths : [],
                        languageRoot: prefix, postersWord: strings["groups_posters"] ?? "posters")
    }

    func sidebar(current source: String?, output: String) -> String {
        kit.navigation(for: language.tag).sidebarHTML(currentSource: source, currentOutput: output, contentsOutput: contentsPath,
                                                      labels: Navigation.Labels(strings))
    }
}

/// Image sizes by content-relative path, read from each file's header once per build.
package final class ImageSizeCache: @unchecked Sendable {
    // Guarded by `lock`; reading happens outside it.
    private var sizes: [String: ImageSize?] = [:]
    private let lock = NSLock()

    func size(of path: String, in content: URL) -> ImageSize? {
        if let known = lock.withLock({ sizes[path] }) { return known }
        var size: ImageSize?
        if let handle = try? FileHandle(forReadingFrom: content.appendingPathComponent(path)) {
            size = (try? handle.read(upToCount: ImageSize.headerLength)).flatMap { ImageSize(header: $0) }
            try? handle.close()
        }
        lock.withLock { sizes[path] = size }
        return size
    }
}
