import Diagnostics
import Foundation
import Yams

/// The settings in `adoptkit.yml`. Every key has a default, so a folder without the file builds.
public struct KitConfig: Sendable, Hashable {
    public struct SiteSettings: Sendable, Hashable {
        public var title: String = "Adoption guide"
        /// Absolute https URL the site is published at; enables canonical URLs and Open Graph URLs.
        public var baseURL: String?
        public var language: String = "en"
    }

    public struct Organization: Sendable, Hashable {
        public var name: String = ""
    }

    public struct MarkdownSettings: Sendable, Hashable {
        /// Raw HTML in Markdown is dropped unless the kit opts in.
        public var rawHTML: Bool = false
    }

    public var site = SiteSettings()
    public var organization = Organization()
    public var markdown = MarkdownSettings()

    public init() {}

    public static let fileName = "adoptkit.yml"

    /// Decodes `text` (the file's contents); `path` is how diagnostics name the file.
    public static func decode(_ text: String, path: String) -> (KitConfig, [Diagnostic]) {
        var config = KitConfig()
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .configSyntax)
        guard problems.isEmpty else { return (config, problems) }
        guard let node else { return (config, []) } // an empty file is all defaults
        var reader = ConfigReader(path: path)
        guard let top = reader.mapping(node, named: "adoptkit.yml", allowed: ["site", "organization", "markdown"]) else {
            return (config, reader.diagnostics)
        }
        if let siteNode = top["site"], let site = reader.mapping(siteNode, named: "site", allowed: ["title", "base_url", "language"]) {
            if let title = reader.text(site["title"], named: "site.title") { config.site.title = title }
            config.site.baseURL = reader.httpsURL(site["base_url"], named: "site.base_url")
            if let language = reader.text(site["language"], named: "site.language") { config.site.language = language }
        }
        if let orgNode = top["organization"], let org = reader.mapping(orgNode, named: "organization", allowed: ["name"]) {
            if let name = reader.text(org["name"], named: "organization.name", required: true, in: orgNode) { config.organization.name = name }
        }
        if let mdNode = top["markdown"], let md = reader.mapping(mdNode, named: "markdown", allowed: ["raw_html"]) {
            if let raw = reader.bool(md["raw_html"], named: "markdown.raw_html") { config.markdown.rawHTML = raw }
        }
        return (config, reader.diagnostics.sorted(by: Diagnostic.ordered))
    }
}
