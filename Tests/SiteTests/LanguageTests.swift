import Diagnostics
import Foundation
import KitConfig
import Rendering
import Site
import SiteModel
import Testing

/// A kit in English (default), French and Arabic (`Tests/Fixtures/languages-kit`): output
/// folders, `lang`/`hreflang`/`dir`, the language switch, stand-in pages and their warning,
/// string tables (a kit override, a missing string), and per-language posters, share pages and
/// e-mails.
@Suite struct LanguageTests {
    static let kit = TestSupport.fixture("languages-kit")

    func build() async -> BuildAction.Result { await TestSupport.render(KitLocation(kit: Self.kit)) }

    @Test func everyLanguageGetsItsFolderAndTheDefaultStaysAtTheRoot() async throws {
        let result = await build()
        #expect(result.succeeded, "\(TestSupport.summary(result.diagnostics))")
        let tree = try #require(result.tree)
        for path in ["index.html", "guide/create.html", "fr/index.html", "fr/guide/create.html", "fr/guide/invite.html", "ar/guide/invite.html",
                     "fr/contents.html", "fr/search.html", "fr/posters/index.html", "fr/posters/contoso-sales/share.html",
                     "fr/posters/contoso-sales/invite-email.eml", "fr/posters/contoso-sales/invite-link.html", "fr/index.txt", "ar/posters/contoso-sales/share.txt"] {
            #expect(tree[path] != nil, "\(path) is missing")
        }
        #expect(tree["fr/assets/adoptkit.css"] == nil, "assets are shared")
        let manifest = String(decoding: tree.manifestJSON(), as: UTF8.self)
        #expect(manifest.contains("\"language\" : \"fr\""))
        #expect(result.plan?["fr/guide/create.html"]?.language == "fr")
        #expect(result.plan?["guide/create.html"]?.language == nil)
    }

    @Test func pagesCarryLangDirHreflangAndTheSwitch() async throws {
        let result = await build()
        let french = TestSupport.text(result.tree, "fr/guide/create.html")
        #expect(french.contains("<html lang=\"fr\" style="))
        #expect(french.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://adopt.contoso.com/guide/guide/create.html\">"))
        #expect(french.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://adopt.contoso.com/guide/ar/guide/create.html\">"))
        #expect(french.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://adopt.contoso.com/guide/guide/create.html\">"))
        #expect(french.contains("<a href=\"../../guide/create.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(french.contains("<a href=\"create.html\" hreflang=\"fr\" lang=\"fr\" aria-current=\"page\">Français</a>"))
        #expect(french.contains(">Aller au contenu</a>") && french.contains("aria-label=\"Fil d&#39;Ariane\"") || french.contains("aria-label=\"Fil d'Ariane\""))
        let arabic = TestSupport.text(result.tree, "ar/index.html")
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\""))
        #expect(arabic.contains("العربية"))
        #expect(arabic.contains("ملاحظة</p>"), "the alert's label is Arabic")
        #expect(arabic.contains("aria-label=\"جدول\""))
        #expect(TestSupport.text(result.tree, "ar/index.txt").contains("ملاحظة: "), "and in chat text")
        #expect(french.contains("aria-label=\"Lien vers cette section : Ouvrir l"), "the permalink's name")
        let english = TestSupport.text(result.tree, "index.html")
        #expect(english.contains("<html lang=\"en\" style=") && !english.contains("dir=\"rtl\""))
        #expect(english.contains("<a href=\"fr/index.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
    }

    @Test func aMissingPageFallsBackWithAWarningAndStaysInItsLanguage() async throws {
        let result = await build()
        let warnings = result.diagnostics.filter { $0.id == .languageFallback }
        #expect(warnings.count == 3, "\(TestSupport.summary(result.diagnostics))")
        let invite = try #require(warnings.first { $0.message.contains("'fr/guide/invite.md'") })
        #expect(invite.severity == .warning)
        #expect(invite.message == "page 'guide/invite.md' has no 'fr' version ('fr/guide/invite.md'); 'fr/guide/invite.html' shows the 'en' page")
        #expect(invite.location?.path == "Content/guide/invite.md" && invite.location?.line == 1)
        let page = TestSupport.text(result.tree, "fr/guide/invite.html")
        #expect(page.contains("<html lang=\"fr\""))
        #expect(page.contains("<article lang=\"en\" dir=\"ltr\">"), "the English text is marked as such")
        #expect(page.contains("Back to <a href=\"create.html\">creating a group</a>"), "its links reach the French pages")
        #expect(page.contains("<a href=\"../index.html\">Bienvenue</a>"), "the French navigation")
    }

    @Test func stringsComeFromTheLanguagesTableAndAKitOverridesOne() async throws {
        let result = await build()
        let french = TestSupport.text(result.tree, "fr/index.html")
        #expect(french.contains(">Affiches à imprimer</a>"), "the kit's override")
        #expect(french.contains("placeholder=\"Rechercher\""), "the built-in French string")
        #expect(french.contains("(<a href=\"../fr/posters/index.html#contoso-sales\">affiches</a>)"), "{{ groups }} links the French posters")
        #expect(TestSupport.text(result.tree, "index.html").contains(">Posters</a>"))
        let poster = TestSupport.text(result.tree, "fr/posters/contoso-sales/invite-link.html")
        #expect(poster.contains("Scannez pour rejoindre") && poster.contains("<html lang=\"fr\">"))
        #expect(TestSupport.text(result.tree, "ar/posters/contoso-sales/invite-link.html").contains("<html lang=\"ar\" dir=\"rtl\">"))
        let share = TestSupport.text(result.tree, "fr/posters/contoso-sales/share.html")
        #expect(share.contains("<h1>Rejoignez Contoso – Sales sur Kaizala</h1>"))
        #expect(share.contains("<a href=\"../../../fr/posters/index.html\">Toutes les affiches</a>"))
        #expect(TestSupport.text(result.tree, "fr/posters/contoso-sales/share.txt").hasPrefix("Rejoignez « Contoso – Sales » sur Kaizala"))
        #expect(TestSupport.text(result.tree, "fr/posters/contoso-sales/invite-email.txt").contains("Connectez-vous avec"))
        let eml = TestSupport.text(result.tree, "fr/posters/contoso-sales/invite-email.eml")
        #expect(eml.contains("Subject: =?UTF-8?B?"))
        #expect(TestSupport.text(result.tree, "posters/contoso-sales/invite-email.txt").hasPrefix("Join Contoso – Sales on Kaizala"))
    }

    /// Each language has its own search index beside its search page, made from its pages and
    /// the stand-ins it shows for the default's, under their own addresses; an edit makes stale
    /// only the indexes of the languages that show it.
    @Test func eachLanguageHasItsOwnSearchIndex() async throws {
        let result = await build()
        let plan = try #require(result.plan), tree = try #require(result.tree)
        let english = Self.searchIndex(""), french = Self.searchIndex("fr/"), arabic = Self.searchIndex("ar/")
        let all = Set(plan.outputs.filter { $0.producer.readsEveryPage }.map(\.path))
        #expect(all == english.union(french).union(arabic))
        #expect(plan["fr/assets/search/index.js"]?.language == "fr" && plan["assets/search/index.js"]?.language == nil)
        let manifest = try JSONSerialization.jsonObject(with: tree.manifestJSON()) as? [String: [[String: String]]]
        let entry = manifest?["outputs"]?.first { $0["path"] == "ar/assets/search/index.js" }
        #expect(entry?["language"] == "ar" && entry?["kind"] == "index" && entry?["format"] == "js", "\(entry ?? [:])")
        let inputs = Set(try #require(plan["fr/assets/search/terms-0.js"]).inputs)
        #expect(inputs.isSuperset(of: [.file("adoptkit.yml"), .file("Content/fr/index.md"), .file("Content/fr/guide/create.md"), .file("Content/guide/invite.md")]))
        #expect(inputs.isDisjoint(with: [.file("Content/index.md"), .file("Content/guide/create.md"), .file("Content/ar/index.md")]), "\(inputs)")
        func stale(_ file: String) -> Set<String> { Set(plan.outputs(dependingOn: [.file(file)]).map(\.path)).intersection(all) }
        #expect(stale("Content/fr/index.md") == french)
        #expect(stale("Content/ar/index.md") == arabic)
        #expect(stale("Content/guide/create.md") == english.union(arabic), "French has a create page of its own")
        #expect(stale("Content/guide/invite.md") == all, "every language shows it")
        // What each holds: its own words, and the stand-ins at the language's addresses.
        #expect(TestSupport.text(tree, "fr/assets/search/terms-0.js").contains("refectoire"))
        #expect(!TestSupport.text(tree, "assets/search/terms-0.js").contains("refectoire") && !TestSupport.text(tree, "ar/assets/search/terms-0.js").contains("refectoire"))
        let frenchPages = TestSupport.text(tree, "fr/assets/search/sections-0.js")
        #expect(frenchPages.contains("[\"Invite people\",\"fr/guide/invite.html\",\"Share the link."))
        #expect(frenchPages.contains("[\"Bienvenue\",\"fr/index.html\","))
        #expect(TestSupport.text(tree, "ar/assets/search/sections-0.js").contains("[\"Create a group\",\"ar/guide/create.html\","))
        #expect(!TestSupport.text(tree, "assets/search/sections-0.js").contains("\"fr/") && !TestSupport.text(tree, "assets/search/sections-0.js").contains("\"ar/"))
    }

    /// `serve`'s site for a copy of the kit, after its first update.
    static func withLiveSite(_ body: (URL, LiveSite, LiveSite.Update) async throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { root in
            let kit = root.appendingPathComponent("kit")
            try FileManager.default.copyItem(at: Self.kit, to: kit)
            let site = LiveSite(location: KitLocation(kit: kit))
            let first = await site.update(changedFiles: nil)
            #expect(first.succeeded, "\(first.diagnostics)")
            try await body(kit, site, first)
        }
    }

    static func searchIndex(_ prefix: String) -> Set<String> { Set(["index", "sections-0", "terms-0"].map { prefix + "assets/search/\($0).js" }) }

    /// `serve`: an edit of a French page makes only the French index stale; an edit of an
    /// English page that French and Arabic show in its place refreshes those stand-ins, and
    /// every language's index.
    @Test func serveRefreshesStandInsAndOnlyTheIndexesThatShowAnEdit() async throws {
        try await Self.withLiveSite { kit, site, first in
            let indexes = Self.searchIndex("").union(Self.searchIndex("fr/")).union(Self.searchIndex("ar/"))
            for path in ["guide/invite.html", "fr/guide/invite.html", "ar/guide/invite.html", "fr/index.html"] + indexes.sorted() { _ = first.site?.file(at: path) }

            let frenchHome = kit.appendingPathComponent("Content/fr/index.md")
            try Data((try String(contentsOf: frenchHome, encoding: .utf8) + "\nRendez-vous au vestiaire.\n").utf8).write(to: frenchHome)
            let french = await site.update(changedFiles: [frenchHome.path])
            #expect(french.succeeded, "\(french.diagnostics)")
            #expect(french.stale.intersection(indexes) == Self.searchIndex("fr/"), "\(french.stale)")
            #expect(french.changed == ["fr/index.html"], "\(french.changed)")
            #expect(LiveSiteTests.text(french, "fr/assets/search/terms-0.js").contains("vestiaire"))

            let invite = kit.appendingPathComponent("Content/guide/invite.md")
            try Data("---\ntitle: Invite people\ndescription: Share the group's link.\n---\n# Invite people\n\nShare the link by e-mail.\n".utf8).write(to: invite)
            let english = await site.update(changedFiles: [invite.path])
            #expect(english.succeeded, "\(english.diagnostics)")
            #expect(english.changed.isSuperset(of: ["guide/invite.html", "fr/guide/invite.html", "ar/guide/invite.html"]), "\(english.changed)")
            #expect(LiveSiteTests.text(english, "fr/guide/invite.html").contains("Share the link by e-mail."))
            #expect(LiveSiteTests.text(english, "ar/guide/invite.html").contains("Share the link by e-mail."))
            #expect(english.stale.intersection(indexes) == indexes)
            #expect(LiveSiteTests.text(english, "fr/assets/search/sections-0.js").contains("Share the link by e-mail."))
        }
    }

    /// `adoptkit poster --language`: the poster `build` writes for that language, any letter case;
    /// an unknown tag is an error that lists the kit's languages.
    @Test func thePosterCommandPrintsEveryLanguage() async throws {
        let location = KitLocation(kit: Self.kit)
        let tree = try #require(await build().tree)
        func poster(_ format: PosterFormat, _ language: String?, flavor: ChatFlavor = .plain) async -> PosterAction.Outcome {
            await PosterAction(location: location, poster: "invite-link", group: "Contoso – Sales", format: format, flavor: flavor, language: language).run()
        }
        for (language, format, path) in [("fr", PosterFormat.html, "fr/posters/contoso-sales/invite-link.html"), ("AR", .text, "ar/posters/contoso-sales/invite-link.txt"),
                                         ("en", .html, "posters/contoso-sales/invite-link.html"), (nil, .text, "posters/contoso-sales/invite-link.txt")] {
            guard case .rendered(let text, _) = await poster(format, language) else { Issue.record("\(path) failed"); continue }
            #expect(text == TestSupport.text(tree, path), "--language \(language ?? "none") is not \(path)")
        }
        guard case .rendered(let telegram, _) = await poster(.text, "fr", flavor: .telegram) else { Issue.record("telegram failed"); return }
        #expect(telegram.contains("Rejoignez") && telegram.contains("\\-"), "French, escaped for Telegram: \(telegram)")
        guard case .failed(let problems) = await poster(.html, "de") else { Issue.record("an unknown language printed a poster"); return }
        #expect(problems.map(\.id) == [.unknownLanguage])
        #expect(problems.first?.notes == ["languages (site.languages): en, fr, ar"])
        #expect(DiagnosticFormatter.text(problems) == "adoptkit: error: there is no language 'de' in this kit [poster.unknown-language]\n"
                + "    note: languages (site.languages): en, fr, ar\n")
        // A one-language kit knows its own language only.
        guard case .failed(let single) = await PosterAction(location: KitLocation(kit: TestSupport.fixture("poster-kit")), poster: "office365-sign-in",
                                                            group: nil, format: .text, language: "fr").run()
        else { Issue.record("a one-language kit printed French"); return }
        #expect(single.first?.notes.first?.hasPrefix("its one language (site.language): ") == true, "\(single)")
    }

    @Test func stringTablesAreInputsOfWhatPrintsThem() async throws {
        let result = await build()
        let page = try #require(result.plan?["fr/guide/create.html"])
        #expect(page.inputs.contains(.file("Templates/i18n/fr.yml")) && page.inputs.contains(.file("(built-in)/i18n/fr.yml")))
        #expect(!page.inputs.contains(.file("(built-in)/i18n/en.yml")))
        let poster = try #require(result.plan?["fr/posters/contoso-sales/invite-link.html"])
        #expect(poster.inputs.contains(.file("Templates/i18n/fr.yml")))
        #expect(result.plan?["posters/contoso-sales/invite-link.html"]?.inputs.contains(.file("(built-in)/i18n/en.yml")) == true)
    }

    @Test func aMissingStringIsAnErrorAtItsTableOrLanguage() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write([
                "adoptkit.yml": "site:\n  languages: [en, de, xx]\n",
                "Content/index.md": "# Home\n",
                "Templates/i18n/de.yml": "contents: Inhalt\nposter: Plakat\n",
            ], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(!result.succeeded)
            let missing = result.diagnostics.filter { $0.id == .stringMissing }
            let german = try #require(missing.first { $0.message == "string table 'Templates/i18n/de.yml' has no 'search'" })
            #expect(german.severity == .error && german.location == SourceLocation(path: "Templates/i18n/de.yml", line: 1, column: 1))
            let none = try #require(missing.first { $0.message.hasPrefix("language 'xx' has no string table") })
            #expect(none.location == SourceLocation(path: "adoptkit.yml", line: 2, column: 23))
            let unknown = try #require(result.diagnostics.first { $0.id == .stringUnknown })
            #expect(unknown.location?.line == 2 && unknown.notes == ["did you mean 'posters'?"])
        }
    }

    @Test func languageTagsAreChecked() {
        let yaml = "site:\n  language: fr\n  languages: [en, english, fr, EN]\n"
        let (config, problems) = KitConfig.decode(yaml, path: "adoptkit.yml")
        #expect(problems.map(\.id.rawValue).sorted() == ["config.duplicate-language", "config.language", "config.language-mismatch"])
        #expect(problems.first { $0.id == .configLanguage }?.location == SourceLocation(path: "adoptkit.yml", line: 3, column: 19))
        #expect(problems.first { $0.id == .configLanguageMismatch }?.location?.line == 2)
        #expect(config.site.languages.map(\.tag) == ["en", "fr"])
        #expect(config.site.language == "en")
        #expect(LanguageTag.isValid("pt-BR") && LanguageTag.isValid("zh-Hant-TW") && !LanguageTag.isValid("en_US") && !LanguageTag.isValid("e"))
        #expect(LanguageTag.isRightToLeft("ar") && LanguageTag.isRightToLeft("he-IL") && LanguageTag.isRightToLeft("az-Arab") && !LanguageTag.isRightToLeft("fr"))
    }

    /// `serve`: editing a string table makes exactly the outputs that print its words stale.
    @Test func editingAStringTableRebuildsWhatPrintsIt() async throws {
        try await Self.withLiveSite { kit, site, first in
            _ = first.site?.file(at: "fr/index.html")
            _ = first.site?.file(at: "index.html")
            let table = kit.appendingPathComponent("Templates/i18n/fr.yml")
            try Data("posters: Nos affiches\n".utf8).write(to: table)
            let edit = await site.update(changedFiles: [table.path])
            #expect(edit.succeeded, "\(edit.diagnostics)")
            #expect(edit.changed.contains("fr/index.html") && !edit.changed.contains("index.html"), "\(edit.changed)")
            #expect(LiveSiteTests.text(edit, "fr/index.html").contains(">Nos affiches</a>"))
        }
    }

    /// A one-language kit keeps its English words and may override them.
    @Test func aOneLanguageKitOverridesAnEnglishString() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write([
                "Content/index.md": "# Home\n\nText.\n\n## A\n\n## B\n",
                "Templates/i18n/en.yml": "on_this_page: In this article\n",
            ], under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.succeeded, "\(TestSupport.summary(result.diagnostics))")
            let home = TestSupport.text(result.tree, "index.html")
            #expect(home.contains(">In this article</h2>") && home.contains(">Skip to content</a>"))
            #expect(!home.contains("hreflang") && !home.contains("language-switch"))
        }
    }
}
