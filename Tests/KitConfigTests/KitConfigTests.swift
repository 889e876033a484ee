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
