import Diagnostics
import Markdown
import SiteModel
import Testing

/// The outline is what the kit model reads instead of the tree: it must hold every include
/// (with where it is written), every anchor and every code file, wherever they are nested.
@Suite struct DocumentOutlineTests {
    @Test func holdsIncludesAnchorsAndCodeFilesFromAnyDepth() {
        let text = """
            # Start

            > [!NOTE]
            > ## Inside a note
            > [!INCLUDE [shared](../includes/shared.md)]

            - An item with an inline [!INCLUDE [bit](bit.md)] include.
            - <span id="item-anchor">An item</span> with an anchor.

            <a name="BKMK_top"></a>

            :::code language="csharp" source="../samples/app.cs":::

            [!code-python[run](../samples/run.py)]
            """
        let outline = DocumentOutline(MarkdownParser.parse(text, path: "guide/page.md"))
        #expect(outline.includes.map(\.target) == ["../includes/shared.md", "bit.md"])
        #expect(outline.includes.map(\.location.line) == [5, 7])
        #expect(outline.anchors == ["start", "inside-a-note", "item-anchor", "BKMK_top"])
        #expect(outline.codeFiles == ["samples/app.cs", "samples/run.py"])
    }

    @Test func anEditReachesOtherFilesOnlyWhenItsOutlineChanges() {
        func outline(_ text: String) -> DocumentOutline { DocumentOutline(MarkdownParser.parse(text, path: "a.md")) }
        let base = outline("# Title\n\nText.\n")
        #expect(outline("# Title\n\nOther text, **bold**.\n").hasSameReach(as: base))
        #expect(!outline("# Title\n\n## New heading\n").hasSameReach(as: base))
        #expect(!outline("# Title\n\n<a name=\"x\"></a>\n").hasSameReach(as: base))
        #expect(!outline("# Title\n\n[!INCLUDE [x](x.md)]\n").hasSameReach(as: base))
        // The same include moved to another line is written somewhere else: its errors move.
        let included = outline("# Title\n\n[!INCLUDE [x](x.md)]\n")
        #expect(!outline("# Title\n\nText.\n\n[!INCLUDE [x](x.md)]\n").hasSameReach(as: included))
    }
}
