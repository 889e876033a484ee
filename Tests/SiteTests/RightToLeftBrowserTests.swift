import BrowserExport
import Foundation
import Site
import SiteModel
import Testing

/// The Arabic pages of the languages kit in real headless Chromium, from `file://`: the layout
/// mirrors (sidebar on the right, text from the right, callout border on the right, the drawer
/// button in the header's left corner) and nothing overflows a 390 px phone.
@Suite(.serialized, .enabled(if: HeadlessBrowser.find() != nil, "chromium is missing: make test installs it"))
struct RightToLeftBrowserTests {
    func withSite(_ body: (URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            #expect(await BuildAction(location: KitLocation(kit: TestSupport.fixture("languages-kit")), output: site).run().succeeded)
            try await body(site)
        }
    }

    static let layout = """
        (function () {
          var side = document.querySelector('.sidebar').getBoundingClientRect(), main = document.querySelector('main').getBoundingClientRect();
          var p = document.querySelector('article p'), range = document.createRange();
          range.selectNodeContents(p);
          var text = range.getBoundingClientRect(), box = p.getBoundingClientRect();
          var alert = getComputedStyle(document.querySelector('.alert'));
          var cell = getComputedStyle(document.querySelector('article td'));
          var summary = document.querySelector('#site-drawer summary').getBoundingClientRect();
          return { dir: getComputedStyle(document.documentElement).direction,
                   sidebarRight: side.width > 0 ? side.left >= main.right - 1 : null,
                   textFromRight: Math.abs(box.right - text.right) < 2 && text.left - box.left > 1,
                   alertRight: alert.borderRightWidth === '4px' && alert.borderLeftWidth === '0px',
                   cellRight: cell.textAlign === 'start' && cell.direction === 'rtl',
                   drawerLeft: summary.width > 0 ? summary.left < window.innerWidth / 2 : null,
                   overflow: document.documentElement.scrollWidth - window.innerWidth };
        })()
        """

    @Test func arabicPagesMirrorOnDesktopAndFitAPhone() async throws {
        try await withSite { site in
            let browser = try HeadlessBrowser()
            defer { Task { await browser.close() } }
            let page = try await browser.newPage()
            try await page.emulate(width: 1366, height: 900, dark: false)
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

    /// The search script speaks the page's language: its messages come from the string table.
    @Test func frenchSearchSaysItsResultsInFrench() async throws {
        try await withSite { site in
            let browser = try HeadlessBrowser()
            defer { Task { await browser.close() } }
            let page = try await browser.newPage()
            try await page.emulate(width: 1366, height: 900, dark: false)
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
