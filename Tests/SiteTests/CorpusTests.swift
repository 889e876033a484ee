import Diagnostics
import Foundation
import Markdown
import Site
import SiteModel
import Testing

/// The real Microsoft Docs (DocFX) set beside the checkout: 58 Markdown files, TOC.md,
/// includes/ and media/. Skipped, with a message, only where that folder is absent.
@Suite(.enabled(if: TestSupport.corpus != nil, "the shared corpus folder (../shared/corpus/kaizala-docs) is absent"))
struct CorpusTests {
    static let location = KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.corpus)

    @Test func buildsWithNoErrorsAndReportsItsRealDefects() async throws {
        let result = await TestSupport.render(Self.location)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        let tree = try #require(result.tree)
        #expect(tree.files.filter { $0.kind == .page && $0.format == "html" }.count == 55) // 58 files less TOC.md and 2 includes
        #expect(tree["index.html"]?.kind == .index)

        // Genuinely broken links, with the positions a person would go to.
        let found = Set(TestSupport.summary(result.diagnostics).map { $0.replacingOccurrences(of: TestSupport.corpus!.path + "/", with: "") })
        for expected in [
            "toc.missing-target TOC.md:39:1",
            "link.missing-file enable-disable-kaizala.md:50:43",
            "link.missing-file enable-disable-kaizala.md:51:42",
            "link.missing-file use-kaizala-actions.md:36:93",
        ] {
            #expect(found.contains { $0.hasSuffix(expected) }, "missing finding \(expected)")
        }
        let caseHint = result.diagnostics.first { $0.id == .tocMissingTarget }
        #expect(caseHint?.notes == ["did you mean 'urls-and-IP-address-ranges.md'? (letter case differs)"])
    }

    /// The contents page lists every entry; a page's sidebar shows its own branch and the top
    /// level, and links to the contents page.
    @Test func everyTOCEntryIsReachableFromTheContentsPage() async throws {
        let tree = try #require(await TestSupport.render(Self.location).tree)
        let toc = MarkdownParser.parse(try String(contentsOf: TestSupport.corpus!.appendingPathComponent("TOC.md"), encoding: .utf8), path: "TOC.md")
        var hrefs: [String] = []
        var stack = TOCEntry.entries(fromMarkdownTOC: toc)
        while let entry = stack.popLast() {
            stack += entry.children
            if let href = entry.href, href.hasSuffix(".md") { hrefs.append(href) }
        }
        #expect(hrefs.count == 49)
        let contents = TestSupport.text(tree, "contents.html")
        for href in hrefs where href != "urls-and-ip-address-ranges.md" {
            let page = href.replacingOccurrences(of: ".md", with: ".html")
            #expect(contents.contains("href=\"\(page)\""), "contents page lacks \(page)")
            #expect(tree[page] != nil, "no page \(page)")
        }
        let sidebarPage = TestSupport.text(tree, "groups-in-kaizala.html")
        #expect(sidebarPage.contains("<a href=\"groups-in-kaizala.html\" aria-current=\"page\">"))
        #expect(sidebarPage.contains("<a href=\"contents.html\">All pages</a>"))
    }

    @Test func imagesAlertsIncludesAndVideosComeThrough() async throws {
        let tree = try #require(await TestSupport.render(Self.location).tree)
        let media = tree.files.filter { $0.path.hasPrefix("media/") }
        #expect(media.count > 100)
        #expect(media.allSatisfy { $0.kind == .asset })
        #expect(tree["docfx.json"] == nil && tree["TOC.md"] == nil)

        let overview = TestSupport.text(tree, "kaizala-overview.html")
        // The retirement note comes from includes/retirement-note.md, an IMPORTANT alert.
        #expect(overview.contains("<div class=\"alert alert-important\" role=\"note\">"))
        #expect(overview.contains("Microsoft Kaizala has retired on August 31, 2023."))
        #expect(!overview.contains("[!INCLUDE"))
        #expect(!overview.contains("[!NOTE]") && !overview.contains("[!IMPORTANT]"))

        let actions = TestSupport.text(tree, "actions.html")
        #expect(actions.contains("<iframe src=\"https://www.microsoft.com/videoplayer/embed/RE3aku3\""))

        // Every image reference on every page points at a file the build copied.
        for file in tree.files where file.kind == .page {
            let html = TestSupport.text(tree, file.path)
            for src in html.matches(of: /<img src="([^"]+)"/).map({ String($0.1) }) where !src.hasPrefix("http") {
                let target = URL(fileURLWithPath: "/" + file.path).deletingLastPathComponent().appendingPathComponent(src.removingPercentEncoding ?? src).standardized.path
                let exists = tree[String(target.dropFirst())] != nil
                let reported = src.lowercased().hasSuffix(".png") && src.contains("disabled-message") || src.contains("attachment-icon")
                #expect(exists || reported, "\(file.path) shows \(src), which was not copied")
            }
        }
    }
}
