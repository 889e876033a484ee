import BrowserExport
import Diagnostics
import Foundation
import KitConfig
import Rendering
import Site
import SiteModel
import SiteProducers
import Testing

/// Posters as printed by headless Chromium and read by real decoders: exported files, the fit
/// of hostile lengths, wording on paper, the code from 2 m.
@Suite(.serialized) struct PosterPrintTests {
    /// A kit of hostile lengths: 80-character names, 300-character links, long support text, a
    /// right-to-left name, several admins.
    static func hostileKit(paper: String) -> [String: String] {
        let long80 = String(repeating: "Operations and Shared Services ", count: 3).prefix(80).trimmingCharacters(in: .whitespaces)
        let link300 = "https://kaiza.la/g/" + String(repeating: "shared-services-", count: 18).prefix(281)
        let rtl = String(String(repeating: "فريق المبيعات والخدمات المشتركة ", count: 3).prefix(80)).trimmingCharacters(in: .whitespaces)
        return [
            "adoptkit.yml": """
                site:
                  title: "\(long80)"
                  paper: \(paper)
                organization:
                  name: "Fabrikam \(long80.prefix(71))"
                  color: "#FFB900"
                app:
                  name: Kaizala
                  download_url: "\("https://aka.ms/" + String(repeating: "kaizala-download-", count: 18).prefix(285))"
                sign_in:
                  url: https://login.microsoftonline.com/
                  account: "your \(long80.prefix(60)) Office 365 email ID"
                  opens: web
                support:
                  contact: "\(String(repeating: "The IT help desk on the second floor, extension 4357, weekdays 8 to 18; ", count: 3).prefix(200))"
                groups:
                  - name: "\(long80)"
                    invite_link: "\(link300)"
                    admins: ["\(long80.prefix(40))", "Second Admin With A Long Name", "Third Admin", "Fourth Admin", "Fifth Admin"]
                  - name: "\(rtl)"
                    invite_link: https://kaiza.la/g/rtl
                    admins: [أحمد, سارة, "Dana Levi"]
                """,
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ]
    }

    /// Measures a loaded poster in print media: the sheet, every element's and text run's box
    /// that lies outside it, the printed text, whether the bar shows, and the content's height.
    static let measure = """
        (() => {
          const sheet = document.querySelector('.sheet');
          const s = sheet.getBoundingClientRect();
          const outside = [];
          const out = r => r.width > 0 && r.height > 0 && (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5);
          for (const el of sheet.querySelectorAll('*')) {
            if (out(el.getBoundingClientRect())) outside.push(el.tagName + '.' + el.className);
          }
          const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const range = document.createRange(); range.selectNodeContents(walker.currentNode);
            for (const r of range.getClientRects()) if (out(r)) { outside.push('text: ' + walker.currentNode.textContent.slice(0, 40)); break; }
          }
          const kids = Array.from(sheet.children).filter(k => getComputedStyle(k).display !== 'none');
          const gap = parseFloat(getComputedStyle(sheet).rowGap);
          const content = kids.reduce((sum, k) => sum + k.getBoundingClientRect().height, 0) + gap * (kids.length - 1);
          const bar = document.querySelector('.poster-bar');
          const svg = sheet.querySelector('svg.qr');
          let code = 0;
          if (svg) { const m = parseInt(getComputedStyle(svg).getPropertyValue('--qr-modules')); code = svg.getBoundingClientRect().width * m / (m + 8); }
          return JSON.stringify({ sheet: [s.left, s.top, s.width, s.height], outside, text: sheet.innerText,
            barShown: bar ? getComputedStyle(bar).display !== 'none' : false, content, code });
        })()
        """

    struct Measured: Decodable {
        let sheet: [Double]
        let outside: [String]
        let text: String
        let barShown: Bool
        let content: Double
        let code: Double
    }

    static func measure(_ html: String, on page: BrowserPage, paper: KitConfig.Paper, print: Bool = true) async throws -> Measured {
        let (width, height) = paper == .a4 ? (794, 1123) : (816, 1056)
        try await page.viewport(width: width, height: height, pixelWidth: width)
        try await page.emulate(print: print)
        try await page.load(html: html)
        let json = try #require(try await page.evaluate(measure) as? String)
        return try JSONDecoder().decode(Measured.self, from: Data(json.utf8))
    }

    static let pixelsPerMillimetre = 96 / 25.4

    /// The build renders each poster at the sizes the sheet check chose, without measuring
    /// again: the same bytes as measuring, and the long names really are set smaller.
    @Test func theBuildReusesTheSizesTheCheckChose() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            try TestSupport.write(Self.hostileKit(paper: "a4"), under: folder)
            let kit = await KitLoader.load(KitLocation(kit: folder))
            #expect(kit.findings.posterSizes.count == kit.posterInstances.count)
            #expect(kit.findings.posterSizes.contains { $0.headlineStep > 0 })
            let context = RenderContext(kit: kit)
            for index in kit.posterInstances.indices {
                #expect(PosterPages.html(at: index, context: context) == PosterPages.fitted(kit.posterInstances[index], context: context).html)
            }
        }
    }

    /// The check measures each poster with its codes drawn as outlines: the same fit, codes
    /// and tallest parts as measuring the poster as printed, dense codes and long names included.
    @Test func outlinesMeasureAsTheCodesThemselves() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            try TestSupport.write(Self.hostileKit(paper: "letter"), under: folder)
            let kit = await KitLoader.load(KitLocation(kit: folder))
            let context = RenderContext(kit: kit)
            var codes = 0, outlinedModules = 0, printedModules = 0
            for instance in kit.posterInstances {
                let printed = kit.templates.render(instance.poster.htmlTemplate, context.posterData(instance.poster, group: instance.group))
                let outlined = kit.templates.render(instance.poster.htmlTemplate, context.posterData(instance.poster, group: instance.group, codes: .outlines))
                // The same codes; a group's without its modules (the shared sign-in code is
                // encoded once per language and stays whole).
                #expect(outlined.components(separatedBy: "class=\"qr\"").count == printed.components(separatedBy: "class=\"qr\"").count)
                let modules = "<path fill=\"#000\" d=\""
                #expect(outlined.components(separatedBy: modules).count <= printed.components(separatedBy: modules).count)
                outlinedModules += outlined.components(separatedBy: modules).count - 1
                printedModules += printed.components(separatedBy: modules).count - 1
                let fit = PosterPages.measured(instance, context: context)
                #expect(fit == PosterFit.choose(html: printed, paper: .letter), "\(instance.poster.name) for \(instance.group?.name ?? "everyone")")
                codes += fit.codes.count
            }
            #expect(codes > kit.posterInstances.count / 2)
            #expect(outlinedModules < printedModules)
        }
    }

    /// The hostile kit on A4 and Letter: every poster fits its sheet in the browser, and the
    /// estimate that chose its type sizes is never smaller than what the browser laid out.
    @Test(.enabled(if: PrintTools.available, .init(rawValue: PrintTools.missing)), arguments: ["a4", "letter"])
    func hostileLengthsFitEverySheet(_ paper: String) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            try TestSupport.write(Self.hostileKit(paper: paper), under: folder)
            let kit = await KitLoader.load(KitLocation(kit: folder))
            // The 300-character links cannot make codes that scan from 2 m: errors at their lines.
            let dense = kit.diagnostics.filter { $0.id == .posterQRTooDense }.map { "\($0.location?.line ?? 0)" }
            #expect(dense == ["18"], "\(kit.diagnostics)")
            #expect(!kit.diagnostics.contains { $0.id == .posterOverflow }, "\(kit.diagnostics.filter { $0.id == .posterOverflow })")
            // Yellow text would read at 1.7:1: a warning with both ratios at the colour's line.
            let contrast = try #require(kit.diagnostics.first { $0.id == .configColorContrast })
            let shade = BrandColor(hex: "#FFB900")!.readable(on: .white, minimum: BrandColor.largeTextContrast)
            #expect(shade.contrast(with: .white) >= 3 && shade.hex != "#FFB900")
            #expect(contrast.location?.line == 6 && contrast.message.contains("1.7:1")
                    && contrast.message.contains("\(shade.hex) (\(String(format: "%.1f", shade.contrast(with: .white))):1)"), "\(contrast)")
            // Rendered as the build would (the errors above stop a real build; the sheets must fit anyway).
            let context = RenderContext(kit: kit)
            let browser = try HeadlessBrowser()
            let page = try await browser.newPage()
            let paperSize = KitConfig.Paper(rawValue: paper)!
            for instance in kit.posterInstances {
                let (html, fit) = PosterPages.fitted(instance, context: context)
                let name = "\(instance.poster.name) for \(instance.group?.name ?? "everyone") on \(paper)"
                let printed = try await Self.measure(html, on: page, paper: paperSize)
                #expect(printed.outside.isEmpty, "\(name): outside the sheet: \(printed.outside)")
                let sheetMillimetres = printed.sheet[3] / Self.pixelsPerMillimetre
                #expect(abs(sheetMillimetres - (paper == "a4" ? 297 : 279.4)) < 0.5, "\(name): sheet is \(sheetMillimetres) mm")
                // The estimate errs on the large side, but not wildly: it is what decides the sizes.
                let laidOut = printed.content / Self.pixelsPerMillimetre
                #expect(fit.height >= laidOut - 1, "\(name): estimated \(fit.height) mm, the browser laid out \(laidOut) mm")
                #expect(fit.height <= laidOut * 1.4 + 10, "\(name): estimated \(fit.height) mm, the browser laid out \(laidOut) mm")
                #expect(!printed.text.lowercased().contains("tap"), "\(name) says tap on paper")
                #expect(!printed.barShown, "\(name): the screen bar prints")
                if (instance.group?.name.count ?? 0) >= 80 { #expect(fit.headlineStep > 0, "\(name): the long name kept the largest headline") }
                // One sheet, in the browser's own print.
                try await page.defaultViewport()
                let pdf = folder.appendingPathComponent("poster.pdf")
                try await page.pdf().write(to: pdf)
                let info = try await PrintTools.pdfInfo(pdf)
                #expect(info.pages == 1, "\(name): \(info.pages) pages")
                #expect(info.size.contains(paper == "a4" ? "(A4)" : "(letter)"), "\(name): \(info.size)")
            }
            await page.close()
            await browser.close()
        }
    }

    /// Content that fits at no size is a warning at the group's line (an error under
    /// `--strict`), and the browser agrees that the sheet overflows.
    @Test(.enabled(if: PrintTools.available, .init(rawValue: PrintTools.missing)))
    func overflowIsReportedAtTheGroupsLine() async throws {
        let admins = (1...40).map { "\"Administrator number \($0) of the regional operations team\"" }.joined(separator: ", ")
        let files = [
            "adoptkit.yml": "organization:\n  name: Contoso\ngroups:\n  - name: Fine\n    invite_link: https://kaiza.la/g/fine\n"
                + "  - name: Crowded\n    invite_link: https://kaiza.la/g/crowded\n    admins: [\(admins)]\n    posters: [invite-link]\n",
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n",
        ]
        try await TestSupport.withTemporaryFolder { folder in
            try TestSupport.write(files, under: folder)
            let kit = await KitLoader.load(KitLocation(kit: folder))
            let overflow = kit.diagnostics.filter { $0.id == .posterOverflow }
            #expect(overflow.count == 1)
            #expect(overflow.first?.severity == .warning && overflow.first?.location?.line == 6, "\(overflow)")
            #expect(overflow.first?.message.contains("poster 'invite-link' for 'Crowded' does not fit on one A4 sheet") == true)
            let strict = await TestSupport.render(KitLocation(kit: folder), strict: true)
            #expect(strict.tree == nil && strict.diagnostics.contains { $0.id == .posterOverflow && $0.severity == .error })
            let browser = try HeadlessBrowser()
            let page = try await browser.newPage()
            let context = RenderContext(kit: kit)
            let crowded = try #require(kit.posterInstances.first { $0.group?.name == "Crowded" })
            let printed = try await Self.measure(PosterPages.html(crowded, context: context), on: page, paper: .a4)
            #expect(!printed.outside.isEmpty, "the browser fits what the estimate called too tall")
            await browser.close()
        }
    }

    /// `build --export pdf,png` on the example kit, A4 and Letter: one sheet per PDF of the right
    /// size, 1080-pixel PNGs, one combined PDF, all in the manifest and linked from the share
    /// pages; every code decodes from the PNG, from a 150 dpi render of the PDF and from a
    /// render at the resolution a phone camera has at 2 m. Two builds give the same bytes.
    @Test(.enabled(if: PrintTools.available, .init(rawValue: PrintTools.missing)), arguments: [KitConfig.Paper.a4, .letter])
    func exportedPostersPrintAndScan(_ paper: KitConfig.Paper) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let root = TestSupport.repositoryRoot
            let config = folder.appendingPathComponent("adoptkit.yml")
            try String(contentsOf: root.appendingPathComponent("adoptkit.yml"), encoding: .utf8)
                .replacingOccurrences(of: "  paper: a4", with: "  paper: \(paper.rawValue)").write(to: config, atomically: true, encoding: .utf8)
            let location = KitLocation(kit: root, config: config)
            let site = folder.appendingPathComponent("site")
            let result = await BuildAction(location: location, output: site, posterExport: [.pdf, .png]).run()
            #expect(result.succeeded, "\(result.diagnostics)")
            let plan = try #require(result.plan)
            let (kitConfig, _) = KitConfig.decode(try String(contentsOf: config, encoding: .utf8), path: "adoptkit.yml")
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("manifest.json"))) as? [String: [[String: String]]])
            let exported = (manifest["outputs"] ?? []).filter { $0["kind"] == "poster" && ["pdf", "png"].contains($0["format"]) }
            let posterCount = plan.outputs.filter { $0.kind == .poster && $0.format == "html" && !$0.path.hasSuffix(".text.html") }.count
            #expect(exported.count == 2 * posterCount + 1, "a PDF and a PNG per poster, and the print shop's PDF")
            for entry in exported {
                let path = try #require(entry["path"])
                let file = site.appendingPathComponent(path)
                let link: String? = entry["group"].flatMap { name in kitConfig.groups.first { $0.name == name } }.map { group in
                    entry["poster"] == "invite-link" ? group.inviteLink : nil
                } ?? (entry["poster"] == "office365-sign-in" ? kitConfig.app.downloadURL : nil)
                if entry["format"] == "png" {
                    #expect(PrintTools.pngSize(try Data(contentsOf: file)).0 == 1080, "\(path)")
                    if let link { #expect(try await PrintTools.decode(file) == link, "\(path)") }
                    continue
                }
                let info = try await PrintTools.pdfInfo(file)
                #expect(info.size.contains(paper == .a4 ? "(A4)" : "(letter)"), "\(path): \(info.size)")
                if path == OutputPaths.allPostersPDF {
                    #expect(info.pages == posterCount, "\(path): \(info.pages) pages for \(posterCount) posters")
                    continue
                }
                #expect(info.pages == 1, "\(path): \(info.pages) pages")
                let bytes = try Data(contentsOf: file)
                #expect(bytes.range(of: Data("/CreationDate".utf8)) == nil && bytes.range(of: Data("/ModDate".utf8)) == nil, "\(path) keeps its dates")
                guard let link else { continue }
                #expect(try await PrintTools.decode(PrintTools.render(file, dpi: 150, to: folder.appendingPathComponent("render"))) == link, "\(path) at 150 dpi")
                // From 2 m, a phone camera's 1,920-pixel preview over a 65° field sees 0.753
                // pixels per printed mm (QRScanModel): 19.1 dpi. Poppler's anti-aliased render at
                // that resolution averages each pixel's area as a sensor does.
                let twoMetres = QRScanModel.pixelsPerMillimetre(atMetres: 2) * 25.4
                let far = try await PrintTools.render(file, dpi: twoMetres, to: folder.appendingPathComponent("far"))
                #expect(try await PrintTools.decode(far) == link, "\(path) does not scan from 2 m")
                // And the same code is too coarse at 5 m, so the simulation can fail.
                let tooFar = try await PrintTools.render(file, dpi: QRScanModel.pixelsPerMillimetre(atMetres: 5) * 25.4, to: folder.appendingPathComponent("too-far"))
                #expect(try await PrintTools.decode(tooFar) == "", "\(path) still scans from 5 m: the simulation proves nothing")
            }
            let share = try String(contentsOf: site.appendingPathComponent("posters/contoso-sales/share.html"), encoding: .utf8)
            #expect(share.contains("<a href=\"invite-link.pdf\" download>PDF</a>") && share.contains("<a href=\"invite-link.png\" download>PNG for a chat</a>"))
            let index = try String(contentsOf: site.appendingPathComponent("posters/index.html"), encoding: .utf8)
            #expect(index.contains("<img src=\"contoso-sales/invite-link.png\" alt=\"\" loading=\"lazy\">"))
            #expect(index.contains("<a href=\"all-posters.pdf\" download>Download every poster as one PDF</a>"))
            // Deterministic: a second build writes the same PDF and PNG bytes.
            let again = folder.appendingPathComponent("again")
            #expect(await BuildAction(location: location, output: again, posterExport: [.pdf, .png]).run().succeeded)
            for entry in exported {
                let path = entry["path"]!
                #expect(try Data(contentsOf: site.appendingPathComponent(path)) == Data(contentsOf: again.appendingPathComponent(path)), "\(path) differs between builds")
            }
        }
    }

    /// On paper the posters never say "tap", and the bar is gone; on screen the bar shows,
    /// with its Print button, and the link is tappable.
    @Test(.enabled(if: PrintTools.available, .init(rawValue: PrintTools.missing)))
    func wordingFitsTheMedium() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot))
        let tree = try #require(result.tree)
        let browser = try HeadlessBrowser()
        let page = try await browser.newPage()
        for file in tree.files where file.kind == .poster && file.format == "html" && !file.path.hasSuffix(".text.html") {
            let html = TestSupport.text(tree, file.path)
            let printed = try await Self.measure(html, on: page, paper: .a4)
            #expect(!printed.text.lowercased().contains("tap"), "\(file.path) says tap on paper")
            #expect(!printed.barShown && printed.outside.isEmpty, "\(file.path)")
            // At least 10 cm (8 cm) wide, to within the browser's layout rounding (1/64 px).
            if file.poster == "invite-link" { #expect(printed.code / Self.pixelsPerMillimetre >= 99.95, "\(file.path): code \(printed.code / Self.pixelsPerMillimetre) mm") }
            if file.poster == "office365-sign-in" { #expect(printed.code / Self.pixelsPerMillimetre >= 79.95, "\(file.path): code \(printed.code / Self.pixelsPerMillimetre) mm") }
            if file.poster == "invite-link" { #expect(printed.text.contains("Scan to join")) }
            let screen = try await Self.measure(html, on: page, paper: .a4, print: false)
            #expect(screen.barShown, "\(file.path): no bar on screen")
            #expect(try await page.evaluate("document.getElementById('print-poster').hidden") as? Bool == false)
            if file.poster == "invite-link" { #expect(screen.text.contains("Tap the link below")) }
        }
        await browser.close()
    }

    /// Without Chromium, export fails with how to install it, and the previous site stays.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path)))
    func missingBrowserLeavesTheOldSite() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            let kit = TestSupport.repositoryRoot.path
            let first = try await PrintTools.run(CommandLineTests.executable.path, ["build", kit, "--output", site.path])
            #expect(first.status == 0)
            let before = try Data(contentsOf: site.appendingPathComponent("manifest.json"))
            var environment = ProcessInfo.processInfo.environment
            environment["ADOPTKIT_CHROMIUM"] = folder.appendingPathComponent("no-such-chromium").path
            let run = try await TestProcess.run(CommandLineTests.executable.path, ["build", kit, "--output", site.path, "--export", "pdf"],
                                                environment: environment, timeout: 120)
            let message = run.errors
            #expect(run.status == 1)
            #expect(message.contains("apt-get install chromium") && message.contains("[poster.export]"), "\(message)")
            #expect(try Data(contentsOf: site.appendingPathComponent("manifest.json")) == before)
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("posters/all-posters.pdf").path))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("adoptkit-new") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }
}
