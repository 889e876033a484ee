import BrowserExport
import Foundation
import Rendering
import Site
import SiteModel
import Testing

/// The docs site in real headless Chromium, opened from `file://` as a reader opens a built
/// site: search, the phone drawer, the table scroll sign, and axe-core's WCAG 2 A/AA rules on
/// every page type in both colour schemes.
@Suite(.serialized, .enabled(if: HeadlessBrowser.find() != nil, "chromium is missing: make test installs it"))
struct SiteBrowserTests {
    static let phone = (width: 390, height: 844), desktop = (width: 1366, height: 900)

    /// Chromium with one tab (every command has the browser's 60 s deadline).
    static func open() async throws -> (HeadlessBrowser, BrowserPage) {
        let browser = try HeadlessBrowser()
        return (browser, try await browser.newPage())
    }

    /// Opens `url` in a fresh browser at `size` (light theme) and runs `body` on the page.
    static func withPage(_ url: URL, size: (width: Int, height: Int), _ body: (BrowserPage) async throws -> Void) async throws {
        let (chromium, browser) = try await open()
        defer { Task { await chromium.close() } }
        try await browser.emulate(width: size.width, height: size.height, dark: false)
        try await browser.open(url)
        try await body(browser)
    }

    /// Builds `DocsSiteKit` (and the example kit, for axe) into a temporary folder.
    func withSites(_ body: (_ docs: URL, _ example: URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit"), docs = folder.appendingPathComponent("docs-site")
            try DocsSiteKit.write(under: kit)
            #expect(await BuildAction(location: KitLocation(kit: kit), output: docs).run().succeeded)
            let example = folder.appendingPathComponent("example-site")
            #expect(await BuildAction(location: KitLocation(kit: TestSupport.repositoryRoot), output: example).run().succeeded)
            try await body(docs, example)
        }
    }

    @Test func searchFindsHeadingWordsAndWordsTypedWithoutAccents() async throws {
        try await withSites { docs, _ in
            try await Self.withPage(docs.appendingPathComponent("start/index.html"), size: Self.desktop) { browser in
                let install = try await browser.search("install")
                #expect(install.first?["heading"] as? String == "Install the app")
                #expect((install.first?["href"] as? String)?.hasSuffix("start/index.html#install-the-app") == true)
                let german = try await browser.search("ubersicht gruppen")
                #expect(german.first?["heading"] as? String == "Übersicht der Gruppen")
                #expect((german.first?["href"] as? String)?.hasSuffix("equipes/index.html#übersicht-der-gruppen") == true
                        || (german.first?["href"] as? String)?.contains("equipes/index.html#") == true)
                let french = try await browser.search("REUNIONS equipe")
                #expect(french.first?["page"] as? String == "Réunions d'équipe")
                // The keyboard reaches the results: the down arrow moves focus to the first one.
                let focused = try await browser.evaluate("""
                    (function () {
                      document.getElementById('site-search-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
                      return document.activeElement.closest('#site-search-results') !== null;
                    })()
                    """) as? Bool
                #expect(focused == true)
                let status = try await browser.evaluate("document.getElementById('site-search-status').textContent") as? String
                #expect(status?.hasPrefix("1 result") == true || status?.contains("results") == true)
            }
        }
    }

    /// On a phone the box and its results take the header's width, not what is left beside the
    /// drawer button (they were 166 px of 390 and showed three results).
    @Test func searchResultsTakeThePhonesWidth() async throws {
        try await withSites { docs, _ in
            try await Self.withPage(docs.appendingPathComponent("start/index.html"), size: Self.phone) { browser in
                #expect(try await browser.search("install").first?["heading"] as? String == "Install the app")
                let boxes = try await browser.evaluate("""
                    (function () {
                      var input = document.getElementById('site-search-input').getBoundingClientRect();
                      var popup = document.getElementById('site-search-results').getBoundingClientRect();
                      var button = document.querySelector('#site-drawer summary').getBoundingClientRect();
                      return { input: input.width, left: popup.left, right: popup.right, width: popup.width,
                               overlap: input.top < button.bottom && input.right > button.left };
                    })()
                    """) as? [String: Double] ?? [:]
                #expect(boxes["input"] ?? 0 >= 0.6 * Double(Self.phone.width), "\(boxes)")
                #expect(boxes["width"] ?? 0 >= 0.9 * Double(Self.phone.width) - 32 && boxes["left"] ?? -1 >= 0 && boxes["right"] ?? 999 <= Double(Self.phone.width), "\(boxes)")
                #expect(boxes["overlap"] == 0, "the box runs under the drawer button: \(boxes)")
            }
        }
    }

    /// The index of a kit large enough for several sections and terms files (`SearchKit`):
    /// results link to ids that exist on their pages, whether the script made the id from the
    /// heading or the index carried it, and a word is found in whichever terms file it is.
    @Test func searchLinksToRealHeadingsAcrossIndexFiles() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit"), site = folder.appendingPathComponent("site")
            try TestSupport.write(SearchKit.files(pages: SearchIndexSizeTests.pages), under: kit)
            #expect(await BuildAction(location: KitLocation(kit: kit), output: site).run().succeeded)
            let (chromium, browser) = try await Self.open()
            defer { Task { await chromium.close() } }
            try await browser.open(site.appendingPathComponent("guide/page-00000.html"))
            func relative(_ href: String) -> String { href.components(separatedBy: "/site/").last ?? href }
            func expectTargetsExist(_ results: [[String: Any]], _ query: String) throws {
                #expect(!results.isEmpty, "no results for \(query)")
                for href in results.compactMap({ $0["href"] as? String }) {
                    let parts = relative(href).split(separator: "#", maxSplits: 1).map(String.init)
                    let page = try String(contentsOf: site.appendingPathComponent(parts[0]), encoding: .utf8)
                    if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(query): \(href) has no such id") }
                }
            }
            let next = try await browser.search("next steps")
            #expect(Set(next.compactMap { ($0["href"] as? String).map(relative) }) == ["guide/page-00003.html#next-steps", "guide/page-00003.html#next-steps-1"])
            try expectTargetsExist(next, "next steps")
            for query in ["set up then restart", "ubersicht großen", "retention", "site10"] {
                try expectTargetsExist(try await browser.search(query), query)
            }
            // The first term of the second terms file, and the last of the first.
            let index = try String(contentsOf: site.appendingPathComponent("assets/search/index.js"), encoding: .utf8)
            let firsts = index.components(separatedBy: "\"terms\":[").last?.split(separator: "]").first?.split(separator: ",").map { $0.trimmingCharacters(in: ["\""]) } ?? []
            try #require(firsts.count == 2)
            let first = try String(contentsOf: site.appendingPathComponent("assets/search/terms-0.js"), encoding: .utf8)
            let last = first.split(separator: " ").last.map { String($0.prefix { !("A"..."Z").contains($0) }) } ?? ""
            for term in [firsts[1], last] {
                try expectTargetsExist(try await browser.search(term), term)
            }
        }
    }

    @Test func phoneDrawerOpensOnTheCurrentPage() async throws {
        try await withSites { _, example in
            try await Self.withPage(example.appendingPathComponent("move-groups/invite-people.html"), size: Self.phone) { browser in
                #expect(try await browser.evaluate("document.getElementById('site-drawer').open") as? Bool == false, "the drawer starts closed on a phone")
                let state = try await browser.evaluate("""
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
    }

    /// Without JavaScript the drawer is a plain `<details>`: a tap on "Contents" opens it, below the
    /// header (it used to cover the header's lower half, where the search box is).
    @Test func phoneDrawerOpensBelowTheHeaderWithoutJavaScript() async throws {
        try await withSites { _, example in
            let (chromium, browser) = try await Self.open()
            defer { Task { await chromium.close() } }
            _ = try await browser.send("Emulation.setScriptExecutionDisabled", ["value": true])
            try await browser.emulate(width: Self.phone.width, height: Self.phone.height, dark: false)
            try await browser.open(example.appendingPathComponent("move-groups/invite-people.html"))
            let button = try await browser.evaluate("(function () { var r = document.querySelector('#site-drawer summary').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()") as? [Double] ?? []
            try #require(button.count == 2)
            for kind in ["mousePressed", "mouseReleased"] {
                _ = try await browser.send("Input.dispatchMouseEvent", ["type": kind, "x": button[0], "y": button[1], "button": "left", "clickCount": 1])
            }
            let state = try await browser.evaluate("""
                (function () {
                  var drawer = document.getElementById('site-drawer'), tree = drawer.querySelector('.nav-tree').getBoundingClientRect();
                  var current = drawer.querySelector('[aria-current="page"]').getBoundingClientRect();
                  return { open: drawer.open, top: tree.top, header: document.querySelector('.site-header').getBoundingClientRect().bottom,
                           current: current.top >= tree.top && current.bottom <= tree.bottom };
                })()
                """) as? [String: Any] ?? [:]
            #expect(state["open"] as? Bool == true, "\(state)")
            #expect(abs((state["top"] as? Double ?? 0) - (state["header"] as? Double ?? -99)) < 2, "the open drawer does not start at the header's bottom: \(state)")
            #expect(state["current"] as? Bool == true, "\(state)")
        }
    }

    @Test func wideTableShowsItsScrollSignOnAPhone() async throws {
        try await withSites { docs, _ in
            try await Self.withPage(docs.appendingPathComponent("start/tables.html"), size: Self.phone) { browser in
                let table = try await browser.evaluate("""
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
                let image = try await browser.evaluate("(function () { var i = document.querySelector('article img'); return [i.getAttribute('width'), i.getAttribute('height')]; })()") as? [String]
                #expect(image == ["640", "360"])
            }
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
            let (chromium, browser) = try await Self.open()
            defer { Task { await chromium.close() } }
            for dark in [false, true] {
                for (name, url, drawer) in pages {
                    let size = drawer ? Self.phone : Self.desktop
                    try await browser.emulate(width: size.width, height: size.height, dark: dark)
                    try await browser.open(url)
                    #expect(try await browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") as? Bool == dark)
                    if drawer { try await browser.evaluate("document.querySelector('#site-drawer summary').click()") }
                    if name == "search results" {
                        try await browser.evaluate("new Promise(function (r) { (function w(n) { if (document.querySelector('#search-page-results[data-state=complete] li') || n > 100) r(); else setTimeout(function () { w(n + 1); }, 20); })(0); })")
                    }
                    try await browser.evaluate(axe + "\n;0")
                    let found = try await browser.evaluate("""
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

extension BrowserPage {
    /// Types `text` into the header's search box and waits for the results it shows, in any
    /// language: the "all results" link under them names the query.
    func search(_ text: String) async throws -> [[String: Any]] {
        let script = """
            new Promise(function (resolve, reject) {
              var input = document.getElementById('site-search-input'), popup = document.getElementById('site-search-results');
              input.focus();
              input.value = \(SearchIndexJSON.string(text));
              input.dispatchEvent(new Event('input'));
              var tries = 0, typed = '?q=' + encodeURIComponent(input.value);
              (function wait() {
                // The complete list for this text, not the one still showing for the last.
                var more = popup.querySelector('.search-more'), href = more ? more.getAttribute('href') : '';
                if (!popup.hidden && popup.getAttribute('data-state') === 'complete' && more && href.slice(-typed.length) === typed) {
                  resolve(Array.prototype.map.call(popup.querySelectorAll('.search-results a'), function (a) {
                    return { href: a.getAttribute('href'), page: a.querySelector('.result-page').textContent,
                             heading: (a.querySelector('.result-heading') || {}).textContent || '' };
                  }));
                } else if (++tries > 200) { reject(new Error('no results shown')); } else { setTimeout(wait, 20); }
              })();
            })
            """
        return try await evaluate(script) as? [[String: Any]] ?? []
    }

    /// A viewport of `width`×`height` CSS pixels (a phone below 600), in the light or dark scheme.
    func emulate(width: Int, height: Int, dark: Bool) async throws {
        _ = try await send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
        _ = try await send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
    }

    /// Opens `url` and waits until that document has loaded (at most 30 s).
    func open(_ url: URL) async throws {
        _ = try await send("Page.navigate", ["url": url.absoluteString])
        let target = SearchIndexJSON.string(url.absoluteString)
        for _ in 0..<300 {
            if try await evaluate("location.href === \(target) && document.readyState === 'complete'") as? Bool == true { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw HeadlessBrowser.Failure.timeout("loading \(url.lastPathComponent)", 30)
    }
}

/// A JavaScript string literal for test scripts.
enum SearchIndexJSON {
    static func string(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
