import Foundation
import Rendering

/// A paragraph's words as a box of some width would set them, measured once in ems: each word's
/// pieces (break opportunities after `<wbr>`) with their widths.
struct MeasuredText: Sendable {
    let style: TextWidths.Style
    let space: Double
    let words: [[(piece: Substring, width: Double)]]

    init(_ text: String, style: TextWidths.Style) {
        self.style = style
        space = TextWidths.advance(" ", style: style)
        // Joined with spaces and split again, as the browser collapses white space: a space
        // can join a combining mark after it into one character, which then does not break.
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        words = collapsed.split(separator: " ").map { word in
            word.split(separator: "\u{200B}", omittingEmptySubsequences: true).map { ($0, TextWidths.width($0, style: style)) }
        }
    }

    /// Lines the text takes in a box `em` ems wide: words kept whole where they fit, broken
    /// anywhere when a word alone is wider than the box (CSS `overflow-wrap: anywhere`).
    func lines(em: Double) -> Int {
        guard !words.isEmpty else { return 0 }
        var lines = 1
        var x = 0.0
        for pieces in words {
            for (number, piece) in pieces.enumerated() {
                let lead = number == 0 && x > 0 ? space : 0
                let w = piece.width
                if x + lead + w <= em {
                    x += lead + w
                } else if w <= em {
                    lines += 1
                    x = w
                } else {
                    if x > 0 { x += lead }
                    for character in piece.piece {
                        let c = TextWidths.width(Substring(String(character)), style: style)
                        if x + c > em, x > 0 { lines += 1; x = 0 }
                        x += c
                    }
                }
            }
        }
        return lines
    }
}

extension MeasuredText {
    /// `text` measured, once per process: most of a poster's paragraphs (the steps, the labels,
    /// the sign-in text) read the same on every group's poster, and `check` and `build` measure
    /// every poster of every group.
    static func memoized(_ text: String, style: TextWidths.Style) -> MeasuredText {
        Memo.shared.measured(text, style: style)
    }

    /// Keyed by the text's bytes: a `String` key would take a decomposed `ü` for a precomposed
    /// one, whose widths are summed from other scalars.
    final class Memo: Sendable {
        static let shared = Memo()
        static let limit = 4096

        private struct Key: Hashable, Sendable {
            let bytes: [UInt8]
            let style: TextWidths.Style
        }
        private let texts: BoundedMemo<Key, MeasuredText>

        init(limit: Int = Memo.limit) { texts = BoundedMemo(limit: limit) }

        func measured(_ text: String, style: TextWidths.Style) -> MeasuredText {
            texts.value(for: Key(bytes: Array(text.utf8), style: style)) { MeasuredText(text, style: style) }
        }

        /// How many texts it holds.
        var count: Int { texts.count }
    }
}
