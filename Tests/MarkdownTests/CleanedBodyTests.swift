import Diagnostics
import Markdown
import Testing

/// Invisible characters are removed before cmark parses, so no node carries them, while every
/// position (of the characters and of the nodes after them) stays the file's own.
@Suite struct CleanedBodyTests {
    func warnings(_ document: MarkdownDocument) -> [String] {
        document.diagnostics.filter { $0.id == .textControlCharacter }.map { "\($0.location!.line):\($0.location!.column)" }
    }

    @Test func noNodeKeepsAnInvisibleCharacter() {
        let text = "---\ntitle: T\n---\n# He\u{1B}[1mad\n\nTe\u{202E}xt `co\u{7}de` [li\u{200B}nk](x\u{1B}.md \"ti\u{8}tle\") <b\u{7F}>\n\n```in\u{1B}fo\nco\u{0C}de\n```\n"
        let document = MarkdownParser.parse(text, path: "p.md")
        for node in document.nodes {
            let payload: String
            switch node.kind {
            case .text(let s), .code(let s), .htmlInline(let s), .htmlBlock(let s): payload = String(document[s])
            case let .codeBlock(info, literal): payload = info + literal
            case let .link(destination, title): payload = destination + title
            default: continue
            }
            #expect(!payload.unicodeScalars.contains(where: TextHygiene.isInvisible), "\(node.kind)")
        }
        #expect(warnings(document) == ["4:5", "6:3", "6:10", "6:18", "6:24", "6:32", "6:41", "8:6", "9:3"])
        #expect(document.firstHeadingText == "Head")
    }

    @Test func nodesAfterARemovedRunKeepTheirColumns() {
        // Removing "ESC[31m" (5 bytes) and a 3-byte U+202E must not move the link.
        let document = MarkdownParser.parse("a\u{1B}[31mb \u{202E}c é [link](x.md)\n", path: "p.md")
        let link = document.nodes.indices.first { if case .link = document.nodes[$0].kind { return true }; return false }!
        #expect(document.location(of: NodeID(link)).column == 14)
        #expect(warnings(document) == ["1:2", "1:9"])
    }

    @Test func aTerminalLinkDoesNotBecomeALink() {
        let document = MarkdownParser.parse("Click \u{1B}]8;;https://evil.example/\u{1B}\\here\u{1B}]8;;\u{1B}\\ now.\n", path: "p.md")
        #expect(!document.nodes.contains { if case .link = $0.kind { return true }; return false })
        #expect(document.plainText(of: document.root) == "Click here now.")
        #expect(warnings(document) == ["1:7", "1:39"])
    }

    @Test func lineEndingsAreKeptAndALoneCarriageReturnIsReported() {
        let crlf = MarkdownParser.parse("one\r\ntwo\r\n", path: "p.md")
        #expect(warnings(crlf).isEmpty)
        let lone = MarkdownParser.parse("one\rtwo\n", path: "p.md")
        #expect(warnings(lone) == ["1:4"])
        #expect(lone.plainText(of: lone.root) == "one two")
    }
}
