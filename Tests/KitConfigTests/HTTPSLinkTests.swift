import Diagnostics
import KitConfig
import Testing

/// Links from `adoptkit.yml` are encoded per RFC 3986 before they become QR payloads and hrefs.
@Suite struct HTTPSLinkTests {
    @Test(arguments: [
        ("https://kaiza.la/g/café", "https://kaiza.la/g/caf%C3%A9"),
        // NFD input is composed first, so both spellings encode alike.
        ("https://kaiza.la/g/cafe\u{301}?q=é#ß", "https://kaiza.la/g/caf%C3%A9?q=%C3%A9#%C3%9F"),
        ("https://münchen.de/", "https://xn--mnchen-3ya.de/"),
        ("https://Bücher.Example/x%20y", "https://xn--bcher-kva.example/x%20y"),
        ("https://中文.com/路径", "https://xn--fiq228c.com/%E8%B7%AF%E5%BE%84"),
        ("https://例え。テスト/", "https://xn--r8jz45g.xn--zckzah/"),
        ("https://example.com:8443/a?b=c&d=e#f", "https://example.com:8443/a?b=c&d=e#f"),
        ("https://[::1]:8000/", "https://[::1]:8000/"),
    ])
    func linksAreEncoded(_ input: String, _ encoded: String) throws {
        let link = try HTTPSLink.parse(input).get()
        #expect(link.url == encoded)
        #expect(link.url.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(link.mixedScriptLabel == nil)
    }

    @Test(arguments: [
        ("https://example.com:99999/", "has an invalid port '99999' (a number from 1 to 65535)"),
        ("https://example.com:/", "has an invalid port '' (a number from 1 to 65535)"),
        ("https://example.com:8o/", "has an invalid port '8o' (a number from 1 to 65535)"),
        ("https://\"example.com\"/", "has a character a host name cannot hold in '\"example'"),
        ("https://exa%6Dple.com/", "has a character a host name cannot hold in 'exa%6dple'"),
        ("https://example..com/", "has an empty label in its host name"),
        ("https://example.com/\"quoted\"", "must not contain '\"'; percent-encode it"),
        ("https://example.com/a<b>", "must not contain '<'; percent-encode it"),
        ("https://example.com/100%", "has a '%' that does not start a %XX escape"),
        ("https://example.com/#a#b", "must not contain '#'; percent-encode it"),
        ("https:example.com", "must have a host name"),
        ("ftp://example.com/", "must be an https:// URL"),
        ("example.com/path", "is not a valid URL"),
    ])
    func oddLinksAreRefused(_ input: String, _ problem: String) {
        #expect(URLRules.problem(with: input) == problem)
    }

    @Test func punycodeMatchesRFC3492() throws {
        // RFC 3492 section 7.1, (L) Japanese: 3<nen>B<gumi><kinpachi><sensei>.
        let link = try HTTPSLink.parse("https://3年b組金八先生.example/").get()
        #expect(link.url == "https://xn--3b-ww4c5e180e575a65lsy2b.example/")
    }

    @Test func aHostMixingScriptsIsAWarningAtItsLine() {
        // `kаіza` with a Cyrillic а (U+0430) and і (U+0456).
        let (config, diagnostics) = KitConfig.decode(
            "groups:\n  - name: A\n    invite_link: https://k\u{430}\u{456}za.la/g/a\n  - name: B\n    invite_link: https://カイザ.la/g/b\n",
            path: "adoptkit.yml")
        #expect(TestSummary.of(diagnostics) == ["config.mixed-script-host 3:18"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(config.groups.first?.inviteLink.hasPrefix("https://xn--") == true)
    }

    @Test func oddBaseURLsAreRefusedAtTheConfigLine() {
        let cases = [
            "site:\n  base_url: 'https://adopt.contoso.com/\"><script>'\n",
            "site:\n  base_url: https://adopt.contoso.com:99999/\n",
            "site:\n  base_url: https://adopt.contoso.com/?page=\n",
            "site:\n  base_url: https://adopt.contoso.com/#top\n",
        ]
        for yaml in cases {
            let (config, diagnostics) = KitConfig.decode(yaml, path: "adoptkit.yml")
            #expect(TestSummary.of(diagnostics) == ["config.invalid-url 2:13"], "\(yaml)")
            #expect(config.site.baseURL == nil)
        }
    }
}
