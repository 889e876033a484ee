/// Characters that must not reach a reader from kit input: C0 and C1 controls (tab and line
/// breaks excepted), DEL, bidirectional marks, overrides and isolates, and zero-width
/// characters. They can hide text, reorder what a reader sees, or drive a terminal (an ESC
/// sequence can retitle a window or draw a fake link). Every input that becomes output (Markdown
/// before it is parsed, YAML scalars after) is cleaned with `clean`, and each run removed is
/// reported as `text.control-character`.
public enum TextHygiene {
    /// A run of removed characters: where it starts in the scanned text, and what it was.
    public struct Run: Hashable, Sendable {
        /// UTF-8 offsets of the run in the scanned text.
        public var utf8Range: Range<Int>
        public var scalars: [Unicode.Scalar]

        /// `U+001B (ESC)`: the distinct invisible code points of the run (a terminal sequence's
        /// printable body is not listed), at most four.
        public var codePoints: String {
            var distinct: [Unicode.Scalar] = []
            for scalar in scalars where (TextHygiene.isInvisible(scalar) || scalar == "\r") && !distinct.contains(scalar) {
                distinct.append(scalar)
            }
            let shown = distinct.prefix(4).map(TextHygiene.describe).joined(separator: ", ")
            return distinct.count > 4 ? shown + " and \(distinct.count - 4) more" : shown
        }
    }

    /// True for a character `clean` removes (tab, line feed and carriage return are kept;
    /// joiners are judged with their neighbours in `scan`).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Quick test on bytes: can `text` contain anything `scan` would report? Exact for the
    /// characters most text holds (’, –, …, CRLF line ends), so only text that really holds a
    /// removed character goes on to `scan`, which works on scalars.
    public static func mayNeedCleaning<S: Sequence>(_ utf8: S) -> Bool where S.Element == UInt8 {
        if let answer = utf8.withContiguousStorageIfAvailable(mayNeedCleaning(buffer:)) { return answer }
        return mayNeedCleaning(bytes: utf8)
    }

    /// The same over contiguous bytes, eight at a time where all eight are printable ASCII (no
    /// byte has its high bit set, none is below 0x20, none is 0x7F): most of any text. Such a
    /// run ends every pattern the byte loop follows, so the loop goes on as if from the start.
    static func mayNeedCleaning(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var start = 0
        var index = 0
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let belowSpace = (word &- ones &* 0x20) & ~word & highBits
            let delete = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highBits
            guard word & highBits == 0, belowSpace == 0, delete == 0 else { index += 8; continue }
            // Bytes before this word, since the last printable run, go through the byte loop (a
            // carriage return that ends them is lone: this word does not start with a line feed).
            if start < index, mayNeedCleaning(bytes: UnsafeBufferPointer(rebasing: buffer[start..<index])) { return true }
            index += 8
            start = index
        }
        return start < buffer.count && mayNeedCleaning(bytes: UnsafeBufferPointer(rebasing: buffer[start...]))
    }

    static func mayNeedCleaning<S: Sequence>(bytes utf8: S) -> Bool where S.Element == UInt8 {
        // The two bytes before this one, and whether the one before was a carriage return.
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0, carriageReturn = false
        for byte in utf8 {
            if carriageReturn, byte != 0x0A { return true }
            carriageReturn = byte == 0x0D
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0x7F { return true }
            // C1 controls: C2 80…9F.
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            // U+200B…200F and U+202A…202E (E2 80 …), U+2060 and U+2066…2069 (E2 81 …).
            if beforePrevious == 0xE2, previous == 0x80, (0x8B...0x8F).contains(byte) || (0xAA...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2, previous == 0x81, byte == 0xA0 || (0xA6...0xA9).contains(byte) { return true }
            // U+FEFF: EF BB BF.
            if beforePrevious == 0xEF, previous == 0xBB, byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return carriageReturn
    }

    /// The runs `clean` removes. A carriage return is kept only before a line feed (CRLF); a
    /// lone one is a control character (`clean` turns it into a space, which keeps columns and
    /// lines). An ESC that starts a terminal sequence (`ESC [ … m`, `ESC ] 8 ;; url ESC \`) takes
    /// the whole sequence with it, so no terminal link or colour survives as visible junk or as
    /// a link. A zero-width joiner or non-joiner between two letters of a script that needs them
    /// (Arabic, Indic scripts, emoji sequences: anything from U+0590 up) is kept.
    public static func scan(_ text: String) -> [Run] {
        guard mayNeedCleaning(text.utf8) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var runs: [Run] = []
        var offset = 0
        var i = 0
        while i < scalars.count {
            let length = sequenceLength(scalars, at: i)
            guard length > 0 else {
                offset += UTF8.width(scalars[i])
                i += 1
                continue
            }
            let removed = Array(scalars[i..<(i + length)])
            let bytes = removed.reduce(0) { $0 + UTF8.width($1) }
            if let last = runs.last, last.utf8Range.upperBound == offset {
                runs[runs.count - 1] = Run(utf8Range: last.utf8Range.lowerBound..<(offset + bytes), scalars: last.scalars + removed)
            } else {
                runs.append(Run(utf8Range: offset..<(offset + bytes), scalars: removed))
            }
            offset += bytes
            i += length
        }
        return runs
    }

    /// `text` without the runs `scan` finds; a lone carriage return becomes a space.
    public static func clean(_ text: String) -> String {
        clean(text, runs: scan(text))
    }

    public static func clean(_ text: String, runs: [Run]) -> String {
        guard !runs.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for run in runs {
            result += bytes[cursor..<run.utf8Range.lowerBound]
            if run.scalars == ["\r"] { result.append(0x20) }
            cursor = run.utf8Range.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The warning for one run, at `location` (where the run starts).
    public static func diagnostic(_ run: Run, at location: SourceLocation?) -> Diagnostic {
        let kind = run.scalars.first == "\u{1B}" && run.scalars.count > 1 ? "terminal escape sequence" : "invisible character"
        return .warning(.textControlCharacter, "\(kind) \(run.codePoints) removed", at: location,
                        notes: ["control, bidirectional and zero-width characters can hide or reorder text; delete them from the source"])
    }

    /// `U+001B (ESC)`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return name(scalar).map { "\(code) (\($0))" } ?? code
    }

    static func name(_ scalar: Unicode.Scalar) -> String? {
        let c0 = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
                  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        switch scalar.value {
        case 0x00...0x1F: return c0[Int(scalar.value)]
        case 0x7F: return "DEL"
        case 0x9B: return "CSI"
        case 0x9D: return "OSC"
        case 0x80...0x9F: return "C1 control"
        default: return scalar.properties.name
        }
    }

    // MARK: - Runs

    /// How many scalars from `i` are removed: 0 when `scalars[i]` stays.
    static func sequenceLength(_ scalars: [Unicode.Scalar], at i: Int) -> Int {
        let scalar = scalars[i]
        switch scalar.value {
        case 0x0D:
            return i + 1 < scalars.count && scalars[i + 1] == "\n" ? 0 : 1
        case 0x1B:
            return escapeSequenceLength(scalars, at: i)
        case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
            // C1 forms of CSI, OSC, DCS, SOS, PM and APC.
            return 1 + controlStringLength(scalars, from: i + 1, csi: scalar.value == 0x9B)
        case 0x200C, 0x200D:
            return isJoinerKept(scalars, at: i) ? 0 : 1
        default:
            return isInvisible(scalar) ? 1 : 0
        }
    }

    /// ESC and, for CSI and control strings, what a terminal would read as its sequence (never
    /// past the end of the line).
    static func escapeSequenceLength(_ scalars: [Unicode.Scalar], at i: Int) -> Int {
        guard i + 1 < scalars.count else { return 1 }
        let next = scalars[i + 1]
        switch next {
        case "[": return 2 + controlStringLength(scalars, from: i + 2, csi: true)
        case "]", "P", "X", "^", "_": return 2 + controlStringLength(scalars, from: i + 2, csi: false)
        default:
            // ESC before a plain character (`ESC 7`, `ESC c`): without the ESC the character is
            // harmless text, so it stays.
            return 1
        }
    }

    /// The body of a CSI sequence (parameters up to a final byte) or of a control string (up
    /// to BEL or ESC \), stopping at the end of the line when it is not terminated.
    static func controlStringLength(_ scalars: [Unicode.Scalar], from start: Int, csi: Bool) -> Int {
        var j = start
        while j < scalars.count {
            let value = scalars[j].value
            if value == 0x0A || value == 0x0D { break }
            if csi {
                if (0x40...0x7E).contains(value) { return j - start + 1 }
                if !(0x20...0x3F).contains(value) { break }
            } else {
                if value == 0x07 || value == 0x9C { return j - start + 1 }
                if value == 0x1B, j + 1 < scalars.count, scalars[j + 1] == "\\" { return j - start + 2 }
            }
            j += 1
        }
        return j - start
    }

    /// ZWJ and ZWNJ join letters in Arabic, Indic scripts and emoji sequences; between Latin,
    /// Greek or Cyrillic letters (or at an edge) they only hide a break in a word.
    static func isJoinerKept(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, i + 1 < scalars.count else { return false }
        func joins(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x0590 && !isInvisible(scalar) && scalar.value != 0x200C && scalar.value != 0x200D }
        return joins(scalars[i - 1]) && joins(scalars[i + 1])
    }
}
