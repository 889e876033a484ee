import Diagnostics

/// Heading ids as DocFX (Markdig's GitHub mode) and Microsoft Docs make them, so existing
/// `#anchors` keep working: lowercase, keep letters, digits, `-` and `_`, turn each space into
/// `-`, drop everything else. `Step 1 – Create a group` → `step-1--create-a-group`.
public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        // Most headings are ASCII: bytes, without a grapheme-breaking pass.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var utf8 = text.utf8[...]
            while let first = utf8.first, first == 0x20 || (0x09...0x0D).contains(first) { utf8 = utf8.dropFirst() }
            while let last = utf8.last, last == 0x20 || (0x09...0x0D).contains(last) { utf8 = utf8.dropLast() }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): bytes.append(byte)
                default: break
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        var id = ""
        for character in text.trimmingWhitespace() {
            if character == " " {
                id.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                id += character.lowercased()
            }
        }
        return id.isEmpty ? "section" : id
    }

    /// The slug, with `-1`, `-2`, … appended for repeats within one page.
    public mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }
}
