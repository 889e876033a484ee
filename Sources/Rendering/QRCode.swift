import CQRencode
import Foundation

/// A QR code made offline with libqrencode: a square of dark and light modules.
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, `true` for dark.
    public let modules: [Bool]
    /// The SVG path of the dark modules, made once: every poster showing this code reuses it.
    private let pathData: String
    /// Modules of light margin scanners need around the symbol (the standard asks for 4).
    public static let quietZone = 4

    /// Encodes `payload` exactly (8-bit mode, case kept) with error correction level M, which
    /// survives a crease or a smudge on a printed poster. Nil when the payload is too long.
    public init?(_ payload: String) {
        guard !payload.isEmpty else { return nil }
        // libqrencode's encoder keeps no shared state, but its C API takes NUL-terminated text.
        guard let code = payload.withCString({ QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.size = width
        self.modules = data.map { $0 & 1 == 1 }
        self.pathData = Self.pathData(size: width, modules: modules)
    }

    /// Reads back the modules of an SVG that `svg(label:)` wrote (the first one in `text`), so
    /// a printed poster's code can be checked by a real decoder.
    public init?(svg text: String) {
        guard let box = text.firstMatch(of: /viewBox="0 0 (\d+) \d+"/), let total = Int(box.1),
              let path = text.firstMatch(of: /<path fill="#000" d="([^"]*)"/) else { return nil }
        let size = total - 2 * Self.quietZone
        guard size > 0 else { return nil }
        var modules = [Bool](repeating: false, count: size * size)
        for run in path.1.matches(of: /M(\d+) (\d+)h(\d+)v1h-\d+z/) {
            guard let x = Int(run.1), let y = Int(run.2), let length = Int(run.3) else { return nil }
            let row = y - Self.quietZone, column = x - Self.quietZone
            guard row >= 0, row < size, column >= 0, column + length <= size else { return nil }
            for dx in 0..<length { modules[row * size + column + dx] = true }
        }
        self.size = size
        self.modules = modules
        self.pathData = Self.pathData(size: size, modules: modules)
    }

    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row * size + column]
    }

    /// Inline SVG: one path of unit squares on a white background with the quiet zone, sharp at
    /// any print size. `label` becomes the accessible name; `--qr-modules` lets a stylesheet
    /// size the symbol itself, without its quiet zone, to a printed width.
    public func svg(label: String) -> String {
        let total = size + 2 * Self.quietZone
        return Self.svgStart(size: size, label: label)
            + "<rect width=\"\(total)\" height=\"\(total)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(pathData)\"/></svg>"
    }

    /// The `<svg>` element `svg(label:)` makes for `payload`, without its modules: what a
    /// poster's measure reads (the symbol's size in `--qr-modules`), found without encoding.
    /// Empty where `svg(label:)` would be (no code for the payload).
    public static func outlineSVG(_ payload: String, label: String) -> String {
        symbolSize(payload).map { svgStart(size: $0, label: label) + "</svg>" } ?? ""
    }

    private static func svgStart(size: Int, label: String) -> String {
        let total = size + 2 * quietZone
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(total) \(total)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\" style=\"--qr-modules: \(size)\" shape-rendering=\"crispEdges\">"
    }

    /// Modules per side of the code `QRCode(payload)` makes, or nil where it makes none, from
    /// the standard's capacities alone: the checks need the size, not the modules, and
    /// encoding (libqrencode tries all eight masks) costs a thousand times more.
    public static func symbolSize(_ payload: String) -> Int? {
        // The C encoder reads up to the first NUL.
        let bytes = payload.utf8.firstIndex(of: 0).map { payload.utf8.distance(from: payload.utf8.startIndex, to: $0) } ?? payload.utf8.count
        guard bytes > 0 else { return nil }
        for (index, codewords) in dataCodewordsM.enumerated() {
            let version = index + 1
            // 8-bit mode: a 4-bit mode indicator, the byte count (8 bits up to version 9, then
            // 16), then the bytes.
            let bits = 4 + (version < 10 ? 8 : 16) + 8 * bytes
            if bits <= 8 * codewords { return 17 + 4 * version }
        }
        return nil
    }

    /// Data codewords of versions 1 to 40 at error correction level M (ISO/IEC 18004, table 7).
    static let dataCodewordsM = [16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
                                 714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334]

    /// Written as bytes: a code has hundreds of runs, and formatting each through string
    /// interpolation allocated several times per run.
    private static func pathData(size: Int, modules: [Bool]) -> String {
        func isDark(_ row: Int, _ column: Int) -> Bool { column < size && modules[row * size + column] }
        var path: [UInt8] = []
        path.reserveCapacity(size * size * 4)
        func number(_ value: Int) {
            if value >= 10 { number(value / 10) }
            path.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row, column) else { column += 1; continue }
                // Runs of dark modules become one rectangle: smaller files, same picture.
                var run = 1
                while isDark(row, column + run) { run += 1 }
                // M{x} {y}h{run}v1h-{run}z
                path.append(UInt8(ascii: "M")); number(column + quietZone)
                path.append(UInt8(ascii: " ")); number(row + quietZone)
                path.append(UInt8(ascii: "h")); number(run)
                path += "v1h-".utf8; number(run)
                path.append(UInt8(ascii: "z"))
                column += run
            }
        }
        return String(decoding: path, as: UTF8.self)
    }

    /// The symbol for a terminal: two module rows per text line with half blocks, light modules
    /// drawn (readable on the usual dark terminal background), quiet zone included.
    public func terminalText() -> String {
        let q = Self.quietZone
        var lines: [String] = []
        var row = -q
        while row < size + q {
            var line = ""
            for column in -q..<(size + q) {
                let top = !isDark(row: row, column: column), bottom = !isDark(row: row + 1, column: column) || row + 1 >= size + q
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(line)
            row += 2
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The symbol as a plain PBM image (`scale` pixels per module, quiet zone included), for
    /// feeding decoders and terminal previews.
    public func pbm(scale: Int = 8) -> String {
        let total = (size + 2 * Self.quietZone) * scale
        var rows: [String] = ["P1", "\(total) \(total)"]
        for y in 0..<total {
            let row = (0..<total).map { x in isDark(row: y / scale - Self.quietZone, column: x / scale - Self.quietZone) ? "1" : "0" }
            rows.append(row.joined(separator: " "))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}

extension QRCode {
    /// The code for `payload`, encoded once however many checks and outputs show it: a kit's
    /// invite links are asked for by the QR check, the poster fit, every poster, share page
    /// and e-mail. A pure function's memo, so sharing it changes no output; it forgets
    /// everything when it holds `Memo.limit` codes, so a long `serve` stays bounded.
    public static func memoized(_ payload: String) -> QRCode? { Memo.shared.code(for: payload) }

    /// Keyed by the payload's bytes, which the code encodes: a `String` key would take a
    /// decomposed `ü` for a precomposed one, and give one link the other's code.
    final class Memo: Sendable {
        static let shared = Memo()
        static let limit = 8192
        private let codes: BoundedMemo<[UInt8], QRCode?>

        init(limit: Int = Memo.limit) { codes = BoundedMemo(limit: limit) }

        func code(for payload: String) -> QRCode? { codes.value(for: Array(payload.utf8)) { QRCode(payload) } }

        /// How many codes (and refusals) it holds.
        var count: Int { codes.count }
    }
}
