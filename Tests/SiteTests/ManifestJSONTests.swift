import Foundation
@testable import SiteModel
import Testing

/// The manifest is written by hand for speed; it must stay what `JSONEncoder` would write, so
/// tools that read it (and golden files) see no difference.
@Suite struct ManifestJSONTests {
    /// The manifest's fields as `Encodable` sees them.
    struct Mirror: Encodable {
        struct Entry: Encodable {
            let path: String
            let kind: OutputKind
            let format, source: String
            let poster, group, language: String?
        }
        let outputs: [Entry]
    }

    static func encoderBytes(_ entries: [BuildPlan.ManifestEntry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let mirror = Mirror(outputs: entries.map {
            .init(path: $0.path, kind: $0.kind, format: $0.format, source: $0.source, poster: $0.poster, group: $0.group, language: $0.language)
        })
        return try encoder.encode(mirror) + Data("\n".utf8)
    }

    @Test func matchesJSONEncoderOnAwkwardValues() throws {
        let awkward = ["plain", "", "a/b\\c", "quote \" here", "tab\tnew\nline\r", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
                       "Contoso – Finance", "é\u{301}", "🇫🇷 groupe", "\u{2028}\u{2029}", "</script>"]
        var entries: [BuildPlan.ManifestEntry] = []
        for (number, value) in awkward.enumerated() {
            entries.append(.init(path: "p/\(value)", kind: .page, format: "html", source: value, poster: nil, group: nil))
            entries.append(.init(path: value, kind: .poster, format: value, source: "s", poster: value, group: value, language: number.isMultiple(of: 2) ? value : nil))
        }
        #expect(ManifestJSON.encode(entries) == (try Self.encoderBytes(entries)))
        #expect(ManifestJSON.encode([]) == (try Self.encoderBytes([])))
    }

    @Test func randomStringsMatchJSONEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "–", "\u{301}", "😀", "\u{feff}"]
        for _ in 0..<50 {
            let entries = (0..<5).map { _ in
                let value = String(String.UnicodeScalarView((0..<Int.random(in: 0..<20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
                return BuildPlan.ManifestEntry(path: value, kind: .asset, format: "css", source: value, poster: value, group: nil, language: value)
            }
            #expect(ManifestJSON.encode(entries) == (try Self.encoderBytes(entries)))
        }
    }

    /// A big plan's manifest goes out in several pieces; together they are the same bytes.
    @Test func aManifestInManyPiecesIsTheSame() throws {
        let entries = (0..<2000).map { BuildPlan.ManifestEntry(path: "docs/page-\($0).html", kind: .page, format: "html", source: "Content/docs/page-\($0).md",
                                                              poster: nil, group: nil) }
        var pieces = 0
        var joined = Data()
        ManifestJSON.write(entries) { joined.append(contentsOf: $0); pieces += 1 }
        #expect(pieces > 1)
        #expect(joined == (try Self.encoderBytes(entries)))
    }
}
