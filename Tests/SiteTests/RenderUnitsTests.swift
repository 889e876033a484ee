import Foundation
import Site
import SiteModel
@testable import SiteProducers
import Testing

/// A page's HTML and chat texts render together (`RenderUnits`) and share the links the page
/// resolved (`LinkMemo`): the same link text written in the page and in an include of another
/// folder still points where each file means.
@Suite struct RenderUnitsTests {
    static let files = [
        "adoptkit.yml": "site: {title: Guide, base_url: \"https://adopt.example.com/kit/\"}\norganization: {name: Fabrikam}\n"
            + "groups:\n  - {name: Sales, invite_link: \"https://kaiza.la/g/sales\"}\n",
        "Content/index.md": "---\ndescription: Home.\n---\n# Home\n\nSee [next](guide/a.md).\n",
        "Content/guide/a.md": "---\ndescription: A.\n---\n# A\n\nHere: [x](x.md) and [x again](x.md).\n\n[!INCLUDE [shared](../other/shared.md)]\n",
        "Content/guide/x.md": "---\ndescription: Guide x.\n---\n# Guide x\n",
        "Content/other/shared.md": "From the include: [x](x.md).\n",
        "Content/other/x.md": "---\ndescription: Other x.\n---\n# Other x\n",
    ]

    @Test func aLinkMeansWhatItsOwnFileSaysInEveryOutput() async throws {
        let result = try await TestSupport.render(files: Self.files)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(TestSupport.summary(result.diagnostics))")
        let tree = try #require(result.tree)
        let html = TestSupport.text(tree, "guide/a.html")
        #expect(html.components(separatedBy: "href=\"x.html\"").count - 1 >= 2)
        #expect(html.contains("href=\"../other/x.html\""))
        for flavor in ["txt", "whatsapp.txt"] {
            let text = TestSupport.text(tree, "guide/a." + flavor)
            #expect(text.contains("https://adopt.example.com/kit/guide/x.html"), "\(flavor)")
            #expect(text.contains("https://adopt.example.com/kit/other/x.html"), "\(flavor)")
        }
    }

    @Test func groupsHoldEveryOutputOnceAPageTogetherAndDeferredOnesLast() async throws {
        let result = try await TestSupport.render(files: Self.files)
        let plan = try #require(result.plan)
        func isSearchFile(_ output: PlannedOutput) -> Bool { if case .searchIndex = output.producer { true } else { false } }
        let units = RenderUnits(plan.outputs, deferring: isSearchFile)
        let groups = (0..<units.count).map { Array(units[$0]) }
        #expect(groups.flatMap { $0 }.sorted() == Array(plan.outputs.indices))
        for group in groups where group.count > 1 {
            let sources = Set(group.map { plan.outputs[$0].pageSource })
            #expect(sources.count == 1 && sources.first! != nil)
        }
        let page = try #require(groups.first { $0.contains { plan.outputs[$0].path == "guide/a.html" } })
        #expect(Set(page.map { plan.outputs[$0].path }) == ["guide/a.html", "guide/a.txt", "guide/a.whatsapp.txt"])
        let firstDeferred = try #require(groups.firstIndex { isSearchFile(plan.outputs[$0[0]]) })
        #expect(groups[firstDeferred...].allSatisfy { $0.count == 1 && isSearchFile(plan.outputs[$0[0]]) })
        #expect(groups[..<firstDeferred].allSatisfy { !isSearchFile(plan.outputs[$0[0]]) })
        // Other outputs keep the plan's order.
        let singles = groups[..<firstDeferred].filter { plan.outputs[$0[0]].pageSource == nil }.map { $0[0] }
        #expect(singles == singles.sorted())
    }
}
