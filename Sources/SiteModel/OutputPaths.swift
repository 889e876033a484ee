import KitConfig
import Rendering

/// Where each kind of output goes and which template makes it: the names the plan, the
/// producers and the checks share.
package enum OutputPaths {
    /// The layout every page of the site is rendered in.
    package static let layoutTemplate = "page"
    package static let postersIndex = "posters/index.html"
    /// The per-group share page's template, and the poster whose text it shares.
    package static let shareTemplate = "share"
    package static let invitePoster = "invite-link"

    /// `posters/<group-slug>/<poster>.html|.txt`, or `posters/<poster>.…` for organisation-wide posters.
    package static func poster(_ poster: PosterTemplate, group: Group?, format: PosterFormat) -> String {
        let folder = group.map { "posters/\($0.slug)/" } ?? "posters/"
        return folder + poster.name + "." + format.fileExtension
    }

    /// Beside the site's home page: the groups with their outputs, for mail merges.
    package static let groupsExport = "groups.csv"

    /// The invitation e-mail's templates: HTML, plain text and the subject line.
    package static let emailHTMLTemplate = "email/invite.html"
    package static let emailTextTemplate = "email/invite.txt"
    package static let emailSubjectTemplate = "email/invite-subject.txt"

    /// `posters/<group-slug>/invite-email.html|txt|eml`.
    package static func email(_ group: Group, format: String) -> String { "posters/\(group.slug)/invite-email.\(format)" }

    /// `posters/<group-slug>/<poster>.pdf|.png`: a poster printed by the browser (`posters.export`).
    package static func posterExport(_ poster: PosterTemplate, group: Group?, format: KitConfig.PosterSettings.ExportFormat) -> String {
        let folder = group.map { "posters/\($0.slug)/" } ?? "posters/"
        return folder + poster.name + "." + format.rawValue
    }

    /// Every poster on one PDF, a sheet each, for a print shop.
    package static let allPostersPDF = "posters/all-posters.pdf"

    package static func shareHTML(_ group: Group) -> String { "posters/\(group.slug)/share.html" }

    /// `posters/<group>/invite-link.text.html`: a poster's text versions on a page that states
    /// its charset, so it reads right on hosts that send `.txt` without one.
    package static func posterTextPage(_ poster: PosterTemplate, group: Group?) -> String {
        let html = self.poster(poster, group: group, format: .html)
        return String(html.dropLast(".html".count)) + ".text.html"
    }

    /// `assets/site-logo.svg` (the logo's own extension, lower-cased).
    package static func logo(_ config: KitConfig) -> String? {
        guard let logo = config.organization.logo, !config.organization.name.isEmpty else { return nil }
        let name = logo.split(separator: "/").last.map(String.init) ?? logo
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : "img"
        return "assets/site-logo." + ext
    }

    /// The search index's files live here.
    package static let searchFolder = "assets/search/"
    package static func shareText(_ group: Group) -> String { "posters/\(group.slug)/share.txt" }

    /// `guide/invite.html` → `guide/invite.txt` (plain) or `guide/invite.whatsapp.txt`.
    package static func chatText(besides htmlPath: String, flavor: ChatFlavor) -> String {
        let base = htmlPath.hasSuffix(".html") ? String(htmlPath.dropLast(5)) : htmlPath
        return flavor == .plain ? base + ".txt" : base + ".\(flavor.rawValue).txt"
    }

    /// The chat flavours the kit writes, in the order `chat.flavors` names them.
    package static func flavors(_ config: KitConfig) -> [ChatFlavor] {
        config.chat.flavors.compactMap(ChatFlavor.init(rawValue:))
    }
}

public enum PosterFormat: String, Sendable, CaseIterable, Codable {
    case html, text
    var fileExtension: String { self == .html ? "html" : "txt" }
}
