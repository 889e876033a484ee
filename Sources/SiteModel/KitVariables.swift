import Diagnostics
import KitConfig
import Rendering

/// The config values Markdown pages may use as `{{ name }}`, so one edit to `adoptkit.yml`
/// updates docs and posters alike.
package enum KitVariables {
    package static func values(_ config: KitConfig) -> [String: String] {
        [
            "site.title": config.site.title,
            "organization.name": config.organization.name,
            "organization.short_name": config.organization.displayShortName,
            "app.name": config.app.name,
            "app.download_url": config.app.downloadURL ?? "",
            "sign_in.url": config.signIn.url ?? "",
            "sign_in.account": config.signIn.account,
            "support.contact": config.support.contact,
            "support.url": config.support.url ?? "",
        ]
    }

    /// Placeholders that stand alone in a paragraph and become a block.
    package static let blockNames = ["groups"]

    /// Whether `{{ name }}` is meant as one of the kit's placeholders: its first part is a root
    /// of the kit's values (`site`, `organization`, `app`, `sign_in`, `support`, `groups`), or a
    /// dotted name whose first part is a near miss of one (`organisation.name`). Any other
    /// `{{…}}`, such as `{{Endpoint-URL}}` in an API table, is text and stays as written.
    package static func isKitPlaceholder(_ name: String, known: Set<String>) -> Bool {
        let roots = Set(known.map { String($0.prefix { $0 != "." }) } + blockNames)
        let root = String(name.prefix { $0 != "." })
        if roots.contains(root) { return true }
        return name.contains(".") && Suggestions.closest(to: root, in: roots.sorted(), maximumDistance: 2) != nil
    }

    /// `{{ groups }}` in chat text: each group and its invite link.
    package static func chatBlocks(_ config: KitConfig) -> [String: [(text: String, url: String?)]] {
        ["groups": config.groups.map { group in
            (group.description.isEmpty ? group.name : "\(group.name): \(group.description)", group.inviteLink)
        }]
    }

    /// `{{ groups }}`: every group with its invite link and a link to its posters. The closure
    /// takes the way to the page's language's root (`../`, `../fr/`) and the word for posters.
    package static func blocks(_ config: KitConfig, hasPosters: Bool) -> [String: @Sendable (String, String) -> String] {
        ["groups": { root, postersWord in
            var html = "<ul class=\"group-list\">\n"
            for group in config.groups {
                html += "<li><a href=\"\(HTMLEscaping.escapeHref(group.inviteLink))\">\(HTMLEscaping.escape(group.name))</a>"
                if !group.description.isEmpty { html += ": " + HTMLEscaping.escape(group.description) }
                if hasPosters { html += " (<a href=\"\(root)posters/index.html#\(group.slug)\">\(HTMLEscaping.escape(postersWord))</a>)" }
                html += "</li>\n"
            }
            return html + "</ul>\n"
        }]
    }
}
