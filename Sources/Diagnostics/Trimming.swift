/// Whitespace trimming in pure Swift: Foundation's `trimmingCharacters(in:)` bridges through
/// NSString and UTF-16 and was a tenth of a whole build's time. Same character sets:
/// `.whitespacesAndNewlines` is Unicode's White_Space property, `.whitespaces` is the space
/// separators (Zs) plus tab; both also hold U+200B, as Foundation's sets do.
package extension StringProtocol {
    /// Without leading and trailing White_Space characters (spaces, tabs, line ends, NBSP, …).
    func trimmingWhitespace() -> String { trimming(where: Self.isWhitespace) }

    /// Without leading and trailing spaces and tabs; line ends are kept.
    func trimmingSpaces() -> String { trimming(where: Self.isSpace) }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let string = String(self)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(scalars[first...last])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.value == 0x200B || scalar.properties.isWhitespace
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || scalar.value == 0x09) : scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }
}
