import Foundation
import Yams

/// Finds every repeat of the duplicate keys Yams reports for one mapping, by reading the text
/// around the first key: Yams names the keys and the first one's position only, and stops there.
/// Block mappings are read line by line (here), flow mappings (`{a: 1, a: 2}`) entry by entry
/// (`DuplicateKeys+Flow`). `YAMLLoader` reports each repeat, blanks it out with `blanking` and
/// parses again.
enum DuplicateKeys {
    struct Repeat: Hashable {
        var key: String
        /// 1-based position of the repeated key, and of its first appearance.
        var line, column, firstLine, firstColumn: Int
        /// UTF-8 offsets of the text `blanking` erases: the repeated entry (for a block mapping
        /// its key line and the value lines below it, for a flow mapping the comma before it too).
        var erase: Range<Int>
    }

    /// The repeats of `keys` in the mapping whose key is at `mark`; empty when the text there
    /// reads as neither kind of mapping, so no repeat can be blanked safely.
    static func find(_ keys: [String], firstAt mark: Mark, in text: String) -> [Repeat] {
        let block = findBlock(keys, firstAt: mark, in: text)
        return block.isEmpty ? findFlow(keys, firstAt: mark, in: text) : block
    }

    /// The repeats in a block mapping, laid out one key per line.
    static func findBlock(_ keys: [String], firstAt mark: Mark, in text: String) -> [Repeat] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let column = mark.column, anchorLine = mark.line - 1
        guard anchorLine >= 0, anchorLine < lines.count, keyStart(lines[anchorLine])?.column == column else { return [] }
        var lineStarts: [Int] = [0]
        for line in lines { lineStarts.append(lineStarts[lineStarts.count - 1] + line.utf8.count + 1) }
        // The mapping's lines: up to its first key (possibly on a `- ` line) and down to the first
        // line indented less than its keys.
        var start = anchorLine
        while start > 0, keyStart(lines[start])?.afterDash == false {
            var previous = start - 1
            while previous > 0, isBlank(lines[previous]) { previous -= 1 }
            guard belongs(lines[previous], column: column) else { break }
            start = previous
        }
        // A `- key:` line at the keys' column starts the next mapping of the parent list.
        func startsNextEntry(_ line: Substring) -> Bool { keyStart(line).map { $0.afterDash && $0.column == column } ?? false }
        var end = anchorLine + 1
        while end < lines.count, isBlank(lines[end]) || belongs(lines[end], column: column) && !startsNextEntry(lines[end]) {
            end += 1
        }
        var entries: [(key: String, line: Int)] = []
        for index in start..<end {
            guard let found = keyStart(lines[index]), found.column == column, !found.afterDash || index == start,
                  let name = keyName(lines[index].dropFirst(column - 1)) else { continue }
            entries.append((name, index))
        }
        var repeats: [Repeat] = []
        for key in keys {
            let places = entries.filter { $0.key == key }.map(\.line)
            guard let first = places.first else { continue }
            for place in places.dropFirst() {
                let next = entries.first { $0.line > place }?.line ?? end
                repeats.append(Repeat(key: key, line: place + 1, column: column, firstLine: first + 1, firstColumn: column,
                                      erase: lineStarts[place]..<(lineStarts[next] - 1)))
            }
        }
        return repeats.sorted { $0.line < $1.line }
    }

    /// `text` with the repeated entries erased: each character becomes a space and line breaks
    /// stay, so every other position in the text is unchanged.
    static func blanking(_ repeats: [Repeat], in text: String) -> String {
        var bytes = Array(text.utf8)
        for found in repeats.sorted(by: { $0.erase.lowerBound > $1.erase.lowerBound }) {
            let erased = String(decoding: bytes[found.erase], as: UTF8.self).unicodeScalars.map { $0 == "\n" ? UInt8(ascii: "\n") : UInt8(ascii: " ") }
            bytes.replaceSubrange(found.erase, with: erased)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlank(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return rest.isEmpty || rest.hasPrefix("#")
    }

    /// A line inside the mapping: a key at its column, or a value line indented deeper.
    private static func belongs(_ line: Substring, column: Int) -> Bool {
        guard let key = keyStart(line) else { return false }
        let indent = line.prefix { $0 == " " }.count + 1
        return key.column == column || indent > column || (indent == column && line.dropFirst(column - 1).hasPrefix("-"))
    }

    /// The 1-based column where a line's content starts, after its indentation and any `- `
    /// sequence markers.
    private static func keyStart(_ line: Substring) -> (column: Int, afterDash: Bool)? {
        var column = 1, afterDash = false
        var rest = line[...]
        while let first = rest.first {
            if first == " " { column += 1; rest = rest.dropFirst(); continue }
            if first == "-", rest.dropFirst().first == " " { afterDash = true; column += 1; rest = rest.dropFirst(); continue }
            return isBlank(rest) ? nil : (column, afterDash)
        }
        return nil
    }

    /// The key at the start of `text` (`key:`, `"key":`, `'key':`), or nil when it is no key.
    private static func keyName(_ text: Substring) -> String? {
        var rest = text
        let name: String
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { return nil }
            name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
        } else {
            guard let colon = rest.firstIndex(where: { $0 == ":" }) else { return nil }
            name = String(rest[..<colon]).trimmingCharacters(in: .whitespaces)
            rest = rest[colon...]
        }
        rest = rest.drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\t" || after == "\r" ? name : nil
    }
}
