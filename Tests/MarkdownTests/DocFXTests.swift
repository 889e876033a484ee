import Diagnostics
import Markdown
import Testing

@Suite struct DocFXTests {
    func kinds(_ document: MarkdownDocument) -> [NodeKindOf<String>] { document.nodes.map { document.literal($0.kind) } }

    @Test(arguments: AlertKind.allCases)
    func alertsOfEveryKindAnyCase(_ kind: AlertKind) {
        for marker in [kind.rawValue.uppercased(), kind.rawValue, kind.label] {
            let document = MarkdownParser.parse("> [!\(marker)]\n> Body *text*.\n")
            #expect(document.diagnostics.isEmpty)
            let alert = document.children(of: document.root).first!
            #expect(document[alert].kind == .alert(kind))
            let paragraph = document.children(of: alert).first!
            // The marker and the line break after it are gone; the body stays.
            #expect(document.plainText(of: paragraph) == "Body text.")
        }
    }

    @Test func alertWithBlankLineAfterMarker() {
        let document = MarkdownParser.parse("> [!TIP]\n>\n> First.\n>\n> Second.\n")
        let alert = document.children(of: document.root).first!
        #expect(document[alert].kind == .alert(.tip))
        #expect(document.children(of: alert).map { document.plainText(of: $0) } == ["First.", "Second."])
    }

    @Test func unknownAlertKindIsAWarningAndAPlainQuote() {
        let document = MarkdownParser.parse("Intro\n\n> [!DANGER]\n> Careful.\n", path: "a.md")
        #expect(document.diagnostics.map(\.id) == [.alertUnknownKind])
        #expect(document.diagnostics.first?.location == SourceLocation(path: "a.md", line: 3, column: 3))
        #expect(Array(document.children(of: document.root)).map { document[$0].kind }.last == .blockQuote)
    }

    @Test func textOnTheMarkerLineIsAWarningAndAPlainQuote() {
        let document = MarkdownParser.parse("> [!NOTE] Text on the same line.\n", path: "a.md")
        #expect(document.diagnostics.map(\.id) == [.alertMarkerText])
        #expect(document[document.children(of: document.root).first!].kind == .blockQuote)
    }

    @Test func blockInclude() {
        let document = MarkdownParser.parse("Before\n\n[!INCLUDE [note](includes/note.md)]\n\nAfter\n")
        #expect(kinds(document).contains(.include(path: "includes/note.md", title: "note")))
        #expect(Array(document.children(of: document.root)).count == 3)
    }

    @Test func consecutiveBlockIncludes() {
        let document = MarkdownParser.parse("[!include[a](a.md)]\n[!INCLUDE [b](b.md)]\n")
        let blocks = document.children(of: document.root).map { document[$0].kind }
        #expect(blocks == [.include(path: "a.md", title: "a"), .include(path: "b.md", title: "b")])
    }

    @Test func inlineInclude() {
        let document = MarkdownParser.parse("Call us on [!INCLUDE [phone](phone.md)] today.\n")
        let paragraph = document.children(of: document.root).first!
        let inlines = document.children(of: paragraph).map { document.literal(document[$0].kind) }
        #expect(inlines == [.text("Call us on "), .inlineInclude(path: "phone.md", title: "phone"), .text(" today.")])
    }

    @Test func video() {
        let document = MarkdownParser.parse("> [!VIDEO https://www.microsoft.com/videoplayer/embed/RE3aku3]\n")
        #expect(document[document.children(of: document.root).first!].kind == .video(url: "https://www.microsoft.com/videoplayer/embed/RE3aku3"))
        let insecure = MarkdownParser.parse("> [!VIDEO http://example.com/v]\n")
        #expect(insecure.diagnostics.map(\.id) == [.videoNotHTTPS])
    }

    @Test func imageBlocks() {
        let document = MarkdownParser.parse("""
            :::image type="content" source="media/a.png" alt-text="A phone":::

            :::image type="complex" source="media/b.png" alt-text="Chart":::
               The long description.
            :::image-end:::

            :::image type="icon" source="media/c.svg":::
            """)
        let images = document.nodes.compactMap { node -> ImageBlock? in
            if case .image(let image) = node.kind { return image }
            return nil
        }
        #expect(images.map(\.kind) == [.content, .complex, .icon])
        #expect(images[0].altText == "A phone")
        #expect(images[1].longDescription == "The long description.")
        #expect(document.diagnostics.isEmpty)
        let missingAlt = MarkdownParser.parse(":::image source=\"x.png\":::\n", path: "p.md")
        #expect(missingAlt.diagnostics.map(\.id) == [.imageMissingAlt])
    }

    @Test(arguments: [
        ("Step 1 – Create a group", "step-1--create-a-group"),
        ("Introducing Kaizala – poster and email template", "introducing-kaizala--poster-and-email-template"),
        ("What's *new* in `v2`?", "whats-new-in-v2"),
        ("Café & Crème", "café--crème"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("!!!", "section"),
    ])
    func headingIDs(_ heading: String, _ id: String) {
        let document = MarkdownParser.parse("## \(heading)\n")
        #expect(document.headings.map(\.anchor) == [id])
    }

    @Test func duplicateHeadingIDsGetNumbers() {
        let document = MarkdownParser.parse("# Steps\n## Steps\n## Steps\n## Steps 1\n")
        #expect(document.headings.map(\.anchor) == ["steps", "steps-1", "steps-2", "steps-1-1"])
    }

    @Test func markdownTOC() {
        let document = MarkdownParser.parse("# [Home](index.md)\n## Group\n### [A](a.md)\n### [B](sub/b.md)\n## [C](c.md)\n", path: "TOC.md")
        let entries = TOCEntry.entries(fromMarkdownTOC: document)
        #expect(entries.count == 1)
        #expect(entries[0].href == "index.md")
        #expect(entries[0].children.map(\.title) == ["Group", "C"])
        #expect(entries[0].children[0].href == nil)
        #expect(entries[0].children[0].children.map(\.href) == ["a.md", "sub/b.md"])
        #expect(entries[0].children[1].location == SourceLocation(path: "TOC.md", line: 5, column: 1))
    }
}
