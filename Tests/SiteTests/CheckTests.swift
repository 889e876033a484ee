import Diagnostics
import Foundation
import Site
@testable import SiteChecks
import SiteModel
import Testing

@Suite struct CheckTests {
    @Test func rulesKitHasOneFindingPerRule() async {
        let diagnostics = await CheckAction(location: KitLocation(kit: TestSupport.fixture("rules-kit"))).run()
        #expect(TestSupport.summary(diagnostics) == [
            "toc.missing-target Content/TOC.md:4:1",
            "link.root-relative Content/TOC.md:5:1",
            "page.missing-description Content/headings.md:1:1",
            "heading.duplicate-id Content/headings.md:5:1",
            "heading.duplicate-id Content/headings.md:7:1",
            "link.preview Content/links.md:7:3",
            "link.preview Content/links.md:7:96",
            "link.insecure Content/links.md:9:4",
            "link.root-relative Content/links.md:11:3",
            "video.not-https Content/links.md:13:3",
            "image.missing-alt Content/links.md:15:1",
            "page.missing-title Content/orphan.md:1:1",
            "toc.unreachable-page Content/orphan.md:1:1",
        ])
        #expect(!diagnostics.hasErrors)
        #expect(await CheckAction(location: KitLocation(kit: TestSupport.fixture("rules-kit")), warningsAsErrors: true).run().errorCount == 13)
    }

    @Test(arguments: [
        ("https://review.learn.microsoft.com/a", "link.preview"), ("https://docs.review.contoso.com/", "link.preview"),
        ("https://contoso-preview.azurewebsites.net/x", "link.preview"), ("https://x.com/a?view=1&branch=main#top", "link.preview"),
        ("https://x.com/branch=main", nil), ("https://x.com/a#branch=main", nil), ("https://previewer.com/", nil),
        ("http://example.com/page", "link.insecure"), ("HTTP://EXAMPLE.COM", "link.insecure"), ("http://localhost:8080/", nil),
        ("http://127.0.0.1/x", nil), ("http://[::1]:8080/", nil), ("http://[::2]/", "link.insecure"), ("mailto:a@b.com", nil),
        ("http://[::1/x", "link.insecure"), ("http://[::1]@evil.com/", "link.insecure"), ("http://localhost:80@evil.com/", "link.insecure"),
        ("http://user@localhost:8080/", nil),
    ] as [(String, String?)])
    func linksReadersCannotOpenAreFound(_ destination: String, _ expected: String?) {
        let at = SourceLocation(path: "a.md", line: 1, column: 1)
        #expect(KitChecks.publishable(destination, what: "link", at: at)?.id.rawValue == expected)
    }

    @Test func theExampleKitIsClean() async {
        let diagnostics = await CheckAction(location: KitLocation(kit: TestSupport.repositoryRoot)).run()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    /// `check` runs the same load as `build`: a kit it passes always builds.
    @Test func checkPassingImpliesBuildSucceeding() async throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: TestSupport.repositoryRoot.appendingPathComponent("Tests/Fixtures").path)
        var passed = 0
        for name in fixtures.sorted() {
            let location = KitLocation(kit: TestSupport.fixture(name))
            let found = await CheckAction(location: location).run()
            try await TestSupport.withTemporaryFolder { folder in
                let build = await BuildAction(location: location, output: folder.appendingPathComponent("site")).run()
                #expect(build.succeeded == !found.hasErrors, "\(name): check and build disagree")
                #expect(TestSupport.summary(build.diagnostics) == TestSupport.summary(found), "\(name): build reported something check did not")
                if build.succeeded { passed += 1 }
            }
        }
        #expect(passed >= 3)
    }

    @Test func jsonHasTheDocumentedSchema() throws {
        let diagnostics: [Diagnostic] = [
            .error(.includeMissing, "gone", at: SourceLocation(path: "Content/a.md", line: 3, column: 1), notes: ["n"]),
            .warning(.linkInsecure, "http", at: SourceLocation(path: "Content/b.md", line: 1, column: 7)),
            .error(.outputCollision, "twice", at: nil),
        ]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter.json(diagnostics).utf8)) as? [String: Any])
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(Set(entries[1].keys) == ["rule", "severity", "message", "file", "line", "column", "notes"])
        #expect(entries[1]["rule"] as? String == "include.missing")
        #expect(entries[1]["file"] as? String == "Content/a.md")
        #expect(entries[1]["line"] as? Int == 3)
        #expect(entries[0]["file"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["errors": 2, "warnings": 1, "files": 2])
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let text = DiagnosticFormatter.github([
            .warning(.linkMissingPage, "100% broken,\nreally", at: SourceLocation(path: "Content/a,b:c.md", line: 2, column: 5), notes: ["fix it"]),
        ])
        #expect(text == "::warning file=Content/a%2Cb%3Ac.md,line=2,col=5,title=link.missing-page::100%25 broken,%0Areally%0Afix it\n")
    }

    @Test(.enabled(if: TestSupport.corpus != nil, "the shared corpus folder is absent"))
    func corpusDefectsWithExactPositions() async {
        let location = KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.corpus)
        let found = Set(TestSupport.summary(await CheckAction(location: location).run()).map {
            $0.replacingOccurrences(of: TestSupport.corpus!.path + "/", with: "").replacingOccurrences(of: "../shared/corpus/kaizala-docs/", with: "")
        })
        for expected in [
            "toc.missing-target TOC.md:39:1",                 // urls-and-ip-address-ranges.md: the file is urls-and-IP-…
            "link.missing-file enable-disable-kaizala.md:50:43", // an image the set never had
            "link.missing-file use-kaizala-actions.md:63:93", // attachment-icon.png is attachment-icon.PNG
        ] {
            #expect(found.contains(expected), "missing \(expected)")
        }
        #expect(found.contains { $0.hasPrefix("heading.duplicate-id ") })
        #expect(found.contains { $0.hasPrefix("toc.unreachable-page ") })
        // docfx.json makes /kaizala/… links absolute on the server the set is written for.
        #expect(!found.contains { $0.hasPrefix("link.root-relative ") })
    }
}
