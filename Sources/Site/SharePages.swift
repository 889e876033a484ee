import Foundation
import KitConfig
import Rendering
import Templating

/// A mobile-first page per group for champions on a phone: the invite text to copy, a WhatsApp
/// link, the Web Share button where the browser has it, the QR code and the group's posters.
enum SharePages {
    static let template = "share"

    static func htmlPath(_ group: Group) -> String { "posters/\(group.slug)/share.html" }
    static func textPath(_ group: Group) -> String { "posters/\(group.slug)/share.txt" }

    static func outputPaths(_ kit: Kit) -> [String] {
        outputPaths(instances: kit.posterInstances, posters: kit.posters, config: kit.config)
    }

    static func outputPaths(instances: [PosterInstance], posters: [PosterTemplate], config: KitConfig) -> [String] {
        guard !instances.isEmpty, posters.contains(where: { $0.name == invitePoster }) else { return [] }
        return config.groups.flatMap { [htmlPath($0), textPath($0)] }
    }

    /// The invite text comes from the `invite-link` poster's text template, whether or not the
    /// group prints that poster.
    static let invitePoster = "invite-link"

    /// `https://wa.me/?text=…` with the text percent-encoded per RFC 3986: every byte but the
    /// unreserved characters, so decoding gives the text back byte for byte.
    static func whatsAppURL(_ text: String) -> String {
        "https://wa.me/?text=" + percentEncode(text)
    }

    static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func render(_ kit: Kit, shared: TemplateData, codes: [String: QRCode]) -> [OutputTree.File] {
        guard !outputPaths(kit).isEmpty, let invite = kit.posters.first(where: { $0.name == invitePoster }) else { return [] }
        let byGroup = Dictionary(grouping: kit.posterInstances.filter { $0.group != nil }, by: { $0.group!.slug })
        return kit.config.groups.flatMap { group -> [OutputTree.File] in
            let qr: (String, String) -> String = { link, label in codes[link]?.svg(label: label) ?? "" }
            let text = kit.templates.render(invite.textTemplate, shared.merging(PosterModel.posterFields(poster: invite, group: group, kit: kit, qr: qr)))
            let page = htmlPath(group)
            let posters = (byGroup[group.slug] ?? []).map { instance in
                TemplateValue.object([
                    "title": .text(instance.poster.title),
                    "url": .url(ContentPath.relativeURL(from: page, to: PosterModel.outputPath(poster: instance.poster, group: group, format: .html))),
                ])
            }
            let canonical = kit.config.site.baseURL.map { ContentPath.absoluteURL(base: $0, path: page) } ?? ""
            let fields: [String: TemplateValue] = [
                "root": .token(ContentPath.rootPrefix(for: page)),
                "share": .object([
                    "text": .text(text),
                    "description": .text(group.description.isEmpty ? "Tap to join \(group.name) on \(kit.config.app.name)." : group.description),
                    "whatsapp_url": .url(whatsAppURL(text)),
                    "canonical_url": .url(canonical),
                    "has_canonical_url": .bool(!canonical.isEmpty),
                ]),
                "posters": .list(posters),
            ]
            let html = kit.templates.render(template, shared.merging(fields).merging(PosterModel.posterFields(poster: invite, group: group, kit: kit, qr: qr)))
            let source = kit.templates.displayPath(of: template) ?? template
            return [
                OutputTree.File(path: page, contents: .bytes(Data(html.utf8)), kind: .share, format: "html", source: source, group: group.name),
                OutputTree.File(path: textPath(group), contents: .bytes(Data(text.utf8)), kind: .share, format: ChatFlavor.plain.rawValue,
                                source: kit.templates.displayPath(of: invite.textTemplate) ?? invite.textTemplate, group: group.name),
            ]
        }
    }

    /// The shape the share template is checked against.
    static func shape(_ kit: Kit) -> TemplateShape {
        let sample = Group(name: "", inviteLink: "", location: .init(path: "", line: 1, column: 1))
        let poster = PosterTemplate(name: "", title: "", description: "", scope: .group)
        let noQR: (String, String) -> String = { _, _ in "" }
        var fields = PosterModel.sharedFields(kit: kit, qr: noQR).merging(PosterModel.posterFields(poster: poster, group: sample, kit: kit, qr: noQR)) { $1 }
        fields["root"] = .token("")
        fields["share"] = .object(["text": .text(""), "description": .text(""), "whatsapp_url": .url(""), "canonical_url": .url(""), "has_canonical_url": .bool(true)])
        fields["posters"] = .list([.object(["title": .text(""), "url": .url("")])])
        return TemplateShape(of: .object(fields))
    }
}
