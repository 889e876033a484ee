import Markdown
import Rendering
import SiteModel

/// The home page of a kit without `index.md`: the site title, one card per top-level section of
/// the navigation (title, the section page's description, how many pages it holds; the level
/// below when one entry holds the whole tree), and the champions' way to the posters and share
/// pages.
enum HomePage {
    static func content(context: RenderContext) -> String {
        let kit = context.kit, here = context.path("index.html")
        func word(_ name: String) -> String { HTMLEscaping.escape(context.text(name)) }
        var html = "<h1 id=\"\(HTMLEscaping.escape(HeadingIDGenerator.slug(kit.config.site.title)))\">\(HTMLEscaping.escape(kit.config.site.title))</h1>\n"
        let sections = kit.navigation(for: context.language.tag).homeSections
        // A link and description for a section: its page's, or the contents page for a heading.
        func link(_ section: Navigation.Section) -> (title: String, description: String) {
            let title = HTMLEscaping.escape(section.title)
            if case .page(let source)? = section.target, let page = kit.page(at: source) {
                return ("<a href=\"\(HTMLEscaping.escape(ContentPath.relativeURL(from: here, to: page.output)))\">\(title)</a>", page.description)
            } else if case .external(let href)? = section.target {
                return ("<a href=\"\(HTMLEscaping.escapeHref(href))\">\(title)</a>", "")
            }
            return ("<a href=\"\(HTMLEscaping.escape(ContentPath.relativeURL(from: here, to: context.contentsPath)))\">\(title)</a>", "")
        }
        if let lead = sections.lead {
            let (title, description) = link(lead)
            html += "<p class=\"home-lead\">\(title)</p>\n" + (description.isEmpty ? "" : "<p>\(HTMLEscaping.escape(description))</p>\n")
        }
        if !sections.cards.isEmpty {
            html += "<h2 id=\"sections\" class=\"visually-hidden\">\(word("sections"))</h2>\n<ul class=\"home-cards\">\n"
            for section in sections.cards {
                let (title, description) = link(section)
                html += "<li class=\"home-card\"><h3>\(title)</h3>\n"
                if !description.isEmpty { html += "<p>\(HTMLEscaping.escape(description))</p>\n" }
                if section.pages > 0 {
                    let count = HTMLEscaping.escape(context.text(section.pages == 1 ? "page_count_one" : "page_count_other", ["count": String(section.pages)]))
                    html += "<p class=\"card-count\">\(count)</p>\n"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if context.hasPosters {
            let posters = HTMLEscaping.escape(ContentPath.relativeURL(from: here, to: context.path(OutputPaths.postersIndex)))
            html += "<h2 id=\"for-champions\">\(word("for_champions"))</h2>\n<ul class=\"home-cards\">\n"
                + "<li class=\"home-card\"><h3><a href=\"\(posters)\">\(word("posters"))</a></h3>\n<p>\(word("home_posters_text"))</p></li>\n"
            if kit.plan.hasSharePages {
                html += "<li class=\"home-card\"><h3><a href=\"\(posters)\">\(word("share_pages"))</a></h3>\n<p>\(word("home_share_text"))</p></li>\n"
            }
            html += "</ul>\n"
        }
        html += "<p><a href=\"\(HTMLEscaping.escape(ContentPath.relativeURL(from: here, to: context.contentsPath)))\">\(word("all_pages"))</a></p>\n"
        return html
    }
}
