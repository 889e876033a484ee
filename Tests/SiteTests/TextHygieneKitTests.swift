import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

/// `Tests/Fixtures/hostile-text`: raw control, bidi and zero-width characters in Markdown,
/// front matter, `toc.yml` and `adoptkit.yml` are reported where they are and reach no output.
@Suite struct TextHygieneKitTests {
    static let kit = KitLocation(kit: TestSupport.fixture("hostile-text"))

    @Test func everyRunIsReportedAtItsPosition() async {
        let result = await TestSupport.render(Self.kit)
        let found = TestSupport.summary(result.diagnostics.filter { $0.id == .textControlCharacter })
            .map { $0.replacingOccurrences(of: "text.control-character ", with: "") }
        #expect(found == [
            "Content/guide.md:2:10",
            "Content/index.md:7:5", "Content/index.md:7:14", "Content/index.md:7:29", "Content/index.md:7:36",
            "Content/index.md:7:47", "Content/index.md:7:55", "Content/index.md:7:61",
            "Content/index.md:9:9", "Content/index.md:9:26", "Content/index.md:9:37", "Content/index.md:9:43",
            "Content/index.md:11:7", "Content/index.md:11:39",
            "Content/index.md:13:4", "Content/index.md:13:21", "Content/index.md:13:51",
            "Content/index.md:16:7",
            "Content/toc.yml:1:11",
            "Templates/page.mustache:3:36", "Templates/page.mustache:4:7", "Templates/page.mustache:4:39", "Templates/page.mustache:4:72",
            "adoptkit.yml:4:13", "adoptkit.yml:6:11", "adoptkit.yml:8:18",
        ])
        #expect(result.diagnostics.first { $0.location?.line == 9 && $0.location?.column == 9 }?.message.contains("U+202E") == true)
    }

    @Test func noOutputCarriesAnInvisibleCharacterOrTheHiddenLink() async throws {
        let result = await TestSupport.render(Self.kit)
        let tree = try #require(result.tree, "\(result.diagnostics)")
        var checked = 0
        for file in tree.files where [".html", ".txt", ".json"].contains(where: file.path.hasSuffix) {
            let text = TestSupport.text(tree, file.path)
            let bad = text.unicodeScalars.first(where: TextHygiene.isInvisible)
            #expect(bad == nil, "\(file.path) has U+\(String(bad?.value ?? 0, radix: 16))")
            #expect(!text.contains("evil.example"), "\(file.path)")
            checked += 1
        }
        #expect(checked > 10)
        #expect(TestSupport.text(tree, "posters/sales/invite-link.txt").contains("Sales"))
        #expect(TestSupport.text(tree, "index.html").contains("Click here now."))
        #expect(TestSupport.text(tree, "index.txt").contains("Reverse gpj.exe and zerowidth, paypal, BOM."))
    }
}

/// Neutralised input is reported, never dropped in silence.
@Suite struct NeutralisationTests {
    @Test func dangerousLinksAreReportedWhereTheyAre() async throws {
        let result = try await TestSupport.render(files: [
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n\nA [script](javascript:alert(1)) and ![page](data:text/html,x) and [ok](data:image/png;base64,AA).\n",
            "Content/TOC.md": "# [Home](index.md)\n# [Bad](VBScript:msgbox)\n",
        ])
        let found = TestSupport.summary(result.diagnostics.filter { $0.id == .linkDangerous })
        #expect(found == ["link.dangerous Content/TOC.md:2:1", "link.dangerous Content/index.md:7:3", "link.dangerous Content/index.md:7:37"])
        #expect(result.diagnostics.first { $0.id == .linkDangerous }?.message.contains("'VBScript:'") == true)
        let index = TestSupport.text(result.tree, "index.html")
        #expect(!index.contains("javascript:") && !index.contains("data:text"))
    }
}
