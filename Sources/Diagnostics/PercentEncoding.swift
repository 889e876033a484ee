/// `%XX` escapes (upper-case hex, UTF-8 bytes) for every byte a caller does not keep: one
/// encoder for URL path segments, query texts and non-ASCII links alike.
package enum PercentEncoding {
    /// `text` with every byte for which `keep` is false written as `%XX`.
    package static func encode(_ text: some StringProtocol, keeping keep: (UInt8) -> Bool) -> String {
        // A concrete String: the generic view's iteration went through witness tables per byte.
        let text = String(text)
        guard text.utf8.contains(where: { !keep($0) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if keep(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3986 unreserved characters: ASCII letters, digits and `-._~`.
    package static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
