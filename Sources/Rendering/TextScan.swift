/// Byte-level scans for hot paths: Character-level operations (reversing, Foundation's
/// trimming and searching) cost a grapheme-breaking pass each, which showed up as most of a
/// build's time. Every separator here is ASCII, so byte positions are valid String boundaries.
enum TextScan {
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `text` without trailing spaces.
    static func droppingTrailingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let last = utf8.last, last == 0x20 else { return text }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    /// True when `text` has nothing but ASCII spaces, tabs and line breaks.
    static func isBlank(_ text: String) -> Bool { text.utf8.allSatisfy(isWhitespace) }

    /// `text` cut after each run of `separator` (ASCII), separators kept, so the pieces rejoin.
    static func pieces(_ text: String, after separator: String) -> [String] {
        let bytes = Array(text.utf8), sep = Array(separator.utf8)
        func matches(_ at: Int) -> Bool {
            at + sep.count <= bytes.count && (0..<sep.count).allSatisfy { bytes[at + $0] == sep[$0] }
        }
        var result: [String] = []
        var start = 0, index = 0
        while index < bytes.count {
            guard matches(index) else { index += 1; continue }
            var end = index + sep.count
            while matches(end) { end += sep.count }
            result.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            index = end
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }
}
