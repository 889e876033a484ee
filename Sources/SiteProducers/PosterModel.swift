import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// The data a poster template sees. Organisation-wide posters have no `group`; using one there
/// is a template error, caught by the strict check.
package enum PosterModel {
    /// What every poster of a kit shares: built and converted once per build.
    /// - Parameter language: the posters' language (nil: the default), whose strings label the codes.
    static func sharedFields(kit: Kit, language tag: String? = nil, qr: (String, String) -> String) -> [String: TemplateValue] {
        let config = kit.config
        let language = kit.languages.language(tag), strings = kit.languages.strings(tag)
        func label(_ name: String) -> String { StringTable.fill(strings[name] ?? "", ["app": config.app.name]) }
        return [
            "site": .object([
                "title": .text(config.site.title),
                "language": .text(language.tag),
                "is_rtl": .bool(language.isRightToLeft),
            ]),
            "organization": .object([
                "name": .text(config.organization.name),
                "short_name": .text(config.organization.displayShortName),
                "color": .token(config.organization.color),
                // Posters colour only large text with it (headline, organisation line): 3:1.
                "text_color": .token(PosterModel.textColor(config.organization.color)),
                "has_logo": .bool(kit.logoDataURI != nil),
                "logo_url": .url(kit.logoDataURI ?? ""),
            ]),
            "app": .object([
                "name": .text(config.app.name),
                "download_url": .url(config.app.downloadURL ?? ""),
                "download_url_wrapped": .html(HTMLEscaping.breakableLink(config.app.downloadURL ?? "")),
                "has_download_url": .bool(config.app.downloadURL != nil),
            ]),
            "sign_in": .object([
                "url": .url(config.signIn.url ?? ""),
                "url_wrapped": .html(HTMLEscaping.breakableLink(config.signIn.url ?? "")),
                "has_url": .bool(config.signIn.url != nil),
                "account": .text(config.signIn.account),
                "opens_web": .bool(config.signIn.opens == .web),
                "has_qr": .bool(signInCodeLink(config) != nil),
                "qr": .html(signInCodeLink(config).map {
                    qr($0, label(config.signIn.opens == .web ? "qr_sign_in_page" : "qr_get_app"))
                } ?? ""),
            ]),
            "support": .object([
                "contact": .text(config.support.contact),
                "has_contact": .bool(!config.support.contact.isEmpty),
                "url": .url(config.support.url ?? ""),
                "has_url": .bool(config.support.url != nil),
            ]),
            "groups": .list(config.groups.map { .object(["name": .text($0.name), "invite_link": .url($0.inviteLink)]) }),
        ]
    }

    /// What the sign-in poster's code opens: the web sign-in page, or the app's download link
    /// (the steps then happen in the app). Nil when that link is not set.
    package static func signInCodeLink(_ config: KitConfig) -> String? {
        config.signIn.opens == .web ? config.signIn.url : config.app.downloadURL
    }

    /// The organisation colour as poster text prints it: a darker shade of the same hue when the
    /// colour itself is too light for large text on white.
    package static func textColor(_ color: String) -> String {
        BrandColor(hex: color).map { $0.readable(on: .white, minimum: BrandColor.largeTextContrast).hex } ?? color
    }

    /// What is particular to one poster: its template, its type sizes, its links and, per group,
    /// the group.
    static func posterFields(poster: PosterTemplate, group: Group?, kit: Kit, fit: PosterFit = .largest, strings: StringTable? = nil,
                             qr: (String, String) -> String) -> [String: TemplateValue] {
        let page = OutputPaths.poster(poster, group: group, format: .html)
        let exports = kit.config.posters.export
        func exported(_ format: KitConfig.PosterSettings.ExportFormat) -> TemplateValue {
            .url(exports.contains(format) ? ContentPath.relativeURL(from: page, to: OutputPaths.posterExport(poster, group: group, format: format)) : "")
        }
        var fields: [String: TemplateValue] = [
            "poster": .object([
                "name": .text(poster.name),
                "title": .text(poster.title),
                "paper": .token(kit.config.site.paper.rawValue),
                "headline_size": .token(fit.headlineSize),
                "text_size": .token(fit.textSize),
                "index_url": .url(ContentPath.relativeURL(from: page, to: OutputPaths.postersIndex)),
                "pdf_url": exported(.pdf),
                "png_url": exported(.png),
                "has_pdf": .bool(exports.contains(.pdf)),
                "has_png": .bool(exports.contains(.png)),
            ]),
        ]
        if let group {
            fields["group"] = .object([
                "name": .text(group.name),
                "description": .text(group.description),
                "has_description": .bool(!group.description.isEmpty),
                "invite_link": .url(group.inviteLink),
                "invite_link_wrapped": .html(HTMLEscaping.breakableLink(group.inviteLink)),
                "invite_qr": .html(qr(group.inviteLink, StringTable.fill((strings ?? kit.languages.strings(nil))["qr_join"] ?? "",
                                                                         ["group": group.name, "app": kit.config.app.name]))),
                "admins": .list(group.admins.map(TemplateValue.text)),
                "admins_text": .text(group.admins.joined(separator: ", ")),
                "has_admins": .bool(!group.admins.isEmpty),
            ])
        }
        return fields
    }

    /// The shape templates of `scope` are checked against (every optional part present).
    package static func shape(scope: PosterTemplate.Scope, kit: Kit) -> TemplateShape {
        let sample = Group(name: "", inviteLink: "", description: "", admins: [""], posters: nil, postersLocation: nil,
                           location: .init(path: "", line: 1, column: 1), slug: "")
        let poster = PosterTemplate(name: "", title: "", description: "", scope: scope)
        let noQR: (String, String) -> String = { _, _ in "" }
        let fields = sharedFields(kit: kit, qr: noQR).merging(posterFields(poster: poster, group: scope == .group ? sample : nil, kit: kit, qr: noQR)) { $1 }
        var withStrings = fields
        withStrings["i18n"] = .object(Dictionary(uniqueKeysWithValues: kit.languages.strings(nil).strings.keys.map { ($0, TemplateValue.text("")) }))
        var shape = TemplateShape(of: .object(withStrings))
        // A sample list element so names inside {{#groups}} are checked even when the kit has none.
        if case .object(var fields) = shape {
            fields["groups"] = TemplateShape.list(.object(["name": .text, "invite_link": .url]))
            shape = .object(fields)
        }
        return shape
    }
}
