/// HTML escaping by UTF-8 byte, for the two escapers that must not compare whole Characters (a
/// quote with a combining mark after it is still a quote to the browser): `HTMLEscaping`
/// (cmark's bytes: `&<>"`) and the templates' (swift-mustache's, which adds `'`).
package enum HTMLBytes {
    /// `text` with `&`, `<`, `>` and `"` escaped, and `'` too when `apostrophe` is given (its
    /// entity); the text itself when nothing needs escaping.
    package static func escape(_ text: String, apostrophe: [UInt8]? = nil) -> String {
        let escapesApostrophe = apostrophe != nil
        guard text.utf8.contains(where: { needsEscape($0, apostrophe: escapesApostrophe) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += amp
            case 0x3C: bytes += lt
            case 0x3E: bytes += gt
            case 0x22: bytes += quot
            case 0x27 where escapesApostrophe: bytes += apostrophe!
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `escape` changes this byte (`'` only when it escapes apostrophes).
    package static func needsEscape(_ byte: UInt8, apostrophe: Bool = false) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (byte == 0x27 && apostrophe)
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), quot = Array("&quot;".utf8)
}
