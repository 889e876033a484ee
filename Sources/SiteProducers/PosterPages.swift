import Diagnostics
import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// Renders every poster (HTML and text) and the posters index page.
package enum PosterPages {

    /// A poster's HTML (links that fit no QR code were reported by `KitChecks`).
    package static func html(_ instance: PosterInstance, context: RenderContext) -> String {
        context.kit.templates.render(instance.poster.htmlTemplate, context.posterData(instance.poster, group: instance.group))
    }

    /// A poster's text form, from its text template.
    package static func text(_ instance: PosterInstance, context: RenderContext) -> String {
        context.kit.templates.render(instance.poster.textTemplate, context.posterData(instance.poster, group: instance.group))
    }

    /// The index: organisation-wide posters, then every group with its invite link and posters.
    static func indexContent(_ kit: Kit) -> String {
        let instances = kit.posterInstances
        let here = OutputPaths.postersIndex
        func links(_ instance: PosterInstance) -> String {
            let html = ContentPath.relativeURL(from: here, to: OutputPaths.poster(instance.poster, group: instance.group, format: .html))
            let text = ContentPath.relativeURL(from: here, to: OutputPaths.posterTextPage(instance.poster, group: instance.group))
            return "<li><a href=\"\(HTMLEscaping.escape(html))\">\(HTMLEscaping.escape(instance.poster.title))</a> "
                + "(<a href=\"\(HTMLEscaping.escape(text))\">text</a>)"
                + (instance.poster.description.isEmpty ? "" : " – " + HTMLEscaping.escape(instance.poster.description)) + "</li>\n"
        }
        var html = "<h1>Posters</h1>\n<p>Print-ready posters for \(HTMLEscaping.escape(kit.config.organization.name.isEmpty ? kit.config.site.title : kit.config.organization.name)). "
            + "Open one and print it on \(kit.config.site.paper == .a4 ? "A4" : "US Letter") paper, or copy its text version into a chat.</p>\n"
        let organizationWide = instances.filter { $0.group == nil }
        if !organizationWide.isEmpty {
            html += "<h2 id=\"organization\">For everyone</h2>\n<ul>\n" + organizationWide.map(links).joined() + "</ul>\n"
        }
        let byGroup = Dictionary(grouping: instances.filter { $0.group != nil }, by: { $0.group!.slug })
        let hasSharePages = kit.plan.hasSharePages
        for group in kit.config.groups {
            html += "<h2 id=\"\(HTMLEscaping.escape(group.slug))\">\(HTMLEscaping.escape(group.name))</h2>\n"
            if !group.description.isEmpty { html += "<p>\(HTMLEscaping.escape(group.description))</p>\n" }
            html += "<p>Invite link: <a href=\"\(HTMLEscaping.escapeHref(group.inviteLink))\">\(HTMLEscaping.escape(group.inviteLink))</a></p>\n"
            if hasSharePages {
                let share = ContentPath.relativeURL(from: here, to: OutputPaths.shareHTML(group))
                html += "<p><a href=\"\(HTMLEscaping.escape(share))\">Share page</a>: the invite text to copy into a chat, with a WhatsApp link and the QR code.</p>\n"
            }
            let mine = byGroup[group.slug] ?? []
            if !mine.isEmpty { html += "<ul>\n" + mine.map(links).joined() + "</ul>\n" }
        }
        return html
    }
}
