import Foundation
import Rendering
import Site
import SiteModel
import Testing

/// The docs site in real headless Chromium, opened from `file://` as a reader opens a built
/// site: search, the phone drawer, the table scroll sign, and axe-core's WCAG 2 A/AA rules on
/// every page type in both colour schemes.
@Suite(.serialized, .enabled(if: Browser.executable != nil, "chromium is missing: make test installs it"))
struct SiteBrowserTests {
    static let phone = (width: 390, height: 844), desktop = (width: 1366, height: 900)

    /// Builds `DocsSiteKit` (and the example kit, for axe) into a temporary folder.
    func withSites(_ body: (_ docs: URL, _ example: URL) throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit"), docs = folder.appendingPathComponent("docs-site")
            try DocsSiteKit.write(under: kit)
            #expect(await BuildAction(location: KitLocation(kit: kit), output: docs).run().succeeded)
            let example = folder.appendingPathComponent("example-site")
            #expect(await BuildAction(location: KitLocation(kit: TestSupport.repositoryRoot), output: example).run().succeeded)
            try body(docs, example)
        }
    }

    /// Types `text` into the header's search box and waits for the results it shows.
    func search(_ browser: Browser, _ text: String) throws -> [[String: Any]] {
        let script = """
            new Promise(function (resolve, reject) {
              var input = document.getElementById('site-search-input'), popup = document.getElementById('site-search-results');
              input.focus();
              input.value = \(SearchIndexJSON.string(text));
              input.dispatchEvent(new Event('input'));
              var tries = 0;
              (function wait() {
                if (!popup.hidden) {
                  resolve(Array.prototype.map.call(popup.querySelectorAll('.search-results a'), function (a) {
                    return { href: a.getAttribute('href'), page: a.querySelector('.result-page').textContent,
                             heading: (a.querySelector('.result-heading') || {}).textContent || '' };
                  }));
                } else if (++tries > 200) { reject(new Error('no results shown')); } else { setTimeout(wait, 20); }
              })();
            })
            """
        return try browser.evaluate(script) as? [[String: Any]] ?? []
    }

    @Test func searchFindsHeadingWordsAndWordsTypedWithoutAccents() async throws {
        try await withSites { docs, _ in
            let browser = try Browser()
            try browser.emulate(width: Self.desktop.width, height: Self.desktop.height, dark: false)
            try browser.open(docs.appendingPathComponent("start/index.html"))
            let install = try search(browser, "install")
            #expect(install.first?["heading"] as? String == "Install the app")
            #expect((install.first?["href"] as? String)?.hasSuffix("start/index.html#install-the-app") == true)
            let german = try search(browser, "ubersicht gruppen")
            #expect(german.first?["heading"] as? String == "Übersicht der Gruppen")
            #expect((german.first?["href"] as? String)?.hasSuffix("equipes/index.html#übersicht-der-gruppen") == true
                    || (german.first?["href"] as? String)?.contains("equipes/index.html#") == true)
            let french = try search(browser, "REUNIONS equipe")
            #expect(french.first?["page"] as? String == "Réunions d'équipe")
            // The keyboard reaches the results: the down arrow moves focus to the first one.
            let focused = try browser.evaluate("""
                (function () {
                  document.getElementById('site-search-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
                  return document.activeElement.closest('#site-search-results') !== null;
                })()
                """) as? Bool
            #expect(focused == true)
            let status = try browser.evaluate("document.getElementById('site-search-status').textContent") as? String
            #expect(status?.hasPrefix("1 result") == true || status?.contains("results") == true)
        }
    }

    @Test func phoneDrawerOpensOnTheCurrentPage() async throws {
        try await withSites { _, example in
            let browser = try Browser()
            try browser.emulate(width: Self.phone.width, height: Self.phone.height, dark: false)
            try browser.open(example.appendingPathComponent("move-groups/invite-people.html"))
            #expect(try browser.evaluate("document.getElementById('site-drawer').open") as? Bool == false, "the drawer starts closed on a phone")
            let state = try browser.evaluate("""
                (function () {
                  var drawer = document.getElementById('site-drawer');
                  drawer.querySelector('summary').click();
                  var tree = drawer.querySelector('.nav-tree'), current = drawer.querySelector('[aria-current="page"]');
                  var box = tree.getBoundingClientRect(), mark = current.getBoundingClientRect(), summary = drawer.querySelector('summary').getBoundingClientRect();
                  return { open: drawer.open, visible: mark.top >= box.top && mark.bottom <= box.bottom && mark.height > 0,
                           inHeader: summary.top < document.querySelector('.site-header').getBoundingClientRect().bottom,
                           current: current.textContent };
                })()
                """) as? [String: Any]
            #expect(state?["open"] as? Bool == true)
            #expect(state?["visible"] as? Bool == true, "the current page is not in view: \(state ?? [:])")
            #expect(state?["inHeader"] as? Bool == true, "the drawer button is not in the header")
        }
    }

    @Test func wideTableShowsItsScrollSignOnAPhone() async throws {
        try await withSites { docs, _ in
            let browser = try Browser()
            try browser.emulate(width: Self.phone.width, height: Self.phone.height, dark: false)
            try browser.open(docs.appendingPathComponent("start/tables.html"))
            let table = try browser.evaluate("""
                (function () {
                  var box = document.querySelector('.table-scroll'), style = getComputedStyle(box);
                  var cell = box.querySelector('th:nth-child(2)').getBoundingClientRect().width;
                  return { scrolls: box.scrollWidth > box.clientWidth, page: document.documentElement.scrollWidth <= window.innerWidth,
                           shadow: style.backgroundImage.indexOf('radial-gradient') >= 0, cell: cell };
                })()
                """) as? [String: Any]
            #expect(table?["scrolls"] as? Bool == true, "the table does not scroll inside its box")
            #expect(table?["page"] as? Bool == true, "the page itself scrolls sideways")
            #expect(table?["shadow"] as? Bool == true, "no scroll shadow")
            #expect((table?["cell"] as? Double ?? 0) >= 100, "columns shrink below their minimum width")
            let image = try browser.evaluate("(function () { var i = document.querySelector('article img'); return [i.getAttribute('width'), i.getAttribute('height')]; })()") as? [String]
            #expect(image == ["640", "360"])
        }
    }

    /// Every page type, light and dark, with the phone drawer open too.
    @Test func axeFindsNoWCAGViolationOnAnyPageType() async throws {
        let axe = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Tests/Vendor/axe-core/axe.min.js"), encoding: .utf8)
        try await withSites { docs, example in
            let pages: [(String, URL, Bool)] = [
                ("docs page", example.appendingPathComponent("champions.html"), false),
                ("docs page with a table", docs.appendingPathComponent("start/tables.html"), false),
                ("home", docs.appendingPathComponent("index.html"), false),
                ("example home", example.appendingPathComponent("index.html"), false),
                ("contents", example.appendingPathComponent("contents.html"), false),
                ("posters index", example.appendingPathComponent("posters/index.html"), false),
                ("poster", example.appendingPathComponent("posters/contoso-sales-east/invite-link.html"), false),
                ("poster text", example.appendingPathComponent("posters/contoso-sales-east/invite-link.text.html"), false),
                ("share page", example.appendingPathComponent("posters/contoso-sales-east/share.html"), false),
                ("search results", URL(string: example.appendingPathComponent("search.html").absoluteString + "?q=group")!, false),
                ("phone drawer open", example.appendingPathComponent("move-groups/invite-people.html"), true),
            ]
            var failures: [String] = []
            let browser = try Browser(timeout: 60)
            for dark in [false, true] {
                for (name, url, drawer) in pages {
                    let size = drawer ? Self.phone : Self.desktop
                    try browser.emulate(width: size.width, height: size.height, dark: dark)
                    try browser.open(url)
                    #expect(try browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") as? Bool == dark)
                    if drawer { try browser.evaluate("document.querySelector('#site-drawer summary').click()") }
                    if name == "search results" {
                        try browser.evaluate("new Promise(function (r) { (function w(n) { if (document.querySelector('#search-page-results li') || n > 100) r(); else setTimeout(function () { w(n + 1); }, 20); })(0); })")
                    }
                    try browser.evaluate(axe + "\n;0")
                    let found = try browser.evaluate("""
                        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                          .then(function (r) { return r.violations.map(function (v) {
                            return v.id + ': ' + v.nodes.length + ' node(s), ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');
                          }); })
                        """) as? [String] ?? ["axe gave no result"]
                    failures += found.map { "\(name) (\(dark ? "dark" : "light")): \($0)" }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}

/// A JavaScript string literal for test scripts.
enum SearchIndexJSON {
    static func string(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
