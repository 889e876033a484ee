import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// The data a poster template sees. Organisation-wide posters have no `group`; using one there
/// is a template error, caught by the strict check.
package enum PosterModel {
    /// What every poster of a kit shares: built and converted once per build.
    static func sharedFields(kit: Kit, qr: (String, String) -> String) -> [String: TemplateValue] {
        let config = kit.config
        return [
            "site": .object([
                "title": .text(config.site.title),
                "language": .text(config.site.language),
            ]),
            "organization": .object([
                "name": .text(config.organization.name),
                "short_name": .text(config.organization.displayShortName),
                "color": .token(config.organization.color),
                "has_logo": .bool(kit.logoDataURI != nil),
                "logo_url": .url(kit.logoDataURI ?? ""),
            ]),
            "app": .object([
                "name": .text(config.app.name),
                "download_url": .url(config.app.downloadURL ?? ""),
                "has_download_url": .bool(config.app.downloadURL != nil),
            ]),
            "sign_in": .object([
                "url": .url(config.signIn.url ?? ""),
                "has_url": .bool(config.signIn.url != nil),
                "account": .text(config.signIn.account),
                "qr": .html(config.signIn.url.map { qr($0, "QR code for the \(config.app.name) sign-in page") } ?? ""),
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

    /// What is particular to one poster: its template and, per group, the group.
    static func posterFields(poster: PosterTemplate, group: Group?, kit: Kit, qr: (String, String) -> String) -> [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "poster": .object([
                "name": .text(poster.name),
                "title": .text(poster.title),
                "paper": .token(kit.config.site.paper.rawValue),
            ]),
        ]
        if let group {
            fields["group"] = .object([
                "name": .text(group.name),
                "description": .text(group.description),
                "has_description": .bool(!group.description.isEmpty),
                "invite_link": .url(group.inviteLink),
                "invite_qr": .html(qr(group.inviteLink, "QR code to join \(group.name) on \(kit.config.app.name)")),
                "admins": .list(group.admins.map(TemplateValue.text)),
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
        var shape = TemplateShape(of: .object(fields))
        // A sample list element so names inside {{#groups}} are checked even when the kit has none.
        if case .object(var fields) = shape {
            fields["groups"] = TemplateShape.list(.object(["name": .text, "invite_link": .url]))
            shape = .object(fields)
        }
        return shape
    }
}
