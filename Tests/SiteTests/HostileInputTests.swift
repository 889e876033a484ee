import Diagnostics
import Foundation
import Rendering
import Site
import SiteModel
import Testing

/// Hostile kits under `Tests/Fixtures/` for links, config and templates (each fixture's
/// README.txt names the hazard).
@Suite struct HostileInputTests {
    /// `hostile-links`: raw UTF-8 hosts and paths in content links reach hrefs and chat text in
    /// their RFC 3986 form, and a look-alike host is a warning.
    @Test func contentLinksAreEncodedAndLookAlikeHostsReported() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("hostile-links")))
        let tree = try #require(result.tree, "\(result.diagnostics)")
        let munich = "https://xn--mnchen-3ya.de/caf%C3%A9?q=stra%C3%9Fe#gr%C3%B6%C3%9Fe"
        let html = TestSupport.text(tree, "index.html")
        #expect(html.contains("href=\"\(munich)\""))
        #expect(html.contains("src=\"https://xn--bcher-kva.example/bild.png\""))
        #expect(html.contains("href=\"https://xn--pypal-4ve.com/login\""))
        #expect(html.contains("href=\"https://xn--mnchen-3ya.de/\""), "the sidebar's TOC link")
        for flavor in ["txt", "whatsapp.txt"] {
            let chat = TestSupport.text(tree, "index.\(flavor)")
            #expect(chat.contains(munich), "\(flavor)")
            #expect(!chat.contains("münchen") && !chat.contains("pаypal"), "\(flavor)")
        }
        let mixed = TestSupport.summary(result.diagnostics.filter { $0.id == .linkMixedScriptHost })
        #expect(mixed == ["link.mixed-script-host Content/index.md:9:8"])
        #expect(result.diagnostics.first { $0.id == .linkMixedScriptHost }?.notes.first?.contains("xn--pypal-4ve.com") == true)
    }

    /// `hostile-config`: every repeated key of a flow mapping is reported with both positions,
    /// along with the file's other problems.
    @Test func everyDuplicateKeyInFlowMappingsIsReported() async {
        let diagnostics = await CheckAction(location: KitLocation(kit: TestSupport.fixture("hostile-config"))).run()
        #expect(TestSupport.summary(diagnostics) == [
            "config.duplicate-key adoptkit.yml:1:42",
            "config.duplicate-key adoptkit.yml:2:3",
            "config.duplicate-key adoptkit.yml:5:60",
            "config.unknown-key adoptkit.yml:6:26",
        ])
        let repeats = diagnostics.filter { $0.id == .configDuplicateKey }
        #expect(repeats.map(\.notes) == [["first at line 1, column 8"], ["first at line 1, column 28"], ["first at line 5, column 6"]])
        #expect(repeats.map(\.message) == ["title", "language", "name"].map { "key '\($0)' appears again in the same mapping; the first one is used" })
    }

    /// `hostile-text/Templates/page.mustache`: invisible characters and terminal escapes in a
    /// kit's own template are reported where they are and reach no page.
    @Test func controlCharactersInKitTemplatesAreReportedAndRemoved() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("hostile-text")))
        let found = TestSupport.summary(result.diagnostics.filter { $0.id == .textControlCharacter && $0.location?.path.hasPrefix("Templates/") == true })
        #expect(found == ["Templates/page.mustache:3:36", "Templates/page.mustache:4:7", "Templates/page.mustache:4:39", "Templates/page.mustache:4:72"]
            .map { "text.control-character " + $0 })
        let page = TestSupport.text(try #require(result.tree), "index.html")
        #expect(page.contains("<body><main>") && page.contains("</main>link</body>"))
    }

    /// Positions of later template findings are the file's own, not the cleaned text's.
    @Test func templateFindingsAfterARemovedEscapeKeepTheirColumns() async throws {
        let result = try await TestSupport.render(files: [
            "Content/index.md": "---\ntitle: Home\ndescription: Home.\n---\n# Home\n",
            "Templates/page.mustache": "<html><body>\u{1B}[31m\u{1B}[0m {{page.titel}}{{{page.content}}}</body></html>\n",
        ])
        #expect(TestSupport.summary(result.diagnostics) == ["text.control-character Templates/page.mustache:1:13", "template.unknown-name Templates/page.mustache:1:23"])
    }
}

extension HostileInputTests {
    /// `hostile-chat`: past 999 messages the `(k/N)` header outgrew the room kept for it, and a
    /// cut inside an escaped word could leave a lone `\` ending a Telegram message.
    @Test func chatMessagesFitPast999PartsAndKeepTheirEscapes() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("hostile-chat")))
        let tree = try #require(result.tree, "\(result.diagnostics)")
        for (file, flavor, budget) in [("index.txt", ChatFlavor.plain, 100), ("index.telegram.txt", .telegram, 4096)] {
            let text = TestSupport.text(tree, file)
            let messages = Self.messages(in: text)
            if file == "index.txt" { #expect(messages.count > 999, "\(messages.count) messages") }
            for message in messages {
                let length = flavor.length(of: message)
                #expect(length <= budget, "\(file): a message is \(length) long")
                let trailing = message.reversed().prefix { $0 == "\\" }.count
                #expect(trailing % 2 == 0, "\(file): a message ends in a lone backslash")
            }
        }
    }

    /// The messages of a chat text file: each starts with its `(k/N)` line.
    static func messages(in text: String) -> [String] {
        var messages: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.wholeMatch(of: /\\?\(\d+\/\d+\\?\)/) != nil { messages.append(String(line)) } else if !messages.isEmpty {
                messages[messages.count - 1] += "\n" + line
            }
        }
        return messages.map { String($0.reversed().drop { $0 == "\n" }.reversed()) }
    }
}
