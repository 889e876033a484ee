import KitConfig
import SiteModel
import Templating

/// The same output in each of the site's languages: for the header's language switch and the
/// `hreflang` links. Every language has every default-language page (its own or a stand-in)
/// and every index page, poster and share page, at the same path in its folder; an output only
/// one language has (a page with no default-language original) links to the others' home pages.
struct LanguageLinks {
    struct Link {
        let language: SiteLanguage
        /// The language's name in that language (its table's `language_name`).
        let name: String
        let path: String
        let isCurrent: Bool
    }

    let links: [Link]
    /// The default language's version, for `hreflang="x-default"`.
    let defaultPath: String

    init(outputPath: String, context: RenderContext) {
        let languages = context.kit.languages
        guard languages.isMultilingual else {
            (links, defaultPath) = ([], outputPath)
            return
        }
        let within = String(outputPath.dropFirst(context.prefix.count))
        links = languages.languages.map { language in
            let prefix = languages.prefix(language.tag)
            let candidate = prefix + within
            let path = context.outputPaths.contains(candidate) ? candidate : prefix + "index.html"
            let name = languages.strings(language.tag)["language_name"] ?? language.tag
            return Link(language: language, name: name, path: path, isCurrent: language.tag == context.language.tag)
        }
        defaultPath = links.first?.path ?? outputPath
    }

    /// `has_languages`, `languages` (each `tag`, `name`, `url` relative to `from`, `alternate_url`,
    /// `is_current`) and `x_default_url`, as the layout sees them.
    func fields(from outputPath: String, baseURL: String?) -> [String: TemplateValue] {
        func alternate(_ path: String) -> String {
            baseURL.map { ContentPath.absoluteURL(base: $0, path: path) } ?? ContentPath.relativeURL(from: outputPath, to: path)
        }
        return [
            "has_languages": .bool(!links.isEmpty),
            "languages": .list(links.map {
                .object(["tag": .text($0.language.tag), "name": .text($0.name), "url": .url(ContentPath.relativeURL(from: outputPath, to: $0.path)),
                         "alternate_url": .url(alternate($0.path)), "is_current": .bool($0.isCurrent)])
            }),
            "x_default_url": .url(alternate(defaultPath)),
        ]
    }

    /// The same names with one sample language, for the strict template check.
    static let sampleFields: [String: TemplateValue] = [
        "has_languages": .bool(true),
        "languages": .list([.object(["tag": .text(""), "name": .text(""), "url": .url(""), "alternate_url": .url(""), "is_current": .bool(true)])]),
        "x_default_url": .url(""),
    ]
}
