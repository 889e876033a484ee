import Foundation

/// An sRGB colour with WCAG 2 contrast arithmetic, shared by posters and the docs site so both
/// judge the organisation's colour the same way.
public struct BrandColor: Hashable, Sendable {
    /// Channels in 0...1.
    public let red: Double, green: Double, blue: Double

    public static let white = BrandColor(red: 1, green: 1, blue: 1)
    public static let black = BrandColor(red: 0, green: 0, blue: 0)

    /// WCAG 2 minimum contrast for body text (AA).
    public static let textContrast = 4.5
    /// WCAG 2 minimum contrast for large text (at least 24 px, or 18.66 px bold) and UI parts.
    public static let largeTextContrast = 3.0

    public init(red: Double, green: Double, blue: Double) {
        self.red = min(max(red, 0), 1)
        self.green = min(max(green, 0), 1)
        self.blue = min(max(blue, 0), 1)
    }

    /// `#RGB` or `#RRGGBB` (case-insensitive); nil for anything else.
    public init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var digits = Array(hex.utf8.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 else { return nil }
        var channels: [Double] = []
        for index in stride(from: 0, to: 6, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            channels.append(Double(high * 16 + low) / 255)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }

    /// `#RRGGBB`, upper case.
    public var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [red, green, blue].map { channel -> String in
            let byte = Int((channel * 255).rounded())
            return String([digits[byte / 16], digits[byte % 16]])
        }.joined()
    }

    /// WCAG 2 relative luminance.
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio, 1...21.
    public func contrast(with other: BrandColor) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour if it reaches `minimum` contrast on `background`; otherwise the closest shade of
    /// the same hue and saturation that does: darker on a light background, lighter on a dark one.
    public func readable(on background: BrandColor, minimum: Double) -> BrandColor {
        guard contrast(with: background) < minimum else { return self }
        let (hue, saturation, lightness) = hsl
        let darker = background.relativeLuminance > 0.18
        // Bisection on lightness: contrast changes monotonically with it in one direction.
        var (good, bad) = darker ? (0.0, lightness) : (1.0, lightness)
        for _ in 0..<40 {
            let middle = (good + bad) / 2
            if BrandColor(hue: hue, saturation: saturation, lightness: middle).contrast(with: background) >= minimum {
                good = middle
            } else {
                bad = middle
            }
        }
        // Rounding to 8-bit channels may lose a hair of contrast: nudge until the printed colour passes.
        var lightness8 = good
        for _ in 0..<8 {
            let shade = BrandColor(hue: hue, saturation: saturation, lightness: lightness8)
            if let rounded = BrandColor(hex: shade.hex), rounded.contrast(with: background) >= minimum { return rounded }
            lightness8 += darker ? -1.0 / 255 : 1.0 / 255
        }
        return darker ? .black : .white
    }

    /// Hue (0..<1), saturation and lightness.
    var hsl: (Double, Double, Double) {
        let high = max(red, green, blue), low = min(red, green, blue)
        let lightness = (high + low) / 2
        guard high > low else { return (0, 0, lightness) }
        let delta = high - low
        let saturation = lightness > 0.5 ? delta / (2 - high - low) : delta / (high + low)
        var hue: Double
        switch high {
        case red: hue = (green - blue) / delta + (green < blue ? 6 : 0)
        case green: hue = (blue - red) / delta + 2
        default: hue = (red - green) / delta + 4
        }
        hue /= 6
        return (hue, saturation, lightness)
    }

    init(hue: Double, saturation: Double, lightness: Double) {
        guard saturation > 0 else {
            self.init(red: lightness, green: lightness, blue: lightness)
            return
        }
        let q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
        let p = 2 * lightness - q
        func channel(_ t: Double) -> Double {
            var t = t
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1 / 6 { return p + (q - p) * 6 * t }
            if t < 1 / 2 { return q }
            if t < 2 / 3 { return p + (q - p) * (2 / 3 - t) * 6 }
            return p
        }
        self.init(red: channel(hue + 1 / 3), green: channel(hue), blue: channel(hue - 1 / 3))
    }

    private static func nibble(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
