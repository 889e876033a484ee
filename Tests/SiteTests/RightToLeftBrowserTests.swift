import BrowserExport
import Foundation
import Site
import SiteModel
import Testing

/// The languages kit in real headless Chromium, from `file://`. Arabic pages mirror (sidebar on
/// the right, text from the right, callout border on the right, the drawer button in the
/// header's left corner, clear of the title; a wide table's scroll sign on the side the rest of
/// it is) and nothing overflows a 390 px phone. Each language searches its own index.
@Suite(.serialized, .enabled(if: HeadlessBrowser.find() != nil, "chromium is missing: make test installs it"))
struct RightToLeftBrowserTests {
    /// The kit built into a temporary folder, and a Chromium tab of `width` × `height` in the
    /// light scheme.
    func withPage(width: Int, height: Int, _ body: (URL, BrowserPage) async throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            #expect(await BuildAction(location: KitLocation(kit: TestSupport.fixture("languages-kit")), output: site).run().succeeded)
            let browser = try HeadlessBrowser()
            defer { Task { await browser.close() } }
            let page = try await browser.newPage()
            try await page.emulate(width: width, height: height, dark: false)
            try await body(site, page)
        }
    }

    static let layout = """
        (function () {
          var side = document.querySelector('.sidebar').getBoundingClientRect(), main = document.querySelector('main').getBoundingClientRect();
          var p = document.querySelector('article p'), range = document.createRange();
          range.selectNodeContents(p);
          var text = range.getBoundingClientRect(), box = p.getBoundingClientRect();
          var alert = document.querySelector('.alert'), cell = document.querySelector('article td');
          alert = alert && getComputedStyle(alert); cell = cell && getComputedStyle(cell);
          var summary = document.querySelector('#site-drawer summary').getBoundingClientRect();
          var title = document.querySelector('.site-title').getBoundingClientRect();
          return { dir: getComputedStyle(document.documentElement).direction,
                   sidebarRight: side.width > 0 ? side.left >= main.right - 1 : null,
                   textFromRight: Math.abs(box.right - text.right) < 2 && text.left - box.left > 1,
                   alertRight: alert ? alert.borderRightWidth === '4px' && alert.borderLeftWidth === '0px' : null,
                   cellRight: cell ? cell.textAlign === 'start' && cell.direction === 'rtl' : null,
                   drawerLeft: summary.width > 0 ? summary.left < window.innerWidth / 2 : null,
                   titleClear: summary.width === 0 || title.right <= summary.left || title.left >= summary.right || title.top >= summary.bottom,
                   searchWidth: document.querySelector('.search-input').getBoundingClientRect().width,
                   overflow: document.documentElement.scrollWidth - window.innerWidth };
        })()
        """

    @Test func arabicPagesMirrorOnDesktopAndFitAPhone() async throws {
        try await withPage(width: 1366, height: 900) { site, page in
            try await page.open(site.appendingPathComponent("ar/index.html"))
            let desktop = try await page.evaluate(Self.layout) as? [String: Any]
            #expect(desktop?["dir"] as? String == "rtl")
            #expect(desktop?["sidebarRight"] as? Bool == true, "the sidebar is not on the right: \(desktop ?? [:])")
            #expect(desktop?["textFromRight"] as? Bool == true, "text does not start at the right: \(desktop ?? [:])")
            #expect(desktop?["alertRight"] as? Bool == true, "the callout's border is not on the right")
            #expect(desktop?["cellRight"] as? Bool == true)
            #expect((desktop?["overflow"] as? Double ?? 1) <= 0)

            try await page.emulate(width: 390, height: 844, dark: false)
            try await page.open(site.appendingPathComponent("ar/index.html"))
            let phone = try await page.evaluate(Self.layout) as? [String: Any]
            #expect(phone?["drawerLeft"] as? Bool == true, "the drawer button is not in the header's left corner: \(phone ?? [:])")
            #expect((phone?["overflow"] as? Double ?? 1) <= 0, "the page scrolls sideways on a phone: \(phone ?? [:])")
            #expect(phone?["textFromRight"] as? Bool == true)
            // The header keeps clear of the drawer button, and the language switch leaves the
            // search box room (it wraps onto a line of its own), in either direction.
            #expect(phone?["titleClear"] as? Bool == true, "the site title runs under the drawer button: \(phone ?? [:])")
            #expect((phone?["searchWidth"] as? Double ?? 0) >= 150, "the search box is squeezed: \(phone ?? [:])")
            try await page.open(site.appendingPathComponent("index.html"))
            let english = try await page.evaluate(Self.layout) as? [String: Any]
            #expect(english?["titleClear"] as? Bool == true && (english?["searchWidth"] as? Double ?? 0) >= 150, "\(english ?? [:])")

            // The Arabic poster and share page mirror too, and fit the phone.
            for path in ["ar/posters/contoso-sales/invite-link.html", "ar/posters/contoso-sales/share.html"] {
                try await page.open(site.appendingPathComponent(path))
                let state = try await page.evaluate("""
                    ({ dir: getComputedStyle(document.documentElement).direction,
                       overflow: document.documentElement.scrollWidth - window.innerWidth })
                    """) as? [String: Any]
                #expect(state?["dir"] as? String == "rtl", "\(path)")
                #expect((state?["overflow"] as? Double ?? 1) <= 0, "\(path) scrolls sideways on a phone: \(state ?? [:])")
            }
        }
    }

    /// A table wider than a phone scrolls inside its box. In Arabic it starts at its right edge
    /// (Chromium's `scrollLeft` is 0 there and negative towards the left), so the shadow that
    /// says there is more shows on the left only; scrolled half way, on both sides; scrolled to
    /// the end, on the right only. The shadow is read from the pixels of a screenshot.
    @Test func arabicTableShowsItsScrollSignWhereTheRestIs() async throws {
        try await withPage(width: 390, height: 844) { site, page in
            try await page.open(site.appendingPathComponent("ar/index.html"))
            let box = try await page.evaluate("""
                (function () {
                  var box = document.querySelector('article .table-scroll');
                  return { scrolls: box.scrollWidth - box.clientWidth, start: box.scrollLeft, direction: getComputedStyle(box).direction,
                           inView: box.getBoundingClientRect().bottom <= innerHeight && scrollY === 0 };
                })()
                """) as? [String: Any]
            let overflow = try #require(box?["scrolls"] as? Double)
            #expect(overflow > 50, "the table does not scroll at 390 px: \(box ?? [:])")
            #expect(box?["direction"] as? String == "rtl" && box?["start"] as? Double == 0)
            try #require(box?["inView"] as? Bool == true, "the table is not in the first screen: \(box ?? [:])")

            func shadows(scrolledTo offset: Double) async throws -> (left: Double, right: Double) {
                try await page.evaluate("""
                    new Promise(function (resolve) {
                      document.querySelector('article .table-scroll').scrollLeft = \(offset);
                      requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(true); }); });
                    })
                    """)
                let shot = try await page.send("Page.captureScreenshot", ["format": "png", "clip": ["x": 0, "y": 0, "width": 390, "height": 844, "scale": 1]])
                let png = try #require(shot.result["data"] as? String)
                // How much darker than the page the 4 px just inside each edge of the box are,
                // over the body rows (the header cells have a background of their own).
                let found = try await page.evaluate("""
                    new Promise(function (resolve, reject) {
                      var box = document.querySelector('article .table-scroll'), rect = box.getBoundingClientRect();
                      var rows = box.querySelector('tbody').getBoundingClientRect(), top = Math.ceil(rows.top), bottom = Math.floor(Math.min(rows.bottom, rect.bottom)) - 8;
                      var image = new Image();
                      image.onerror = function () { reject(new Error('screenshot did not load')); };
                      image.onload = function () {
                        var canvas = document.createElement('canvas');
                        canvas.width = image.width; canvas.height = image.height;
                        var context = canvas.getContext('2d');
                        context.drawImage(image, 0, 0);
                        function darkness(x) {
                          var pixels = context.getImageData(Math.round(x), top, 4, bottom - top).data, sum = 0;
                          for (var at = 0; at < pixels.length; at += 4) sum += 255 - (pixels[at] + pixels[at + 1] + pixels[at + 2]) / 3;
                          return sum / (pixels.length / 4);
                        }
                        resolve({ left: darkness(rect.left + 2), right: darkness(rect.right - 6), scrollLeft: box.scrollLeft });
                      };
                      image.src = 'data:image/png;base64,\(png)';
                    })
                    """) as? [String: Any]
                return (try #require(found?["left"] as? Double), try #require(found?["right"] as? Double))
            }
            let start = try await shadows(scrolledTo: 0)
            #expect(start.left > 8 && start.right < 3, "at the start the sign is not on the left alone: \(start)")
            let middle = try await shadows(scrolledTo: -overflow / 2)
            #expect(middle.left > 8 && middle.right > 8, "half way the sign is not on both sides: \(middle)")
            let end = try await shadows(scrolledTo: -overflow)
            #expect(end.left < 3 && end.right > 8, "at the end the sign is not on the right alone: \(end)")
        }
    }

    /// Each language's pages search that language's index: a word only the French home page
    /// has is found from the French site (from a page two folders deep too) and not from the
    /// English or Arabic one, typed without its accent, and a page the French site shows in
    /// English is found under its French address.
    @Test func eachLanguageSearchesItsOwnPages() async throws {
        try await withPage(width: 1366, height: 900) { site, page in
            func hrefs(_ results: [[String: Any]]) -> [String] {
                results.compactMap { ($0["href"] as? String)?.components(separatedBy: "/site/").last }
            }
            try await page.open(site.appendingPathComponent("fr/guide/create.html"))
            #expect(hrefs(try await page.search("refectoire")) == ["fr/index.html"])
            #expect(hrefs(try await page.search("share link")) == ["fr/guide/invite.html"], "the stand-in, in the French site")
            try await page.open(site.appendingPathComponent("fr/index.html"))
            #expect(hrefs(try await page.search("réfectoire")) == ["fr/index.html"])
            for path in ["index.html", "guide/create.html", "ar/index.html"] {
                try await page.open(site.appendingPathComponent(path))
                #expect(try await page.search("refectoire").isEmpty, "\(path) finds a French page")
            }
            try await page.open(site.appendingPathComponent("guide/create.html"))
            #expect(hrefs(try await page.search("share link")) == ["guide/invite.html"])
            // The search page of a language searches its index too.
            try await page.open(URL(string: site.appendingPathComponent("fr/search.html").absoluteString + "?q=refectoire")!)
            let listed = try await page.evaluate("""
                new Promise(function (resolve) { (function wait(n) {
                  var links = document.querySelectorAll('#search-page-results a');
                  if (links.length || n > 200) resolve(Array.prototype.map.call(links, function (a) { return a.getAttribute('href'); }));
                  else setTimeout(function () { wait(n + 1); }, 20);
                })(0); })
                """) as? [String] ?? []
            #expect(listed.map { $0.components(separatedBy: "/site/").last ?? $0 } == ["fr/index.html"])
        }
    }

    /// The search script speaks the page's language: its messages come from the string table.
    @Test func frenchSearchSaysItsResultsInFrench() async throws {
        try await withPage(width: 1366, height: 900) { site, page in
            try await page.open(site.appendingPathComponent("fr/index.html"))
            let said = try await page.evaluate("""
                new Promise(function (resolve, reject) {
                  var input = document.getElementById('site-search-input'), status = document.getElementById('site-search-status');
                  input.focus();
                  input.value = 'groupe';
                  input.dispatchEvent(new Event('input'));
                  var tries = 0;
                  (function wait() {
                    var more = document.querySelector('#site-search-results .search-more');
                    if (status.textContent && more) { resolve({ status: status.textContent, more: more.textContent }); }
                    else if (++tries > 200) { reject(new Error('no results shown')); } else { setTimeout(wait, 20); }
                  })();
                })
                """) as? [String: Any]
            let status = said?["status"] as? String ?? "", more = said?["more"] as? String ?? ""
            #expect(status.contains("résultat") && !status.contains("result."), "\(status)")
            #expect(more.hasPrefix("Tous les résultats pour « groupe »") || more.hasPrefix("Aucun résultat pour « groupe »"), "\(more)")
        }
    }
}
