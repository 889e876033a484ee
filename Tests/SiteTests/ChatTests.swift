import BrowserExport
import Diagnostics
import Foundation
import KitConfig
import Markdown
import Rendering
import Site
import SiteModel
import Testing

@Suite struct ChatTests {
    static let seed: URL? = {
        let url = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_d7c42864feb80275.txt")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
    static let goldenSeed = TestSupport.repositoryRoot.appendingPathComponent("Tests/Golden/seed")

    /// The seed article in every flavour against recorded text (re-record with
    /// `ADOPTKIT_RECORD_GOLDEN=1`, like the other golden files).
    @Test(.enabled(if: seed != nil, "the shared seed article is absent"), arguments: ChatFlavor.allCases)
    func seedArticleGoldenText(_ flavor: ChatFlavor) throws {
        let document = MarkdownParser.parse(try String(contentsOf: Self.seed!, encoding: .utf8), path: "seed.md")
        let text = ChatTextRenderer(flavor: flavor).render(document).text
        let golden = Self.goldenSeed.appendingPathComponent("\(flavor.rawValue).txt")
        if GoldenTests.recording {
            try FileManager.default.createDirectory(at: Self.goldenSeed, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: golden)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    /// External link targets of a document, as written.
    static func externalURLs(_ document: MarkdownDocument) -> [String] {
        document.nodes.compactMap { node in
            guard case .link(let destination, _) = node.kind, destination.hasPrefix("https://") || destination.hasPrefix("http://") else { return nil }
            return destination
        }
    }

    static func leaksMarkup(_ line: Substring) -> Bool {
        line.firstMatch(of: /\*\*|\]\(|<(p|br|div|span|a|img|b|i|strong|em|table|tr|td|ul|li|script)[\s>\/]/) != nil
    }

    /// Properties that hold for any kit: link targets survive, no markup leaks into plain
    /// text, every message fits its budget and the messages rejoin to the whole text.
    func checkProperties(kit location: KitLocation, flavors: [ChatFlavor]) async throws -> Int {
        let kit = await KitLoader.load(location)
        let result = await TestSupport.render(location)
        let tree = try #require(result.tree)
        var checked = 0
        for page in kit.pages {
            let html = page.output
            let base = String(html.dropLast(5))
            let document = try kit.tree(of: page).get()
            let urls = Self.externalURLs(document)
            for flavor in flavors {
                let path = flavor == .plain ? base + ".txt" : base + ".\(flavor.rawValue).txt"
                let file = TestSupport.text(tree, path)
                #expect(!file.isEmpty, "\(path) is missing")
                if flavor == .plain || flavor == .whatsapp {
                    for url in urls { #expect(file.contains(url), "\(path) lost \(url)") }
                }
                if flavor == .plain {
                    // Code blocks (indented) may hold anything; prose may not hold markup.
                    for line in file.split(separator: "\n") where !line.hasPrefix("    ") {
                        #expect(!Self.leaksMarkup(line), "\(path): markup in '\(line)'")
                    }
                }
                // Re-render and split: every part fits, the parts rejoin to the whole.
                let environmentText = ChatTextRenderer(flavor: flavor).render(document).text
                let budget = flavor.budget(plainLimit: kit.config.chat.limit)
                let messages = ChatSplitter.split(environmentText, flavor: flavor, budget: budget)
                #expect(messages.map(\.part).joined() == environmentText)
                #expect(messages.allSatisfy { flavor.length(of: $0.text.trimmingCharacters(in: .newlines)) <= budget })
                checked += 1
            }
        }
        return checked
    }

    @Test func exampleKitProperties() async throws {
        let checked = try await checkProperties(kit: KitLocation(kit: TestSupport.repositoryRoot), flavors: [.plain, .whatsapp])
        #expect(checked == 18)
    }

    @Test(.enabled(if: TestSupport.corpus != nil, "the shared corpus folder is absent"))
    func corpusProperties() async throws {
        let location = KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.corpus)
        let checked = try await checkProperties(kit: location, flavors: [.plain, .whatsapp])
        #expect(checked == 110)
    }

    @Test func allFlavoursWhenTheKitAsksAndLongPagesSplit() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            let long = (1...80).map { "Paragraph \($0) with a [link](https://example.com/\($0)) and enough words to take some room." }.joined(separator: "\n\n")
            try TestSupport.write([
                "adoptkit.yml": "site: {base_url: \"https://docs.example.com/guide\"}\nchat: {flavors: [plain, slack, telegram, teams, whatsapp], limit: 1000}\n",
                "Content/index.md": "---\ndescription: Long.\n---\n# Long\n\n" + long + "\n\nSee [the other page](other.md#part-2).\n",
                "Content/other.md": "---\ndescription: Other.\n---\n# Other\n\n## Part 2\n",
            ], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            let tree = try #require(result.tree)
            for flavor in ["", ".slack", ".telegram", ".teams", ".whatsapp"] {
                #expect(tree["index\(flavor).txt"] != nil)
            }
            let plain = TestSupport.text(tree, "index.txt")
            #expect(plain.hasPrefix("(1/"))
            #expect(plain.contains("\n(2/"))
            // Relative links become absolute with site.base_url.
            #expect(plain.contains("the other page (https://docs.example.com/guide/other.html#part-2)"))
            #expect(TestSupport.text(tree, "index.slack.txt").contains("<https://docs.example.com/guide/other.html#part-2|the other page>"))
            let manifest = String(decoding: tree.manifestJSON(), as: UTF8.self)
            #expect(manifest.contains("\"format\" : \"telegram\""))
        }
    }

    @Test func shareTextAndWhatsAppLink() async throws {
        let tree = try #require(await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot)).tree)
        let (config, _) = KitConfig.decode(try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("adoptkit.yml"), encoding: .utf8), path: "adoptkit.yml")
        for group in config.groups {
            let text = TestSupport.text(tree, "posters/\(group.slug)/share.txt")
            #expect(text.contains(group.inviteLink))
            let page = TestSupport.text(tree, "posters/\(group.slug)/share.html")
            let href = try #require(page.firstMatch(of: /href="(https:\/\/wa\.me\/\?text=[^"]*)"/)).1
            let encoded = String(href.dropFirst("https://wa.me/?text=".count))
            #expect(encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~%".contains($0)) }, "not RFC 3986 unreserved-only")
            #expect(encoded.removingPercentEncoding == text, "the WhatsApp link does not decode to the text")
            #expect(page.contains("<meta property=\"og:title\" content=\"Join \(group.name) on Kaizala\">"))
            #expect(page.contains("<textarea id=\"invite-text\" readonly rows=\"12\">\n"))
        }
        #expect(TestSupport.text(tree, "posters/index.html").contains("<a href=\"contoso-finance/share.html\">Share page</a>"))
    }

    static let chromium = HeadlessBrowser.find()

    /// Opens a share page in headless Chromium and reads the copy box as the browser sees it.
    @Test(.enabled(if: chromium != nil, "chromium is missing: make test installs it"))
    func browserReadsTheCopyBoxAsTheTextFile() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            #expect(await BuildAction(location: KitLocation(kit: TestSupport.repositoryRoot), output: site).run().succeeded)
            let share = site.appendingPathComponent("posters/contoso-sales-east/share.html")
            // A harness page loads the share page in a frame and copies the box's value into
            // its own DOM, which Chromium then prints.
            let harness = folder.appendingPathComponent("harness.html")
            try Data("""
                <!DOCTYPE html><html><body><pre id="out">pending</pre>
                <iframe id="f" src="\(share.absoluteString)" onload="
                  var d = document.getElementById('f').contentDocument;
                  var box = d.getElementById('invite-text');
                  var copy = d.getElementById('copy-button');
                  document.getElementById('out').textContent = JSON.stringify({value: box.value, copyShown: !copy.hidden});
                "></iframe></body></html>
                """.utf8).write(to: harness)
            // Killed after 60 s: a browser that hangs fails the test instead of the suite.
            let run = try await TestProcess.run(Self.chromium!, [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                "--virtual-time-budget=5000", "--dump-dom", harness.absoluteString,
            ], timeout: 60)
            let dom = run.output
            let json = try #require(dom.firstMatch(of: /<pre id="out">(.*?)<\/pre>/.dotMatchesNewlines()))
            let unescaped = String(json.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            let read = try #require(try JSONSerialization.jsonObject(with: Data(unescaped.utf8)) as? [String: Any], "no result in \(dom.prefix(300))")
            let expected = try String(contentsOf: site.appendingPathComponent("posters/contoso-sales-east/share.txt"), encoding: .utf8)
            #expect(read["value"] as? String == expected)
            #expect(read["copyShown"] as? Bool == true)
        }
    }
}
