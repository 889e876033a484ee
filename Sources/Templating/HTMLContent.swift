import Mustache

/// How HTML templates escape values: by UTF-8 byte, `&<>"'` as swift-mustache writes them.
/// swift-mustache's own escaper compares whole Characters, so a quote followed by a combining
/// mark (`"\u{301}`) is one Character, is not escaped, and still ends an attribute value in the
/// browser; it also looks every Character up in a dictionary, which made escaping a tenth of a
/// page's render. Registered once, selected by the pragma `TemplateSet` puts first in every
/// HTML template.
struct HTMLContent: MustacheContentType {
    static let name = "ADOPTKIT_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"
    static let registered: Void = MustacheContentTypes.register(HTMLContent(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x3F && needsEscape[Int($0)] }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += amp
            case 0x3C: bytes += lt
            case 0x3E: bytes += gt
            case 0x22: bytes += quot
            case 0x27: bytes += apos
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let needsEscape: [Bool] = (0..<0x3F).map { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
