import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

/// `Tests/Fixtures/hostile-budgets`: pages small on disk but deep or large once rendered are
/// refused by `check`, where they are, with the limit (see the fixture's README.txt).
@Suite struct BudgetTests {
    @Test func deepAndAmplifiedPagesAreRefusedWhereTheyAre() async {
        let diagnostics = await CheckAction(location: KitLocation(kit: TestSupport.fixture("hostile-budgets"))).run()
        let found = TestSupport.summary(diagnostics.filter { $0.severity == .error })
        #expect(found == [
            "output.too-large Content/amplified.md:1:1",
            // The 33rd quote marker: 32 levels are allowed.
            "markdown.too-deep Content/deep.md:7:65",
            "markdown.too-deep Content/quoted-include.md:7:41",
        ])
        let deep = diagnostics.first { $0.id == .markdownTooDeep }
        #expect(deep?.message.contains("more than 32 deep") == true)
        #expect(deep?.notes.contains { $0.contains("the limit is fixed") } == true)
        #expect(diagnostics.first { $0.id == .outputTooLarge }?.message.contains("more than 16 MiB") == true)
    }

    @Test func buildRefusesTheSameAndWritesNothing() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let output = root.appendingPathComponent("site")
            let result = await BuildAction(location: KitLocation(kit: TestSupport.fixture("hostile-budgets")), output: output).run()
            #expect(!result.succeeded)
            #expect(result.diagnostics.contains { $0.id == .outputTooLarge })
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// Include cycles were looked for with one search per include: a chain of 20,000 files
    /// (each including the next) kept `check` busy for minutes. The graph is now read once
    /// (strongly connected components) and the budgets are folded without recursion.
    @Test func aLongIncludeChainIsCheckedAndFolded() async throws {
        try await TestSupport.withTemporaryFolder { root in
            var files = ["Content/index.md": "---\ntitle: Home\ndescription: Home.\n---\n# Home\n\n[!INCLUDE [c](includes/c0.md)]\n"]
            let length = 5_000
            for i in 0..<length {
                files["Content/includes/c\(i).md"] = i + 1 < length ? "Step \(i).\n\n[!INCLUDE [c](c\(i + 1).md)]\n" : "The end.\n"
            }
            try TestSupport.write(files, under: root)
            let diagnostics = await CheckAction(location: KitLocation(kit: root)).run()
            #expect(!diagnostics.contains { $0.severity == .error }, "\(TestSupport.summary(diagnostics).prefix(5))")
            // The budget folds over the whole chain: the home page expands every include once.
            // (How long it takes is for `make bench`, not for a test.)
            let kit = await KitLoader.load(KitLocation(kit: root))
            var memo: [String: Int] = [:]
            #expect(kit.includes.expansions(of: "index.md", limit: 10 * length, memo: &memo) == length)
        }
    }
}
