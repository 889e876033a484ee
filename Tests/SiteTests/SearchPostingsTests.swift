import Foundation
import Testing
@testable import SiteProducers

/// The search index's postings code (`SearchPostings`), read back by a decoder written here
/// from the format's description, as `Templates/search.js` reads it.
@Suite struct SearchPostingsTests {
    /// Decodes `code` into (section, inHeading) pairs.
    static func decode(_ code: String) -> [(section: Int, heading: Bool)] {
        let bytes = Array(code.utf8)
        guard let first = bytes.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return [] }
        let k = Int(first - UInt8(ascii: "A"))
        var bits: [Int] = []
        for byte in bytes.dropFirst() {
            let value = SearchPostings.digits.firstIndex(of: byte)!
            for shift in stride(from: 5, through: 0, by: -1) { bits.append((value >> shift) & 1) }
        }
        var at = 0, section = -1
        var out: [(section: Int, heading: Bool)] = []
        func read(_ count: Int) -> Int? {
            guard at + count <= bits.count else { return nil }
            defer { at += count }
            return bits[at..<at + count].reduce(0) { $0 * 2 + $1 }
        }
        while true {
            var zeros = 0
            while at < bits.count, bits[at] == 0 { zeros += 1; at += 1 }
            guard at < bits.count, let quotient = read(zeros + 1), let low = read(k) else { break }
            let value = (quotient - 1) << k | low
            section += value / 2 + 1
            out.append((section, value % 2 == 1))
        }
        return out
    }

    static func entries(_ sections: [(Int, Bool)]) -> [UInt32] { sections.map { UInt32($0.0) << 1 | ($0.1 ? 1 : 0) } }

    @Test func listsReadBackExactly() {
        let lists: [[(Int, Bool)]] = [
            [(0, true)],
            [(0, false), (1, false), (2, true)],
            [(5, false), (6, true), (40_000, false)],                        // a gap longer than the script's 30-bit window
            (0..<3000).map { ($0 * 7, $0 % 5 == 0) },
            (0..<200).map { ($0 * 9_973, false) } + [(5_000_000, true)],       // sparse, large order
        ]
        for list in lists {
            let code = SearchPostings.encode(Self.entries(list))
            let back = Self.decode(code)
            #expect(back.map(\.section) == list.map(\.0), "\(code.prefix(40))")
            #expect(back.map(\.heading) == list.map(\.1))
            #expect(code.utf8.dropFirst().allSatisfy { SearchPostings.digits.contains($0) })
        }
    }

    /// The lists the index keeps while it is made give back every entry, across gaps of every
    /// byte length.
    @Test func listsUnderConstructionGiveBackTheirEntries() {
        var generator = SystemRandomNumberGenerator()
        var entries: [UInt32] = [0, 1, 3, 3 + (1 << 14), 3 + (1 << 14) + (1 << 21), (1 << 29) + 5]
        for _ in 0..<2000 { entries.append(entries.last! + UInt32.random(in: 1...(1 << UInt32.random(in: 1...20, using: &generator)), using: &generator)) }
        var list = SearchPostings.List()
        for entry in entries { list.append(entry) }
        #expect(list.entries == entries)
        var common = SearchPostings.List()
        for section in 0..<60_000 { common.append(UInt32(section) << 1) }
        #expect(common.entries.count == 60_000 && common.entries.last == 119_998)
    }

    /// Common terms cost about a bit per section, rare ones a few characters each.
    @Test func denseListsCostBitsAndSparseOnesAFewCharacters() {
        let dense = SearchPostings.encode(Self.entries((0..<60_000).map { ($0, false) }))
        #expect(dense.hasPrefix("A") && dense.utf8.count == 1 + 10_000, "one bit per section at order 0: \(dense.utf8.count)")
        let sparse = SearchPostings.encode(Self.entries((0..<10).map { ($0 * 6_000, false) }))
        #expect(sparse.utf8.count <= 1 + 10 * 3, "\(sparse.utf8.count) characters for 10 sections 6,000 apart")
    }

    @Test func termsAreCutIntoFilesOfAboutEqualSize() {
        let terms = (0..<100).map { (term: "t\($0)", postings: $0 == 10 ? String(repeating: "x", count: 5_000) : "Axx") }
        let starts = SearchIndex.shardStarts(terms, files: 4)
        #expect(starts.first == 0 && starts == starts.sorted() && Set(starts).count == starts.count)
        // The large term ends its file; the three after it share the rest.
        #expect(starts.count == 4 && starts[1] == 11 && starts[2] > 30, "\(starts)")
        #expect(SearchIndex.shardStarts([], files: 3).isEmpty)
        #expect(SearchIndex.shardStarts(terms, files: 1) == [0])
    }
}

/// The index files' string literals: what a JavaScript parser reads back is the text, and
/// nothing in them can end a script or a line.
@Suite struct SearchIndexLiteralTests {
    @Test func aLiteralReadsBackAsItsText() throws {
        let texts = ["", "plain", "say \"hi\" \\ back\\slash", "line\nbreak\r\ttab\u{0}\u{1F}\u{7F}", "</script><!--", "a\u{2028}b\u{2029}c",
                     "\u{2027}\u{202A}\u{20AC}€", "é日本😀\u{301}", String(repeating: "x\"", count: 300)]
        for text in texts {
            let literal = SearchIndex.json(text)
            #expect(!literal.contains("<") && !literal.contains("\n") && !literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
            #expect(!literal.unicodeScalars.contains { $0.value < 0x20 })
            let read = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(read == [text], "\(text.debugDescription)")
        }
    }
}
