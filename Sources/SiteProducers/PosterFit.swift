import Foundation
import KitConfig
import SiteModel

/// Whether a poster fits its sheet, estimated from its rendered HTML with the geometry of the
/// built-in `poster-style` partial (sizes in mm there, mirrored here). The estimate is
/// deterministic and errs on the large side; `PosterPrintTests` hold it to what headless
/// Chromium really prints. The headline steps down first, then the other text, to a legible
/// minimum; what still does not fit is reported (`poster.overflow`).
package struct PosterFit: Sendable, Hashable {
    /// Headline sizes in points, largest first; the last is the smallest a wall poster keeps.
    package static let headlineSteps: [Double] = [34, 30, 27, 24, 21, 18]
    /// Sizes of the lead, steps, admins and note.
    package static let textSteps: [Double] = [15, 14, 13, 12, 11]

    package var headlineStep = 0
    package var textStep = 0
    /// Estimated height of the content over what the sheet holds, in mm (0 when it fits).
    package var overflow = 0.0
    /// Estimated height of the content at the chosen sizes, in mm.
    package var height = 0.0
    /// The tallest parts at the chosen sizes, for the warning ("the link: 9 lines").
    package var tallest: [String] = []

    /// A code on the poster: modules per side and printed width in mm (without quiet zone).
    package struct Code: Sendable, Hashable {
        package let modules: Int
        package let width: Double
    }
    package var codes: [Code] = []

    package var headlineSize: String { Self.points(Self.headlineSteps[headlineStep]) }
    package var textSize: String { Self.points(Self.textSteps[textStep]) }
    package var fits: Bool { overflow <= 0 }
    package static let largest = PosterFit()

    /// The sizes chosen, to render with again without measuring.
    package var sizes: PosterTypeSizes { PosterTypeSizes(headlineStep: headlineStep, textStep: textStep) }

    init(sizes: PosterTypeSizes) { (headlineStep, textStep) = (sizes.headlineStep, sizes.textStep) }

    init() {}

    static func points(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))pt" : "\(value)pt" }

    /// The sheet inside its padding and brand bar.
    struct Sheet {
        let width: Double, height: Double
        init(_ paper: KitConfig.Paper) {
            let (w, h) = paper == .a4 ? (210.0, 297.0) : (215.9, 279.4)
            width = w - 2 * 12
            height = h - 8 - 10 - 8
        }
    }

    /// The gap between the sheet's parts grows with the text: 5 mm at 15 pt.
    static func gap(_ fit: PosterFit) -> Double { textSteps[fit.textStep] * 0.945 * pointInMillimetres }
    static let pointInMillimetres = 25.4 / 72

    /// The largest sizes at which `html` fits on `paper`, or the smallest with the overflow.
    package static func choose(html: String, paper: KitConfig.Paper) -> PosterFit {
        let blocks = PosterFitBlocks.parse(html)
        guard !blocks.isEmpty else { return .largest }
        let sheet = Sheet(paper)
        var fit = PosterFit()
        fit.codes = blocks.compactMap { block in block.modules.map { Code(modules: $0, width: block.codeWidth) } }
        // A headline of at most two lines reads from across a room; shrink towards that first.
        while fit.headlineStep < headlineSteps.count - 1,
              blocks.contains(where: { $0.role == .headline && $0.lineCount(width: sheet.width, fit: fit) > 2 }) {
            fit.headlineStep += 1
        }
        while true {
            let height = totalHeight(blocks, sheet: sheet, fit: fit)
            fit.height = height
            if height <= sheet.height { return fit }
            if fit.textStep < textSteps.count - 1 {
                fit.textStep += 1
            } else if fit.headlineStep < headlineSteps.count - 1 {
                fit.headlineStep += 1
            } else {
                fit.overflow = height - sheet.height
                fit.tallest = blocks.map { ($0.describe(width: sheet.width, fit: fit), $0.height(width: sheet.width, fit: fit)) }
                    .sorted { $0.1 > $1.1 }.prefix(2).map(\.0)
                return fit
            }
        }
    }

    static func totalHeight(_ blocks: [PosterFitBlock], sheet: Sheet, fit: PosterFit) -> Double {
        blocks.reduce(0) { $0 + $1.height(width: sheet.width, fit: fit) } + gap(fit) * Double(blocks.count - 1)
    }
}
