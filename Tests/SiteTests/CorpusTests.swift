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

    /// `<br>` in table cells is kept (it was raw HTML, dropped); chat text breaks the line.
    @Test func tableCellBreaksSurviveInHTMLAndChatText() async throws {
        let tree = try #require(await TestSupport.render(Self.location).tree)
        let html = TestSupport.text(tree, "text-translation.html")
        #expect(html.contains("Afrikaans<br />Arabic<br />Bangla"))
        #expect(!html.contains("raw HTML omitted"))
        #expect(TestSupport.text(tree, "text-translation.txt").contains("Afrikaans\n  Arabic\n  Bangla"))
        // docfx.json: /kaizala/… is on the server the set was written for, not a dead local link.
        let sidebar = TestSupport.text(tree, "kaizala-overview.html")
        #expect(sidebar.contains("<a href=\"https://learn.microsoft.com/kaizala/developer-platform\">"))
        #expect(!sidebar.contains("href=\"/"))
        // The only local targets missing are the set's own broken image links.
        #expect(Set(TestSupport.danglingLinks(tree).keys) == ["media/attachment-icon.png", "media/disabled-message-other-admins-portal.png",
                                                               "media/disabled-message-tenant-admin-portal.png"])
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

/// The Microsoft 365 Apps set: a root `TOC.yml` that is an `items:` mapping with nested folder
/// TOCs, `docfx.json` globs and metadata, landing pages, tabs and root-relative links into
/// itself. Skipped, with a message, only where that folder is absent.
@Suite(.enabled(if: TestSupport.appsCorpus != nil, "the shared corpus folder (../shared/corpus/m365-apps) is absent"))
struct AppsCorpusTests {
    static let location = KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.appsCorpus)

    @Test func buildsCleanWithNoConfig() async throws {
        let result = await TestSupport.render(Self.location)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(!result.diagnostics.contains { $0.id == .linkRootRelative || $0.id == .tocSyntax || $0.id == .alertUnknownKind })
        let tree = try #require(result.tree)
        #expect(tree["index.html"]?.kind == .page, "index.yml, a hub page, is the home page")
        #expect(TestSupport.text(tree, "index.html").contains("<div class=\"card\">"))
        #expect(tree["insider/index.html"]?.kind == .page)
        #expect(tree["README.html"] == nil && tree["LICENSE"] == nil)
        var markers: [String] = []
        for file in tree.files where file.format == "html" || file.format == "plain" {
            let text = TestSupport.text(tree, file.path).replacing(/<pre>.*?<\/pre>/.dotMatchesNewlines(), with: "")
            if text.contains("raw HTML omitted") || text.contains(":::") || text.contains("[!") || text.contains("](#tab/") { markers.append(file.path) }
        }
        #expect(markers.isEmpty, "\(markers)")
        // Every local target exists, except images whose source names a file the set lacks.
        let dangling = TestSupport.danglingLinks(tree)
        #expect(dangling.keys.allSatisfy { $0.lowercased().hasSuffix(".png") }, "\(dangling)")
        #expect(result.diagnostics.filter { $0.id == .linkMissingFile }.count >= dangling.count)
        // Titles carry docfx.json's titleSuffix; nested TOCs reach their pages.
        #expect(TestSupport.text(tree, "deploy/about-microsoft-365-apps.html").contains("<title>About Microsoft 365 Apps in the enterprise – Microsoft 365 Apps</title>"))
        #expect(TestSupport.text(tree, "contents.html").contains("href=\"outlook/get-started/state-of-com-add-ins.html\""))
    }
}
