import Foundation
import Diagnostics
import KitConfig
import Testing

@Suite struct KitConfigTests {
    func decode(_ yaml: String) -> (KitConfig, [String]) {
        let (config, diagnostics) = KitConfig.decode(yaml, path: "adoptkit.yml")
        return (config, diagnostics.map { "\($0.id.rawValue) \($0.location!.line):\($0.location!.column)" })
    }

    @Test func completeConfig() {
        let (config, problems) = decode("""
            site:
              title: Contoso guide
              base_url: https://adopt.contoso.com/
              language: en-GB
            organization:
              name: Contoso
            markdown:
              raw_html: true
            """)
        #expect(problems.isEmpty)
        #expect(config.site.title == "Contoso guide")
        #expect(config.site.baseURL == "https://adopt.contoso.com/")
        #expect(config.site.language == "en-GB")
        #expect(config.organization.name == "Contoso")
        #expect(config.markdown.rawHTML)
    }

    @Test func emptyFileIsAllDefaults() {
        let (config, problems) = decode("")
        #expect(problems.isEmpty)
        #expect(config == KitConfig())
    }

    @Test func everyProblemAtOnce() {
        let (_, problems) = decode("""
            site:
              title: [a, list]
              base_url: javascript:alert(1)
              langauge: en
            organization: just text
            markdown:
              raw_html: sometimes
            """)
        #expect(problems == ["config.type 2:10", "config.invalid-url 3:13", "config.unknown-key 4:3", "config.type 5:15", "config.type 7:13"])
    }

    @Test(arguments: [
        ("http://example.com", "must be an https:// URL"),
        ("https://user:pw@example.com/", "must not contain user information"),
        ("https://exa mple.com/", "must not contain spaces or control characters"),
        ("https:///path", "must have a host name"),
        ("data:text/html,hi", "must be an https:// URL"),
        ("https://example.com/\u{202E}gpj.exe", "must not contain spaces or control characters"),
    ])
    func urlRules(_ url: String, _ problem: String) {
        #expect(URLRules.problem(with: url) == problem)
    }

    @Test func syntaxErrorsHavePositions() {
        let (_, problems) = decode("site:\n  title: \"unclosed\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("config.syntax 3:") == true)
    }

    @Test func anchorsAndAliasesAreRefused() {
        let (_, problems) = decode("site: &s\n  title: x\norganization:\n  name: *n\n")
        #expect(problems.contains { $0.hasPrefix("config") })
        let (_, anchors) = decode("site: &s\n  title: x\n")
        #expect(anchors == ["config.anchor 1:7"])
    }

    @Test func nullWhereTextIsRequired() {
        let (_, problems) = decode("organization:\n  name: ~\n")
        #expect(problems == ["config.type 2:9"])
    }

    @Test func frontMatterKeepsEveryKeyAndPointsIntoTheMarkdownFile() {
        let (metadata, problems) = FrontMatterDecoder.decode("title: Hi\nms.date: 04/09/2019\nms.reviewer:\nsearch.appverid:\n- MET150\n- MOE150",
                                                             path: "p.md", firstLine: 2)
        #expect(problems.isEmpty)
        #expect(metadata["title"] == .string("Hi"))
        #expect(metadata["ms.date"] == .string("04/09/2019"))
        #expect(metadata["ms.reviewer"] == .null)
        #expect(metadata["search.appverid"] == .list([.string("MET150"), .string("MOE150")]))
        #expect(metadata.entries.map(\.key) == ["title", "ms.date", "ms.reviewer", "search.appverid"])
        let (_, bad) = FrontMatterDecoder.decode("title: x\n  bad: indent: here", path: "p.md", firstLine: 2)
        #expect(bad.first?.id == .frontMatterSyntax)
        #expect((bad.first?.location?.line ?? 0) >= 3)
    }
}

@Suite struct DocFXFilesTests {
    @Test func tocYAMLTakesAListOrAnItemsMapping() {
        let yaml = "items:\n  - name: A\n    href: a.md\n    expanded: true\n    uid: x.y\n  - name: Section\n    href:\n    items:\n      - displayName: only shown\n        href: b/toc.yml\n        topicHref: b/index.md\n"
        let (items, problems) = TOCYAMLDecoder.decode(yaml, path: "TOC.yml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(items.map(\.name) == ["A", "Section"])
        #expect(items[1].href == nil)
        #expect(items[1].items.first?.name == "only shown")
        #expect(items[1].items.first?.href == "b/toc.yml" && items[1].items.first?.topicHref == "b/index.md")
        let (list, listProblems) = TOCYAMLDecoder.decode("- name: A\n  href: a.md\n", path: "toc.yml")
        #expect(listProblems.isEmpty && list.map(\.href) == ["a.md"])
        let (_, missing) = TOCYAMLDecoder.decode("title: x\n", path: "toc.yml")
        #expect(missing.map(\.id) == [.tocSyntax])
    }

    @Test func docfxGlobsMatchAsDocFXDoes() {
        #expect(DocFXGlob("**/*.md").matches("a.md") && DocFXGlob("**/*.md").matches("x/y/a.MD"))
        #expect(DocFXGlob("**/includes/**").matches("includes/a.md") && DocFXGlob("**/includes/**").matches("x/includes/y/a.md"))
        #expect(!DocFXGlob("**/includes/**").matches("x/include/a.md"))
        #expect(DocFXGlob("README.md").matches("README.md") && !DocFXGlob("README.md").matches("docs/README.md"))
        #expect(DocFXGlob("**/*.{png,jpg}").matches("m/a.jpg") && !DocFXGlob("**/*.{png,jpg}").matches("m/a.gif"))
        #expect(DocFXGlob("_themes/**").matches("_themes/a/b.css") && DocFXGlob("media/a?.png").matches("media/ab.png"))
    }

    @Test func docfxJSONReadsGlobsMetadataAndThePublishedPrefix() throws {
        let json = #"{"build": {"content": [{"files": ["**/*.md"], "exclude": ["README.md"]}], "resource": [{"files": ["**/*.png"]}],"#
            + #" "globalMetadata": {"titleSuffix": "Docs", "breadcrumb_path": "/my-docs/breadcrumb/toc.json", "hideEdit": true},"#
            + #" "fileMetadata": {"titleSuffix": {"admin/**/*.md": "Admin docs"}}, "unknownKey": 1}}"#
        let (project, problems) = DocFXProject.decode(Data(json.utf8), path: "docfx.json")
        let docfx = try #require(project)
        #expect(problems.isEmpty)
        #expect(docfx.isContent("a/b.md") && !docfx.isContent("README.md") && !docfx.isContent("a.png"))
        #expect(docfx.isResource("media/a.png") && !docfx.isResource("LICENSE"))
        #expect(docfx.publishedPrefix == "/my-docs/")
        #expect(docfx.metadata(for: "admin/users.md").first { $0.key == "titleSuffix" }?.value == .string("Admin docs"))
        #expect(docfx.metadata(for: "guide.md").first { $0.key == "titleSuffix" }?.value == .string("Docs"))
        #expect(docfx.metadata(for: "guide.md").first { $0.key == "hideEdit" }?.value == .string("true"))
        #expect(DocFXProject.decode(Data("{".utf8), path: "docfx.json").1.map(\.id) == [.docfxSyntax])
    }
}

@Suite struct StringTableTests {
    @Test(arguments: [
        ("Join {group} on {app}", "Join Sales on Kaizala"),
        ("{group}{group}", "SalesSales"),
        ("{a{group}}", "{aSales}"),
        ("{unknown} stays, { and } too", "{unknown} stays, { and } too"),
        ("open {group", "open {group"),
        ("«{group}» é", "«Sales» é"),
        ("", ""),
    ])
    func fillReplacesKnownPlaceholdersOnly(_ text: String, _ expected: String) {
        #expect(StringTable.fill(text, ["group": "Sales", "app": "Kaizala"]) == expected)
    }

    @Test func placeholdersAreWhatFillMayReplace() {
        #expect(StringTable.placeholders(in: "{a{group}} {app}") == ["a{group", "group", "app"])
        #expect(StringTable.placeholders(in: "none") == [])
    }
}
