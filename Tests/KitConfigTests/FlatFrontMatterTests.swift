@testable import KitConfig
import Testing

/// `FlatFrontMatter` skips libyaml for simple front matter; whenever it answers, the answer must
/// be the one the YAML path gives.
@Suite struct FlatFrontMatterTests {
    static func agrees(_ yaml: String) -> Bool {
        guard let flat = FlatFrontMatter.metadata(yaml) else { return true }
        let (reference, problems) = FrontMatterDecoder.decodeYAML(yaml, path: "page.md", firstLine: 2)
        return problems.isEmpty && flat == reference
    }

    @Test func aTypicalDocFXPageTakesTheShortWayWithTheSameResult() throws {
        let yaml = """
        title: Customize user sign-in for your organization
        f1.keywords:
        - NOCSH
        ms.author: kaylab
        ms.date: 12/26/2020
        ms.reviewer:
        search.appverid:
          - MET150
          - MOE150
        description: Sign in with https://example.com/path?a=b&c=d, C# and 100% of [docs].
        ms.custom: ~
        """
        let flat = try #require(FlatFrontMatter.metadata(yaml))
        #expect(flat == FrontMatterDecoder.decodeYAML(yaml, path: "page.md", firstLine: 2).0)
        #expect(flat["f1.keywords"] == .list([.string("NOCSH")]))
        #expect(flat["ms.reviewer"] == .null)
        #expect(flat["ms.custom"] == .null)
    }

    @Test(arguments: [
        "title: a: b", "title: 'quoted'", "title: \"quoted\"", "title: x # comment", "# comment\ntitle: x",
        "title: [a, b]", "title: {a: b}", "title: &anchor x", "other: *anchor", "title: !tag x", "title: |\n  block",
        "title: >\n  folded", "title: x\ntitle: y", "title:\n- a", "description:\n  - a", "key:\n  nested: x",
        "title: long\n  continued", "title: x\t", "title: é", "key:\n  - a\n- b", "key:\n- - a", "- a", "---", "...",
        "title:  two spaces", "title: ends with colon:", "null: x", "~: x", "<<: x", "key: -x", "key: %x", "key: @x",
        "key: `x`", "key: ?x", "key:\n-", "title: x\r", "",
    ])
    func awkwardFrontMatterEitherAgreesOrTakesTheYAMLPath(_ yaml: String) {
        #expect(Self.agrees(yaml), "\(yaml)")
    }

    @Test func randomFrontMatterAgreesWithYAML() {
        let fragments = ["title", "key", "ms.date", ":", ": ", " ", "  ", "- ", "-", "#", " #", "a", "b c", "12/26/2020", "~", "null",
                         "'", "\"", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "?", "https://x.y/z", "\n", "\n", "\n  "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let yaml = (0..<Int.random(in: 1...12, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined()
            #expect(Self.agrees(yaml), "\(yaml.debugDescription)")
        }
    }
}
