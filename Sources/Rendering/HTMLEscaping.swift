import Diagnostics
/// Escaping for text placed in HTML, the same bytes cmark writes.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (enough for text and double-quoted attributes).
    public static func escape(_ text: String) -> String { HTMLBytes.escape(text) }

    /// A link as text that may wrap: escaped, with a `<wbr>` break opportunity after every `/`,
    /// `-` and `.`, so a long link breaks where a reader expects rather than mid-word.
    public static func breakableLink(_ link: String) -> String {
        var html = ""
        html.reserveCapacity(link.utf8.count * 2)
        for character in link {
            html += escape(String(character))
            if character == "/" || character == "-" || character == "." { html += "<wbr>" }
        }
        return html
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), quot = Array("&quot;".utf8)
    private static let apos = Array("&#x27;".utf8)

    /// Percent-encodes what may not appear in an `href` and HTML-escapes `&` and `'`, leaving
    /// reserved URL characters alone (cmark's `houdini_escape_href`).
    public static func escapeHref(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 >= 128 || !hrefSafe[Int($0)] }) else { return url }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if byte == UInt8(ascii: "&") {
                bytes += amp
            } else if byte == UInt8(ascii: "'") {
                bytes += apos
            } else if byte < 128, hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        let safe = "-_.+!*(),%#@?=;:/,+$~"
        for c in safe.utf8 { table[Int(c)] = true }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(c)] = true }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(c)] = true }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(c)] = true }
        return table
    }()

    /// GFM's tag filter: neutralises tags that change how the rest of a page is parsed.
    public static func tagFilter(_ html: String) -> String {
        let blocked = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var result = ""
        var index = html.startIndex
        while let lt = html[index...].firstIndex(of: "<") {
            result += html[index..<lt]
            var nameStart = html.index(after: lt)
            if nameStart < html.endIndex, html[nameStart] == "/" { nameStart = html.index(after: nameStart) }
            let rest = html[nameStart...]
            let isBlocked = blocked.contains { tag in
                guard rest.prefix(tag.count).lowercased() == tag else { return false }
                let after = rest.dropFirst(tag.count)
                guard let next = after.first else { return true }
                return next.isWhitespace || next == ">" || (next == "/" && after.dropFirst().first == ">")
            }
            result += isBlocked ? "&lt;" : "<"
            index = html.index(after: lt)
        }
        result += html[index...]
        return result
    }
}
