import Foundation
import Diagnostics

/// libcmark-gfm pads every row of a table to the width of its header, so a 6 KB page with a
/// 2,000-cell header over short rows becomes millions of cells. This counts the cells a table
/// will have after padding, from the text alone and before cmark allocates anything.
enum TableBudget {
    /// Cells one page may hold across its tables; a real page rarely has a few thousand.
    static let maximumCells = 200_000

    /// The first table that takes the page over the budget, as an error at its delimiter row.
    static func check(_ text: String, path: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { check($0, path: path) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Diagnostic? {
        // Only a row with a `|` counts as a header below (a table of one column needs no pipe,
        // but only wider tables are padded): a page without one has nothing to count.
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return nil }
        var total = 0
        var lineNumber = 0
        var columns = 0 // > 0 inside a table
        var previousCells = 0
        var lineStart = 0
        // Line by line without an array of them: every page passes through here before parsing.
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            lineNumber += 1
            let content = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
            if columns > 0 {
                if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { columns = 0; continue }
                total += columns
            } else if previousCells > 0, let delimiterCells = delimiterCells(content) {
                // A delimiter row under a header row starts a table: the header row, then every
                // row up to a blank line, each padded to this width.
                columns = delimiterCells
                total += columns
            }
            if total > maximumCells {
                return .error(.tableTooLarge, "tables on this page would hold more than \(maximumCells) cells (every row is padded to its header's width)",
                              at: SourceLocation(path: path, line: lineNumber, column: 1),
                              notes: ["the limit is fixed; split the table or the page"])
            }
            previousCells = columns > 0 ? 0 : cellCount(content)
        }
        return nil
    }

    /// Cells of a delimiter row (`|---|:--:|`), or nil when the line is not one.
    static func delimiterCells(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var cells = 0, dashes = 0, sawPipe = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: break
            case UInt8(ascii: "|"):
                sawPipe = true
                if dashes > 0 { cells += 1; dashes = 0 }
            default: return nil
            }
        }
        if dashes > 0 { cells += 1 }
        return cells > 0 && (sawPipe || cells > 1) ? cells : nil
    }

    /// Cells of a possible header row: pipe-separated parts (0 when the line has no pipe).
    static func cellCount(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var pipes = 0
        var escaped = false
        for byte in line {
            if escaped { escaped = false; continue }
            if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "|") { pipes += 1 }
        }
        guard pipes > 0 else { return 0 }
        let trimmed = line.drop { $0 == 0x20 }
        let leading = trimmed.first == UInt8(ascii: "|") ? 1 : 0
        let trailing = trimmed.last == UInt8(ascii: "|") || (trimmed.last == 0x0D && trimmed.dropLast().last == UInt8(ascii: "|")) ? 1 : 0
        return max(1, pipes + 1 - leading - trailing)
    }
}
