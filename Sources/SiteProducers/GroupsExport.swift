import Foundation
import KitConfig
import SiteModel

/// `groups.csv` beside the site: one row per group with its share page, poster files and
/// WhatsApp link, ready for a mail merge. Written as Excel reads it without asking: UTF-8 with
/// a byte-order mark, commas, CRLF line ends, RFC 4180 quoting.
package enum GroupsExport {
    static let header = ["name", "invite_link", "description", "admins", "share_page", "posters", "whatsapp_link"]

    package static func csv(context: RenderContext) -> Data {
        let kit = context.kit
        // Links are absolute when the site's address is known, else relative to the site root.
        func link(_ path: String) -> String {
            kit.config.site.baseURL.map { ContentPath.absoluteURL(base: $0, path: path) } ?? path
        }
        var text = "\u{FEFF}" + row(header)
        for group in kit.config.groups {
            let posters = (context.instancesByGroup[group.slug] ?? []).map { link(OutputPaths.poster($0.poster, group: group, format: .html)) }
            text += row([group.name, group.inviteLink, group.description, group.admins.joined(separator: "; "),
                         link(OutputPaths.shareHTML(group)), posters.joined(separator: " "),
                         SharePages.whatsAppURL(SharePages.text(group, context: context))])
        }
        return Data(text.utf8)
    }

    /// One record. A value is quoted when it holds a comma, quote, line break or outer space;
    /// one that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
    /// `'`, so a group named `=HYPERLINK(…)` stays text.
    static func row(_ values: [String]) -> String {
        values.map { value in
            var cell = value.replacingOccurrences(of: "\r\n", with: "\n")
            if let first = cell.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { cell = "'" + cell }
            let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
                || cell.first == " " || cell.last == " "
            guard needsQuotes else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\n", with: "\r\n") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}
