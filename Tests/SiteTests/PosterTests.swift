import Diagnostics
import Foundation
import KitConfig
import Rendering
import Site
import SiteModel
import Testing

@Suite struct PosterTests {
    @Test func posterKitPrintsEveryPosterForEveryGroup() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("poster-kit")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let tree = try #require(result.tree)
        let posters = tree.files.filter { $0.kind == .poster && $0.format != "whatsapp" && !$0.path.hasSuffix(".text.html") }
        #expect(posters.map(\.path) == [
            "posters/fabrikam-field-team/invite-link.html", "posters/fabrikam-field-team/invite-link.txt",
            "posters/fabrikam-field-team/org-mapping.html", "posters/fabrikam-field-team/org-mapping.txt",
            "posters/fabrikam-field-team/welcome-pack.html", "posters/fabrikam-field-team/welcome-pack.txt",
            // This group asked for the kit's own poster only.
            "posters/fabrikam-office/welcome-pack.html", "posters/fabrikam-office/welcome-pack.txt",
            "posters/office365-sign-in.html", "posters/office365-sign-in.txt",
        ])
        // Every poster's text also comes in each chat flavour the kit writes (plain and whatsapp by default).
        #expect(tree.files.filter { $0.kind == .poster && $0.format == "whatsapp" }.count == 5)
        // And on a small HTML page with every flavour, which the posters index links as "text".
        #expect(tree.files.filter { $0.path.hasSuffix(".text.html") }.count == 5)
        #expect(tree.files.filter { $0.kind == .share }.map(\.path) == [
            "posters/fabrikam-field-team/share.html", "posters/fabrikam-field-team/share.txt",
            "posters/fabrikam-office/share.html", "posters/fabrikam-office/share.txt",
        ])
        let manifest = try #require(try JSONSerialization.jsonObject(with: tree.manifestJSON()) as? [String: [[String: String]]])
        let entries = Dictionary(uniqueKeysWithValues: (manifest["outputs"] ?? []).map { ($0["path"] ?? "", $0) })
        #expect(entries["posters/fabrikam-field-team/invite-link.html"] == [
            "path": "posters/fabrikam-field-team/invite-link.html", "kind": "poster", "format": "html",
            "poster": "invite-link", "group": "Fabrikam – Field Team", "source": "(built-in)/posters/invite-link/poster.html.mustache",
        ])
        // Organisation-wide posters have no group; a kit's own poster names its template.
        #expect(entries["posters/office365-sign-in.txt"] == [
            "path": "posters/office365-sign-in.txt", "kind": "poster", "format": "plain",
            "poster": "office365-sign-in", "source": "(built-in)/posters/office365-sign-in/poster.txt.mustache",
        ])
        #expect(entries["posters/fabrikam-office/welcome-pack.html"]?["source"] == "Templates/posters/welcome-pack/poster.html.mustache")
        let invite = TestSupport.text(tree, "posters/fabrikam-field-team/invite-link.html")
        #expect(invite.contains("<main class=\"sheet paper-letter\" style=\"--brand: #A4262C; --brand-text: #A4262C; --headline: 34pt; --text: 15pt; --qr-code: 100mm\">"))
        #expect(invite.contains("Join <span class=\"accent\">Fabrikam – Field Team</span> on Kaizala"))
        #expect(!invite.contains("<link ") && !invite.contains(" src=\"http"), "posters stand alone: nothing is fetched")
        // The screen-only bar leads back to the index; the link wraps after / - and .
        #expect(invite.contains("<a href=\"../index.html\">Back to all posters</a>"))
        #expect(invite.contains("https:/<wbr>/<wbr>kaiza.<wbr>la/<wbr>g/<wbr>field?ref=poster&amp;lang=en"))
        #expect(invite.contains("<p class=\"scan-label\" data-fit=\"label\">Scan to join</p>"))
        // Values are verbatim in text, escaped in HTML.
        #expect(TestSupport.text(tree, "posters/fabrikam-field-team/invite-link.txt").contains("https://kaiza.la/g/field?ref=poster&lang=en"))
        #expect(invite.contains("https://kaiza.la/g/field?ref=poster&amp;lang=en"))
        #expect(TestSupport.text(tree, "posters/fabrikam-office/welcome-pack.txt") == "Welcome to Fabrikam – Office! Join here: https://kaiza.la/g/office\n")

        // Docs use config values and link to posters.
        let index = TestSupport.text(tree, "index.html")
        #expect(index.contains("Welcome to Fabrikam on Kaizala."))
        #expect(index.contains("<a href=\"posters/fabrikam-field-team/invite-link.html\">the field team poster</a>"))
        #expect(index.contains("<li><a href=\"https://kaiza.la/g/office\">Fabrikam – Office</a> (<a href=\"posters/index.html#fabrikam-office\">posters</a>)</li>"))
        #expect(index.contains("<code>{{ not.a.variable }}</code>"))
        let postersIndex = TestSupport.text(tree, "posters/index.html")
        #expect(postersIndex.contains("<h2 id=\"fabrikam-office\">Fabrikam – Office</h2>"))
        #expect(postersIndex.contains("<iframe src=\"fabrikam-office/welcome-pack.html\" title=\"Preview of Welcome pack\""))
        #expect(postersIndex.contains("<a href=\"fabrikam-office/welcome-pack.html\">Open and print</a> <a href=\"fabrikam-office/welcome-pack.text.html\">Text for a chat</a>"))
    }

    @Test(.enabled(if: QRDecoder.zbarimg != nil, "zbarimg is missing: make test installs zbar-tools"))
    func everyPosterQRCodeDecodesToItsLink() async throws {
        for kit in [TestSupport.repositoryRoot, TestSupport.fixture("poster-kit")] {
            let result = await TestSupport.render(KitLocation(kit: kit))
            let tree = try #require(result.tree)
            let (config, _) = KitConfig.decode(try String(contentsOf: kit.appendingPathComponent("adoptkit.yml"), encoding: .utf8), path: "adoptkit.yml")
            for group in config.groups where group.posters?.contains("invite-link") ?? true {
                let html = TestSupport.text(tree, "posters/\(group.slug)/invite-link.html")
                let code = try #require(QRCode(svg: html), "no QR code on \(group.name)'s poster")
                #expect(try await QRDecoder.decode(pbm: code.pbm()) == group.inviteLink)
            }
            // The sign-in poster's code opens what its steps describe: the app unless `sign_in.opens: web`.
            let signInPoster = TestSupport.text(tree, "posters/office365-sign-in.html")
            if let link = config.signIn.opens == .web ? config.signIn.url : config.app.downloadURL {
                let signIn = try #require(QRCode(svg: signInPoster))
                #expect(try await QRDecoder.decode(pbm: signIn.pbm()) == link)
            } else {
                #expect(QRCode(svg: signInPoster) == nil)
            }
        }
    }

    @Test(.enabled(if: QRDecoder.zbarimg != nil, "zbarimg is missing: make test installs zbar-tools"), arguments: [
        "https://login.microsoftonline.com/?whr=contoso.com&x=1#frag",
        "https://example.com/grüße/\u{1F600}?q=a%20b",
    ])
    func payloadIsExactlyTheLink(_ link: String) async throws {
        let code = try #require(QRCode(link))
        #expect(try await QRDecoder.decode(pbm: code.pbm()) == link)
    }

    /// A non-ASCII invite link is encoded (IDNA host, percent-encoded path) before it becomes a
    /// QR payload, an href or a wa.me text, so every decoder reads the same ASCII link.
    @Test func internationalInviteLinksAreEncodedEverywhere() async throws {
        let result = try await TestSupport.render(files: [
            "adoptkit.yml": "organization:\n  name: Contoso\ngroups:\n  - name: Café\n    invite_link: https://kaizä.la/g/café\n",
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ])
        let tree = try #require(result.tree, "\(result.diagnostics)")
        let encoded = "https://xn--kaiz-ooa.la/g/caf%C3%A9"
        let poster = TestSupport.text(tree, "posters/cafe/invite-link.html")
        let code = try #require(QRCode(svg: poster))
        // The symbol is exactly the encoded link's (and a real decoder agrees, when present).
        #expect(code == QRCode(encoded))
        if QRDecoder.zbarimg != nil { #expect(try await QRDecoder.decode(pbm: code.pbm()) == encoded) }
        #expect(poster.contains(encoded))
        let share = TestSupport.text(tree, "posters/cafe/share.html")
        #expect(share.contains("href=\"\(encoded)\""))
        #expect(share.contains("xn--kaiz-ooa.la%2Fg%2Fcaf%25C3%25A9"))
        for file in tree.files { #expect(!TestSupport.text(tree, file.path).contains("kaizä"), "\(file.path)") }
    }

    @Test func brokenPosterKitReportsEveryProblem() async {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("broken-posters")))
        #expect(result.tree == nil)
        #expect(TestSupport.summary(result.diagnostics) == [
            "content.unknown-variable Content/index.md:6:7",
            "content.unknown-variable Content/index.md:8:13",
            "config.type Templates/posters/bad-scope/poster.yml:2:8",
            "template.unknown-name Templates/posters/everyone/poster.html.mustache:1:4",
            "template.unescaped-data Templates/posters/everyone/poster.html.mustache:2:4",
            "template.unknown-name Templates/posters/everyone/poster.txt.mustache:1:22",
            "config.logo adoptkit.yml:3:9",
            "config.unknown-poster adoptkit.yml:7:14",
            "config.unknown-poster adoptkit.yml:7:14",
        ])
        #expect(result.diagnostics.first?.notes.first == "did you mean 'organization.name'?")
    }

    /// Every text field of adoptkit.yml carries markup; no HTML output may contain it as markup.
    @Test func configValuesNeverBecomeMarkup() async throws {
        let payload = #"<script>alert(1)</script><img src=x onerror=alert(2)>"'&amp;"#
        try await TestSupport.withTemporaryFolder { kit in
            let quoted = "'" + payload.replacingOccurrences(of: "'", with: "''") + "'"
            try TestSupport.write([
                "adoptkit.yml": """
                    site: {title: \(quoted), language: \(quoted)}
                    organization: {name: \(quoted), short_name: \(quoted)}
                    app: {name: \(quoted), download_url: "https://example.com/app"}
                    sign_in: {url: "https://login.example.com/", account: \(quoted)}
                    support: {contact: \(quoted), url: "https://help.example.com/"}
                    groups:
                      - name: \(quoted)
                        invite_link: https://example.com/join
                        description: \(quoted)
                        admins: [\(quoted)]
                    """,
                "Content/index.md": "---\ntitle: \(quoted)\ndescription: \(quoted)\n---\n\n# Home {{ organization.name }}\n\n{{ app.name }} {{ sign_in.account }} {{ support.contact }}\n\n{{ groups }}\n",
            ], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
            let tree = try #require(result.tree)
            var htmlFiles = 0
            for file in tree.files where file.format == "html" {
                htmlFiles += 1
                let html = TestSupport.text(tree, file.path)
                #expect(!html.contains("<script>alert"), "\(file.path) contains the injected script")
                #expect(!html.contains("<img src=x"), "\(file.path) contains injected markup")
                #expect(!html.contains("onerror=alert(2)>"), "\(file.path) contains an injected attribute")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(file.path) does not show the value")
            }
            // The page, the contents and search pages, the posters index, two group posters and the
            // sign-in poster with a text page each, the share page, the invitation e-mail.
            #expect(htmlFiles == 12)
            // Text posters keep the value verbatim: that is what gets pasted into a chat.
            #expect(TestSupport.text(tree, "posters/\(Group.slug(for: payload))/invite-link.txt").contains(payload))
            // The manifest is still valid JSON.
            #expect((try? JSONSerialization.jsonObject(with: tree.manifestJSON())) != nil)
        }
    }

    @Test func aThousandGroupsBuild() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            var yaml = "organization: {name: Big Co}\ngroups:\n"
            for i in 1...1000 { yaml += "  - {name: \"Team \(i)\", invite_link: \"https://kaiza.la/g/team-\(i)\"}\n" }
            try TestSupport.write(["adoptkit.yml": yaml, "Content/index.md": "---\ndescription: Every team.\n---\n# Big Co\n\n{{ groups }}\n"], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.isEmpty)
            let tree = try #require(result.tree)
            #expect(tree.files.filter { $0.kind == .poster }.count == 1000 * 8 + 4) // two posters × (HTML, text page, plain, whatsapp), and the sign-in poster
            #expect(tree.files.filter { $0.kind == .share }.count == 1000 * 2)
            #expect(TestSupport.text(tree, "index.html").components(separatedBy: "<li><a href=\"https://kaiza.la/g/team-").count == 1001)
        }
    }

    /// The sign-in poster's code opens what its steps describe (`sign_in.opens`).
    @Test func signInCodeAndStepsAgree() async throws {
        func kit(_ signIn: String) -> [String: String] {
            ["adoptkit.yml": "organization:\n  name: Contoso\napp:\n  name: Kaizala\n  download_url: https://aka.ms/kaizala-download\nsign_in:\n\(signIn)",
             "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n"]
        }
        let web = try await TestSupport.render(files: kit("  url: https://login.microsoftonline.com/\n  opens: web\n"))
        let webPoster = TestSupport.text(web.tree, "posters/office365-sign-in.html")
        #expect(QRCode(svg: webPoster) == QRCode("https://login.microsoftonline.com/"))
        #expect(webPoster.contains("Scan to sign in") && webPoster.contains("to open the Office 365 sign-in page"))
        #expect(TestSupport.text(web.tree, "posters/office365-sign-in.txt").contains("1. Open the sign-in page: https://login.microsoftonline.com/"))
        // The default is the app: the code gets it, the steps are in it, and no web page is needed.
        let app = try await TestSupport.render(files: kit("  account: your work account\n"))
        #expect(app.diagnostics.isEmpty, "\(app.diagnostics)")
        let appPoster = TestSupport.text(app.tree, "posters/office365-sign-in.html")
        #expect(QRCode(svg: appPoster) == QRCode("https://aka.ms/kaizala-download"))
        #expect(appPoster.contains("Scan to get Kaizala") && appPoster.contains("Choose <strong>Sign in with Office 365</strong>"))
        let missing = try await TestSupport.render(files: kit("  opens: web\n"))
        #expect(TestSupport.summary(missing.diagnostics) == ["config.type adoptkit.yml:7:3"])
        let wrong = try await TestSupport.render(files: kit("  opens: browser\n"))
        #expect(TestSupport.summary(wrong.diagnostics) == ["config.type adoptkit.yml:7:10"])
    }

    /// A link whose code would be too fine to scan from 2 m is an error at its line; one byte
    /// less (the most a 10 cm version-5 code holds) builds.
    @Test func inviteLinksMustScanFromTwoMetres() async throws {
        let atCap = "https://kaiza.la/g/" + String(repeating: "a", count: 84 - 19)
        let over = atCap + "b"
        let result = try await TestSupport.render(files: [
            "adoptkit.yml": "organization:\n  name: Contoso\ngroups:\n  - name: Fits\n    invite_link: \(atCap)\n  - name: Too long\n    invite_link: \(over)\n",
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ])
        #expect(TestSupport.summary(result.diagnostics) == ["poster.qr-too-dense adoptkit.yml:7:18"])
        #expect(result.diagnostics.first?.message.contains("41 modules per side, and a 100 mm code may have at most 37") == true)
        #expect(QRScanModel.maximumModules(codeWidthMillimetres: 100) == 37 && QRScanModel.maximumModules(codeWidthMillimetres: 80) == 30)
    }

    /// A long group name gets a smaller headline, chosen at build time; a short one keeps 34 pt.
    /// The colour is checked for contrast; unknown export formats are config errors.
    @Test func typeStepsDownForLongNamesAndColoursAreChecked() async throws {
        let long = String(repeating: "Regional Operations ", count: 4).trimmingCharacters(in: .whitespaces)
        let result = try await TestSupport.render(files: [
            "adoptkit.yml": "organization:\n  name: Contoso\n  color: \"#FFB900\"\ngroups:\n  - name: Short\n    invite_link: https://kaiza.la/g/s\n"
                + "  - name: \(long)\n    invite_link: https://kaiza.la/g/l\n",
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ])
        #expect(TestSupport.summary(result.diagnostics) == ["config.color-contrast adoptkit.yml:3:10"])
        let short = TestSupport.text(result.tree, "posters/short/invite-link.html")
        let longPoster = TestSupport.text(result.tree, "posters/\(Group.slug(for: long))/invite-link.html")
        #expect(short.contains("--brand: #FFB900; --brand-text: #BF8A00; --headline: 34pt; --text: 15pt"))
        let headline = try #require(longPoster.firstMatch(of: /--brand-text: #[0-9A-F]+; --headline: (\d+)pt/).flatMap { Int($0.1) })
        #expect(headline < 34 && headline >= 18)
        let bad = try await TestSupport.render(files: [
            "adoptkit.yml": "posters:\n  export: [pdf, jpeg]\n", "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ])
        #expect(TestSupport.summary(bad.diagnostics) == ["config.type adoptkit.yml:2:11"])
    }
}
