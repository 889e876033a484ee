import Diagnostics

/// One message of a chat text that was split to fit a channel's limit.
public struct ChatMessage: Sendable, Hashable {
    public var number: Int
    public var total: Int
    /// This part of the text, exactly as cut (joining every part's `part` gives the whole text).
    public var part: String
    /// What to paste: `(2/3)` on its own line when there are several parts, then the part.
    public var text: String
}

/// Splits chat text into numbered messages that each fit a budget, preferring to cut between
/// blocks, then between lines, then between words; never inside a word or a URL (URLs contain
/// no spaces). Only a single word longer than the budget is cut inside.
public enum ChatSplitter {
    public static func split(_ text: String, flavor: ChatFlavor, budget: Int) -> [ChatMessage] {
        // Room for the widest header a split of this text could need.
        let reserve = flavor.length(of: header(999, 999, flavor: flavor))
        // Every flavour's length is at most the UTF-8 byte count: most texts stop here.
        if text.utf8.count <= budget || flavor.length(of: text.trimmingWhitespace()) <= budget {
            return [ChatMessage(number: 1, total: 1, part: text, text: text)]
        }
        // Lengths add up piece by piece (pieces end at whitespace, so no escape or character
        // is cut between two of them): one pass, linear in the text.
        let room = budget - reserve
        var parts: [String] = []
        var current = ""
        var currentLength = 0
        // Work stack of (piece, level): level 0 splits at blank lines, 1 at line ends, 2 at
        // spaces, 3 by characters.
        var pending: [(String, Int)] = pieces(text, level: 0).reversed().map { ($0, 0) }
        while let (piece, level) = pending.popLast() {
            let length = flavor.length(of: piece)
            if currentLength + length <= room || (level >= 3 && current.isEmpty) {
                current += piece
                currentLength += length
                continue
            }
            if !current.isEmpty {
                parts.append(current)
                current = ""
                currentLength = 0
            }
            if length <= room || level >= 3 {
                current = piece
                currentLength = length
                continue
            }
            let smaller = pieces(piece, level: level + 1)
            pending.append(contentsOf: smaller.reversed().map { ($0, level + 1) })
        }
        if !current.isEmpty { parts.append(current) }
        return parts.enumerated().map { index, part in
            let body = part.trimmingWhitespace()
            return ChatMessage(number: index + 1, total: parts.count, part: part,
                               text: header(index + 1, parts.count, flavor: flavor) + body + "\n")
        }
    }

    static func header(_ number: Int, _ total: Int, flavor: ChatFlavor) -> String {
        flavor.escape("(\(number)/\(total))") + "\n"
    }

    /// `text` cut after each separator of `level`, separators kept, so the pieces rejoin.
    static func pieces(_ text: String, level: Int) -> [String] {
        let separator: String
        switch level {
        case 0: separator = "\n\n"
        case 1: separator = "\n"
        case 2: separator = " "
        default: return text.map { String($0) }
        }
        // Runs of the separator stay together.
        return TextScan.pieces(text, after: separator)
    }
}
