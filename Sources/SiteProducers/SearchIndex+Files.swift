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

    /// A JSON string literal (also a JavaScript one).
    static func json(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
