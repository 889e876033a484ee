import Foundation

/// Makes a PDF from Chromium the same bytes on every run: its creation and modification dates
/// and its document id change each time. They are blanked with spaces of the same length, so
/// every byte offset in the file (its cross-reference table) stays right.
public enum PDFDates {
    public static func strip(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate", "/ModDate"] { blank(key, opening: UInt8(ascii: "("), closing: UInt8(ascii: ")"), in: &bytes) }
        blank("/ID", opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), in: &bytes)
        return Data(bytes)
    }

    /// Every `key` followed by a value between `opening` and `closing` becomes spaces.
    private static func blank(_ key: String, opening: UInt8, closing: UInt8, in bytes: inout [UInt8]) {
        let pattern = Array(key.utf8)
        var index = 0
        while index + pattern.count < bytes.count {
            guard bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) else { index += 1; continue }
            var cursor = index + pattern.count
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == opening,
                  let end = bytes[cursor...].prefix(512).firstIndex(of: closing) else { index += pattern.count; continue }
            for position in index...end { bytes[position] = UInt8(ascii: " ") }
            index = end + 1
        }
    }
}
