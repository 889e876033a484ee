/// Escaping for text placed in HTML, the same bytes cmark writes.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (enough for text and double-quoted attributes).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes what may not appear in an `href` and HTML-escapes `&` and `'`, leaving
    /// reserved URL characters alone (cmark's `houdini_escape_href`).
    public static func escapeHref(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if byte == UInt8(ascii: "&") {
                result += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                result += "&#x27;"
            } else if byte < 128, hrefSafe[Int(byte)] {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0xF)]
            }
        }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF").map(String.init)

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
