/// The docs site's accent colours from the organisation's colour: the same hue, shaded where
/// needed so links and buttons reach WCAG AA (4.5:1) on the light and the dark theme's panels.
/// Posters and the site judge the colour with the same `BrandColor` arithmetic.
public struct SitePalette: Sendable, Equatable {
    /// The theme backgrounds text sits on (`--panel` in `adoptkit.css`, the darker of the light
    /// theme's backgrounds and the lighter of the dark theme's).
    public static let lightBackground = BrandColor(hex: "#F5F7FA")!
    public static let darkBackground = BrandColor(hex: "#1F2227")!

    public let brand: BrandColor
    public let light: BrandColor
    public let dark: BrandColor

    public init?(hex: String) {
        guard let brand = BrandColor(hex: hex) else { return nil }
        self.brand = brand
        light = brand.readable(on: Self.lightBackground, minimum: BrandColor.textContrast)
        dark = brand.readable(on: Self.darkBackground, minimum: BrandColor.textContrast)
    }

    /// The brand colour's own contrast on each theme.
    public var lightContrast: Double { brand.contrast(with: Self.lightBackground) }
    public var darkContrast: Double { brand.contrast(with: Self.darkBackground) }
}
