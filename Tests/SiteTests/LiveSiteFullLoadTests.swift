import Foundation
import Site
import SiteModel
import Testing

/// Whatever way `serve` brings its site up to date (a patched kit, a kit whose new titles keep
/// or change the navigation's shape, or a reload), it must end where a full load of the same
/// files starts: the same plan, and every output byte for byte what a fresh build renders.
@Suite struct LiveSiteFullLoadTests {
    static func page(_ number: Int, title: String? = nil, body: String = "Text.") -> String {
        let front = title.map { "title: \($0)\n" } ?? ""
        return "---\n\(front)description: Page \(number).\n---\n# Page \(String(format: "%05d", number))\n\n\(body)\n"
    }

    /// Every output of `update`'s site against a fresh build of the files as they are now.
    static func expectMatchesAFreshBuild(_ update: LiveSite.Update, _ location: KitLocation, _ step: String) async throws {
        let site = try #require(update.site, "\(step): no site")
        let fresh = await TestSupport.render(location)
        let tree = try #require(fresh.tree, "\(step): the fresh build failed")
        let full = await KitLoader.load(location)
        #expect(site.plan.outputs == full.plan.outputs, "\(step): the plan differs from a full load's")
        for output in full.plan.outputs {
            let live = try site.file(at: output.path)?.contents.data()
            let built = try tree[output.path]?.contents.data()
            #expect(live != nil && live == built, "\(step): \(output.path) differs from a fresh build")
        }
    }

    @Test func everyKindOfEditEndsWhereAFullLoadStarts() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 30, in: root)
            try TestSupport.write(["Content/includes/note.md": "A note.\n",
                                   "Content/guide/page-00005.md": Self.page(5, body: "[!INCLUDE [note](../includes/note.md)]")], under: location.kit)
            let site = LiveSite(location: location)
            let first = await site.update(changedFiles: nil)
            #expect(first.succeeded, "\(first.diagnostics)")
            LiveSiteTests.openAll(first)
            let guide = location.content.appendingPathComponent("guide")
            let ten = guide.appendingPathComponent("page-00010.md"), twenty = guide.appendingPathComponent("page-00020.md")
            let include = location.content.appendingPathComponent("includes/note.md")
            var plan = try #require(first.site?.plan)
            let edits: [(step: String, file: URL, text: String)] = [
                ("a body", ten, Self.page(10, body: "New text.")),
                ("a title that keeps its place", ten, Self.page(10, title: "Page 00010 renamed", body: "New text.")),
                ("a title that moves to the front", ten, Self.page(10, title: "Aardvark", body: "New text.")),
                ("a title that moves to the end", twenty, Self.page(20, title: "Zebra")),
                ("an include", include, "A longer note.\n"),
                ("a title moved back", ten, Self.page(10, body: "New text.")),
            ]
            for edit in edits {
                try Data(edit.text.utf8).write(to: edit.file)
                let update = await site.update(changedFiles: [edit.file.path])
                #expect(update.succeeded, "\(edit.step): \(update.diagnostics)")
                // No edit here adds or removes a file, so none needs the whole site again.
                #expect(update.stale.count < first.stale.count / 2, "\(edit.step): \(update.stale.count) stale")
                let next = try #require(update.site?.plan)
                // A title that keeps its place keeps the plan; one that moves changes some inputs.
                if edit.step.contains("keeps its place") || edit.step == "a body" || edit.step == "an include" {
                    #expect(next.isSame(as: plan), "\(edit.step): the plan was made again")
                } else {
                    #expect(!next.isSame(as: plan), "\(edit.step): the plan kept titles that moved")
                }
                plan = next
                try await Self.expectMatchesAFreshBuild(update, location, edit.step)
                LiveSiteTests.openAll(update)
            }
        }
    }

    /// A title that moves changes previous/next and the sidebar window of the pages around its
    /// old and its new place. Its whole folder is rendered again, but only the pages whose bytes
    /// changed make browsers reload; one far from both places does not.
    @Test func aTitleThatMovesReachesBothPlaces() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 60, in: root)
            let site = LiveSite(location: location)
            LiveSiteTests.openAll(await site.update(changedFiles: nil))
            let page = location.content.appendingPathComponent("guide/page-00030.md")
            try Data(Self.page(30, title: "Aardvark").utf8).write(to: page)
            let update = await site.update(changedFiles: [page.path])
            // Its old neighbours now link to each other; its new one links to it.
            #expect(update.changed.isSuperset(of: ["guide/page-00029.html", "guide/page-00031.html", "guide/page-00000.html", "contents.html"]))
            #expect(update.stale.contains("guide/page-00045.html") && !update.changed.contains("guide/page-00045.html"))
            #expect(LiveSiteTests.text(update, "guide/page-00029.html").contains("rel=\"next\" href=\"page-00031.html\""))
            #expect(LiveSiteTests.text(update, "guide/page-00000.html").contains("Aardvark"))
        }
    }

    /// An anchor a page gains in raw HTML (`<a name="…">`) counts for the links to it at once,
    /// as a new heading does: the edit reaches the other pages' link checks.
    @Test func anAnchorAddedInRawHTMLReachesTheLinksToIt() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 5, in: root)
            let guide = location.content.appendingPathComponent("guide")
            try TestSupport.write(["Content/guide/page-00002.md": Self.page(2, body: "See [later](page-00003.md#later).")], under: location.kit)
            let site = LiveSite(location: location)
            let first = await site.update(changedFiles: nil)
            #expect(first.diagnostics.contains { $0.id == .linkMissingAnchor }, "\(first.diagnostics)")
            let three = guide.appendingPathComponent("page-00003.md")
            try Data(Self.page(3, body: "<a name=\"later\"></a>Later.").utf8).write(to: three)
            let update = await site.update(changedFiles: [three.path])
            #expect(!update.diagnostics.contains { $0.id == .linkMissingAnchor }, "\(update.diagnostics)")
            try await Self.expectMatchesAFreshBuild(update, location, "an anchor in raw HTML")
        }
    }
}
