import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// A group's invitation e-mail, from the `email/invite*` templates: HTML laid out for Outlook,
/// Gmail and Apple Mail (tables, inline CSS, no external assets), a plain-text alternative and
/// a whole message (`.eml`) that opens in a mail client ready to send. The QR code is a PNG: a
/// `data:` URI in the `.html` file (so it shows when opened alone), an inline `cid:` part in the
/// message. The templates see the invite poster's data plus `email.qr_src` (url).
package enum InvitationEmails {
    static let qrContentID = "invite-qr@adoptkit"

    static func data(_ group: Group, context: RenderContext, qrSource: String) -> TemplateData? {
        guard let invite = SharePages.invite(context.kit) else { return nil }
        return data(context.posterData(invite, group: group), qrSource: qrSource)
    }

    static func qrPNG(_ group: Group) -> Data { QRCode.memoized(group.inviteLink)?.png() ?? Data() }

    static func html(_ group: Group, context: RenderContext, qrSource: String) -> String {
        guard let data = data(group, context: context, qrSource: qrSource) else { return "" }
        return context.kit.templates.render(OutputPaths.emailHTMLTemplate, data)
    }

    /// The template data with `email.qr_src` set to `qrSource` instead.
    private static func data(_ data: TemplateData, qrSource: String) -> TemplateData {
        data.merging(["email": .object(["qr_src": .url(qrSource)])])
    }

    /// The standalone `.html` file, its QR code embedded.
    static func htmlFile(_ group: Group, context: RenderContext) -> String {
        html(group, context: context, qrSource: "data:image/png;base64," + qrPNG(group).base64EncodedString())
    }

    static func text(_ group: Group, context: RenderContext) -> String {
        guard let data = data(group, context: context, qrSource: "") else { return "" }
        return context.kit.templates.render(OutputPaths.emailTextTemplate, data)
    }

    /// The subject on one line: the template's line breaks and runs of spaces become one space.
    private static func subject(_ data: TemplateData, context: RenderContext) -> String {
        context.kit.templates.render(OutputPaths.emailSubjectTemplate, data).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The `.eml`: its three templates rendered from one copy of the group's data.
    static func message(_ group: Group, context: RenderContext) -> Data {
        let domain = context.kit.config.site.baseURL.flatMap { URL(string: $0)?.host } ?? "adoptkit.invalid"
        let image = MIMEMessage.InlineImage(contentID: qrContentID, mediaType: "image/png", fileName: "invite-qr.png", data: qrPNG(group))
        let templates = context.kit.templates
        guard let plain = data(group, context: context, qrSource: "") else {
            return MIMEMessage(subject: "", text: "", html: "", images: [image], domain: domain).eml()
        }
        return MIMEMessage(subject: subject(plain, context: context), text: templates.render(OutputPaths.emailTextTemplate, plain),
                           html: templates.render(OutputPaths.emailHTMLTemplate, data(plain, qrSource: "cid:" + qrContentID)),
                           images: [image], domain: domain).eml()
    }

    /// The shape the three templates are checked against.
    package static func shape(_ kit: Kit) -> TemplateShape {
        var shape = PosterModel.shape(scope: .group, kit: kit)
        if case .object(var fields) = shape {
            fields["email"] = TemplateShape(of: .object(["qr_src": .url("")]))
            shape = .object(fields)
        }
        return shape
    }
}
