import Diagnostics
import Foundation
import KitConfig
import Rendering
import SiteModel
import SiteProducers

/// Checks of the printed sheet: every poster fits (`poster.overflow`), every code scans from
/// where posters are read (`poster.qr-too-dense`), the brand colour reads on white.
extension KitChecks {
    /// Renders each poster as the build will (its codes as outlines) and measures it (`PosterFit`), in parallel; with
    /// the sizes each poster fits at, for the render.
    static func checkPosterSheets(_ kit: Kit) async -> (diagnostics: [Diagnostic], sizes: [PosterTypeSizes]) {
        guard !kit.posterInstances.isEmpty else { return ([], []) }
        let context = RenderContext(kit: kit)
        let paper = kit.config.site.paper == .a4 ? "A4" : "US Letter"
        let configFile = SourceLocation(path: kit.location.displayPath(kit.location.config), line: 1, column: 1)
        let found = await parallelMap(Array(kit.posterInstances.indices), chunk: 8) { number -> ([Diagnostic], PosterTypeSizes) in
            let instance = kit.posterInstances[number]
            let fit = PosterPages.measured(instance, context: context)
            let at = instance.group?.location ?? configFile
            let subject = instance.group.map { "poster '\(instance.poster.name)' for '\($0.name)'" } ?? "poster '\(instance.poster.name)'"
            var diagnostics: [Diagnostic] = []
            if !fit.fits {
                diagnostics.append(.warning(.posterOverflow,
                    "\(subject) does not fit on one \(paper) sheet even with the smallest type (headline \(fit.headlineSize), text \(fit.textSize)): "
                        + "about \(decimal(fit.overflow, 0)) mm too tall; its tallest parts are \(fit.tallest.joined(separator: " and "))",
                    at: at, notes: ["the sheet prints clipped at the bottom; shorten what the poster shows (the group name, links, support contact, admins)"]))
            }
            for code in fit.codes {
                let limit = QRScanModel.maximumModules(codeWidthMillimetres: code.width)
                guard code.modules > limit else { continue }
                let link = codeLink(modules: code.modules, instance: instance, config: kit.config)
                diagnostics.append(.error(.posterQRTooDense,
                    "link is too long to scan from \(decimal(QRScanModel.scanDistanceMetres, 0)) m on \(subject): its code has \(code.modules) modules per side, "
                        + "and a \(decimal(code.width, 0)) mm code may have at most \(limit) (the link has \(link?.text.utf8.count ?? 0) bytes); "
                        + "it scans from about \(decimal(QRScanModel.maximumDistance(modules: code.modules, codeWidthMillimetres: code.width), 1)) m",
                    at: link?.location ?? at, notes: ["use a shorter link (a short link service keeps the code coarse)"]))
            }
            return (diagnostics, fit.sizes)
        }
        // A link shown on many posters is reported once, at its line.
        var seen = Set<String>()
        let diagnostics = found.flatMap(\.0).filter { seen.insert("\($0.id) \($0.location.map { "\($0.line):\($0.column)" } ?? "") \($0.message)").inserted }
        return (diagnostics, found.map(\.1))
    }

    /// Which configured link a code of `modules` on `instance` shows, with where it is written.
    private static func codeLink(modules: Int, instance: PosterInstance, config: KitConfig) -> (text: String, location: SourceLocation?)? {
        var candidates: [(String, SourceLocation?)] = []
        if let group = instance.group { candidates.append((group.inviteLink, group.inviteLinkLocation ?? group.location)) }
        if let link = PosterModel.signInCodeLink(config) {
            candidates.append((link, config.signIn.opens == .web ? config.signIn.urlLocation : nil))
        }
        return candidates.first { QRCode.symbolSize($0.0) == modules }
    }

    static func decimal(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// One warning for the brand colour, for posters and the docs site alike. Posters colour
    /// their large text (headline, organisation line) with it: a colour under 3:1 on white
    /// prints as a darker shade of the same hue. The site's links and buttons need 4.5:1 on the
    /// light theme: a colour under that is shown darker there (the dark theme always gets a
    /// lighter shade where needed, silently: almost every brand colour is too dark for it).
    static func checkBrandContrast(_ kit: Kit) -> [Diagnostic] {
        let organization = kit.config.organization
        guard !organization.name.isEmpty, let color = BrandColor(hex: organization.color), let site = SitePalette(hex: organization.color) else { return [] }
        let ratio = color.contrast(with: .white)
        let posterShaded = !kit.posterInstances.isEmpty && ratio < BrandColor.largeTextContrast
        let siteShaded = site.light != color
        guard posterShaded || siteShaded else { return [] }
        var message = "organization.color \(color.hex) has a contrast of \(decimal(ratio, 1)):1 on white and \(decimal(site.lightContrast, 1)):1 "
            + "on the docs site's light background (\(decimal(site.darkContrast, 1)):1 on its dark one)"
        var uses: [String] = []
        if posterShaded {
            let shade = color.readable(on: .white, minimum: BrandColor.largeTextContrast)
            message += ", below the \(decimal(BrandColor.largeTextContrast, 0)):1 that large poster text needs"
            uses.append("posters print that text in \(shade.hex) (\(decimal(shade.contrast(with: .white), 1)):1), a darker shade of the same hue")
        }
        if siteShaded {
            if !posterShaded { message += ", below the \(decimal(BrandColor.textContrast, 1)):1 that the site's links need" }
            uses.append("the site's links and buttons use \(site.light.hex) (\(decimal(site.light.contrast(with: SitePalette.lightBackground), 1)):1) "
                        + "on its light theme and \(site.dark.hex) on its dark one")
        }
        return [.warning(.configColorContrast, message + "; " + uses.joined(separator: "; "),
                         at: organization.colorLocation, notes: ["choose a darker colour to print and show the one you chose; bars and borders keep it as it is"])]
    }
}
