import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

/// `serve` re-renders only what an edit made stale, and reports only outputs whose bytes changed.
@Suite struct LiveSiteTests {
    /// Renders every output once, as browsers opening them would.
    static func openAll(_ update: LiveSite.Update) {
        for path in update.stale { _ = update.site?.file(at: path) }
    }

    static func text(_ update: LiveSite.Update, _ path: String) -> String {
        (try? update.site?.file(at: path)?.contents.data()).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Only what browsers opened is rendered again; the rest waits until asked for.
    @Test func unopenedOutputsAreRenderedOnlyWhenAskedFor() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 10, in: root)
            let site = LiveSite(location: location)
            let first = await site.update(changedFiles: nil)
            _ = first.site?.file(at: "guide/page-00002.html")
            let page = location.content.appendingPathComponent("guide/page-00002.md")
            try Data("---\ndescription: d.\n---\n# Page 00002\n\nEdited.\n".utf8).write(to: page)
            let edit = await site.update(changedFiles: [page.path])
            #expect(edit.stale.count == 6 && edit.rendered == 1 && edit.changed == ["guide/page-00002.html"]) // 3 are the search index
            #expect(Self.text(edit, "guide/page-00002.txt").contains("Edited."))
        }
    }

    @Test func anEditReRendersExactlyTheStaleOutputs() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 40, in: root)
            let site = LiveSite(location: location)
            let first = await site.update(changedFiles: nil)
            #expect(first.succeeded, "\(first.diagnostics)")
            // Nothing is rendered until a browser asks; here every output is opened once.
            #expect(first.rendered == 0)
            let total = first.stale.count
            Self.openAll(first)

            let page = location.content.appendingPathComponent("guide/page-00010.md")
            func edit(_ text: String) async throws -> LiveSite.Update {
                try Data(text.utf8).write(to: page)
                return await site.update(changedFiles: [page.path])
            }
            // A body edit: the page's HTML and chat texts are rendered again. The search index is
            // stale too, and is rendered when next asked for.
            let body = try await edit("---\ndescription: Page 10.\n---\n# Page 00010\n\nNew text.\n")
            let pageOutputs: Set<String> = ["guide/page-00010.html", "guide/page-00010.txt", "guide/page-00010.whatsapp.txt"]
            #expect(body.stale == pageOutputs.union(["assets/search/index.js", "assets/search/sections-0.js", "assets/search/terms-0.js"]))
            #expect(body.rendered == 3)
            #expect(body.changed == pageOutputs)
            #expect(Self.text(body, "assets/search/sections-0.js").contains("New text."), "the index is rendered anew when asked for")
            #expect(Self.text(body, "guide/page-00010.html").contains("New text."))

            // Saved again unchanged: rendered, but no browser needs to reload.
            let same = try await edit("---\ndescription: Page 10.\n---\n# Page 00010\n\nNew text.\n")
            #expect(same.rendered == 3 && same.changed.isEmpty)

            // A new title moves through the navigation of the pages that show it.
            let title = try await edit("---\ndescription: Page 10.\n---\n# Page 00010 renamed\n\nNew text.\n")
            #expect(title.changed.isSuperset(of: ["guide/page-00010.html", "guide/page-00009.html", "guide/page-00011.html", "contents.html"]))
            #expect(!title.changed.contains("guide/page-00030.html"))
            #expect(title.rendered < total / 2)
            #expect(Self.text(title, "guide/page-00009.html").contains("Page 00010 renamed"))

            // A broken edit keeps the last good site.
            let broken = try await edit("---\ndescription: [unclosed\n---\n# Broken\n")
            #expect(!broken.succeeded)
            #expect(Self.text(broken, "guide/page-00010.html").contains("New text."))

            // After a failed update the next one starts from scratch: everything is stale.
            let fixed = try await edit("---\ndescription: Page 10.\n---\n# Page 00010\n")
            #expect(fixed.succeeded && fixed.stale.count == total)

            // The config is an input of everything it renders.
            try Data("site:\n  title: Renamed site\n".utf8).write(to: location.config)
            let config = await site.update(changedFiles: [location.config.path])
            #expect(config.succeeded)
            #expect(config.stale.count == total - 3) // all but the stylesheet and the two scripts, which read no config
        }
    }

    /// An edit that stays inside a page's text takes the short way (the kit is patched, not
    /// reloaded); its findings must be exactly those of a full load.
    @Test func aPatchedKitFindsWhatAFullLoadFinds() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 12, in: root)
            let site = LiveSite(location: location)
            _ = await site.update(changedFiles: nil)
            let page = location.content.appendingPathComponent("guide/page-00003.md")
            for text in [
                "---\ndescription: Page 3.\n---\n# Page 00003\n\nSee [a missing page](nowhere.md) and [a gap](page-00004.md#nope).\n",
                "---\ndescription: Page 3.\n---\n# Page 00003\n\n## A new heading\n\nText.\n",
                "---\ndescription: Page 3.\n---\n# Page 00003\n\nFixed.\n",
                // A new title with the same headings: navigation and plan are rebuilt, nothing reloaded.
                "---\ntitle: Renamed three\ndescription: Page 3.\n---\n# Page 00003\n\nFixed.\n",
            ] {
                try Data(text.utf8).write(to: page)
                let patched = await site.update(changedFiles: [page.path])
                let full = await KitLoader.load(location)
                #expect(TestSupport.summary(patched.diagnostics) == TestSupport.summary(full.diagnostics))
                #expect(Self.text(patched, "guide/page-00003.html").contains(text.contains("Fixed") ? "Fixed." : "Page 00003"))
            }
            Self.openAll(await site.update(changedFiles: nil))
            try Data("---\ntitle: Renamed again\ndescription: Page 3.\n---\n# Page 00003\n\nFixed.\n".utf8).write(to: page)
            let renamed = await site.update(changedFiles: [page.path])
            #expect(renamed.changed.contains("guide/page-00002.html") && renamed.changed.contains("contents.html"))
            #expect(Self.text(renamed, "guide/page-00004.html").contains("Renamed again"))
            // Edits made while the kit is broken all count once it is fixed.
            let other = location.content.appendingPathComponent("guide/page-00005.md")
            try Data("---\ndescription: [broken\n---\n# Page 00005\n".utf8).write(to: page)
            #expect(!(await site.update(changedFiles: [page.path])).succeeded)
            try Data("---\ndescription: Page 5.\n---\n# Page 00005\n\nEdited while broken.\n".utf8).write(to: other)
            #expect(!(await site.update(changedFiles: [other.path])).succeeded)
            try Data("---\ndescription: Page 3.\n---\n# Page 00003\n\nFixed.\n".utf8).write(to: page)
            let fixed = await site.update(changedFiles: [page.path])
            #expect(fixed.succeeded && fixed.changed.contains("guide/page-00005.html"))
            #expect(Self.text(fixed, "guide/page-00005.html").contains("Edited while broken."))
            // An include that grows past the page's budget is caught on the short way too.
            try Data("---\ndescription: Page 3.\n---\n# Page 00003\n\n".utf8 + Data(String(repeating: "[!INCLUDE [n](../includes/n.md)]\n\n", count: 60).utf8)).write(to: page)
            try TestSupport.write(["Content/includes/n.md": "Small.\n"], under: location.kit)
            #expect(await site.update(changedFiles: nil).succeeded)
            let include = location.content.appendingPathComponent("includes/n.md")
            try Data((0..<20_000).map { "Line \($0) *x*." }.joined(separator: "\n\n").utf8).write(to: include)
            let grown = await site.update(changedFiles: [include.path])
            #expect(grown.diagnostics.contains { $0.id == .includeTooLarge })
            // Files the kit does not read change nothing.
            let swap = location.content.appendingPathComponent("guide/.page-00003.md.swp")
            try Data("x".utf8).write(to: swap)
            let ignored = await site.update(changedFiles: [swap.path])
            #expect(ignored.stale.isEmpty && ignored.changed.isEmpty)
        }
    }

    @Test func addingAPageRebuildsTheNavigation() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try BuildPlanTests.folderKit(pages: 5, in: root)
            let site = LiveSite(location: location)
            Self.openAll(await site.update(changedFiles: nil))
            let added = location.content.appendingPathComponent("guide/added.md")
            try Data("---\ndescription: d.\n---\n# Added page\n".utf8).write(to: added)
            let update = await site.update(changedFiles: [added.path])
            #expect(update.changed.isSuperset(of: ["guide/page-00000.html", "contents.html"]))
            #expect(update.site?.contains("guide/added.html") == true)
            #expect(Self.text(update, "guide/page-00000.html").contains("Added page"))
        }
    }
}
