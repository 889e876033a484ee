@testable import SiteModel
import Testing

/// The path arithmetic every link and every navigation entry goes through.
@Suite struct ContentPathTests {
    @Test(arguments: [
        ("a/b.html", "a/c.html", "c.html"),
        ("index.html", "a/b.html", "a/b.html"),
        ("a/b/c.html", "a/d/e.html", "../d/e.html"),
        ("a/b.html", "index.html", "../index.html"),
        ("a/b.html", "a/b/c.html", "b/c.html"),
        ("ab/x.html", "a/y.html", "../a/y.html"),
        ("a/x.html", "ab/y.html", "../ab/y.html"),
        ("a/b/c/d.html", "a/b/c/d.html", "d.html"),
        ("a/b/c/d.html", "assets/site.js", "../../../assets/site.js"),
        ("x/y.html", "javascript:z.html", "../javascript:z.html"),
        ("y.html", "javascript:z.html", "./javascript:z.html"),
        ("a/b.html", "a b/ü#.html", "../a%20b/%C3%BC%23.html"),
        // Not output paths, but answered as the segment-wise rule does.
        ("a//b.html", "a/c.html", "c.html"),
        ("/a/b.html", "a/c/", "c"),
    ])
    func relativeURLClimbsOutOfTheFoldersNotShared(_ from: String, _ to: String, _ expected: String) {
        #expect(ContentPath.relativeURL(from: from, to: to) == expected)
    }

    @Test(arguments: [
        ("https://x", true), ("mailto:a@b", true), ("//host/x", true), ("a+b-c.d:x", true), ("C:/x", true),
        ("/x", false), ("x.md", false), ("1a:x", false), (":x", false), ("é:x", false), ("a b:x", false), ("", false), ("x/y:z", false),
    ])
    func externalLinksHaveASchemeOrAHost(_ destination: String, _ expected: Bool) {
        #expect(ContentPath.isExternal(destination) == expected)
    }

    @Test func splitSeparatesPathQueryAndFragment() {
        #expect(ContentPath.split("a/b.md?x=1#top") == ("a/b.md", "x=1", "top"))
        #expect(ContentPath.split("a.md#x?y") == ("a.md", nil, "x?y"))
        #expect(ContentPath.split("ü.md?é") == ("ü.md", "é", nil))
        #expect(ContentPath.split("#") == ("", nil, ""))
        #expect(ContentPath.resolve("../c/./d.md", from: "a/b/x.md") == "a/c/d.md")
        #expect(ContentPath.resolve("../../x.md", from: "a.md") == nil)
        // `~/` starts at the content root, as in DocFX.
        #expect(ContentPath.resolve("~/media/a.png", from: "a/b/x.md") == "media/a.png")
        #expect(ContentPath.resolve("~/a/../b.md", from: "a/x.md") == "b.md")
        #expect(ContentPath.resolve("~/../x.md", from: "a/x.md") == nil)
        #expect(ContentPath.includeTarget("~/includes/n.md#x", from: "a/b.md") == "includes/n.md")
        #expect(ContentPath.absoluteURL(base: "https://h/docs", path: "a b/ü.html") == "https://h/docs/a%20b/%C3%BC.html")
    }

    /// Plain links take a short way; it must agree with resolving segment by segment.
    @Test func plainLinksResolveAsSegmentsDo() {
        let segments = ["a", "b.md", ".", "..", "..", "...", "", ".x", "x.", "ü"]
        var generator = SystemRandomNumberGenerator()
        func path() -> String { (0..<Int.random(in: 1...4, using: &generator)).map { _ in segments.randomElement(using: &generator)! }.joined(separator: "/") }
        for _ in 0..<20_000 {
            let (relative, base) = (path(), path())
            #expect(ContentPath.resolve(relative, from: base) == ContentPath.segmentwiseResolve(relative, from: base), "\(relative) from \(base)")
        }
        #expect(ContentPath.isPlainRelative("guide/invite.md") && ContentPath.isPlainRelative("...") && !ContentPath.isPlainRelative("a/../b"))
    }

    @Test func includeFoldersAndRootPrefixes() {
        for path in ["includes/a.md", "guide/Includes/x.md", "INCLUDES/x.md", "a/b/includes/c/d.md", "iincludes/includes/x.md"] {
            #expect(ContentPath.isInclude(path), "\(path)")
        }
        for path in ["includes.md", "myincludes/a.md", "a/includes", "iincludes/x.md", "guide/includes-x/a.md", ""] {
            #expect(!ContentPath.isInclude(path), "\(path)")
        }
        #expect(ContentPath.rootPrefix(for: "a.html") == "" && ContentPath.rootPrefix(for: "a/b.html") == "../")
        #expect(ContentPath.rootPrefix(for: "a/b/c.html") == "../../" && ContentPath.rootPrefix(for: "/a//b.html") == "../")
    }

    @Test func cleanPagePathsKeepTheirSegmentsAsTheSegmentRuleDoes() {
        let long = String(repeating: "é", count: 121), longer = String(repeating: "x", count: ContentPath.maximumPageNameBytes + 1)
        let segments = ["a", "b", "", "ü", long, longer, String(repeating: "y", count: ContentPath.maximumPageNameBytes)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let path = (0..<Int.random(in: 1...4, using: &generator)).map { _ in segments.randomElement(using: &generator)! }.joined(separator: "/")
            #expect(ContentPath.outputPath(forPage: path + ".md") == ContentPath.segmentwiseOutputPath(path), "\(path)")
        }
        #expect(ContentPath.outputPath(forPage: "guide/invite.md") == "guide/invite.html")
        #expect(ContentPath.outputPath(forPage: "/guide//invite.yml") == "guide/invite.html")
    }

    /// TOC files are known by name in any letter case, wherever they are; the byte comparison
    /// must agree with lowercasing the last component.
    @Test func tocFilesAreKnownByTheirNameInAnyCase() {
        for path in ["TOC.md", "guide/toc.md", "a/b/Toc.Md", "fr/TOC.MD"] { #expect(ContentScanner.isTOC(path), "\(path)") }
        for path in ["toc.md.bak", "guide/atoc.md", "toc.mdx", "toc/page.md", "guide/toc.yml", "", "tóc.md", "toc.md/"] {
            #expect(!ContentScanner.isTOC(path), "\(path)")
        }
        for path in ["toc.yml", "x/TOC.YAML", "Toc.md"] { #expect(ContentScanner.isTOCFile(path), "\(path)") }
        #expect(!ContentScanner.isTOCFile("x/toc.json"))
        // Kelvin sign: lowercases to an ASCII "k", which no TOC name holds.
        #expect(!ContentScanner.isTOCFile("\u{212A}.md"))
    }
}
