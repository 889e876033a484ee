import Diagnostics
import KitConfig
import Testing

/// One case per validation rule of the posters config, each with its rule id and position.
@Suite struct GroupConfigTests {
    func problems(_ yaml: String) -> [String] {
        KitConfig.decode(yaml, path: "adoptkit.yml").1.map { "\($0.id.rawValue) \($0.location!.line):\($0.location!.column)" }
    }

    @Test func completeExample() throws {
        let (config, diagnostics) = KitConfig.decode("""
            site: {title: Guide, paper: letter}
            organization: {name: Contoso, short_name: CTS, logo: brand/logo.svg, color: "#abc"}
            app: {name: Kaizala, download_url: "https://aka.ms/kaizala"}
            sign_in: {url: "https://login.microsoftonline.com/", account: your Office 365 email ID}
            support: {contact: IT help desk, url: "https://help.contoso.com/"}
            groups:
              - name: Contoso – Sales (East)
                invite_link: https://kaiza.la/g/east
                description: East sales
                admins: [Ann, Bo]
                posters: [invite-link]
              - name: Contoso – Finance
                invite_link: https://kaiza.la/g/finance
            """, path: "adoptkit.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.site.paper == .letter)
        #expect(config.organization.color == "#AABBCC")
        #expect(config.organization.displayShortName == "CTS")
        #expect(config.groups.map(\.slug) == ["contoso-sales-east", "contoso-finance"])
        #expect(config.groups[0].admins == ["Ann", "Bo"])
        #expect(config.groups[0].posters == ["invite-link"])
        #expect(config.groups[1].posters == nil)
        #expect(config.signIn.account == "your Office 365 email ID")
    }

    @Test(arguments: [
        // Missing required keys.
        ("groups:\n  - name: A\n", ["config.type 2:5"]),
        ("groups:\n  - invite_link: https://x.y/a\n", ["config.type 2:5"]),
        // A mapping where a list is expected, and a list where text is expected.
        ("groups:\n  name: A\n", ["config.type 2:3"]),
        ("groups:\n  - name: [A, B]\n    invite_link: https://x.y/a\n", ["config.type 2:11"]),
        // Null where text is required.
        ("groups:\n  - name: ~\n    invite_link: https://x.y/a\n", ["config.type 2:11"]),
        // Unknown key with a suggestion.
        ("groups:\n  - name: A\n    invite_lnk: https://x.y/a\n", ["config.unknown-key 3:5", "config.type 2:5"]),
        // Links: not https, javascript:, user info, spaces, no host.
        ("groups:\n  - name: A\n    invite_link: http://x.y/a\n", ["config.invalid-url 3:18"]),
        ("groups:\n  - name: A\n    invite_link: javascript:alert(1)\n", ["config.invalid-url 3:18"]),
        ("groups:\n  - name: A\n    invite_link: https://me:pw@x.y/a\n", ["config.invalid-url 3:18"]),
        ("groups:\n  - name: A\n    invite_link: https://x.y/a b\n", ["config.invalid-url 3:18"]),
        ("groups:\n  - name: A\n    invite_link: data:text/html,x\n", ["config.invalid-url 3:18"]),
        // Control and bidi-override characters in names are removed, with a warning at the value
        // (escaped) or at the character itself (written raw).
        ("groups:\n  - name: \"Sales\\u202Egpj\"\n    invite_link: https://x.y/a\n", ["text.control-character 2:11"]),
        ("groups:\n  - name: \"Sales\\u0007\"\n    invite_link: https://x.y/a\n", ["text.control-character 2:11"]),
        ("groups:\n  - name: Sa\u{200B}les\u{2066}\n    invite_link: https://x.y/a\n", ["text.control-character 2:13", "text.control-character 2:17"]),
        // Duplicate names after trimming and NFC normalisation (é composed vs e + combining accent).
        ("groups:\n  - name: Café\n    invite_link: https://x.y/a\n  - name: \" Cafe\\u0301 \"\n    invite_link: https://x.y/b\n",
         ["config.duplicate-group 4:11"]),
        // Names whose poster folders would collide.
        ("groups:\n  - name: Sales (East)\n    invite_link: https://x.y/a\n  - name: sales east\n    invite_link: https://x.y/b\n",
         ["config.group-file-collision 4:11"]),
        // The same invite link twice is suspicious, not fatal.
        ("groups:\n  - name: A\n    invite_link: https://x.y/a\n  - name: B\n    invite_link: https://x.y/a\n",
         ["config.duplicate-invite-link 5:18"]),
        // Brand colour lands in CSS: strict.
        ("organization:\n  name: C\n  color: \"red; background: url(x)\"\n", ["config.type 3:10"]),
        ("site:\n  paper: a3\n", ["config.type 2:10"]),
        // Anchors and aliases.
        ("groups:\n  - &g\n    name: A\n    invite_link: https://x.y/a\n  - *g\n", ["config.anchor 2:5"]),
    ] as [(String, [String])])
    func validationRule(_ yaml: String, _ expected: [String]) {
        #expect(problems(yaml).sorted() == expected.sorted())
    }

    @Test func duplicateKeysShowBothPositions() {
        let (_, diagnostics) = KitConfig.decode("site:\n  title: A\n  language: en\n  title: B\n", path: "adoptkit.yml")
        #expect(diagnostics.map(\.id) == [.configDuplicateKey])
        #expect(diagnostics.first?.location == SourceLocation(path: "adoptkit.yml", line: 4, column: 3))
        #expect(diagnostics.first?.notes == ["first at line 2, column 3"])
    }

    @Test func everyDuplicateKeyIsReportedWithTheOtherProblems() {
        let (config, diagnostics) = KitConfig.decode("""
            site:
              title: A
              title: B
              langauge: en
              title: C
            organization:
              name: X

              "name": Y
            groups:
              - name: G
                admins:
                - a
                name: H
                invite_link: http://x.y/g
            """, path: "adoptkit.yml")
        #expect(TestSummary.of(diagnostics) == ["config.duplicate-key 3:3", "config.unknown-key 4:3", "config.duplicate-key 5:3",
                                                "config.duplicate-key 9:3", "config.duplicate-key 14:5", "config.invalid-url 15:18"])
        #expect(diagnostics.filter { $0.id == .configDuplicateKey }.map(\.notes) == [
            ["first at line 2, column 3"], ["first at line 2, column 3"], ["first at line 7, column 3"], ["first at line 11, column 5"],
        ])
        // The first of each key is the one used.
        #expect(config.site.title == "A")
        #expect(config.organization.name == "X")
    }

    @Test func anchorsDoNotHideTheOtherProblems() {
        let (config, diagnostics) = KitConfig.decode("""
            site: &s
              title: x
              colour: red
            app: *s
            groups:
              - name: A
                invite_link: http://x.y/a
            """, path: "adoptkit.yml")
        #expect(TestSummary.of(diagnostics) == ["config.anchor 1:7", "config.unknown-key 3:3", "config.invalid-url 7:18"])
        // The alias is dropped, never read as a copy.
        #expect(config.app == KitConfig().app)
    }

    @Test func everyProblemOfTheFileInOneRun() {
        let found = problems("""
            site: {base_url: "http://x"}
            organisation: {name: C}
            groups:
              - name: A
                invite_link: http://x.y/a
              - name: A
                invite_link: https://x.y/b
            """)
        #expect(found == ["config.invalid-url 1:18", "config.unknown-key 2:1", "config.invalid-url 5:18", "config.duplicate-group 6:11"])
    }

    @Test(arguments: [("Contoso – Sales (East)", "contoso-sales-east"), ("Café Crème", "cafe-creme"), ("营销", "group-4c9af717"), ("  A  B ", "a-b")])
    func slugs(_ name: String, _ slug: String) {
        #expect(Group.slug(for: name) == slug)
    }

    @Test func groupsWithoutLatinLettersGetDistinctFolders() {
        let (config, diagnostics) = KitConfig.decode("groups:\n  - {name: 营销, invite_link: \"https://x.y/a\"}\n  - {name: 销售, invite_link: \"https://x.y/b\"}\n",
                                                     path: "adoptkit.yml")
        #expect(diagnostics.isEmpty)
        #expect(Set(config.groups.map(\.slug)).count == 2)
    }

    @Test func multiLineDescriptionsAreAllowedButNotMultiLineNames() {
        let (config, ok) = KitConfig.decode("groups:\n  - name: A\n    invite_link: https://x.y/a\n    description: |\n      Line one.\n      Line two.\n",
                                            path: "adoptkit.yml")
        #expect(ok.isEmpty)
        #expect(config.groups.first?.description == "Line one.\nLine two.")
        let (_, bad) = KitConfig.decode("groups:\n  - name: \"A\\nB\"\n    invite_link: https://x.y/a\n", path: "adoptkit.yml")
        #expect(bad.map(\.id) == [.configType])
    }

    @Test func tocYAMLReadsPastDocFXKeysItDoesNotUse() {
        let (items, problems) = TOCYAMLDecoder.decode("- name: A\n  href: a.md\n  topicUid: x\n  tocHref: /\n  displayName: Alpha\n", path: "toc.yml")
        #expect(problems.isEmpty)
        #expect(items.map(\.href) == ["a.md"])
    }
}

@Suite struct HostileYAMLTests {
    @Test func billionLaughsIsRefusedQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (_, diagnostics) = KitConfig.decode(yaml, path: "adoptkit.yml")
        // Each anchor once; aliases are dropped, so reading the rest (ten unknown keys) is cheap.
        #expect(diagnostics.filter { $0.id == .configAnchor }.count == 10)
        #expect(diagnostics.filter { $0.id == .configUnknownKey }.count == 10)
        #expect(diagnostics.count == 20)
    }

    @Test func oversizedYAMLIsRefused() {
        let yaml = "site:\n  title: " + String(repeating: "x", count: YAMLLoader.maximumBytes) + "\n"
        #expect(KitConfig.decode(yaml, path: "adoptkit.yml").1.map(\.id) == [.configTooLarge])
    }
}

enum TestSummary {
    /// `id line:column` in the order diagnostics are reported.
    static func of(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id.rawValue) \($0.location!.line):\($0.location!.column)" }
    }
}
