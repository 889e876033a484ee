import Testing
@testable import Rendering

@Suite struct BrandColorTests {
    @Test func contrastMatchesWCAGReferenceValues() throws {
        #expect(abs(BrandColor.black.contrast(with: .white) - 21) < 0.001)
        #expect(abs(BrandColor.white.contrast(with: .white) - 1) < 0.001)
        // #777777 on white is the classic 4.48:1 just-failing grey.
        let grey = try #require(BrandColor(hex: "#777"))
        #expect(abs(grey.contrast(with: .white) - 4.48) < 0.01)
        // Microsoft yellow from the poster report: 1.7:1 on white.
        let yellow = try #require(BrandColor(hex: "#FFB900"))
        #expect(abs(yellow.contrast(with: .white) - 1.7) < 0.05)
    }

    @Test func hexRoundTripsAndRejectsJunk() {
        #expect(BrandColor(hex: "#0f62ae")?.hex == "#0F62AE")
        #expect(BrandColor(hex: "#abc")?.hex == "#AABBCC")
        for junk in ["0F62AE", "#12", "#GGGGGG", "#1234567", "", "#"] { #expect(BrandColor(hex: junk) == nil, "\(junk)") }
    }

    @Test func readableShadeKeepsHueAndReachesTheMinimum() throws {
        let yellow = try #require(BrandColor(hex: "#FFB900"))
        for minimum in [BrandColor.largeTextContrast, BrandColor.textContrast] {
            let shade = yellow.readable(on: .white, minimum: minimum)
            #expect(shade.contrast(with: .white) >= minimum)
            // Same hue within rounding, and not needlessly dark: just above the threshold.
            #expect(abs(shade.hsl.0 - yellow.hsl.0) < 0.01)
            #expect(shade.contrast(with: .white) < minimum + 0.2)
        }
        // A colour that already passes is returned unchanged.
        let blue = try #require(BrandColor(hex: "#0F62AE"))
        #expect(blue.readable(on: .white, minimum: 4.5) == blue)
        // On a dark background the shade gets lighter.
        let navy = try #require(BrandColor(hex: "#1A237E"))
        let dark = try #require(BrandColor(hex: "#121212"))
        let light = navy.readable(on: dark, minimum: 4.5)
        #expect(light.contrast(with: dark) >= 4.5)
        #expect(light.relativeLuminance > navy.relativeLuminance)
    }
}
