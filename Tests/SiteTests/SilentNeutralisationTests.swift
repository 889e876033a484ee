import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

/// Nothing is neutralised without a word: see `Tests/Fixtures/hostile-neutralised/README.txt`.
@Suite struct SilentNeutralisationTests {
    @Test func everyNeutralisedInputIsReportedAtItsPosition() async {
        let diagnostics = await KitLoader.load(KitLocation(kit: TestSupport.fixture("hostile-neutralised"))).diagnostics
        let found = TestSupport.summary(diagnostics.filter {
            [.rawHTMLDropped, .includeMalformed, .frontMatterMissingOpening, .alertUnknownKind].contains($0.id)
        })
        #expect(found == [
            "markdown.raw-html-dropped Content/index.md:7:9",
            "include.malformed Content/index.md:11:1",
            "alert.unknown-kind Content/index.md:13:3",
            "alert.unknown-kind Content/index.md:16:3",
            "alert.unknown-kind Content/index.md:19:3",
            "front-matter.missing-opening Content/no-opening.md:1:1",
        ])
        #expect(diagnostics.first { $0.id == .rawHTMLDropped }?.message.hasPrefix("2 piece(s) of raw HTML on this page lose 2 tag(s) or attribute(s)") == true)
    }
}
