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
