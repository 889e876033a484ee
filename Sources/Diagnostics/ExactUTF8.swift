import Foundation

extension String {
    /// `bytes` as a string when they are valid UTF-8, else nil. Decodes once (the standard
    /// library's validating decoder) and compares the result with `memcmp`: repairing can keep
    /// the byte count (three bytes of a cut sequence become one three-byte U+FFFD), so the count
    /// alone does not tell. One validation instead of a scan of our own and then the decoder's.
    package init?(exactUTF8 bytes: [UInt8]) {
        let decoded = String(decoding: bytes, as: UTF8.self)
        var same = decoded.utf8.count == bytes.count
        if same, !bytes.isEmpty {
            var copy = decoded
            same = copy.withUTF8 { text in bytes.withUnsafeBytes { memcmp(text.baseAddress!, $0.baseAddress!, bytes.count) == 0 } }
        }
        guard same else { return nil }
        self = decoded
    }
}
