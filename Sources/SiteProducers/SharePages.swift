import Diagnostics
import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// A mobile-first page per group for champions on a phone: the invite text to copy, a WhatsApp
/// link, the Web Share button where the browser has it, the QR code and the group's posters.
package enum SharePages {



    /// `https://wa.me/?text=…` with the text percent-encoded per RFC 3986: every byte but the
    /// unreserved characters, so decoding gives the text back byte for byte.
    static func whatsAppURL(_ text: String) -> String {
        "https://wa.me/?text=" + percentEncode(text)
    }

    static func percentEncode(_ text: String) -> String {
        PercentEncoding.encode(text, keeping: PercentEncoding.isUnreserved)
    }

    static func invite(_ kit: Kit) -> PosterTemplate? { kit.posters.first { $0.name == OutputPaths.invitePoster } }

    /// The invite text, from the `invite-link` poster's text template.
    static func text(_ group: Group, context: RenderContext) -> String {
        guard let invite = invite(context.kit) else { return "" }
        return context.kit.templates.render(invite.textTemplate, context.posterData(invite, group: group))
    }

    static func html(_ group: Group, context: RenderContext) -> String {
        let kit = context.kit
        guard let invite = invite(kit) else { return "" }
        let text = text(group, context: context)
        let page = context.path(OutputPaths.shareHTML(group))
        let exports = kit.config.posters.export
        let posters = (context.instancesByGroup[group.slug] ?? []).map { instance in
            func exported(_ format: KitConfig.PosterSettings.ExportFormat) -> TemplateValue {
                .url(exports.contains(format) ? ContentPath.relativeURL(from: page, to: context.path(OutputPaths.posterExport(instance.poster, group: group, format: format))) : "")
            }
            return TemplateValue.object([
                "title": .text(instance.poster.title),
                "url": .url(ContentPath.relativeURL(from: page, to: context.path(OutputPaths.poster(instance.poster, group: group, format: .html)))),
                "pdf_url": exported(.pdf), "has_pdf": .bool(exports.contains(.pdf)),
                "png_url": exported(.png), "has_png": .bool(exports.contains(.png)),
            ])
        }
        let canonical = kit.config.site.baseURL.map { ContentPath.absoluteURL(base: $0, path: page) } ?? ""
        let share: [String: TemplateValue] = [
            "root": .token(ContentPath.rootPrefix(for: page)),
            "share": .object([
                "index_url": .url(ContentPath.rootPrefix(for: page) + context.path(OutputPaths.postersIndex)),
                "text": .text(text),
                "description": .text(group.description.isEmpty ? context.text("share_description", ["group": group.name]) : group.description),
                "whatsapp_url": .url(whatsAppURL(text)),
                "canonical_url": .url(canonical),
                "has_canonical_url": .bool(!canonical.isEmpty),
            ]),
            "posters": .list(posters),
            "email": emailLinks(group, from: page, context: context),
        ]
        return kit.templates.render(OutputPaths.shareTemplate, context.posterData(invite, group: group).merging(share))
    }

    /// The group's invitation e-mail, linked from its share page.
    static func emailLinks(_ group: Group, from page: String, context: RenderContext? = nil) -> TemplateValue {
        func link(_ format: String) -> TemplateValue {
            .url(ContentPath.relativeURL(from: page, to: (context?.prefix ?? "") + OutputPaths.email(group, format: format)))
        }
        return .object(["eml_url": link("eml"), "html_url": link("html"), "text_url": link("txt")])
    }

    /// The shape the share template is checked against.
    package static func shape(_ kit: Kit) -> TemplateShape {
        let sample = Group(name: "", inviteLink: "", location: .init(path: "", line: 1, column: 1))
        let poster = PosterTemplate(name: "", title: "", description: "", scope: .group)
        let noQR: (String, String) -> String = { _, _ in "" }
        var fields = PosterModel.sharedFields(kit: kit, qr: noQR).merging(PosterModel.posterFields(poster: poster, group: sample, kit: kit, qr: noQR)) { $1 }
        fields["root"] = .token("")
        fields["share"] = .object(["index_url": .url(""), "text": .text(""), "description": .text(""), "whatsapp_url": .url(""), "canonical_url": .url(""), "has_canonical_url": .bool(true)])
        fields["posters"] = .list([.object(["title": .text(""), "url": .url(""), "pdf_url": .url(""), "has_pdf": .bool(true),
                                            "png_url": .url(""), "has_png": .bool(true)])])
        fields["email"] = emailLinks(sample, from: "")
        fields["i18n"] = .object(Dictionary(uniqueKeysWithValues: kit.languages.strings(nil).strings.keys.map { ($0, TemplateValue.text("")) }))
        return TemplateShape(of: .object(fields))
    }
}
