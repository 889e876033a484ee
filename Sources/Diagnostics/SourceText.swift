import Foundation

/// A source file's bytes decoded as UTF-8, with a line index so byte offsets (what C parsers
/// report) become the character columns people see.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// UTF-8 byte offset at which each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// Lines made only of ASCII, where a byte column is a character column.
    private let asciiLines: [Bool]
    private let bytes: [UInt8]

    /// Decodes `data`; on invalid UTF-8 returns the diagnostic with the first bad byte's position.
    public static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        var bytes = [UInt8](data)
        // A UTF-8 byte-order mark is legal but invisible; drop it so columns stay right.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(exactUTF8: bytes) else {
            let bad = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = lineAndColumn(ofByte: bad, in: bytes)
            return .failure(.error(.invalidUTF8, "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                                   at: SourceLocation(path: path, line: line, column: column)))
        }
        return .success(SourceText(path: path, text: text, bytes: bytes))
    }

    public init(path: String, text: String) {
        self.init(path: path, text: text, bytes: Array(text.utf8))
    }

    private init(path: String, text: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.text = text
        var starts = [0]
        var ascii = [true]
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\n") {
                starts.append(i + 1)
                ascii.append(true)
            } else if b >= 0x80 {
                ascii[ascii.count - 1] = false
            }
        }
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based `line`, without its line break.
    public func line(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
    }

    /// Converts a 1-based byte column on `line` into a 1-based character column. Constant time
    /// on ASCII lines; callers converting many columns on one long non-ASCII line should use
    /// `ColumnMap`.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        if asciiLines[line - 1] { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self).count + 1
    }

    /// Byte-to-character column table for one line, built once (grapheme clusters counted as
    /// one character, as editors show them).
    public func columnMap(line: Int) -> [Int] {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if let map = Self.scalarColumnMap(bytes[start..<end]) { return map }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        var map = [Int](repeating: 0, count: end - start + 2)
        var column = 1
        var offset = 0
        for character in text {
            let length = character.utf8.count
            for k in 0..<length where offset + k < map.count { map[offset + k] = column }
            offset += length
            column += 1
        }
        for k in offset..<map.count { map[k] = column + (k - offset) }
        return map
    }

    /// `columnMap` without grapheme breaking, for the common line whose non-ASCII scalars are
    /// all Latin letters (below U+0300, where no scalar joins its neighbour) or the general
    /// punctuation people type (dashes, quotes, bullets, ellipses): there each scalar is one
    /// character, and `\r\n` is one. Nil for anything else (combining marks, emoji, joiners).
    static func scalarColumnMap(_ line: ArraySlice<UInt8>) -> [Int]? {
        var map = [Int](repeating: 0, count: line.count + 2)
        var column = 1, offset = 0
        var index = line.startIndex
        while index < line.endIndex {
            let lead = line[index]
            let length: Int
            if lead < 0x80 {
                length = lead == UInt8(ascii: "\r") && index + 1 < line.endIndex && line[index + 1] == UInt8(ascii: "\n") ? 2 : 1
            } else if lead & 0xE0 == 0xC0, index + 1 < line.endIndex {
                // Two bytes: U+0080–U+07FF; only those below U+0300 are safe.
                let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(line[index + 1] & 0x3F)
                guard scalar >= 0x80, scalar < 0x300 else { return nil }
                length = 2
            } else if lead & 0xF0 == 0xE0, index + 2 < line.endIndex {
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(line[index + 1] & 0x3F) << 6) | UInt32(line[index + 2] & 0x3F)
                guard (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar) else { return nil }
                length = 3
            } else {
                return nil
            }
            for k in 0..<length { map[offset + k] = column }
            offset += length
            index += length
            column += 1
        }
        for k in offset..<map.count { map[k] = column + (k - offset) }
        return map
    }

    public func isASCII(line: Int) -> Bool { line >= 1 && line <= asciiLines.count ? asciiLines[line - 1] : true }

    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var lowerBound: UInt8 = 0x80, upperBound: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let lo: UInt8 = k == 1 ? lowerBound : 0x80, hi: UInt8 = k == 1 ? upperBound : 0xBF
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }
}
