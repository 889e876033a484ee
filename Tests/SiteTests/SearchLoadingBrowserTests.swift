import BrowserExport
import Foundation
import Site
import SiteModel
import Testing

/// How the search script loads its index files and paints results, in real headless Chromium
/// from `file://`: a small index loads when the page is idle, a larger one's terms when the
/// reader reaches for the box; files that are slow to arrive give placeholders at the deadline,
/// then complete results, and never a paint for a query the reader has typed past. Part of
/// `SiteBrowserTests`, so these run one at a time with its other browsers, not beside them.
extension SiteBrowserTests {
    /// Script tags of the index files in the page, by name (`terms-0`, `sections-3`).
    static let loadedFiles = """
        Array.prototype.map.call(document.querySelectorAll('script[src*="assets/search/"]'), function (s) {
          return s.src.replace(/^.*assets\\/search\\//, '').replace(/\\.js$/, '');
        })
        """

    /// Holds back the index files whose names match `pattern` (as a slow network would) until
    /// `release(pattern)`, and logs every query and state the results box is painted with.
    static let slowFiles = """
        (function () {
          var head = document.head, real = head.appendChild.bind(head), held = [];
          window.holding = /terms-|sections-/;
          head.appendChild = function (node) {
            if (node.src && window.holding && window.holding.test(node.src)) { held.push(node); return node; }
            return real(node);
          };
          window.release = function (pattern) {
            window.holding = new RegExp(window.holding.source.split('|').filter(function (p) { return !pattern.test(p); }).join('|') || '$^');
            held = held.filter(function (node) { if (!pattern.test(node.src)) return true; real(node); return false; });
            return true;
          };
          var popup = document.getElementById('site-search-results');
          window.painted = [];
          new MutationObserver(function () {
            window.painted.push(popup.getAttribute('data-query') + ' ' + popup.getAttribute('data-state'));
          }).observe(popup, { attributes: true, attributeFilter: ['data-state', 'data-query'] });
          return true;
        })()
        """

    /// Puts `text` in the header's box as typing does (an `input` event).
    static func type(_ text: String) -> String {
        "(function () { var i = document.getElementById('site-search-input'); i.value = \(SearchIndexJSON.string(text)); i.dispatchEvent(new Event('input')); return true; })()"
    }

    /// The results box as the reader sees it.
    static let box = """
        (function () {
          var popup = document.getElementById('site-search-results');
          return { query: popup.getAttribute('data-query'), state: popup.getAttribute('data-state'), busy: popup.getAttribute('aria-busy'),
                   hidden: popup.hidden, pending: popup.querySelectorAll('.search-pending[aria-hidden="true"]').length,
                   links: popup.querySelectorAll('.search-results a').length,
                   status: document.getElementById('site-search-status').textContent };
        })()
        """

    func waitFor(_ browser: BrowserPage, _ condition: String, _ what: String) async throws {
        for _ in 0..<100 {
            if try await browser.evaluate(condition) as? Bool == true { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("timed out waiting for \(what)")
    }

    func withSearchKitSite(_ body: (URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit"), site = folder.appendingPathComponent("site")
            try TestSupport.write(SearchKit.files(pages: SearchIndexSizeTests.pages), under: kit)
            #expect(await BuildAction(location: KitLocation(kit: kit), output: site).run().succeeded)
            try await body(site)
        }
    }

    @Test func aSmallIndexLoadsWhenThePageIsIdle() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit"), small = folder.appendingPathComponent("small-site")
            try DocsSiteKit.write(under: kit)
            #expect(await BuildAction(location: KitLocation(kit: kit), output: small).run().succeeded)
            let (chromium, browser) = try await SiteBrowserTests.open()
            defer { Task { await chromium.close() } }
            try await browser.open(small.appendingPathComponent("start/index.html"))
            // Nobody touches the box: the whole small index arrives anyway.
            try await waitFor(browser, "(\(Self.loadedFiles)).sort().join(' ') === 'index sections-0 terms-0'", "the small index to load when idle")
        }
    }

    /// One build of the larger kit (1,100 pages) for both: what loads before the first key, then
    /// files that are slow to arrive.
    @Test func aLargerIndexLoadsItsTermsWhenTheBoxIsReachedForAndSlowFilesGivePlaceholders() async throws {
        try await withSearchKitSite { site in
            let index = try String(contentsOf: site.appendingPathComponent("assets/search/index.js"), encoding: .utf8)
            let termsFiles = (index.components(separatedBy: "\"terms\":[").last?.split(separator: "]").first?.split(separator: ",").count) ?? 0
            try #require(termsFiles >= 2)
            let (chromium, browser) = try await SiteBrowserTests.open()
            defer { Task { await chromium.close() } }
            try await browser.open(site.appendingPathComponent("guide/page-00000.html"))
            try await Task.sleep(nanoseconds: 1_000_000_000)
            #expect(try await browser.evaluate(Self.loadedFiles) as? [String] == ["index"], "a larger index loads before the box is used")
            _ = try await browser.evaluate("document.getElementById('site-search-input').dispatchEvent(new PointerEvent('pointerdown')), true")
            try await waitFor(browser, "(\(Self.loadedFiles)).filter(function (n) { return /^terms-/.test(n); }).length === \(termsFiles)",
                              "every terms file to load after a pointer down on the box")
            let files = try await browser.evaluate(Self.loadedFiles) as? [String] ?? []
            #expect(!files.contains { $0.hasPrefix("sections-") }, "sections files of a larger kit load only for results: \(files)")

            // A fresh page whose index files are slow to arrive.
            try await browser.open(site.appendingPathComponent("guide/page-00001.html"))
            _ = try await browser.evaluate(Self.slowFiles)

            // No terms file yet: at the deadline, placeholders for this text, no links, nothing said.
            _ = try await browser.evaluate(Self.type("retention"))
            try await waitFor(browser, "document.getElementById('site-search-results').getAttribute('data-state') === 'searching'", "the searching state")
            var box = try await browser.evaluate(Self.box) as? [String: Any] ?? [:]
            #expect(box["query"] as? String == "retention" && box["hidden"] as? Bool == false && box["busy"] as? String == "true")
            #expect(box["pending"] as? Int ?? 0 > 0 && box["links"] as? Int == 0 && box["status"] as? String == "", "\(box)")

            // The terms arrive, the sections do not: ranked results, their rows still placeholders.
            _ = try await browser.evaluate("release(/terms-/)")
            try await waitFor(browser, "document.getElementById('site-search-results').getAttribute('data-state') === 'partial'", "the partial state")
            box = try await browser.evaluate(Self.box) as? [String: Any] ?? [:]
            #expect(box["query"] as? String == "retention" && box["busy"] as? String == "true" && box["pending"] as? Int ?? 0 > 0, "\(box)")
            #expect(box["status"] as? String == "", "the live region speaks before the results are complete")

            // Escape closes the list; the files arriving afterwards do not open it again.
            _ = try await browser.evaluate("document.getElementById('site-search-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), true")
            _ = try await browser.evaluate("release(/sections-/)")
            try await Task.sleep(nanoseconds: 500_000_000)
            box = try await browser.evaluate(Self.box) as? [String: Any] ?? [:]
            #expect(box["hidden"] as? Bool == true && box["state"] as? String == "partial", "closed results came back: \(box)")
            _ = try await browser.evaluate("window.holding = /sections-/; true")

            // The reader types on; the first query's files then arrive, and must paint nothing.
            _ = try await browser.evaluate("window.painted = []; true")
            _ = try await browser.evaluate(Self.type("next steps"))
            try await waitFor(browser, "document.getElementById('site-search-results').getAttribute('data-query') === 'next steps'", "the second query's placeholders")
            _ = try await browser.evaluate("release(/sections-/)")
            try await waitFor(browser, "(function (p) { return p.getAttribute('data-query') === 'next steps' && p.getAttribute('data-state') === 'complete'; })(document.getElementById('site-search-results'))",
                              "the second query's complete results")
            try await Task.sleep(nanoseconds: 300_000_000)
            let painted = try await browser.evaluate("window.painted") as? [String] ?? []
            #expect(!painted.isEmpty && painted.allSatisfy { $0.hasPrefix("next steps ") }, "painted after the reader typed on: \(painted)")
            box = try await browser.evaluate(Self.box) as? [String: Any] ?? [:]
            #expect(box["state"] as? String == "complete", "\(box)")
            #expect(box["busy"] == nil || box["busy"] is NSNull, "aria-busy stays on complete results: \(box)")
            #expect(box["pending"] as? Int == 0 && box["links"] as? Int == 2, "\(box)")
            #expect((box["status"] as? String)?.hasPrefix("2 results.") == true, "\(box)")
            // The keyboard still reaches the results.
            let focused = try await browser.evaluate("""
                (function () {
                  document.getElementById('site-search-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
                  return document.activeElement.closest('#site-search-results .search-results') !== null;
                })()
                """) as? Bool
            #expect(focused == true)
        }
    }
}

extension SiteBrowserTests {
    /// Starts of one to four letters of the kit's words as a reader types them (folded): of
    /// every common word and of every fourth other word.
    static var wordStarts: [String] {
        let words = SearchKit.common + SearchKit.domain.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        var starts: [String] = []
        for word in words.map({ $0.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }) {
            for length in 1...min(4, word.count) where length > 1 || word.count == 1 {
                let start = String(word.prefix(length))
                if !starts.contains(start) { starts.append(start) }
            }
        }
        return starts
    }

    /// Runs each of `starts` as a one-word query of the header box's size (eight results) and
    /// gives, per start, its results once complete, or "waiting" when they are painted partial
    /// first (a result's sections file had not come by the deadline).
    static func results(of starts: [String]) -> String {
        """
        (async function (starts) {
          var out = {};
          for (var n = 0; n < starts.length; n++) {
            out[starts[n]] = await new Promise(function (resolve) {
              adoptkitSearch.query(starts[n], 8, function () { return true; }, function (results, state) {
                if (state === "complete") resolve(JSON.stringify(results)); else if (state === "partial") resolve("waiting");
              }, performance.now() + 50);
            });
          }
          return out;
        })(\(SearchIndexJSON.string(starts.joined(separator: " "))).split(" "))
        """
    }

    /// The terms files carry the display data of the best results of short word starts, as the
    /// script ranks them: with every sections file held back, the two-letter starts of the
    /// common words (the first the build carries) show complete results, and every start's
    /// results that show are what the sections files themselves give.
    @Test func shortWordStartsShowTheirResultsWithoutSectionsFiles() async throws {
        try await withSearchKitSite { site in
            let (chromium, browser) = try await SiteBrowserTests.open()
            defer { Task { await chromium.close() } }
            try await browser.open(site.appendingPathComponent("guide/page-00002.html"))
            _ = try await browser.evaluate(Self.slowFiles)
            _ = try await browser.evaluate("release(/terms-/)")
            let starts = Self.wordStarts
            let carried = try await browser.evaluate(Self.results(of: starts)) as? [String: String] ?? [:]
            try #require(carried.count == starts.count)
            let common = SearchKit.common.map { String($0.prefix(2)) }
            #expect(common.filter { carried[$0] == "waiting" }.isEmpty, "common starts that waited: \(common.filter { carried[$0] == "waiting" })")
            let shown = starts.filter { carried[$0] != "waiting" }
            #expect(shown.count > starts.count / 2, "\(shown.count) of \(starts.count) starts showed without sections files")
            #expect(!(try await browser.evaluate(Self.loadedFiles) as? [String] ?? []).contains { $0.hasPrefix("sections-") })

            // The same starts on a fresh page with every sections file here.
            try await browser.open(site.appendingPathComponent("guide/page-00002.html"))
            try await waitFor(browser, "typeof window.adoptkitSearch === 'object'", "the search script")
            let files = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("assets/search").path)
                .filter { $0.hasPrefix("sections-") }.map { String($0.dropLast(3)) }
            try #require(files.count > 4)
            _ = try await browser.evaluate("""
                Promise.all(\(SearchIndexJSON.string(files.joined(separator: " "))).split(" ").map(function (name) {
                  return new Promise(function (resolve) {
                    var tag = document.createElement("script");
                    tag.src = "../assets/search/" + name + ".js"; tag.onload = resolve; document.head.appendChild(tag);
                  });
                })).then(function () { return true; })
                """)
            let fromSections = try await browser.evaluate(Self.results(of: shown)) as? [String: String] ?? [:]
            let differing = shown.filter { carried[$0] != fromSections[$0] }
            #expect(differing.isEmpty, "carried results differ from the sections files' for: \(differing.prefix(3).map { "\($0): \(carried[$0] ?? "") vs \(fromSections[$0] ?? "")" })")
        }
    }
}
