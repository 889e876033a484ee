/// Text from a kit (file names, messages that quote it, source lines) made safe to print on a
/// terminal or in a CI log: controls, format characters (bidi overrides, zero-width) and line
/// separators become visible `\u{1B}` escapes, so input can never move the cursor, recolour the
/// screen, draw a link or reorder a line.
public enum TerminalText {
    /// - Parameter keepNewlines: keep line feeds (for text whose lines are its structure).
    ///   Tabs are always kept, so a caret lines up under a quoted source line.
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepNewlines: keepNewlines) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        if scalar == "\t" || (keepNewlines && scalar == "\n") { return false }
        if scalar.value < 0x80 { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
