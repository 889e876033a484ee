import Diagnostics
import Foundation
import KitConfig
import Rendering
import Templating

/// Renders every poster (HTML and text) and the posters index page.
enum PosterPages {
    static let indexPath = "posters/index.html"

    /// Every file the posters part of a build writes, known before rendering (links may
    /// point at them).
    static func outputPaths(_ kit: Kit) -> [String] {
        outputPaths(instances: kit.posterInstances, posters: kit.posters, config: kit.config)
    }

    static func outputPaths(instances: [PosterInstance], posters: [PosterTemplate], config: KitConfig) -> [String] {
        guard !instances.isEmpty else { return [] }
        let flavors = ChatPages.flavors(config).filter { $0 != .plain }
        return [indexPath] + instances.flatMap { instance in
            let html = PosterModel.outputPath(poster: instance.poster, group: instance.group, format: .html)
            return PosterFormat.allCases.map { PosterModel.outputPath(poster: instance.poster, group: instance.group, format: $0) }
                + flavors.map { ChatPages.path(besides: html, flavor: $0) }
        } + SharePages.outputPaths(instances: instances, posters: posters, config: config)
    }

    /// Renders posters of a checked kit (links that fit no QR code were reported by `KitChecks`).
    static func render(_ kit: Kit, only selection: [PosterInstance]? = nil) async -> [OutputTree.File] {
        let instances = selection ?? kit.posterInstances
        guard !instances.isEmpty else { return [] }
        // QR codes per link, made once even when several posters show the same link.
        // (Share pages show every group's code, even a group that prints no poster.)
        let groupLinks = selection == nil ? kit.config.groups.map(\.inviteLink) : instances.compactMap(\.group?.inviteLink)
        let links = Set(groupLinks + [kit.config.signIn.url].compactMap { $0 })
        var codes: [String: QRCode] = [:]
        for link in links { codes[link] = QRCode(link) }
        let frozen = codes
        let shared = TemplateData(PosterModel.sharedFields(kit: kit) { link, label in frozen[link]?.svg(label: label) ?? "" })
        let files: [OutputTree.File] = await withTaskGroup(of: (Int, [OutputTree.File]).self) { group in
            for (index, instance) in instances.enumerated() {
                group.addTask { (index, renderPoster(instance, kit: kit, shared: shared, codes: frozen)) }
            }
            var results = [[OutputTree.File]](repeating: [], count: instances.count)
            for await (index, files) in group { results[index] = files }
            return results.flatMap { $0 }
        }
        return files + (selection == nil ? SharePages.render(kit, shared: shared, codes: frozen) : [])
    }

    static func renderPoster(_ instance: PosterInstance, kit: Kit, shared: TemplateData, codes: [String: QRCode]) -> [OutputTree.File] {
        let value = shared.merging(PosterModel.posterFields(poster: instance.poster, group: instance.group, kit: kit) { link, label in
            codes[link]?.svg(label: label) ?? ""
        })
        let files = [(PosterFormat.html, instance.poster.htmlTemplate), (.text, instance.poster.textTemplate)].map { format, template in
            OutputTree.File(path: PosterModel.outputPath(poster: instance.poster, group: instance.group, format: format),
                            contents: .bytes(Data(kit.templates.render(template, value).utf8)), kind: .poster,
                            format: format == .html ? "html" : ChatFlavor.plain.rawValue, source: kit.templates.displayPath(of: template) ?? template,
                            poster: instance.poster.name, group: instance.group?.name)
        }
        let text = (try? files[1].contents.data()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return files + ChatPages.posterFiles(text: text, htmlPath: files[0].path, config: kit.config, template: files[1])
    }

    /// The index: organisation-wide posters, then every group with its invite link and posters.
    static func indexContent(_ kit: Kit) -> String {
        let instances = kit.posterInstances
        let here = indexPath
        func links(_ instance: PosterInstance) -> String {
            let html = ContentPath.relativeURL(from: here, to: PosterModel.outputPath(poster: instance.poster, group: instance.group, format: .html))
            let text = ContentPath.relativeURL(from: here, to: PosterModel.outputPath(poster: instance.poster, group: instance.group, format: .text))
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
        let hasSharePages = !SharePages.outputPaths(kit).isEmpty
        for group in kit.config.groups {
            html += "<h2 id=\"\(HTMLEscaping.escape(group.slug))\">\(HTMLEscaping.escape(group.name))</h2>\n"
            if !group.description.isEmpty { html += "<p>\(HTMLEscaping.escape(group.description))</p>\n" }
            html += "<p>Invite link: <a href=\"\(HTMLEscaping.escapeHref(group.inviteLink))\">\(HTMLEscaping.escape(group.inviteLink))</a></p>\n"
            if hasSharePages {
                let share = ContentPath.relativeURL(from: here, to: SharePages.htmlPath(group))
                html += "<p><a href=\"\(HTMLEscaping.escape(share))\">Share page</a>: the invite text to copy into a chat, with a WhatsApp link and the QR code.</p>\n"
            }
            let mine = byGroup[group.slug] ?? []
            if !mine.isEmpty { html += "<ul>\n" + mine.map(links).joined() + "</ul>\n" }
        }
        return html
    }
}
