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

    /// One record. A value is quoted when it holds a comma, quote, line break or semicolon
    /// or starts or ends with a space or tab (a space with a combining mark after it too: the reader
    /// trims the space alone); one that a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@` first) gets a leading `'`, so a group named `=HYPERLINK(…)` stays text. Bytes,
    /// not characters: a quote with a combining mark after it is one character to Swift but
    /// still a quote to a spreadsheet, so it is doubled like any other.
    static func row(_ values: [String]) -> String {
        values.map { value in
            var cell = value
            if let first = cell.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { cell = "'" + cell }
            let needsQuotes = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }
                || [0x20, 0x09].contains(cell.utf8.first) || [0x20, 0x09].contains(cell.utf8.last)
            guard needsQuotes else { return cell }
            // Line ends become CR LF (a CR LF stays one), quotes are doubled.
            var bytes: [UInt8] = [0x22]
            bytes.reserveCapacity(cell.utf8.count + 8)
            var previous: UInt8 = 0
            for byte in cell.utf8 {
                switch byte {
                case 0x22: bytes += [0x22, 0x22]
                case 0x0A where previous != 0x0D: bytes += [0x0D, 0x0A]
                default: bytes.append(byte)
                }
                previous = byte
            }
            bytes.append(0x22)
            return String(decoding: bytes, as: UTF8.self)
        }.joined(separator: ",") + "\r\n"
    }
}
