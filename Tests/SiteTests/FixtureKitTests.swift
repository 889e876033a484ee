import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

@Suite struct FixtureKitTests {
    @Test func brokenKitReportsEveryProblemWithItsPosition() async {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("broken-kit")))
        #expect(result.tree == nil)
        #expect(TestSupport.summary(result.diagnostics) == [
            "front-matter.syntax Content/bad-front-matter.md:3:12",
            "page.missing-description Content/cycle.md:1:1",
            "include.cycle Content/includes/b.md:3:1",
            "include.cycle Content/includes/c.md:3:1",
            "link.missing-page Content/index.md:8:5",
            "chat.relative-links Content/index.md:8:35",
            "link.missing-anchor Content/index.md:8:35",
            "link.missing-file Content/index.md:8:73",
            "link.missing-page Content/index.md:10:6",
            "link.missing-anchor Content/index.md:10:40",
            "alert.unknown-kind Content/index.md:12:3",
            "alert.marker-text Content/index.md:15:3",
            "source.invalid-utf8 Content/latin1.md:3:4",
            "page.missing-description Content/missing-include.md:1:1",
            "include.missing Content/missing-include.md:3:1",
            "page.missing-description Content/other.md:1:1",
            "page.missing-description Content/outside.md:1:1",
            "include.outside-content Content/outside.md:3:1",
            "front-matter.type Content/title-list.md:3:3",
            "front-matter.unterminated Content/unterminated.md:1:1",
            "page.missing-description Content/unterminated.md:1:1",
            "config.invalid-url adoptkit.yml:3:13",
            "config.unknown-key adoptkit.yml:4:3",
            "config.unknown-key adoptkit.yml:5:1",
        ])
        let cycle = result.diagnostics.first { $0.id == .includeCycle }
        #expect(cycle?.message == "include cycle: includes/b.md → includes/c.md → includes/b.md")
        let misspelled = result.diagnostics.first { $0.location?.line == 5 && $0.id == .configUnknownKey }
        #expect(misspelled?.message.contains("did you mean 'organization'?") == true)
        let wrongCase = result.diagnostics.first { $0.location?.line == 10 && $0.id == .linkMissingPage }
        #expect(wrongCase?.notes.first?.contains("'other.md'") == true)
    }

    @Test func brokenTemplatesAreReportedAtTheirPosition() async {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("broken-templates")))
        #expect(result.tree == nil)
        #expect(TestSupport.summary(result.diagnostics) == [
            "template.unknown-name Templates/page.mustache:2:8",
            "template.unescaped-data Templates/page.mustache:3:4",
            "template.missing Templates/page.mustache:4:1",
        ])
        #expect(result.diagnostics.first?.notes == ["did you mean 'page.title'?"])
    }

    @Test func validKitWithTocYamlCustomLayoutAndRawHTML() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("valid-kit")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let tree = try #require(result.tree)
        #expect(tree.files.map(\.path) == [
            "assets/adoptkit.css", "assets/search.js", "assets/search/index.js", "assets/search/sections-0.js", "assets/search/terms-0.js",
            "assets/site.js", "contents.html", "guide/next-steps.html", "guide/next-steps.txt", "guide/next-steps.whatsapp.txt",
            "guide/start.html", "guide/start.txt", "guide/start.whatsapp.txt", "index.html", "index.txt", "index.whatsapp.txt",
            "media/logo.svg", "posters/index.html", "posters/office365-sign-in.html", "posters/office365-sign-in.text.html",
            "posters/office365-sign-in.txt", "posters/office365-sign-in.whatsapp.txt", "search.html",
        ])
        let start = TestSupport.text(tree, "guide/start.html")
        #expect(start.contains("<body class=\"custom-layout\">"))
        #expect(start.contains("<html lang=\"en-GB\">"))
        #expect(start.contains("<a href=\"start.html\" aria-current=\"page\">Start here</a>"))
        #expect(start.contains("<span class=\"toc-heading\">Guide</span>"))
        // The include's link resolves against the include file, then relative to this page.
        #expect(start.contains("Help is on the <a href=\"../index.html\">home page</a>."))
        #expect(start.contains("<a class=\"image-link\" href=\"../media/logo.svg\"><img src=\"../media/logo.svg\" alt=\"Logo\" width=\"16\" height=\"16\" /></a>"))
        #expect(start.contains("<a rel=\"next\" href=\"next-steps.html\">Next steps</a>"))
        let index = TestSupport.text(tree, "index.html")
        #expect(index.contains("<kbd>Ctrl</kbd>"))
        #expect(index.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(index.contains("<a href=\"guide/start.html#before-you-start\">guide</a>"))
    }

    @Test func strictTurnsWarningsIntoErrors() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n\n[broken](nowhere.md)\n"], under: kit)
            let lenient = await TestSupport.render(KitLocation(kit: kit))
            #expect(lenient.succeeded)
            #expect(lenient.diagnostics.map(\.severity) == [.warning])
            let strict = await TestSupport.render(KitLocation(kit: kit), strict: true)
            #expect(!strict.succeeded)
            #expect(strict.diagnostics.map(\.severity) == [.error])
        }
    }

    @Test func missingContentFolderIsAnError() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.map(\.id) == [.contentMissing])
        }
    }

    @Test func folderWithoutConfigOrTOCBuildsWithFolderNavigation() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write([
                "Content/zeta.md": "---\ndescription: Z.\n---\n# Zeta page\n",
                "Content/alpha.md": "---\ntitle: Alpha page\ndescription: A.\n---\nNo heading.\n",
                "Content/team/index.md": "---\ndescription: T.\n---\n# The team\n",
                "Content/team/roles.md": "---\ndescription: R.\n---\n# Roles\n",
            ], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            let tree = try #require(result.tree)
            #expect(tree["index.html"]?.kind == .index)
            // The home page has a card per top-level entry; the contents page lists the whole tree.
            let home = TestSupport.text(tree, "index.html")
            #expect(["Alpha page", "Zeta page", "The team"].allSatisfy { home.contains("<li class=\"home-card\"><h3><a href=") && home.contains(">\($0)</a></h3>") })
            let contents = TestSupport.text(tree, "contents.html")
            let order = ["Alpha page", "Zeta page", "The team", "Roles"].map { contents.range(of: ">\($0)<")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
            let roles = TestSupport.text(tree, "team/roles.html")
            #expect(roles.contains("<a href=\"index.html\">The team</a>"))
            #expect(roles.contains("rel=\"prev\" href=\"index.html\""))
        }
    }

    @Test func outputCollisionsAreErrors() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(["Content/index.md": "# Home\n", "Content/page.md": "# Page\n", "Content/page.html": "<p>old</p>"], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.filter { $0.severity == .error }.map(\.id) == [.outputCollision])
        }
    }
}

extension FixtureKitTests {
    /// Files that include the same files again and again would expand exponentially.
    @Test func includeFanOutIsAnErrorNotAHang() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            var files = ["Content/index.md": "---\ndescription: x\n---\n# Home\n\n[!INCLUDE [a](includes/f0.md)]\n"]
            for level in 0..<20 {
                files["Content/includes/f\(level).md"] = "Level \(level)\n\n[!INCLUDE [n](f\(level + 1).md)]\n\n[!INCLUDE [n](f\(level + 1).md)]\n"
            }
            files["Content/includes/f20.md"] = "Bottom.\n"
            try TestSupport.write(files, under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.map(\.id).contains(.includeTooLarge))
        }
    }
}
