import Diagnostics
import Foundation
import KitConfig
import Site
import SiteModel
import Testing

/// `Tests/Fixtures/docfx-set`: a DocFX folder built with no adoptkit.yml, as a CI docs build
/// would (`adoptkit build --content DIR`).
@Suite struct DocFXSetTests {
    static let location = KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"),
                                      content: TestSupport.fixture("docfx-set"))

    static func build() async throws -> (BuildAction.Result, OutputTree) {
        let result = await TestSupport.render(location)
        return (result, try #require(result.tree))
    }

    static func findings(_ result: BuildAction.Result) -> [String] {
        TestSupport.summary(result.diagnostics).map {
            $0.replacingOccurrences(of: TestSupport.fixture("docfx-set").path + "/", with: "").replacingOccurrences(of: "Tests/Fixtures/docfx-set/", with: "")
        }
    }

    @Test func buildsWithOnlyTheFindingsItsSourcesDeserve() async throws {
        let (result, _) = try await Self.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        let found = Self.findings(result).filter { !$0.hasPrefix("chat.relative-links") }
        #expect(found == [
            "link.missing-page get-started.md:9:55",      // /contoso-chat/nowhere: under the set's own prefix, not in it
            "markdown.unknown-block get-started.md:43:1", // :::sparkle:::
            "link.xref guide/setup/install.md:28:29",     // two links to one uid: reported once
            "link.missing-anchor guide/setup/install.md:32:1", // no region sign-out in regions.ps1
        ], "\(found)")
    }

    @Test func docfxJSONDecidesPagesCopiesAndMetadata() async throws {
        let (_, tree) = try await Self.build()
        let pages = tree.files.filter { $0.kind == .page && $0.format == "html" }.map(\.path).sorted()
        #expect(pages == ["admin/policies.html", "admin/users.html", "api.html", "get-started.html", "guide/index.html",
                          "guide/setup/install.html", "index.html"])
        #expect(tree["README.html"] == nil && tree["LICENSE"] == nil && tree["README.txt"] == nil && tree["docfx.json"] == nil)
        #expect(tree["snippets/hello.ps1"] == nil, "not a resource glob")
        #expect(tree["media/screen.png"]?.kind == .asset)
        #expect(tree["index.yml"] == nil, "the landing page is a page, not a copied file")
        #expect(TestSupport.text(tree, "get-started.html").contains("<title>Get started with Contoso Chat – Contoso Chat</title>"))
        #expect(TestSupport.text(tree, "admin/users.html").contains("<title>Manage users – Contoso Chat admin</title>"))
    }

    /// `~/` paths, zones and monikers without closing colons, `[!code-…]` snippets and `xref:`
    /// links, as Microsoft's docs write them (guide/setup/install.md), resolve and render.
    @Test func docsSyntaxFromTheContentRoot() async throws {
        let (_, tree) = try await Self.build()
        let page = TestSupport.text(tree, "guide/setup/install.html")
        #expect(page.contains("<a href=\"../../get-started.html\">get started</a>"), "\(page)")
        #expect(page.contains("src=\"../../media/screen.png\""))
        #expect(page.contains("Only for <em>managed</em> devices."))
        #expect(page.contains("<code class=\"language-powershell\">Write-Output &quot;start&quot;\n</code>"))
        #expect(page.contains("<section class=\"docfx-zone\">") && page.contains("<p>On a phone, open the store app.</p>"))
        #expect(page.contains("<div class=\"docfx-moniker\">\n<p class=\"docfx-label\">&gt;=contoso-2</p>\n<p>Version 2 signs you in at once.</p>"))
        #expect(TestSupport.text(tree, "guide/setup/install.txt").contains(">=contoso-2"))
        #expect(!page.contains("~/") && !page.contains(":::") && !page.contains("[!"))
        #expect(page.contains("<code class=\"language-powershell\">Connect-Contoso\n    -Account me\n</code>"))
        // Cross references show as text: DocFX's xref maps are not read.
        #expect(page.contains("<p>The API reference describes Contoso.Chat.Client and its options.</p>"))
        let text = TestSupport.text(tree, "guide/setup/install.txt")
        #expect(text.contains("Write-Output \"start\"") && !text.contains("line two"))
    }

    @Test func nestedTOCsMergeUnderTheirEntries() async throws {
        let (_, tree) = try await Self.build()
        let contents = TestSupport.text(tree, "contents.html")
        for page in ["guide/index.html", "guide/setup/install.html", "admin/users.html", "admin/policies.html", "api.html"] {
            #expect(contents.contains("href=\"\(page)\""), "contents lacks \(page)")
        }
        // guide/toc.yml's "../get-started.md" is relative to guide/.
        #expect(contents.contains("<a href=\"get-started.html\">Back to start</a>"))
        // A topicHref links the entry that holds the nested TOC; an entry without href is a heading.
        #expect(contents.contains("<a href=\"guide/index.html\">User guide</a>"))
        #expect(contents.contains("<span class=\"toc-heading\">Reference</span>"))
        #expect(contents.contains("<span class=\"toc-heading\">Administration</span>"))
        // An `xref:` entry (a uid only DocFX's xref maps resolve) is a heading, not a dead link.
        #expect(contents.contains("<span class=\"toc-heading\">Client API</span>") && !contents.contains("xref:"))
        // A root-relative entry outside the set goes to the web, never to a dead local link.
        #expect(contents.contains("<a href=\"https://learn.microsoft.com/contoso-dev/platform\">Developer platform</a>"))
        #expect(!contents.contains("href=\"/"))
    }

    @Test func rootRelativeLinksIntoTheSetAreLocal() async throws {
        let (_, tree) = try await Self.build()
        let page = TestSupport.text(tree, "get-started.html")
        #expect(page.contains("<a href=\"admin/users.html\">admin pages</a>"))
        #expect(page.contains("<a href=\"https://learn.microsoft.com/contoso-dev/platform\">developer platform</a>"))
        #expect(page.contains("<a href=\"https://learn.microsoft.com/contoso-chat/nowhere\">missing page</a>"))
        #expect(TestSupport.text(tree, "index.html").contains("<a href=\"admin/users.html\">Manage users</a>"))
    }

    @Test func landingPageIsTheHomePage() async throws {
        let (_, tree) = try await Self.build()
        let home = TestSupport.text(tree, "index.html")
        #expect(home.contains("<h1 id=\"contoso-chat-documentation\">Contoso Chat documentation</h1>"))
        #expect(home.contains("<div class=\"cards\">\n<div class=\"card\">\n<h2 id=\"start\">Start <a class=\"heading-anchor\" href=\"#start\" aria-label=\"Link to this section: Start\"></a></h2>"))
        #expect(home.contains("<li><a href=\"guide/setup/install.html\">Install the app</a></li>"))
        #expect(home.contains("<meta name=\"description\" content=\"Start here to set up Contoso Chat and bring your groups across.\">"))
        let file = try #require(tree["index.html"])
        #expect(file.kind == .page)
        #expect(TestSupport.text(tree, "index.txt").contains("Install the app"))
    }

    @Test func dialectRendersWithoutMarkers() async throws {
        let (_, tree) = try await Self.build()
        let page = TestSupport.text(tree, "get-started.html")
        #expect(page.contains("<div class=\"docfx-tabs\">\n<section class=\"docfx-tab\">\n<p class=\"docfx-label\">Windows</p>"))
        #expect(page.contains("<p class=\"docfx-label\">macOS</p>"))
        #expect(page.contains("<div class=\"docfx-row\">\n<div class=\"docfx-column\">\n<p>Left column text.</p>"))
        #expect(page.contains("<section class=\"docfx-zone\">\n<p class=\"docfx-label\">phone</p>"))
        #expect(page.contains("<td>English<br />French<br />German</td>"))
        #expect(page.contains("<td>Only for <em>managed</em> devices.</td>"))
        #expect(page.contains("<td><a class=\"image-link\" href=\"media/screen.png\"><img src=\"media/screen.png\" alt=\"A chat window\" /></a></td>"))
        #expect(page.contains("<a href=\"media/screen-large.png\"><img src=\"media/screen.png\" alt=\"The chat list\""))
        #expect(page.contains("<pre tabindex=\"0\"><code class=\"language-powershell\">Write-Output &quot;line two&quot;\nWrite-Output &quot;line three&quot;\n</code></pre>"))
        #expect(page.contains("<p>This text stays after an unknown block.</p>"))
        #expect(page.contains("<div class=\"nextstepaction\">\n<p><a href=\"guide/setup/install.html\">Install the app</a></p>"))
        let text = page.replacingOccurrences(of: #"<pre>.*?</pre>"#, with: "", options: .regularExpression)
        #expect(!text.contains(":::") && !text.contains("[!") && !text.contains("#tab/"))
        #expect(!page.contains("raw HTML omitted"))
    }

    @Test func chatTextReadsCleanly() async throws {
        let (_, tree) = try await Self.build()
        let text = TestSupport.text(tree, "get-started.txt")
        #expect(text.contains("English\n  French\n  German"))
        #expect(text.contains("Windows\n\nRun the installer"))
        #expect(!text.contains("<br") && !text.contains(":::") && !text.contains("[!"))
    }

    @Test func placeholdersOnlyForKitRoots() async throws {
        let (result, tree) = try await Self.build()
        #expect(!result.diagnostics.contains { $0.id == .contentUnknownVariable })
        let api = TestSupport.text(tree, "api.html")
        #expect(api.contains("<code>{{Endpoint-URL}}/v1/groups</code>"))
        #expect(api.contains("{{Endpoint-URL}}/v1/groups/{{test-group-id}}"))
        #expect(api.contains("The service is called Kaizala here."))
    }
}

@Suite struct KitPlaceholderTests {
    @Test func aKnownRootWithAnUnknownLeafIsAnErrorWithASuggestion() async throws {
        let result = try await TestSupport.render(files: [
            "adoptkit.yml": "organization:\n  name: Contoso\n",
            "Content/index.md": "# Home\n\n{{ organisation.name }} and {{ app.nmae }}, {{Endpoint-URL}}/x and `{{ app.nmae }}`.\n\n```\n{{ app.nmae }}\n```\n",
        ])
        let unknown = result.diagnostics.filter { $0.id == .contentUnknownVariable }
        #expect(unknown.map(\.message) == ["unknown placeholder '{{ organisation.name }}'", "unknown placeholder '{{ app.nmae }}'"])
        #expect(unknown.map { $0.notes.first } == ["did you mean 'organization.name'?", "did you mean 'app.name'?"])
    }

    @Test func otherDoubleBracesStayLiteral() async throws {
        let result = try await TestSupport.render(files: [
            "Content/index.md": "# Home\n\nCall {{Endpoint-URL}}/v1/groups/{{test-group-id}} with {{ token }}; {{ app.name }} runs it.\n",
        ])
        #expect(!result.diagnostics.hasErrors)
        let html = TestSupport.text(result.tree, "index.html")
        #expect(html.contains("Call {{Endpoint-URL}}/v1/groups/{{test-group-id}} with {{ token }}; Kaizala runs it."))
    }
}

@Suite struct RootRelativeLinkTests {
    @Test func withoutARootURLEachTargetIsReportedOnceAndNavigationHasNoDeadLinks() async throws {
        let result = try await TestSupport.render(files: [
            "Content/toc.yml": "- name: Home\n  href: index.md\n- name: Feedback\n  href: /docs/feedback\n",
            "Content/index.md": "# Home\n\n[a](/docs/feedback) [b](/docs/feedback) [c](/docs/other)\n",
            "Content/two.md": "# Two\n\n[d](/docs/feedback)\n",
        ])
        let rootRelative = result.diagnostics.filter { $0.id == .linkRootRelative }
        #expect(rootRelative.map(\.message) == ["'/docs/feedback' is relative to a web server's root; it breaks when the site is opened from disk or published elsewhere",
                                                "'/docs/other' is relative to a web server's root; it breaks when the site is opened from disk or published elsewhere"])
        #expect(rootRelative.first?.notes.first == "3 more link(s) to it are not reported")
        let home = TestSupport.text(result.tree, "index.html")
        #expect(home.contains("<span class=\"toc-heading\">Feedback</span>"))
    }

    @Test func settingsMakeLinksAbsoluteOrLocal() async throws {
        let result = try await TestSupport.render(files: [
            "adoptkit.yml": "markdown:\n  root_url: https://docs.example.com/base/\n  published_path: /guide\n",
            "Content/index.md": "# Home\n\n[a](/guide/Setup/Install#step) [b](/other/page?x=1) [c](/guide/)\n",
            "Content/setup/install.md": "# Install\n\n## Step\n",
        ])
        #expect(!result.diagnostics.contains { $0.id == .linkRootRelative || $0.id == .linkMissingPage })
        let home = TestSupport.text(result.tree, "index.html")
        #expect(home.contains("<a href=\"setup/install.html#step\">a</a>"))
        #expect(home.contains("<a href=\"https://docs.example.com/base/other/page?x=1\">b</a>"))
        #expect(home.contains("<a href=\"index.html\">c</a>"))
        let (_, problems) = KitConfig.decode("markdown:\n  published_path: guide/../x\n  root_url: http://x.y/\n", path: "adoptkit.yml")
        #expect(problems.map(\.id) == [.configType, .configInvalidURL]) // sorted by position: published_path comes first
    }
}

@Suite struct NestedTOCTests {
    @Test func aMarkdownTOCIncludesAnotherTOCAndACycleIsReported() async throws {
        let result = try await TestSupport.render(files: [
            "Content/TOC.md": "# [Home](index.md)\n# [Guide](guide/toc.yml)\n",
            "Content/guide/toc.yml": "items:\n  - name: Step\n    href: step.md\n  - name: Loop\n    href: ../TOC.md\n",
            "Content/index.md": "# Home\n",
            "Content/guide/step.md": "# Step\n",
        ])
        let contents = TestSupport.text(result.tree, "contents.html")
        #expect(contents.contains("<span class=\"toc-heading\">Guide</span>\n<ul>\n<li><a href=\"guide/step.html\">Step</a></li>"))
        let loop = result.diagnostics.filter { $0.id == .tocMissingTarget }
        #expect(loop.count == 1)
        #expect(loop.first?.message.contains("TOC.md → guide/toc.yml → TOC.md") == true)
        #expect(!result.diagnostics.contains { $0.id == .tocUnreachablePage })
    }
}
