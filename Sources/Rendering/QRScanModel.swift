import Foundation

/// How far away a printed QR code still scans, as a simple camera model, so the build can
/// refuse a link whose code would be too dense to read from where posters are scanned.
///
/// A phone's camera app analyses a preview frame about 1,920 pixels across a horizontal field
/// of view of about 65°. At distance d that frame spans 2·d·tan(32.5°) ≈ 1.274·d, so a printed
/// millimetre covers 1920 / (1.274·d) pixels: 0.753 px at 2 m. A decoder needs each module to
/// cover at least `minimumPixelsPerModule` pixels after the blur of a hand-held camera; the
/// poster tests check this model with zbarimg on renders made at exactly that resolution.
public enum QRScanModel {
    /// Pixels across the analysed camera frame.
    public static let framePixels = 1920.0
    /// Horizontal field of view of the camera, in degrees.
    public static let fieldOfViewDegrees = 65.0
    /// How many camera pixels a module must cover to decode reliably.
    public static let minimumPixelsPerModule = 2.0
    /// Where posters on a canteen wall or in a lobby are scanned from.
    public static let scanDistanceMetres = 2.0

    /// Camera pixels per printed millimetre at `metres`.
    public static func pixelsPerMillimetre(atMetres metres: Double) -> Double {
        framePixels / (2 * metres * 1000 * tan(fieldOfViewDegrees / 2 * .pi / 180))
    }

    /// The most modules per side a code `width` mm wide (without quiet zone) may have and still
    /// scan from `metres`.
    public static func maximumModules(codeWidthMillimetres width: Double, atMetres metres: Double = scanDistanceMetres) -> Int {
        Int((width * pixelsPerMillimetre(atMetres: metres) / minimumPixelsPerModule).rounded(.down))
    }

    /// How far away a code of `modules` per side and `width` mm still scans, in metres.
    public static func maximumDistance(modules: Int, codeWidthMillimetres width: Double) -> Double {
        // pixels per module = width / modules * framePixels / (2 d tan) ≥ minimum.
        width / Double(modules) * framePixels / (2 * 1000 * tan(fieldOfViewDegrees / 2 * .pi / 180)) / minimumPixelsPerModule
    }
}
