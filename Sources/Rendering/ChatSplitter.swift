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
        // Every flavour's length is at most the UTF-8 byte count: most texts stop here.
        if text.utf8.count <= budget || flavor.length(of: text.trimmingWhitespace()) <= budget {
            return [ChatMessage(number: 1, total: 1, part: text, text: text)]
        }
        // Room for the widest header the split needs: `(999/999)` first, wider when there are
        // more parts than that (the count only grows with a wider header, so this ends), and for
        // the line break each message ends with (a part cut inside a word has none of its own).
        var width = 3
        var parts: [String]
        repeat {
            let widest = String(repeating: "9", count: width)
            let frame = flavor.length(of: header(widest, widest, flavor: flavor)) + flavor.length(of: "\n")
            parts = cut(text, flavor: flavor, room: budget - frame)
            width += 1
        } while String(parts.count).count >= width
        return parts.enumerated().map { index, part in
            let body = part.trimmingWhitespace()
            return ChatMessage(number: index + 1, total: parts.count, part: part,
                               text: header(index + 1, parts.count, flavor: flavor) + body + "\n")
        }
    }

    /// `text` cut into parts of at most `room` each (a single character or escape longer than
    /// that stays whole). Lengths add up piece by piece (pieces end at whitespace, so no escape
    /// or character is cut between two of them): one pass, linear in the text.
    static func cut(_ text: String, flavor: ChatFlavor, room: Int) -> [String] {
        var parts: [String] = []
        var current = ""
        var currentLength = 0
        // Work stack of (piece, level): level 0 splits at blank lines, 1 at line ends, 2 at
        // spaces, 3 by characters.
        var pending: [(String, Int)] = pieces(text, level: 0, flavor: flavor).reversed().map { ($0, 0) }
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
            let smaller = pieces(piece, level: level + 1, flavor: flavor)
            pending.append(contentsOf: smaller.reversed().map { ($0, level + 1) })
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    static func header(_ number: Int, _ total: Int, flavor: ChatFlavor) -> String {
        header(String(number), String(total), flavor: flavor)
    }

    static func header(_ number: String, _ total: String, flavor: ChatFlavor) -> String {
        flavor.escape("(\(number)/\(total))") + "\n"
    }

    /// `text` cut after each separator of `level`, separators kept, so the pieces rejoin. At
    /// the last level the pieces are characters, an escape kept with what it escapes (`\.` in
    /// Telegram and Teams, `&amp;` in Slack): a cut between them would leave a lone `\` or a
    /// broken entity at the end of a message.
    static func pieces(_ text: String, level: Int, flavor: ChatFlavor) -> [String] {
        let separator: String
        switch level {
        case 0: separator = "\n\n"
        case 1: separator = "\n"
        case 2: separator = " "
        default: return escapeUnits(text, flavor: flavor)
        }
        // Runs of the separator stay together.
        return TextScan.pieces(text, after: separator)
    }
}

extension ChatSplitter {
    static func escapeUnits(_ text: String, flavor: ChatFlavor) -> [String] {
        var units: [String] = []
        var pending = ""
        for character in text {
            pending.append(character)
            switch flavor {
            case .telegram, .teams:
                // A backslash waits for the character it escapes.
                if pending == "\\" { continue }
            case .slack:
                // An entity waits for its `;` (entities here are short: `&amp;`, `&lt;`, `&gt;`).
                if pending.first == "&", character != ";", pending.count < 6 { continue }
            case .plain, .whatsapp:
                break
            }
            units.append(pending)
            pending = ""
        }
        if !pending.isEmpty { units.append(pending) }
        return units
    }
}
