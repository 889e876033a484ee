import Foundation
import Site
import SiteModel
import Testing

/// The search index of a generated mid-size kit (`SearchKit`): its size against the Markdown
/// it is made from (the docs issue allows 30 %), and the corners of its file format.
@Suite struct SearchIndexSizeTests {
    static let pages = 1_100

    @Test func theIndexStaysUnderAThirdOfTheMarkdown() async throws {
        let files = SearchKit.files(pages: Self.pages)
        let result = try await TestSupport.render(files: files)
        #expect(result.succeeded, "\(TestSupport.summary(result.diagnostics).prefix(5))")
        let tree = try #require(result.tree)
        let parts = BuildPlan.searchIndexParts(pageCount: Self.pages)
        #expect(parts.filter { $0.hasPrefix("terms-") }.count == 2 && parts.filter { $0.hasPrefix("sections-") }.count == 11)
        var indexBytes = 0
        for part in parts {
            let data = try #require(tree[OutputPaths.searchFolder + part + ".js"].flatMap { try? $0.contents.data() }, "\(part) missing")
            indexBytes += data.count
        }
        let markdownBytes = files.values.reduce(0) { $0 + $1.utf8.count }
        let ratio = Double(indexBytes) / Double(markdownBytes)
        #expect(ratio <= 0.30, "index \(indexBytes) bytes for \(markdownBytes) of Markdown: \(Int(ratio * 100)) %")
        // Both terms files hold terms, about half each.
        let terms = ["terms-0", "terms-1"].map { TestSupport.text(tree, OutputPaths.searchFolder + $0 + ".js").utf8.count }
        #expect(terms.allSatisfy { $0 > (terms[0] + terms[1]) / 4 }, "\(terms)")

        // The terms files carry the display data of at most one section in sixteen.
        let carried = terms.indices.map { TestSupport.text(tree, OutputPaths.searchFolder + "terms-\($0).js").components(separatedBy: "\n[").count - 1 }
        let sectionCount = Int(TestSupport.text(tree, OutputPaths.searchFolder + "index.js").components(separatedBy: "\"sections\":").last!.prefix { $0.isNumber })!
        #expect(carried.allSatisfy { $0 > 10 } && carried.reduce(0, +) <= sectionCount / 16, "\(carried) of \(sectionCount)")

        let sections = TestSupport.text(tree, OutputPaths.searchFolder + "sections-0.js")
        // A repeated heading: the first id is the script's own, the second goes with it.
        #expect(sections.contains(",\"Next steps\",") && sections.contains(",[\"Next steps\",\"next-steps-1\"],"))
        // ASCII punctuation is dropped the same way by the script; other text carries its id.
        #expect(sections.contains(",\"Step 1: Set up (then restart)\","))
        #expect(sections.contains(",[\"Step 2 – Übersicht der Größen\",\"step-2--übersicht-der-größen\"],"))
        // A page that starts with `##` still has its (empty) text before the first heading.
        #expect(sections.contains(",\"guide/page-00007.html\",\"\","))
    }
}
