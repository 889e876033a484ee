import Foundation
import Markdown
import Rendering
import SiteModel

/// The site's offline search index, made once per build from every page's text and written as
/// script files (`assets/search/*.js`) that the search box loads with `<script>` tags, so it
/// works from `file://` where `fetch` does not. Each file calls `adoptkitSearch.receive(name, data)`.
///
/// - `index.js`: the pages (title and URL) and where each sections file starts;
/// - `sections-N.js`: each section's page, heading id, heading and a snippet;
/// - `terms.js`, or one `terms-X.js` per first character for large kits: the sorted terms with
///   the sections each occurs in, as heading/title postings and body postings.
///
/// Postings are delta-coded section numbers in a base-32 code whose last digit comes from a
/// second alphabet, so lists need no separators and common terms cost about a byte a section.
package struct SearchIndex: Sendable {
    struct Section: Sendable {
        var page: Int
        var anchor: String
        var heading: String
        var snippet: String
    }

    var pages: [(title: String, url: String)] = []
    var sections: [Section] = []
    /// Term → (heading postings, body postings), section numbers ascending.
    var postings: [String: (heading: [Int32], body: [Int32])] = [:]
    /// First section number of each sections file.
    var chunkStarts: [Int] = []
    let split: Bool

    /// Characters of text kept per section: the snippets are most of the index, which must stay
    /// under 30 % of the Markdown (10,000 make-corpus pages: 110 characters gave 35 %).
    static let snippetLength = 64

    package init(kit: Kit, context: RenderContext) {
        let pages = kit.pages
        split = BuildPlan.searchIndexIsSplit(pageCount: pages.count)
        // Text extraction is the costly part: on every core, in chunks, results in order.
        let extracted = ConcurrentMap.map(pages) { page in
            SearchText.sections(page.document, environment: context.environment(for: page.output))
        }
        for (number, page) in pages.enumerated() {
            if number % BuildPlan.searchPagesPerChunk == 0 { chunkStarts.append(sections.count) }
            self.pages.append((page.title, page.output))
            let titleTerms = SearchText.terms(page.title)
            for (offset, section) in extracted[number].enumerated() {
                let id = Int32(sections.count)
                // The text before the first `##` shows under the page's title, which index.js holds.
                let heading = offset == 0 ? "" : section.heading
                sections.append(Section(page: number, anchor: section.anchor, heading: heading, snippet: Self.snippet(section.text)))
                for term in Set(offset == 0 ? titleTerms + SearchText.terms(section.heading) : SearchText.terms(heading)) {
                    postings[term, default: ([], [])].heading.append(id)
                }
                for term in Set(SearchText.terms(section.text)) {
                    postings[term, default: ([], [])].body.append(id)
                }
            }
        }
        if chunkStarts.isEmpty { chunkStarts = [0] }
    }

    /// The start of `text`, cut at a word, with an ellipsis when cut.
    static func snippet(_ text: String) -> String {
        guard text.count > snippetLength else { return text }
        var cut = text.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The bytes of one index file (`part` as the plan names it: `index`, `sections-N`, `terms`, `terms-X`).
    package func file(_ part: String) -> Data {
        var out = "adoptkitSearch.receive(\(Self.json(part)),"
        if part == "index" {
            out += "{\"v\":1,\"split\":\(split),\"sections\":\(sections.count),\"chunks\":[" + chunkStarts.map(String.init).joined(separator: ",") + "],\"pages\":["
            out += pages.map { "[" + Self.json($0.title) + "," + Self.json($0.url) + "]" }.joined(separator: ",")
            out += "]}"
        } else if part.hasPrefix("sections-"), let chunk = Int(part.dropFirst("sections-".count)), chunk < chunkStarts.count {
            let end = chunk + 1 < chunkStarts.count ? chunkStarts[chunk + 1] : sections.count
            out += "[" + sections[chunkStarts[chunk]..<end].map {
                "[\($0.page)," + Self.json($0.anchor) + "," + Self.json($0.heading) + "," + Self.json($0.snippet) + "]"
            }.joined(separator: ",\n") + "]"
        } else {
            let shard = part == "terms" ? nil : String(part.dropFirst("terms-".count))
            let terms = postings.keys.filter { shard == nil || BuildPlan.searchShard(of: $0) == shard }
                .sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            out += "{\"t\":[" + terms.map(Self.json).joined(separator: ",") + "],\n\"h\":["
            out += terms.map { Self.json(Self.encode(postings[$0]!.heading)) }.joined(separator: ",") + "],\n\"b\":["
            out += terms.map { Self.json(Self.encode(postings[$0]!.body)) }.joined(separator: ",") + "]}"
        }
        return Data((out + ");\n").utf8)
    }

    private static let lastDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef".utf8)
    private static let moreDigits = Array("ghijklmnopqrstuvwxyz0123456789_$".utf8)

    /// Ascending numbers as deltas (the first from -1), each in base 32, most significant
    /// digit first; the last digit of each number from `lastDigits`, the others from `moreDigits`.
    static func encode(_ numbers: [Int32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 2)
        var previous: Int32 = -1
        var digits: [UInt8] = []
        for number in numbers {
            var delta = Int(number - previous) - 1
            previous = number
            digits.removeAll(keepingCapacity: true)
            digits.append(lastDigits[delta & 31])
            delta >>= 5
            while delta > 0 { digits.append(moreDigits[delta & 31]); delta >>= 5 }
            bytes.append(contentsOf: digits.reversed())
        }
        return String(decoding: bytes, as: UTF8.self)
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

/// `transform` over `items` on every core from synchronous code, results in order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 64, _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        let results = Results<R>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { number in
            results.set(number, items[chunks[number]].map(transform))
        }
        return results.all.flatMap { $0 }
    }

    private final class Results<R>: @unchecked Sendable {
        // Each slot is written once, by one iteration, under `lock`.
        private var slots: [[R]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [R]) { lock.withLock { slots[index] = value } }
        var all: [[R]] { lock.withLock { slots } }
    }
}

/// The index, made the first time one of its files is rendered and then shared by the rest.
package final class SearchIndexCache: @unchecked Sendable {
    // Guarded by `lock`; built once.
    private var built: SearchIndex?
    private let lock = NSLock()

    func index(kit: Kit, context: RenderContext) -> SearchIndex {
        lock.withLock {
            if let built { return built }
            let index = SearchIndex(kit: kit, context: context)
            built = index
            return index
        }
    }
}
