import Testing
@testable import SiteProducers

/// The poster fit measures each paragraph once per process (`MeasuredText.memoized`).
@Suite struct MeasuredTextTests {
    private func widths(_ text: MeasuredText) -> [[Double]] { text.words.map { $0.map(\.width) } }

    @Test func memoizedTextsAreTheTextsMeasured() {
        let memo = MeasuredText.Memo(limit: 3)
        // Equal as strings, measured from other scalars: each keeps its own measurement.
        let composed = "Gr\u{FC}\u{DF}e an alle", decomposed = "Gru\u{308}\u{DF}e an alle"
        #expect(composed == decomposed && widths(MeasuredText(composed, style: .regular)) != widths(MeasuredText(decomposed, style: .regular)))
        for (text, style) in [(composed, TextWidths.Style.regular), (decomposed, .regular), (composed, .capitals)] {
            let fresh = MeasuredText(text, style: style), memoized = memo.measured(text, style: style)
            #expect(widths(memoized) == widths(fresh) && memoized.style == style)
            for em in [2.0, 5.5, 40] { #expect(memoized.lines(em: em) == fresh.lines(em: em)) }
        }
        #expect(memo.count == 3)
        #expect(widths(memo.measured(composed, style: .capitals)) == widths(MeasuredText(composed, style: .capitals)) && memo.count == 3)
        // Full: emptied, then filled again.
        #expect(widths(memo.measured("Scan to join", style: .bold)) == widths(MeasuredText("Scan to join", style: .bold)) && memo.count == 1)
        #expect(widths(MeasuredText.memoized(decomposed, style: .regular)) == widths(MeasuredText(decomposed, style: .regular)))
    }
}
