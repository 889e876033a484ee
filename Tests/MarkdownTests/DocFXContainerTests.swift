import Diagnostics
import Markdown
import Testing

@Suite struct DocFXContainerTests {
    /// The containers and blocks under the root, as an indented outline.
    func outline(_ document: MarkdownDocument) -> [String] {
        var lines: [String] = []
        var depth = 0
        for event in document.walk() {
            switch event {
            case .enter(let id):
                let label: String? = switch document[id].kind {
                case .container(let c): "\(c)"
                case .paragraph: "p \(document.plainText(of: id))"
                case .codeReference(let r): "code \(r.source)"
                case .image(let i): "image \(i.source)"
                default: nil
                }
                if let label { lines.append(String(repeating: "  ", count: depth) + label) }
                if case .container = document[id].kind { depth += 1 }
            case .exit(let id):
                if case .container = document[id].kind { depth -= 1 }
            }
        }
        return lines
    }

    @Test func markersInOneParagraphNestTheirContent() {
        let document = MarkdownParser.parse(":::row:::\n   :::column span=\"2\":::\n   Left\n   :::column-end:::\n   :::column:::\n   Right\n   more\n   :::column-end:::\n:::row-end:::\n")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(outline(document) == ["row", "  column", "    p Left", "  column", "    p Right more"])
    }

    @Test func tabsEndAtTheRuleAndZonesAtTheirEnd() {
        let document = MarkdownParser.parse("# [One](#tab/one)\n\nFirst.\n\n# [Two](#tab/two)\n\nSecond.\n\n---\n\nAfter.\n\n:::zone pivot=\"a,b\":::\n\nIn zone.\n\n:::zone-end:::\n")
        #expect(outline(document) == ["tabs", "  tab(label: \"One\", id: \"one\")", "    p First.", "  tab(label: \"Two\", id: \"two\")", "    p Second.",
                                      "p After.", "zone(pivot: \"a,b\")", "  p In zone."])
        #expect(!document.nodes.contains { if case .thematicBreak = $0.kind { true } else { false } })
    }

    @Test func unknownAndUnclosedMarkersAreReportedAndTheirTextKept() {
        let document = MarkdownParser.parse(":::sparkle:::\nKept text.\n\n:::row:::\n\nInside.\n\n:::column-end:::\n")
        #expect(document.diagnostics.map(\.id) == [.unknownBlock, .unknownBlock, .unknownBlock])
        #expect(document.diagnostics.map { $0.location!.line } == [1, 8, 4])
        #expect(outline(document) == ["p Kept text.", "row", "  p Inside."])
    }

    @Test func nextStepDivisionsCodeAndLightboxes() {
        let document = MarkdownParser.parse("> [!div class=\"nextstepaction\"]\n> [Next](next.md)\n\n:::code language=\"ps\" source=\"s/a.ps1\" range=\"2-3\":::\n\n:::image type=\"content\" source=\"a.png\" alt-text=\"A\" lightbox=\"big.png\":::\n")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(outline(document) == ["division(classes: [\"nextstepaction\"])", "  p Next", "code s/a.ps1", "image a.png"])
        let image = document.nodes.compactMap { if case .image(let i) = $0.kind { i } else { nil } }.first
        #expect(image?.lightbox == "big.png")
        #expect(CodeReference(source: "", language: "", range: "2-3,5").excerpt(of: "1\n2\n3\n4\n5\n") == "2\n3\n5\n")
    }

    /// As Microsoft's docs write them: zones and monikers without the closing colons, monikers
    /// with a space after the opening ones. Other text that starts with colons stays text.
    @Test func zoneAndMonikerLinesAsDocsWriteThem() {
        let document = MarkdownParser.parse(":::zone pivot=\"windows\"\nOn Windows.\n:::zone-end\n\n::: moniker range=\">=vs-2019\"\n\nIn 2019.\n\n::: moniker-end\n\n::: not a marker\n:::rowing boats\n::: Row 3 of the table\n::: Note :::\n")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(outline(document) == ["zone(pivot: \"windows\")", "  p On Windows.", "moniker(range: \">=vs-2019\")", "  p In 2019.",
                                      "p ::: not a marker :::rowing boats ::: Row 3 of the table ::: Note :::"])
    }

    /// `[!code-lang[name](path…)]`, DocFX's older form of `:::code:::`, with its line options.
    @Test func codeSnippetLinesBecomeCodeReferences() {
        let document = MarkdownParser.parse("[!code-csharp[Main](~/samples/Program.cs#L2-L5)]\n[!code-powershell[](a.ps1?range=1-3,7 \"Title\")]\n\n[!code-cs[x](b.cs?start=4&end=6)]\n\n[!code-vb[x](c.vb#Region1)]\n\nText [!code-cs[x](d.cs)] in a line.\n")
        let references = document.nodes.compactMap { if case .codeReference(let r) = $0.kind { r } else { nil } }
        #expect(references == [CodeReference(source: "~/samples/Program.cs", language: "csharp", range: "2-5"),
                               CodeReference(source: "a.ps1", language: "powershell", range: "1-3,7"),
                               CodeReference(source: "b.cs", language: "cs", range: "4-6"),
                               CodeReference(source: "c.vb", language: "vb", range: "", region: "Region1")])
        // Not on a line of its own: the text and its link stay.
        #expect(document.nodes.contains { document.literal($0.kind) == .link(destination: "d.cs", title: "") })
    }

    /// Regions as DocFX marks them: tag comments in any comment style, `#region`, nested.
    @Test func codeRegionsShowTheirLinesDedented() {
        let file = """
            using System;
            class Program {
                // <snippet_Main>
                static void Main() {
                    // <inner>
                    Run();
                    // </inner>
                }
                // </snippet_Main>
                #region Setup
                #region Inner
                int x = 1;
                #endregion
                int y = 2;
                #endregion
            }
            <!-- <xml> -->
            <Grid>
              <a/>
            </Grid>
            <!-- </xml> -->
            """
        func shown(_ region: String, _ range: String = "") -> String { CodeReference(source: "", language: "", range: range, region: region).excerpt(of: file) }
        #expect(shown("snippet_main") == "static void Main() {\n    Run();\n}\n")
        #expect(shown("Setup") == "#region Inner\nint x = 1;\n#endregion\nint y = 2;\n")
        #expect(shown("xml") == "<Grid>\n  <a/>\n</Grid>\n", "an element on a line of its own is code, not a region's tag")
        #expect(shown("Setup", "2") == "int x = 1;\n")
        #expect(shown("missing") == file + "\n")
        #expect(!CodeReference(source: "", language: "", range: "", region: "missing").regionExists(in: file))
        #expect(CodeReference(source: "", language: "", range: "", region: "inner").regionExists(in: file))
    }

    @Test func inlineImagesAndNoLocInsideTableCells() {
        let document = MarkdownParser.parse("| a | b |\n|---|---|\n| :::image type=\"content\" source=\"x.png\" alt-text=\"An X!\" lightbox=\"y.png\"::: | :::no-loc text=\"Word\"::: app |\n")
        let kinds = document.nodes.map { document.literal($0.kind) }
        #expect(kinds.contains(.link(destination: "y.png", title: "")))
        #expect(kinds.contains(.inlineImage(source: "x.png", title: "")))
        #expect(kinds.contains(.text("An X!")))
        #expect(kinds.contains(.text("Word")))
        #expect(!kinds.contains { if case .text(let t) = $0 { t.contains(":::") } else { false } })
    }
}

@Suite struct DocFXImageLineTests {
    @Test func textAfterAnImageLineIsKept() {
        let document = MarkdownParser.parse(":::image type=\"content\" source=\"a.png\" alt-text=\"A\":::\nThe text under it.\n:::image type=\"content\" source=\"b.png\" alt-text=\"B\":::\n")
        let images = document.nodes.compactMap { if case .image(let i) = $0.kind { i.source } else { nil } }
        #expect(images == ["a.png", "b.png"])
        #expect(document.nodes.contains { document.literal($0.kind) == .text("The text under it.") })
    }
}
