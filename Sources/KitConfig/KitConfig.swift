import Diagnostics
import Foundation
import Yams

/// The settings in `adoptkit.yml`. Every key has a default, so a folder without the file builds.
public struct KitConfig: Sendable, Hashable {
    public enum Paper: String, Sendable, Hashable, CaseIterable {
        case a4, letter
        /// The CSS `@page size` keyword.
        public var cssSize: String { self == .a4 ? "A4" : "letter" }
    }

    public struct SiteSettings: Sendable, Hashable {
        public var title: String = "Adoption guide"
        /// Absolute https URL the site is published at; enables canonical URLs and Open Graph URLs.
        public var baseURL: String?
        public var language: String = "en"
        /// `site.languages`: every language of the site, the default first. Empty for a
        /// one-language site (the layout of every kit before languages).
        public var languages: [SiteLanguage] = []
        /// Poster sheet size.
        public var paper: Paper = .a4
    }

    public struct Organization: Sendable, Hashable {
        public var name: String = ""
        public var shortName: String = ""
        /// Path of the logo file, relative to the kit; checked and embedded by the site.
        public var logo: String?
        public var logoLocation: SourceLocation?
        /// Brand colour as `#RRGGBB`.
        public var color: String = "#0F62AE"
        /// Where `color` is written, for the contrast warning.
        public var colorLocation: SourceLocation?
        /// `short_name` when set, else `name`.
        public var displayShortName: String { shortName.isEmpty ? name : shortName }
    }

    public struct App: Sendable, Hashable {
        public var name: String = "Kaizala"
        public var downloadURL: String?
    }

    public struct SignIn: Sendable, Hashable {
        /// Where the sign-in poster's code leads: the app (its download link; the steps are in
        /// the app) or the web sign-in page at `url` (the steps are on that page).
        public enum Opens: String, Sendable, Hashable, CaseIterable { case app, web }

        public var url: String?
        public var urlLocation: SourceLocation?
        /// How the account is called on posters ("your Office 365 email ID").
        public var account: String = "your Office 365 account"
        public var opens: Opens = .app
        public var opensLocation: SourceLocation?
    }

    public struct PosterSettings: Sendable, Hashable {
        /// What `build` also writes for every poster (`posters.export`), rendered by a browser.
        public enum ExportFormat: String, Sendable, Hashable, CaseIterable { case pdf, png }
        public var export: [ExportFormat] = []
    }

    public struct Support: Sendable, Hashable {
        /// Who to ask ("the IT help desk, extension 4357").
        public var contact: String = ""
        public var url: String?
    }

    public struct ChatSettings: Sendable, Hashable {
        /// Which chat flavours get text files (names as in `ChatFlavor`).
        public var flavors: [String] = ["plain", "whatsapp"]
        /// The chat app's own message limit, used for the `plain` flavour.
        public var limit: Int = 4096
        public static let knownFlavors = ["plain", "whatsapp", "slack", "telegram", "teams"]
    }

    public struct MarkdownSettings: Sendable, Hashable {
        /// Raw HTML beyond the sanitiser's allow-list is dropped unless the kit opts in.
        public var rawHTML: Bool = false
        /// Where `/path` links point (`https://learn.microsoft.com/`): they become absolute links.
        public var rootURL: String?
        /// The path the docs are published under (`/microsoft-365-apps/`): a `/path` link under it
        /// is a link to a page of the kit.
        public var publishedPath: String?
    }

    public var site = SiteSettings()
    public var organization = Organization()
    public var app = App()
    public var signIn = SignIn()
    public var support = Support()
    public var posters = PosterSettings()
    public var groups: [Group] = []
    /// `groups_file`: a spreadsheet of more groups, relative to the kit (see `GroupsCSV`).
    public var groupsFile: String?
    public var groupsFileLocation: SourceLocation?
    public var chat = ChatSettings()
    public var markdown = MarkdownSettings()

    public init() {}

    public static let fileName = "adoptkit.yml"
    public static let topLevelKeys = ["site", "organization", "app", "sign_in", "support", "posters", "groups", "groups_file", "chat", "markdown"]

    /// What reading the groups file gave: its text and how diagnostics name it, or the problems
    /// that kept it from being read.
    public enum GroupsFileContents {
        case text(String, path: String)
        case unreadable([Diagnostic])
    }

    /// Decodes `text` (the file's contents); `path` is how diagnostics name the file.
    /// `readGroupsFile` reads `groups_file` (its path as written, and where it is written); the
    /// file's groups follow the inline ones, and duplicates are reported across both.
    public static func decode(_ text: String, path: String,
                              readGroupsFile: ((String, SourceLocation) -> GroupsFileContents)? = nil) -> (KitConfig, [Diagnostic]) {
        var config = KitConfig()
        // Duplicate keys and anchors are errors, but the rest of the file is still read so that
        // every problem shows up in one run (the loader keeps first keys and drops aliases).
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .configSyntax)
        guard let node else { return (config, problems) } // an empty file is all defaults
        var reader = ConfigReader(path: path, problems: problems)
        guard let top = reader.mapping(node, named: "adoptkit.yml", allowed: topLevelKeys) else {
            return (config, reader.diagnostics.sorted(by: Diagnostic.ordered))
        }
        if let siteNode = top["site"], let site = reader.mapping(siteNode, named: "site", allowed: ["title", "base_url", "language", "languages", "paper"]) {
            if let title = reader.text(site["title"], named: "site.title") { config.site.title = title }
            config.site.baseURL = reader.httpsURL(site["base_url"], named: "site.base_url", isBase: true)
            if let language = reader.text(site["language"], named: "site.language") { config.site.language = language }
            if let languagesNode = site["languages"], let languages = reader.languages(languagesNode, language: site["language"]) {
                config.site.languages = languages
                config.site.language = languages[0].tag
            }
            if let paper = reader.choice(site["paper"], named: "site.paper", among: Paper.allCases.map(\.rawValue)) {
                config.site.paper = Paper(rawValue: paper) ?? .a4
            }
        }
        if let orgNode = top["organization"],
           let org = reader.mapping(orgNode, named: "organization", allowed: ["name", "short_name", "logo", "color"]) {
            if let name = reader.text(org["name"], named: "organization.name", required: true, in: orgNode) { config.organization.name = name }
            if let short = reader.text(org["short_name"], named: "organization.short_name") { config.organization.shortName = short }
            if let logoNode = org["logo"], let logo = reader.text(logoNode, named: "organization.logo") {
                config.organization.logo = logo
                config.organization.logoLocation = reader.location(logoNode)
            }
            if let color = reader.color(org["color"], named: "organization.color") {
                config.organization.color = color
                config.organization.colorLocation = org["color"].map(reader.location)
            }
        }
        if let appNode = top["app"], let app = reader.mapping(appNode, named: "app", allowed: ["name", "download_url"]) {
            if let name = reader.text(app["name"], named: "app.name", required: true, in: appNode) { config.app.name = name }
            config.app.downloadURL = reader.httpsURL(app["download_url"], named: "app.download_url")
        }
        if let signInNode = top["sign_in"], let signIn = reader.mapping(signInNode, named: "sign_in", allowed: ["url", "account", "opens"]) {
            if let opens = reader.choice(signIn["opens"], named: "sign_in.opens", among: SignIn.Opens.allCases.map(\.rawValue)) {
                config.signIn.opens = SignIn.Opens(rawValue: opens) ?? .app
                config.signIn.opensLocation = signIn["opens"].map(reader.location)
            }
            // The web page is what a `web` code opens, so it is needed then; the app needs none.
            config.signIn.url = reader.httpsURL(signIn["url"], named: "sign_in.url", required: config.signIn.opens == .web, in: signInNode)
            config.signIn.urlLocation = signIn["url"].map(reader.location)
            if let account = reader.text(signIn["account"], named: "sign_in.account") { config.signIn.account = account }
        }
        if let postersNode = top["posters"], let posters = reader.mapping(postersNode, named: "posters", allowed: ["export"]) {
            if let exportNode = posters["export"], let formats = reader.textList(exportNode, named: "posters.export") {
                let known = PosterSettings.ExportFormat.allCases.map(\.rawValue)
                if let unknown = formats.first(where: { !known.contains($0.lowercased()) }) {
                    reader.error(.configType, "unknown poster export format '\(unknown)'; choose from \(known.joined(separator: ", "))",
                                 at: exportNode, notes: Suggestions.note(unknown, among: known))
                } else {
                    config.posters.export = PosterSettings.ExportFormat.allCases.filter { formats.map { $0.lowercased() }.contains($0.rawValue) }
                }
            }
        }
        if let supportNode = top["support"], let support = reader.mapping(supportNode, named: "support", allowed: ["contact", "url"]) {
            if let contact = reader.text(support["contact"], named: "support.contact", required: true, in: supportNode) {
                config.support.contact = contact
            }
            config.support.url = reader.httpsURL(support["url"], named: "support.url")
        }
        var candidates = top["groups"].map { GroupsDecoder.candidates($0, reader: &reader) } ?? []
        if let fileNode = top["groups_file"], let file = reader.text(fileNode, named: "groups_file") {
            config.groupsFile = file
            config.groupsFileLocation = reader.location(fileNode)
            switch readGroupsFile?(file, reader.location(fileNode)) {
            case .text(let csv, let csvPath):
                let (rows, problems) = GroupsCSV.candidates(csv, path: csvPath)
                candidates += rows
                reader.append(problems)
            case .unreadable(let problems):
                reader.append(problems)
            case nil:
                break
            }
        }
        var roster = GroupRoster()
        for candidate in candidates { roster.add(candidate) }
        config.groups = roster.groups
        reader.append(roster.diagnostics)
        if let chatNode = top["chat"], let chat = reader.mapping(chatNode, named: "chat", allowed: ["flavors", "limit"]) {
            if let flavorsNode = chat["flavors"], let flavors = reader.textList(flavorsNode, named: "chat.flavors") {
                let unknown = flavors.filter { !ChatSettings.knownFlavors.contains($0) }
                if unknown.isEmpty {
                    config.chat.flavors = ChatSettings.knownFlavors.filter(flavors.contains)
                } else {
                    reader.error(.configType, "unknown chat flavour '\(unknown[0])'; choose from \(ChatSettings.knownFlavors.joined(separator: ", "))",
                                 at: flavorsNode, notes: Suggestions.note(unknown[0], among: ChatSettings.knownFlavors))
                }
            }
            if let limit = reader.integer(chat["limit"], named: "chat.limit", range: 100...100_000) { config.chat.limit = limit }
        }
        if let mdNode = top["markdown"], let md = reader.mapping(mdNode, named: "markdown", allowed: ["raw_html", "root_url", "published_path"]) {
            if let raw = reader.bool(md["raw_html"], named: "markdown.raw_html") { config.markdown.rawHTML = raw }
            config.markdown.rootURL = reader.httpsURL(md["root_url"], named: "markdown.root_url", isBase: true)
            if let node = md["published_path"], let path = reader.text(node, named: "markdown.published_path") {
                let trimmed = path.split(separator: "/").joined(separator: "/")
                if !path.hasPrefix("/") || trimmed.contains(where: { $0.isWhitespace || "?#%\\".contains($0) }) || trimmed.split(separator: "/").contains("..") {
                    reader.error(.configType, "'markdown.published_path' must be a path from the server's root, such as /docs/, not '\(path)'", at: node)
                } else {
                    config.markdown.publishedPath = trimmed.isEmpty ? "/" : "/" + trimmed + "/"
                }
            }
        }
        return (config, reader.diagnostics.sorted(by: Diagnostic.ordered))
    }
}
