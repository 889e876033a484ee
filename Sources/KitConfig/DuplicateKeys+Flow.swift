import Yams

/// Flow-style mappings (`{a: 1, a: 2}`), which can sit anywhere on a line and span lines: the
/// mapping around the first key is found by reading the text back from that key to its `{`,
/// then its entries are read up to the matching `}`, with quotes, nested collections and
/// comments skipped.
extension DuplicateKeys {
    /// The repeats of `keys` in the flow mapping whose first repeated key is at `mark`, or empty
    /// when the text there is not read as one.
    static func findFlow(_ keys: [String], firstAt mark: Mark, in text: String) -> [Repeat] {
        let scalars = Array(text.unicodeScalars)
        guard let keyOffset = offset(line: mark.line, column: mark.column, in: scalars),
              let open = enclosingBrace(before: keyOffset, in: scalars),
              let entries = flowEntries(from: open, in: scalars),
              entries.contains(where: { $0.keyStart == keyOffset }) else { return [] }
        var repeats: [Repeat] = []
        for key in keys {
            let places = entries.filter { $0.key == key }
            guard let first = places.first else { continue }
            let (firstLine, firstColumn) = position(of: first.keyStart, in: scalars)
            for place in places.dropFirst() {
                let (line, column) = position(of: place.keyStart, in: scalars)
                repeats.append(Repeat(key: key, line: line, column: column, firstLine: firstLine, firstColumn: firstColumn,
                                      erase: utf8Offset(of: place.erase.lowerBound, in: scalars)..<utf8Offset(of: place.erase.upperBound, in: scalars)))
            }
        }
        return repeats.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// One `key: value` entry of a flow mapping: its key as read (quotes removed), where the key
    /// starts, and the scalars blanking removes (from the comma before it to its end).
    struct FlowEntry {
        var key: String
        var keyStart: Int
        var erase: Range<Int>
    }

    /// The entries of the flow mapping opened by the `{` at `open`, or nil when it never closes.
    static func flowEntries(from open: Int, in scalars: [Unicode.Scalar]) -> [FlowEntry]? {
        var entries: [FlowEntry] = []
        var i = open + 1
        var entryStart = open + 1 // where the current entry's erasable range starts (its comma)
        var keyStart: Int?
        var keyText = ""
        var keyDone = false
        var depth = 0
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar {
            case "\"", "'":
                let end = quoteEnd(from: i, in: scalars)
                if depth == 0, !keyDone, keyStart == nil {
                    keyStart = i
                    keyText = String(String.UnicodeScalarView(scalars[(i + 1)..<max(i + 1, end - 1)]))
                    keyDone = true
                }
                i = end
                continue
            case "#" where i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t" || scalars[i - 1] == "\n":
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
                continue
            case "{", "[":
                if depth == 0, keyStart == nil { keyStart = i; keyDone = true }
                depth += 1
            case "]" where depth > 0, "}" where depth > 0:
                depth -= 1
            case "}", ",":
                if depth == 0 {
                    if let start = keyStart {
                        entries.append(FlowEntry(key: keyText.trimmingTrailingSpaces, keyStart: start, erase: entryStart..<i))
                    }
                    if scalar == "}" { return entries }
                    entryStart = i
                    (keyStart, keyText, keyDone) = (nil, "", false)
                }
            case ":" where depth == 0 && !keyDone:
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                if [" ", "\t", "\n", "\r", ",", "}"].contains(next) { keyDone = true } else { keyText.unicodeScalars.append(scalar) }
            case " ", "\t", "\n", "\r":
                if keyStart != nil, !keyDone { keyText.unicodeScalars.append(" ") }
            default:
                if depth == 0, !keyDone {
                    if keyStart == nil { keyStart = i }
                    keyText.unicodeScalars.append(scalar)
                }
            }
            i += 1
        }
        return nil
    }

    /// The `{` of the flow mapping holding the key at `offset`: read backwards, skipping
    /// collections that close before the key and quoted text.
    static func enclosingBrace(before offset: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var depth = 0
        var i = offset - 1
        while i >= 0 {
            switch scalars[i] {
            case "\"", "'":
                let quote = scalars[i]
                i -= 1
                while i >= 0, scalars[i] != quote { i -= 1 }
            case "}", "]": depth += 1
            case "[": if depth == 0 { return nil } else { depth -= 1 }
            case "{": if depth == 0 { return i } else { depth -= 1 }
            default: break
            }
            i -= 1
        }
        return nil
    }

    /// Just past the quoted text that starts at `start` (`''` and `\"` stay inside).
    static func quoteEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        let quote = scalars[start]
        var i = start + 1
        while i < scalars.count {
            if quote == "\"", scalars[i] == "\\" { i += 2; continue }
            if scalars[i] == quote {
                if quote == "'", i + 1 < scalars.count, scalars[i + 1] == "'" { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return i
    }

    /// The scalar offset of a 1-based line and column (columns count code points, as libyaml does).
    static func offset(line: Int, column: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var currentLine = 1, i = 0
        while currentLine < line, i < scalars.count {
            if scalars[i] == "\n" { currentLine += 1 }
            i += 1
        }
        guard currentLine == line else { return nil }
        let target = i + column - 1
        guard target < scalars.count, !scalars[i..<target].contains("\n") else { return nil }
        return target
    }

    static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where scalars[i] == "\n" { line += 1; lineStart = i + 1 }
        return (line, offset - lineStart + 1)
    }

    static func utf8Offset(of offset: Int, in scalars: [Unicode.Scalar]) -> Int {
        scalars[..<offset].reduce(0) { $0 + UTF8.width($1) }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
