import Diagnostics
import Foundation
import Rendering
import Site
import SiteModel
import Testing

/// The docs site's features on a real build: home page cards, brand, search index outputs,
/// image sizes, text pages.
@Suite struct DocsSiteTests {
    func build() async throws -> BuildAction.Result {
        try await TestSupport.withTemporaryFolder { kit in
            try DocsSiteKit.write(under: kit)
            return await TestSupport.render(KitLocation(kit: kit))
        }
    }

    @Test func homePageWithoutIndexHasSectionCardsAndPosters() async throws {
        let result = try await build()
        #expect(result.succeeded, "\(TestSupport.summary(result.diagnostics))")
        let home = TestSupport.text(result.tree, "index.html")
        #expect(home.contains("<h1 id=\"fabrikam-guide\">Fabrikam guide</h1>"))
        #expect(home.contains("<li class=\"home-card\"><h3><a href=\"start/index.html\">Getting started</a></h3>\n<p>Install the app and sign in on your phone.</p>"))
        #expect(home.contains("<a href=\"equipes/index.html\">Réunions d&#39;équipe</a>") || home.contains("<a href=\"equipes/index.html\">Réunions d'équipe</a>"))
        #expect(home.contains("<a href=\"posters/index.html\">Posters</a>"))
        #expect(home.contains("Share pages"))
        #expect(!home.contains("home-contents"), "the home page is no longer the whole tree")
    }

    /// A DocFX set whose TOC opens with one entry over everything (as the Kaizala docs do): the
    /// cards are that entry's sections, and the entry itself leads the page.
    @Test func homePageOfATreeUnderOneEntryHasCardsForItsSections() async throws {
        let result = try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write([
                "Content/TOC.md": "# [Welcome](welcome.md)\n## Get started\n### [Install](install.md)\n### [Sign in](sign-in.md)\n## [Groups](groups.md)\n### [Create a group](create.md)\n",
                "Content/welcome.md": "---\ndescription: What the app is for.\n---\n# Welcome\n\nHello.\n",
                "Content/install.md": "# Install\n\nText.\n", "Content/sign-in.md": "# Sign in\n\nText.\n",
                "Content/groups.md": "---\ndescription: Groups for every team.\n---\n# Groups\n\nText.\n", "Content/create.md": "# Create a group\n\nText.\n",
            ], under: kit)
            return await TestSupport.render(KitLocation(kit: kit))
        }
        #expect(result.succeeded, "\(TestSupport.summary(result.diagnostics))")
        let home = TestSupport.text(result.tree, "index.html")
        #expect(home.contains("<p class=\"home-lead\"><a href=\"welcome.html\">Welcome</a></p>\n<p>What the app is for.</p>"), "\(home)")
        #expect(home.contains("<li class=\"home-card\"><h3><a href=\"contents.html\">Get started</a></h3>\n<p class=\"card-count\">2 pages</p>"), "\(home)")
        #expect(home.contains("<li class=\"home-card\"><h3><a href=\"groups.html\">Groups</a></h3>\n<p>Groups for every team.</p>\n<p class=\"card-count\">1 page</p>"), "\(home)")
        #expect(home.components(separatedBy: "class=\"home-card\"").count - 1 == 2, "one card per section under the single entry")
    }

    @Test func brandColourIsShadedForBothThemesAndWarned() async throws {
        let result = try await build()
        let warning = try #require(result.diagnostics.first { $0.id == .configColorContrast })
        #expect(warning.severity == .warning)
        #expect(warning.location?.path == "adoptkit.yml")
        #expect(warning.location?.line == 6)
        let palette = try #require(SitePalette(hex: "#FFB900"))
        #expect(warning.message.contains(String(format: "%.1f:1 on the docs site's light background (%.1f:1 on its dark one)", palette.lightContrast, palette.darkContrast)), "\(warning.message)")
        #expect(warning.message.contains("use \(palette.light.hex) ("), "\(warning.message)")
        #expect(palette.light.contrast(with: SitePalette.lightBackground) >= 4.5)
        #expect(palette.dark.contrast(with: SitePalette.darkBackground) >= 4.5)
        #expect(palette.light.contrast(with: .white) >= 4.5)
        let page = TestSupport.text(result.tree, "start/index.html")
        #expect(page.contains("style=\"--brand-light: \(palette.light.hex); --brand-dark: \(palette.dark.hex)\""))
        #expect(page.contains("<link rel=\"icon\" href=\"../assets/site-logo.svg\">"))
        #expect(page.contains("<img class=\"site-logo\" src=\"../assets/site-logo.svg\" alt=\"\">"))
        #expect(result.plan?["assets/site-logo.svg"]?.producer == .logo, "the logo is copied for the header")
        // The example kit's colour is dark enough for the light theme: no warning.
        let example = await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot))
        #expect(!example.diagnostics.contains { $0.id == .configColorContrast })
    }

    @Test func imagesCarryTheirSizeLazyLoadingAndALink() async throws {
        let result = try await build()
        let page = TestSupport.text(result.tree, "start/tables.html")
        #expect(page.contains("<a class=\"image-link\" href=\"../media/screen.png\"><img src=\"../media/screen.png\" alt=\"The group info screen\" width=\"640\" height=\"360\" /></a>"))
        #expect(page.contains("<img src=\"../media/screen.png\" alt=\"A second screenshot\" width=\"640\" height=\"360\" loading=\"lazy\" />"))
        #expect(page.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n<table>"))
        #expect(page.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"))
    }

    @Test func headingsGetPermalinksAndAnOutline() async throws {
        let result = try await build()
        let page = TestSupport.text(result.tree, "start/index.html")
        #expect(page.contains("<h2 id=\"install-the-app\">Install the app <a class=\"heading-anchor\" href=\"#install-the-app\" aria-label=\"Link to this section: Install the app\"></a></h2>"))
        #expect(page.contains("<h2 id=\"adoptkit-outline-title\">On this page</h2>"))
        #expect(page.contains("<li class=\"outline-h2\"><a href=\"#sign-in\">Sign in</a></li>"))
    }

    @Test func searchIndexIsPlannedAndFoldsAccents() async throws {
        let result = try await build()
        let plan = try #require(result.plan)
        for path in ["search.html", "assets/search/index.js", "assets/search/sections-0.js", "assets/search/terms-0.js", "assets/search.js"] {
            #expect(plan[path] != nil, "\(path) is not in the plan")
            #expect(result.tree?[path] != nil, "\(path) was not rendered")
        }
        let terms = TestSupport.text(result.tree, "assets/search/terms-0.js")
        #expect(terms.hasPrefix("adoptkitSearch.receive(\"terms-0\",\""))
        // Each record is the term, then its postings, which start with a capital letter.
        let payload = terms.dropFirst("adoptkitSearch.receive(\"terms-0\",\"".count).prefix { $0 != "\"" }
        let records = payload.split(separator: " ").map { record in record.prefix { !("A"..."Z").contains($0) } }
        for term in ["reunions", "equipe", "ubersicht", "große"] {
            #expect(records.contains(Substring(term)), "\(term) missing")
        }
        #expect(records == records.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }, "terms are in JavaScript's order")
        let sections = TestSupport.text(result.tree, "assets/search/sections-0.js")
        // A page: title, URL, the text before the first heading, then heading and snippet pairs.
        #expect(sections.contains("[\"Getting started\",\"start/index.html\",\"Start here.\",\"Install the app\",\"Download it from the store.\","))
        // A link target the script cannot make from the heading goes with it.
        #expect(sections.contains("[\"Übersicht der Gruppen\",\"übersicht-der-gruppen\"]"))
        let index = TestSupport.text(result.tree, "assets/search/index.js")
        #expect(index.hasPrefix("adoptkitSearch.receive(\"index\",{\"v\":2,\"sections\":"))
    }

    @Test func posterTextVersionsOpenAsHTMLPages() async throws {
        let result = try await build()
        let posters = TestSupport.text(result.tree, "posters/index.html")
        #expect(posters.contains("<a href=\"fabrikam-equipe-paris/invite-link.text.html\">Text for a chat</a>"))
        let page = TestSupport.text(result.tree, "posters/fabrikam-equipe-paris/invite-link.text.html")
        #expect(page.contains("<meta charset=\"utf-8\">"))
        let plain = TestSupport.text(result.tree, "posters/fabrikam-equipe-paris/invite-link.txt")
        #expect(!plain.isEmpty)
        #expect(page.contains("<pre class=\"text-version\" id=\"text-plain\" tabindex=\"0\" aria-labelledby=\"text-plain-heading\">"
                              + HTMLEscaping.escape(plain) + "</pre>"))
        #expect(page.contains("data-copy=\"text-plain\""))
        #expect(result.tree?["posters/fabrikam-equipe-paris/invite-link.txt"] != nil, "the .txt file stays")
    }
}
