import Foundation
import Markdown
import SiteModel

/// The index's script files. Their formats, which `Templates/search.js` reads:
///
/// - `index`: `{"v":2,"sections":N,"chunks":[first section of each sections file],"terms":[first
///   term of each terms file that has terms]}`;
/// - `sections-N`: one array per page, `[title, url, snippet before the first heading, heading,
///   snippet, heading, snippet, …]`. A heading whose link target is what the script makes of it
///   (`HeadingIDGenerator.slug` of ASCII text) is a string; any other is `[heading, target]`;
/// - `terms-N`: one string, the terms separated by spaces, each followed by its postings
///   (`SearchPostings`; they start with a capital letter, which no term holds). In a kit with
///   more sections files than the script loads whole, an array instead: that string, then the
///   sections it carries the display data of (`SearchIndex+Shown`), each `[section, title,
///   url, snippet]` for the text before a page's first heading or `[section, title, url,
///   heading, snippet]`, the heading as in `sections-N`.
extension SearchIndex {
    /// The bytes of one index file (`part` as the plan names it: `index`, `sections-N`, `terms-N`).
    package func file(_ part: String) -> Data {
        var out = "adoptkitSearch.receive(\(Self.json(part)),"
        if part == "index" {
            out += "{\"v\":2,\"sections\":\(sectionCount),\"chunks\":[" + chunkStarts.map(String.init).joined(separator: ",") + "],\"terms\":["
            out += shardStarts.map { Self.json(terms[$0].term) }.joined(separator: ",") + "]}"
        } else if let chunk = Self.number(part, after: "sections-") {
            let pages = entries.indices.dropFirst(chunk * BuildPlan.searchPagesPerChunk).prefix(BuildPlan.searchPagesPerChunk)
            out += "[" + pages.map { Self.json(entries[$0]) }.joined(separator: ",\n") + "]"
        } else if let shard = Self.number(part, after: "terms-") {
            let start = shard < shardStarts.count ? shardStarts[shard] : terms.count
            let end = shard + 1 < shardStarts.count ? shardStarts[shard + 1] : terms.count
            let text = Self.json(terms[start..<end].map { $0.term + $0.postings }.joined(separator: " "))
            if shard < shown.count, !shown[shard].isEmpty {
                out += "[" + text + ",[\n" + shown[shard].map(shownJSON).joined(separator: ",\n") + "]]"
            } else {
                out += text
            }
        } else {
            out += "null"
        }
        return Data((out + ");\n").utf8)
    }

    static func number(_ part: String, after prefix: String) -> Int? {
        part.hasPrefix(prefix) ? Int(part.dropFirst(prefix.count)) : nil
    }

    /// One section's display data, carried by a terms file.
    func shownJSON(_ section: Int) -> String {
        let page = Self.upperBound(firstSections, section, by: <) - 1, entry = entries[page], offset = section - firstSections[page]
        var out = "[\(section)," + Self.json(entry.title) + "," + Self.json(entry.url) + ","
        if offset > 0 {
            out += Self.headingJSON(entry.sections[offset]) + ","
        }
        return out + Self.json(entry.sections[offset].snippet) + "]"
    }

    static func json(_ entry: Entry) -> String {
        var out = "[" + json(entry.title) + "," + json(entry.url) + "," + json(entry.sections.first?.snippet ?? "")
        for section in entry.sections.dropFirst() {
            out += "," + headingJSON(section)
            out += "," + json(section.snippet)
        }
        return out + "]"
    }

    /// A section's heading as the files hold it: a string when the script makes its link target
    /// from it, else `[heading, target]`.
    static func headingJSON(_ section: Section) -> String {
        anchorIsDerived(section) ? json(section.heading) : "[" + json(section.heading) + "," + json(section.anchor) + "]"
    }

    /// Whether the search script makes `section.anchor` from its heading itself: for ASCII
    /// headings it does what `HeadingIDGenerator.slug` does.
    static func anchorIsDerived(_ section: Section) -> Bool {
        section.heading.utf8.allSatisfy { $0 < 0x80 } && HeadingIDGenerator.slug(section.heading) == section.anchor
    }

    /// A JSON string literal (also a JavaScript one): `"`, `\\`, control characters, `<` (so
    /// no `</script>` closes an inline script) and U+2028/U+2029 (line ends to older JavaScript)
    /// escaped. Over the UTF-8 bytes: the index files carry every page's headings and snippets.
    static func json(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        func escape(_ literal: StaticString) { literal.withUTF8Buffer { out.append(contentsOf: $0) } }
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x22: escape("\\\"")
            case 0x5C: escape("\\\\")
            case 0x0A: escape("\\n")
            case 0x3C: escape("\\u003c")
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            case 0xE2:
                // A three-byte sequence (the bytes are valid UTF-8); U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = bytes.next() ?? 0, third = bytes.next() ?? 0
                if second == 0x80, third == 0xA8 { escape("\\u2028") }
                else if second == 0x80, third == 0xA9 { escape("\\u2029") }
                else { out += [byte, second, third] }
            default:
                out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
