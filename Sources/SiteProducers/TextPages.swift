import Foundation
import Rendering
import SiteModel

/// A poster's text versions on one small page, each in a box with a Copy button. The page says
/// it is UTF-8, so the text reads right on static hosts that send `.txt` files without a
/// charset (where "Contoso – Finance" would show as "Contoso â€“ Finance"); the `.txt` files
/// stay for scripts and downloads.
enum TextPages {
    static func posterTextPage(_ instance: PosterInstance, path: String, context: RenderContext) -> String {
        let kit = context.kit, config = kit.config
        let root = ContentPath.rootPrefix(for: path)
        let text = PosterPages.text(instance, context: context)
        let title = instance.poster.title + (instance.group.map { " – " + $0.name } ?? "")
        let html = OutputPaths.poster(instance.poster, group: instance.group, format: .html)
        func link(_ target: String) -> String { HTMLEscaping.escape(ContentPath.relativeURL(from: path, to: context.path(target))) }
        func word(_ name: String) -> String { HTMLEscaping.escape(context.text(name)) }
        let dir = context.language.isRightToLeft ? " dir=\"rtl\"" : ""
        let brand = context.palette.map { " style=\"--brand-light: \($0.light.hex); --brand-dark: \($0.dark.hex)\"" } ?? ""
        var page = """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(context.language.tag))"\(dir)\(brand)>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))\(word("text_suffix")) – \(HTMLEscaping.escape(config.site.title))</title>
            <link rel="stylesheet" href="\(HTMLEscaping.escape(root))assets/adoptkit.css">
            <script src="\(HTMLEscaping.escape(root))assets/site.js" defer></script>
            </head>
            <body>
            <main id="main" class="content text-page">
            <p><a href="\(link(OutputPaths.postersIndex))">\(word("all_posters"))</a> · <a href="\(link(html))">\(word("printable_poster"))</a></p>
            <h1>\(HTMLEscaping.escape(title))\(word("text_suffix"))</h1>
            <p>\(word("copy_into_chat"))</p>

            """
        for flavor in [ChatFlavor.plain] + OutputPaths.flavors(config).filter({ $0 != .plain }) {
            let body = flavor == .plain ? text : String(decoding: ChatPages.contents(flavor.escape(text), flavor: flavor, config: config), as: UTF8.self)
            let file = flavor == .plain ? OutputPaths.poster(instance.poster, group: instance.group, format: .text)
                                        : OutputPaths.chatText(besides: html, flavor: flavor)
            let id = "text-\(flavor.rawValue)"
            page += "<h2 id=\"\(id)-heading\">\(flavor.displayName)</h2>\n"
                + "<pre class=\"text-version\" id=\"\(id)\" tabindex=\"0\" aria-labelledby=\"\(id)-heading\">\(HTMLEscaping.escape(body))</pre>\n"
                + "<p class=\"copy-row\"><button type=\"button\" class=\"copy-button\" data-copy=\"\(id)\" data-status=\"\(id)-status\" hidden>\(word("copy"))</button>"
                + " <a href=\"\(link(file))\">\(word("text_file"))</a> <span id=\"\(id)-status\" role=\"status\"></span></p>\n"
        }
        return page + "</main>\n</body>\n</html>\n"
    }
}
