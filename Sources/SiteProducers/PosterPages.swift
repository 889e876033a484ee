import Diagnostics
import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// Renders every poster (HTML and text) and the posters index page.
package enum PosterPages {

    /// A poster's HTML, its type at the largest sizes that fit the sheet (links that fit no QR
    /// code, and posters that fit at no size, were reported by `KitChecks`).
    package static func html(_ instance: PosterInstance, context: RenderContext) -> String {
        fitted(instance, context: context).html
    }

    /// The poster at `index` of the kit's instances, at the sizes the sheet check chose when
    /// it ran (measured now otherwise).
    package static func html(at index: Int, context: RenderContext) -> String {
        let sizes = context.kit.findings.posterSizes
        let instance = context.kit.posterInstances[index]
        guard index < sizes.count else { return html(instance, context: context) }
        return context.kit.templates.render(instance.poster.htmlTemplate,
                                            context.posterData(instance.poster, group: instance.group, fit: PosterFit(sizes: sizes[index])))
    }

    /// The poster's HTML and the sizes it was rendered at. Most posters fit at the largest
    /// sizes and render once; a long one renders again with smaller type.
    package static func fitted(_ instance: PosterInstance, context: RenderContext) -> (html: String, fit: PosterFit) {
        let template = instance.poster.htmlTemplate
        let first = context.kit.templates.render(template, context.posterData(instance.poster, group: instance.group))
        let fit = PosterFit.choose(html: first, paper: context.kit.config.site.paper)
        guard fit.headlineStep != 0 || fit.textStep != 0 else { return (first, fit) }
        return (context.kit.templates.render(template, context.posterData(instance.poster, group: instance.group, fit: fit)), fit)
    }

    /// The largest sizes at which the poster fits its sheet, or the smallest with the overflow.
    /// Measured on its HTML with each code's outline in place of its modules: the measure reads
    /// a code's size alone, so checking a kit's posters encodes no code.
    package static func measured(_ instance: PosterInstance, context: RenderContext) -> PosterFit {
        let html = context.kit.templates.render(instance.poster.htmlTemplate, context.posterData(instance.poster, group: instance.group, codes: .outlines))
        return PosterFit.choose(html: html, paper: context.kit.config.site.paper)
    }

    /// Every poster's sheet on one page, each on its own printed sheet, for the print shop's
    /// PDF. Each poster brings its own styles (the same ones appear once); the screen-only bar
    /// and scripts stay out.
    package static func allPostersHTML(context: RenderContext) -> String {
        var styles: [String] = []
        var sheets = ""
        for index in context.kit.posterInstances.indices {
            let html = html(at: index, context: context)
            for style in html.matches(of: /<style>[\s\S]*?<\/style>/).map({ String($0.output) }) where !styles.contains(style) {
                styles.append(style)
            }
            if let main = html.firstMatch(of: /<main[\s\S]*<\/main>/) { sheets += main.output + "\n" }
        }
        let config = context.kit.config
        let dir = context.language.isRightToLeft ? " dir=\"rtl\"" : ""
        return "<!DOCTYPE html>\n<html lang=\"\(HTMLEscaping.escape(context.language.tag))\"\(dir)>\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>All posters – \(HTMLEscaping.escape(config.organization.name))</title>\n" + styles.joined(separator: "\n")
            + "\n<style>.sheet { break-after: page; } .sheet:last-of-type { break-after: auto; }</style>\n</head>\n<body>\n"
            + sheets + "</body>\n</html>\n"
    }

    /// A poster's text form, from its text template.
    package static func text(_ instance: PosterInstance, context: RenderContext) -> String {
        context.kit.templates.render(instance.poster.textTemplate, context.posterData(instance.poster, group: instance.group))
    }

    /// The index: organisation-wide posters, then every group with its invite link, each poster
    /// as a card with a thumbnail (the exported PNG when there is one, else the poster itself
    /// scaled down in a frame) and its print, download and text links.
    static func indexContent(_ context: RenderContext) -> String {
        let kit = context.kit
        let instances = kit.posterInstances
        let here = context.path(OutputPaths.postersIndex)
        func word(_ name: String, _ values: [String: String] = [:]) -> String { HTMLEscaping.escape(context.text(name, values)) }
        let exports = kit.config.posters.export
        let paper = kit.config.site.paper
        // The frame is as wide as the sheet in CSS pixels, so the poster lays out as printed.
        let (sheetWidth, sheetHeight) = paper == .a4 ? (794, 1123) : (816, 1056)
        func url(_ path: String) -> String { HTMLEscaping.escape(ContentPath.relativeURL(from: here, to: context.path(path))) }
        func card(_ instance: PosterInstance) -> String {
            let html = url(OutputPaths.poster(instance.poster, group: instance.group, format: .html))
            let text = url(OutputPaths.posterTextPage(instance.poster, group: instance.group))
            let title = HTMLEscaping.escape(instance.poster.title)
            let preview = word("preview_of", ["poster": instance.poster.title])
            let thumbnail = exports.contains(.png)
                ? "<img src=\"\(url(OutputPaths.posterExport(instance.poster, group: instance.group, format: .png)))\" alt=\"\" loading=\"lazy\">"
                : "<iframe src=\"\(html)\" title=\"\(preview)\" loading=\"lazy\" tabindex=\"-1\" aria-hidden=\"true\" scrolling=\"no\"></iframe>"
            var actions = ["<a href=\"\(html)\">\(word("open_and_print"))</a>"]
            for format in exports {
                let file = url(OutputPaths.posterExport(instance.poster, group: instance.group, format: format))
                actions.append("<a href=\"\(file)\" download>\(word("download_format", ["format": format.rawValue.uppercased()]))</a>")
            }
            actions.append("<a href=\"\(text)\">\(word("text_for_chat"))</a>")
            return "<li class=\"poster-card\"><a class=\"poster-thumb\" href=\"\(html)\" tabindex=\"-1\" aria-hidden=\"true\">\(thumbnail)</a>\n"
                + "<h3>\(title)</h3>\n"
                + (instance.poster.description.isEmpty ? "" : "<p>\(HTMLEscaping.escape(instance.poster.description))</p>\n")
                + "<p class=\"poster-actions\">" + actions.joined(separator: " ") + "</p></li>\n"
        }
        func cards(_ list: [PosterInstance]) -> String { "<ul class=\"poster-cards\">\n" + list.map(card).joined() + "</ul>\n" }
        let scale = 200.0 / Double(sheetWidth)
        var html = """
            <style>
            .poster-cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1.25rem; }
            .poster-card h3 { margin: .5rem 0 .25rem; font-size: 1.05rem; }
            .poster-card p { margin: .25rem 0; }
            .poster-thumb { display: block; width: 200px; height: \(Int((Double(sheetHeight) * scale).rounded(.up)))px; overflow: hidden; border: 1px solid var(--border, #ccc); background: #fff; }
            .poster-thumb img { width: 100%; height: 100%; object-fit: cover; object-position: top; display: block; }
            .poster-thumb iframe { width: \(sheetWidth)px; height: \(sheetHeight)px; border: 0; transform: scale(\(String(format: "%.4f", scale))); transform-origin: 0 0; pointer-events: none; }
            .poster-actions { display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
            </style>

            """
        let organization = kit.config.organization.name.isEmpty ? kit.config.site.title : kit.config.organization.name
        html += "<h1>\(word("posters"))</h1>\n<p>\(word("posters_intro", ["organization": organization, "paper": context.text(paper == .a4 ? "paper_a4" : "paper_letter")]))</p>\n"
        if exports.contains(.pdf) {
            html += "<p><a href=\"\(url(OutputPaths.allPostersPDF))\" download>\(word("download_all_posters"))</a>\(word("download_all_posters_after"))</p>\n"
        }
        let organizationWide = instances.filter { $0.group == nil }
        if !organizationWide.isEmpty {
            html += "<h2 id=\"organization\">\(word("for_everyone"))</h2>\n" + cards(organizationWide)
        }
        let byGroup = Dictionary(grouping: instances.filter { $0.group != nil }, by: { $0.group!.slug })
        let hasSharePages = kit.plan.hasSharePages
        for group in kit.config.groups {
            html += "<h2 id=\"\(HTMLEscaping.escape(group.slug))\">\(HTMLEscaping.escape(group.name))</h2>\n"
            if !group.description.isEmpty { html += "<p>\(HTMLEscaping.escape(group.description))</p>\n" }
            html += "<p>\(word("invite_link_label"))<a href=\"\(HTMLEscaping.escapeHref(group.inviteLink))\">\(HTMLEscaping.breakableLink(group.inviteLink))</a></p>\n"
            if hasSharePages {
                html += "<p><a href=\"\(url(OutputPaths.shareHTML(group)))\">\(word("share_page"))</a>\(word("share_page_after"))</p>\n"
            }
            let mine = byGroup[group.slug] ?? []
            if !mine.isEmpty { html += cards(mine) }
        }
        return html
    }
}
