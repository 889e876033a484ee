import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

@Suite struct BuildPlanTests {
    /// What a real build writes is exactly the plan, and its manifest is the plan's.
    @Test func thePlanIsWhatABuildWrites() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("site")
            let result = await BuildAction(location: KitLocation(kit: TestSupport.repositoryRoot), output: output).run()
            #expect(result.succeeded, "\(result.diagnostics)")
            let plan = try #require(result.plan)
            let enumerator = try #require(FileManager.default.enumerator(atPath: output.path))
            var written: Set<String> = []
            while let path = enumerator.nextObject() as? String {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { written.insert(path) }
            }
            #expect(written == plan.paths.union([BuildPlan.manifestName]))
            #expect(try Data(contentsOf: output.appendingPathComponent(BuildPlan.manifestName)) == plan.manifestJSON())
            // Rendering in memory gives the same files with the same manifest.
            let tree = try #require(await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot)).tree)
            #expect(tree.manifestJSON() == plan.manifestJSON())
        }
    }

    /// A kit of `count` pages in one folder (and an index), no TOC: the sidebar is built from files.
    static func folderKit(pages count: Int, in root: URL) throws -> KitLocation {
        var files = ["Content/index.md": "---\ndescription: Home.\n---\n# Home\n"]
        for number in 0..<count {
            files["Content/guide/page-\(String(format: "%05d", number)).md"] = "---\ndescription: Page \(number).\n---\n# Page \(String(format: "%05d", number))\n\nText.\n"
        }
        try TestSupport.write(files, under: root)
        return KitLocation(kit: root)
    }

    /// A page's HTML must not grow with the number of pages in the kit (it used to embed the
    /// whole navigation, so output grew with pages²).
    @Test func aPageDoesNotGrowWithTheKit() async throws {
        func size(of path: String, pages: Int) async throws -> Int {
            try await TestSupport.withTemporaryFolder { root in
                let tree = try #require(await TestSupport.render(try Self.folderKit(pages: pages, in: root)).tree)
                return try #require(tree[path].flatMap { try? $0.contents.data() }).count
            }
        }
        for path in ["guide/page-00003.html", "index.html"] {
            let small = try await size(of: path, pages: 40), large = try await size(of: path, pages: 800)
            // Only the count in "N more…" differs.
            #expect(abs(large - small) <= 8, "\(path): \(small) bytes with 40 pages, \(large) with 800")
        }
        // The middle of a long folder shows a window around the page, and the rest is one line.
        try await TestSupport.withTemporaryFolder { root in
            let tree = try #require(await TestSupport.render(try Self.folderKit(pages: 800, in: root)).tree)
            let middle = TestSupport.text(tree, "guide/page-00400.html")
            #expect(middle.contains("<a href=\"page-00400.html\" aria-current=\"page\">Page 00400</a>"))
            #expect(middle.contains("<a href=\"page-00392.html\">") && !middle.contains("<a href=\"page-00391.html\">"))
            #expect(middle.contains("392 more…") && middle.contains("391 more…"))
            // Previous/next follow the reading order; the contents page has every page.
            #expect(middle.contains("href=\"page-00399.html\">Page 00399</a>") && middle.contains("href=\"page-00401.html\">Page 00401</a>"))
            let contents = TestSupport.text(tree, "contents.html")
            #expect((0..<800).allSatisfy { contents.contains("href=\"guide/page-\(String(format: "%05d", $0)).html\"") })
        }
    }

    /// The plan names what each output depends on, so an edit re-renders exactly what it must.
    @Test func inputsNameWhatMakesAnOutputStale() async throws {
        try await TestSupport.withTemporaryFolder { root in
            try TestSupport.write(["Content/includes/note.md": "Shared note.\n\n:::code language=\"python\" source=\"../samples/run.py\":::\n",
                                   "Content/samples/run.py": "print('hi')\n",
                                   "Content/guide/uses-note.md": "---\ndescription: d.\n---\n# Uses note\n\n[!INCLUDE [n](../includes/note.md)]\n"],
                                  under: root)
            let kit = await KitLoader.load(try Self.folderKit(pages: 40, in: root))
            #expect(!kit.diagnostics.hasErrors, "\(kit.diagnostics)")
            func stale(_ inputs: Set<PlanInput>) -> Set<String> { Set(kit.plan.outputs(dependingOn: inputs).map(\.path)) }

            // A body edit: the page, its chat texts and the search index.
            let search: Set<String> = ["assets/search/index.js", "assets/search/sections-0.js", "assets/search/terms-0.js"]
            #expect(stale([.file("Content/guide/page-00010.md")])
                    == Set(["guide/page-00010.html", "guide/page-00010.txt", "guide/page-00010.whatsapp.txt"]).union(search))
            // An include: every page that includes it, and the search index.
            #expect(stale([.file("Content/includes/note.md")])
                    == Set(["guide/uses-note.html", "guide/uses-note.txt", "guide/uses-note.whatsapp.txt"]).union(search))
            // A code file shown through an include: the pages that include it (and its copy).
            #expect(stale([.file("Content/samples/run.py")])
                    == Set(["guide/uses-note.html", "guide/uses-note.txt", "guide/uses-note.whatsapp.txt", "samples/run.py"]).union(search))
            // A title: the pages whose navigation shows it (a window of neighbours), and the contents and home pages.
            let title = stale([.title("guide/page-00010.md")])
            #expect(title.contains("guide/page-00009.html") && title.contains("guide/page-00011.html") && title.contains("contents.html"))
            #expect(!title.contains("guide/page-00030.html") && !title.contains("guide/page-00010.txt"))
            #expect(!title.contains("assets/search/terms-0.js"), "the index reads titles from the page files themselves")
            // The config: everything rendered from it.
            #expect(stale([.file("adoptkit.yml")]).count == kit.plan.outputs.filter { $0.kind != .asset }.count)
        }
    }
}
