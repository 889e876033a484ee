import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// The data the `page` layout sees. Every key is always present (empty or false when unused)
/// so the strict template check and every render agree on the names.
package struct PageViewModel {
    var title: String
    var description: String
    var contentHTML: String
    var outputPath: String
    var sourcePath: String
    var sidebarHTML: String
    var breadcrumbs: [(title: String, url: String?, isCurrent: Bool)]
    var previous: (title: String, url: String)?
    var next: (title: String, url: String)?
    /// Front matter entries as written (lists joined with ", ").
    var metadata: [(key: String, value: String)] = []
    /// The page's `##` and `###` headings, for "On this page".
    var outline: [HTMLRenderer.Heading] = []
    /// DocFX's `titleSuffix` (front matter or docfx.json): what `full_title` adds instead of the site title.
    var titleSuffix: String? = nil
    /// The language a stand-in page's text is in (the default's), when the layout's is another.
    var contentLanguage: SiteLanguage? = nil

    /// "Page – Suffix", the suffix being `titleSuffix` or else the site's title.
    func fullTitle(siteTitle: String) -> String {
        let suffix = titleSuffix.flatMap { $0.isEmpty ? nil : $0 } ?? siteTitle
        return title == suffix ? title : "\(title) – \(suffix)"
    }

    /// What every page of one site shares: the brand and where the shared outputs are.
    struct Chrome {
        var hasPosters: Bool
        var searchPath: String
        var logoPath: String?
        var palette: SitePalette?
        /// The language of the page's words, its strings (`i18n`) and its counterparts in the
        /// other languages.
        var language: SiteLanguage = SiteLanguage(tag: "en", location: nil)
        var strings: TemplateValue = .object([:])
        var languageFields: [String: TemplateValue] = LanguageLinks.sampleFields
        var languageRoot = ""
    }

    func value(config: KitConfig, chrome: Chrome) -> TemplateValue {
        let canonical = config.site.baseURL.map { ContentPath.absoluteURL(base: $0, path: outputPath) } ?? ""
        func link(_ item: (title: String, url: String)?) -> TemplateValue {
            .list(item.map { [.object(["title": .text($0.title), "url": .url($0.url)])] } ?? [])
        }
        let logoURL = chrome.logoPath.map { ContentPath.relativeURL(from: outputPath, to: $0) } ?? ""
        var fields: [String: TemplateValue] = [
            "site": .object([
                "title": .text(config.site.title),
                "language": .text(chrome.language.tag),
                "is_rtl": .bool(chrome.language.isRightToLeft),
                // The language's folder from the site root (`fr/`), for its home and posters.
                "language_root": .token(chrome.languageRoot),
                "organization": .text(config.organization.name),
                "has_organization": .bool(!config.organization.name.isEmpty),
                "has_posters": .bool(chrome.hasPosters),
                "has_logo": .bool(!logoURL.isEmpty),
                "logo_url": .url(logoURL),
            ]),
            "brand": .object([
                "has_color": .bool(chrome.palette != nil),
                "light": .token(chrome.palette?.light.hex ?? ""),
                "dark": .token(chrome.palette?.dark.hex ?? ""),
            ]),
            "search": .object(["url": .url(ContentPath.relativeURL(from: outputPath, to: chrome.searchPath))]),
            "has_outline": .bool(outline.count >= 2),
            "outline": .list(outline.map {
                .object(["title": .text($0.text), "url": .url("#" + $0.id), "level": .token(String($0.level))])
            }),
            "page": .object([
                "title": .text(title),
                "full_title": .text(fullTitle(siteTitle: config.site.title)),
                "description": .text(description),
                "has_description": .bool(!description.isEmpty),
                "content": .html(contentHTML),
                "canonical_url": .url(canonical),
                "has_canonical_url": .bool(!canonical.isEmpty),
                "source": .text(sourcePath),
                "path": .text(outputPath),
                "metadata": .list(metadata.map { .object(["key": .text($0.key), "value": .text($0.value)]) }),
                "has_content_language": .bool(contentLanguage != nil),
                "content_language": .text(contentLanguage?.tag ?? ""),
                "content_direction": .token(contentLanguage?.direction ?? "ltr"),
            ]),
            "i18n": chrome.strings,
            "root": .token(ContentPath.rootPrefix(for: outputPath)),
            "sidebar": .html(sidebarHTML),
            "has_breadcrumbs": .bool(!breadcrumbs.isEmpty),
            "breadcrumbs": .list(breadcrumbs.map {
                .object(["title": .text($0.title), "url": .url($0.url ?? ""), "has_url": .bool($0.url != nil), "is_current": .bool($0.isCurrent)])
            }),
            "previous": link(previous),
            "next": link(next),
        ]
        fields.merge(chrome.languageFields) { $1 }
        return .object(fields)
    }

    /// A page with every optional part present: the data the layout is checked against.
    package static func sample(config: KitConfig, strings: StringTable) -> TemplateValue {
        let names = Dictionary(uniqueKeysWithValues: strings.strings.keys.map { ($0, TemplateValue.text("")) })
        let chrome = Chrome(hasPosters: true, searchPath: "search.html", logoPath: "assets/site-logo.svg", palette: SitePalette(hex: "#000000"),
                            strings: .object(names))
        return PageViewModel(title: "", description: "", contentHTML: "", outputPath: "index.html", sourcePath: "",
                             sidebarHTML: "", breadcrumbs: [("", "", false)], previous: ("", ""), next: ("", ""),
                             metadata: [("", "")], outline: [.init(level: 2, id: "", text: "")]).value(config: config, chrome: chrome)
    }

    /// The shape used to check the layout.
    package static func shape(config: KitConfig, strings: StringTable) -> TemplateShape { TemplateShape(of: sample(config: config, strings: strings)) }
}
