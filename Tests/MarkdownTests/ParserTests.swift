import Diagnostics
import Markdown
import Testing

@Suite struct ParserTests {
    @Test func frontMatterKeepsLineNumbers() {
        let text = "---\ntitle: Hello\nms.date: 04/09/2019\n---\n\n# Heading\n\n[link](x.md)\n"
        let document = MarkdownParser.parse(text, path: "p.md")
        #expect(document.frontMatter.yaml == "title: Hello\nms.date: 04/09/2019")
        #expect(document.frontMatter.firstLine == 2)
        let heading = document.children(of: document.root).first!
        #expect(document.location(of: heading) == SourceLocation(path: "p.md", line: 6, column: 1))
        #expect(document.firstHeadingText == "Heading")
    }

    @Test func unterminatedFrontMatterIsAnError() {
        let document = MarkdownParser.parse("---\ntitle: x\n\n# Body\n", path: "p.md")
        #expect(document.diagnostics.map(\.id) == [.frontMatterUnterminated])
        #expect(document.diagnostics.first?.location?.line == 1)
    }

    @Test func columnsCountCharactersNotBytes() {
        // "Ünïcødé – " is 10 characters but 16 bytes before the link.
        let document = MarkdownParser.parse("Ünïcødé – [link](x.md)\n", path: "p.md")
        let link = document.nodes.indices.first { if case .link = document.nodes[$0].kind { return true }; return false }!
        #expect(document.location(of: NodeID(link)).column == 11)
    }

    @Test func tasksTablesAndStrikethrough() {
        let document = MarkdownParser.parse("- [x] done\n- [ ] todo\n\n| a | b |\n|:-:|--:|\n| 1 | ~~2~~ |\n")
        let kinds = document.nodes.map(\.kind)
        #expect(kinds.contains(.item(task: true)))
        #expect(kinds.contains(.item(task: false)))
        #expect(kinds.contains(.table(alignments: [.center, .right])))
        #expect(kinds.contains(.tableCell(alignment: .right, header: false)))
        #expect(kinds.contains(.strikethrough))
    }

    @Test func deeplyNestedBlockquotesDoNotOverflowTheStack() {
        let depth = 100_000
        let text = String(repeating: ">", count: depth) + " deep\n"
        let document = MarkdownParser.parse(text)
        let quotes = document.nodes.filter { $0.kind == .blockQuote }.count
        #expect(quotes > 1000)
        var events = 0
        for _ in document.walk() { events += 1 }
        #expect(events == document.nodes.count * 2)
    }

    @Test func parsingIsSafeFromManyThreadsAtOnce() async {
        let text = "# Title\n\n| a |\n|---|\n| b |\n\nwww.example.com ~~x~~\n"
        let expected = MarkdownParser.parse(text).nodes
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 { group.addTask { MarkdownParser.parse(text).nodes == expected } }
            for await same in group { #expect(same) }
        }
    }
}

/// Every node of every page stays in memory for the whole build: keep a node compact.
@Test func markdownNodeStaysCompact() {
    #expect(MemoryLayout<MarkdownNode>.stride <= 32)
}
