import Diagnostics
import Foundation

/// An image's intrinsic size, read from the first bytes of its file (PNG, JPEG, GIF, SVG), so
/// pages can give `<img>` its `width` and `height` and the layout does not jump while it loads.
public struct ImageSize: Hashable, Sendable {
    public let width: Int, height: Int

    public init(width: Int, height: Int) {
        (self.width, self.height) = (width, height)
    }

    /// How many leading bytes `init?(header:)` needs at most (SVG sizes sit in the root tag;
    /// JPEG's frame header may follow large metadata segments).
    public static let headerLength = 256 * 1024

    /// The size written in the file's header, or nil for another format or a damaged header.
    public init?(header data: Data) {
        let bytes = [UInt8](data.prefix(Self.headerLength))
        guard let size = Self.png(bytes) ?? Self.gif(bytes) ?? Self.jpeg(bytes) ?? Self.svg(bytes),
              size.width > 0, size.height > 0, size.width <= 100_000, size.height <= 100_000 else { return nil }
        self = size
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= b.count else { return nil }
        return b[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    /// `\x89PNG\r\n\x1a\n`, then the IHDR chunk: width and height as 32-bit big-endian.
    private static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), b.count >= 24,
              b[12..<16].elementsEqual("IHDR".utf8),
              let width = bigEndian(b, 16, 4), let height = bigEndian(b, 20, 4) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// `GIF87a` or `GIF89a`, then the logical screen size as 16-bit little-endian.
    private static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10, b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) else { return nil }
        return ImageSize(width: Int(b[6]) | Int(b[7]) << 8, height: Int(b[8]) | Int(b[9]) << 8)
    }

    /// Segments after the SOI marker until a start-of-frame (SOF0–SOF15 but DHT, JPG and DAC),
    /// whose payload holds precision, height and width.
    private static func jpeg(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var at = 2
        while at + 4 <= b.count {
            guard b[at] == 0xFF else { return nil }
            let marker = b[at + 1]
            if marker == 0xFF { at += 1; continue }                    // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue } // no length
            guard let length = bigEndian(b, at + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian(b, at + 5, 2), let width = bigEndian(b, at + 7, 2) else { return nil }
                return ImageSize(width: width, height: height)
            }
            if marker == 0xDA || marker == 0xD9 { return nil }          // scan data or end: no frame header came
            at += 2 + length
        }
        return nil
    }

    /// The root `<svg>` tag's `width` and `height` (plain numbers or `px`), else its `viewBox`.
    private static func svg(_ b: [UInt8]) -> ImageSize? {
        let text = String(decoding: b, as: UTF8.self)
        guard let open = text.range(of: "<svg", options: .caseInsensitive),
              let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close])
        func attribute(_ name: String) -> String? {
            guard let match = tag.firstMatch(of: try! Regex("(?:^|\\s)\(name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')")) else { return nil }
            return (match.output[1].substring ?? match.output[2].substring).map(String.init)
        }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingSpaces() else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return ImageSize(width: width, height: height)
        }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        return ImageSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
    }
}
