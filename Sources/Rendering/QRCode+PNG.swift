import Foundation

extension QRCode {
    /// The symbol as a 1-bit greyscale PNG, `scale` pixels per module, quiet zone included: what
    /// mail clients show inline (Outlook shows no SVG). Pixels are exact, so the code stays
    /// sharp however the client scales it. Deflate's stored blocks keep the encoder small; a
    /// code of a long link is still only a few kilobytes.
    public func png(scale requested: Int = 6) -> Data {
        let scale = max(1, requested) // at least a pixel per module
        let side = (size + 2 * Self.quietZone) * scale
        let rowBytes = (side + 7) / 8
        var raw = [UInt8]()
        raw.reserveCapacity((rowBytes + 1) * side)
        // The `scale` pixel rows of a module row are the same: each is made once and repeated.
        var row = [UInt8](repeating: 0, count: rowBytes + 1) // starts with filter 0: none
        for moduleRow in 0..<(side / scale) {
            for index in 1...rowBytes { row[index] = 0 }
            for x in 0..<side where !isDark(row: moduleRow - Self.quietZone, column: x / scale - Self.quietZone) {
                // In greyscale 1 is white, so light modules set their bit.
                row[1 + x / 8] |= 0x80 >> UInt8(x % 8)
            }
            if side % 8 != 0 { row[rowBytes] |= 0xFF >> UInt8(side % 8) }
            for _ in 0..<scale { raw += row }
        }
        var header = [UInt8]()
        header += PNG.bigEndian(UInt32(side)) + PNG.bigEndian(UInt32(side))
        header += [1, 0, 0, 0, 0] // bit depth 1, greyscale, deflate, adaptive filters, no interlace
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                    + PNG.chunk("IHDR", header) + PNG.chunk("IDAT", PNG.zlibStored(raw)) + PNG.chunk("IEND", []))
    }
}

/// The few pieces of the PNG and zlib formats the QR image needs (RFC 2083, RFC 1950/1951).
enum PNG {
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// A zlib stream of stored (uncompressed) deflate blocks of at most 65,535 bytes.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let count = min(65_535, data.count - start)
            let final: UInt8 = start + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[start..<(start + count)]
            start += count
        } while start < data.count
        return out + bigEndian(adler32(data))
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return b << 16 | a
    }
}
