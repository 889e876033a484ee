import Testing
import Diagnostics
@testable import Markdown

/// The DocFX rewrite copies inline content that no pattern changes whole; the tree must be the
/// one the node-by-node rewrite makes.
@Suite struct PlainContentCopyTests {
    /// A fixed-seed generator (SplitMix64), so a failure repeats.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "plain words", "*em*", "**strong *nested* text**", "~~gone~~", "`code!`", "[a link](a.md)", "[**bold** link](b.md#x \"T\")",
        "[System.String](xref:System.String)", "<xref:System.String>", "[!INCLUDE [t](inc.md)]", "[!include[t](inc.md)]",
        ":::image type=\"content\" source=\"a.png\" alt-text=\"A\":::", ":::no-loc text=\"Kaizala\":::", "wow!", "a:::b", "a::b",
        "<b>x</b>", "![img](p.png)", "![alt *x*](p.png)", "\\\n", "\n", "[!NOTE]", "{{ x }}", "gr\u{FC}\u{DF}e", " ", "https://example.com",
        "[!code-csharp[name](x.cs#L2-L5)]", ":::zone pivot=\"a\":::", ":::zone-end:::", "[Tab](#tab/one)",
    ]
    static let leads = ["", "", "", "# ", "## ", "> ", "- ", "1. ", "| a | b |\n|---|---|\n| ", "> [!NOTE]\n> ", "> [!div class=\"x\"]\n> "]

    static func document(_ random: inout Seeded) -> String {
        (0..<Int.random(in: 1...6, using: &random)).map { _ in
            Self.leads.randomElement(using: &random)!
                + (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }

    struct Rewritten: Equatable {
        var kinds: [NodeKindOf<String>] = []
        var links: [[NodeID?]] = []
        var ranges: [SourceRange] = []
        var diagnostics: [String] = []
    }

    static func rewrite(_ text: String, copying: Bool) -> Rewritten {
        let source = SourceText(path: "a.md", text: text)
        var rewriter = DocFXRewriter(CmarkConverter.convert(text, source: source))
        rewriter.copiesPlainContent = copying
        let (nodes, pool) = rewriter.rewrite()
        let document = MarkdownDocument(path: "a.md", displayPath: "a.md", nodes: nodes, textPool: pool, frontMatter: .none, diagnostics: [])
        var result = Rewritten()
        for node in nodes {
            result.kinds.append(document.literal(node.kind))
            result.links.append([node.parent, node.firstChild, node.nextSibling])
            result.ranges.append(node.range)
        }
        result.diagnostics = rewriter.diagnostics.map(\.message)
        return result
    }

    @Test func copiedContentIsTheContentVisited() {
        var random = Seeded(state: 9)
        var copies = 0
        for _ in 0..<600 {
            let text = Self.document(&random)
            let copied = Self.rewrite(text, copying: true), visited = Self.rewrite(text, copying: false)
            #expect(copied == visited, "\(text)")
            if copied != visited { return }
            let tree = CmarkConverter.convert(text, source: SourceText(path: "a.md", text: text)), stops = tree.copyStops()
            copies += tree.source.indices.filter { tree.plainInlineContent(of: NodeID($0), stops: stops, skipped: []) != nil }.count
        }
        // The documents exercise the copy, not only the visit.
        #expect(copies > 600)
    }

    @Test func onlyContentWithoutPatternsIsCopied() {
        func plain(_ text: String) -> Bool {
            let tree = CmarkConverter.convert(text, source: SourceText(path: "a.md", text: text))
            let paragraph = NodeID(1)
            return tree.plainInlineContent(of: paragraph, stops: tree.copyStops(), skipped: []) != nil
        }
        #expect(plain("Some *emphasis*, `code`, a [link](a.md) and an ![image](a.png)."))
        #expect(!plain("Wow!"))
        #expect(!plain("[!INCLUDE [t](a.md)]"))
        #expect(!plain("Text :::image source=\"a.png\" alt-text=\"A\"::: more"))
        #expect(!plain("See [the string](XREF:System.String)."))
        #expect(plain("a::b and [x](xreference.md)"))
    }

    /// Each container of a deep nest asks whether its content is plain: the answer comes from
    /// one pass, not a rescan of the nest per level.
    @Test func deepNestsAreAskedInOnePass() {
        let depth = 20_000
        let text = String(repeating: "*x ", count: depth) + "!" + String(repeating: "*", count: depth)
        let tree = CmarkConverter.convert(text, source: SourceText(path: "a.md", text: text))
        let stops = tree.copyStops()
        #expect(stops.ends[0] == Int32(tree.source.count) && stops.nextStop.count == tree.source.count + 1)
        // The text with `!` sits inside every level: no level is plain, and the copy and the
        // visit agree.
        #expect(tree.source.indices.allSatisfy { tree.plainInlineContent(of: NodeID($0), stops: stops, skipped: []) == nil })
        #expect(Self.rewrite(text, copying: true) == Self.rewrite(text, copying: false))
    }
}
