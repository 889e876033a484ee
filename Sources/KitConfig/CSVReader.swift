import Diagnostics

/// One value of a CSV file, with where it starts (1-based line and character column).
package struct CSVField: Sendable, Hashable {
    package var value: String
    package var line: Int
    package var column: Int
    /// Written in double quotes: kept exactly, spaces included.
    package var quoted: Bool
}

/// An RFC 4180 reader that keeps every value's position and reports every problem it finds,
/// so a spreadsheet's mistakes print as `groups.csv:line:column` like the YAML's. The
/// maintained Swift CSV packages stop at the first problem, or read past it, and report no
/// position (see README, "Groups from a spreadsheet").
///
/// Beyond RFC 4180 it reads what spreadsheets write: a UTF-8 byte-order mark, `;` or tab
/// separators (found from the header row, or from Excel's `sep=;` first line), LF, CRLF or CR
/// line ends, and spaces around unquoted values and before an opening quote.
package enum CSVReader {
    package struct Table: Sendable {
        /// Non-blank records in file order.
        package var records: [[CSVField]]
        package var separator: Character
        package var diagnostics: [Diagnostic]
    }

    package static let separators: [Character] = [",", ";", "\t"]

    package static func read(_ text: String, path: String) -> Table {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var line = 1
        let separator: Character
        if let hinted = separatorHint(body) {
            separator = hinted.separator
            body = body[hinted.rest...]
            line = 2
        } else {
            separator = guessSeparator(body)
        }
        var parser = Parser(path: path, separator: separator.unicodeScalars.first!, line: line)
        // By scalar, as spreadsheets read: a quote or separator followed by a combining mark is
        // one character to Swift but still a quote or a separator. Columns count characters.
        for character in body {
            for (offset, scalar) in character.unicodeScalars.enumerated() { parser.consume(scalar, startsCharacter: offset == 0) }
        }
        parser.finish()
        return Table(records: parser.records, separator: separator, diagnostics: parser.diagnostics)
    }

    /// Excel's `sep=;` first line names the separator and is not data.
    static func separatorHint(_ text: Substring) -> (separator: Character, rest: Substring.Index)? {
        guard text.hasPrefix("sep="), let end = text.firstIndex(where: isLineEnd) else { return nil }
        let value = text[text.index(text.startIndex, offsetBy: 4)..<end]
        guard value.count == 1, let separator = value.first, separators.contains(separator) else { return nil }
        return (separator, text.index(after: end))
    }

    /// The separator the header row uses most, outside quotes; a comma when none appears.
    static func guessSeparator(_ text: Substring) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            else if !inQuotes, scalar == "\n" || scalar == "\r" { break }
            else if !inQuotes, separators.contains(Character(scalar)) { counts[Character(scalar), default: 0] += 1 }
        }
        return separators.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) || ((counts[$0] ?? 0) == (counts[$1] ?? 0) && $0 != ",") }
            .flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? ","
    }

    /// `\n`, `\r` and `\r\n` (one Character). Other Unicode line separators are data.
    static func isLineEnd(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\r\n"
    }

    private struct Parser {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        let path: String
        let separator: Unicode.Scalar
        var line: Int
        var column = 1
        /// The last scalar was a CR: a LF right after it ends the same line.
        var afterCR = false
        var state = State.fieldStart
        var value = ""
        var fieldLine = 1, fieldColumn = 1
        var record: [CSVField] = []
        var records: [[CSVField]] = []
        var diagnostics: [Diagnostic] = []
        /// One syntax problem per value is enough; the rest of it is read as text.
        var reportedInValue = false

        init(path: String, separator: Unicode.Scalar, line: Int) {
            (self.path, self.separator, self.line) = (path, separator, line)
            (fieldLine, fieldColumn) = (line, 1)
        }

        /// - Parameter startsCharacter: whether `character` is the first scalar of a character;
        ///   the rest of a character (a combining mark, an emoji's joined parts) add no column.
        mutating func consume(_ character: Unicode.Scalar, startsCharacter: Bool = true) {
            if afterCR, character == "\n" { afterCR = false; return }
            afterCR = character == "\r"
            defer {
                if Self.isLineEnd(character) { line += 1; column = 1 } else if startsCharacter { column += 1 }
            }
            switch state {
            case .fieldStart:
                if character == "\"" {
                    (fieldLine, fieldColumn) = (line, column)
                    value = ""
                    state = .quoted
                } else if character == separator {
                    endField(quoted: false)
                } else if Self.isLineEnd(character) {
                    endField(quoted: false)
                    endRecord()
                } else if character == " " || character == "\t" {
                    value.unicodeScalars.append(character)
                } else {
                    (fieldLine, fieldColumn) = (line, column)
                    value.unicodeScalars.append(character)
                    state = .unquoted
                }
            case .unquoted:
                if character == separator {
                    endField(quoted: false)
                } else if Self.isLineEnd(character) {
                    endField(quoted: false)
                    endRecord()
                } else {
                    if character == "\"" {
                        problem("a double quote inside a value that does not start with one",
                                note: "put the whole value in double quotes and write the quote twice: \"5\"\" screens\"")
                    }
                    value.unicodeScalars.append(character)
                }
            case .quoted:
                if character == "\"" { state = .afterQuote }
                else { value.unicodeScalars.append(Self.isLineEnd(character) ? "\n" : character) }
            case .afterQuote:
                if character == "\"" {
                    value.append("\"")
                    state = .quoted
                } else if character == separator {
                    endField(quoted: true)
                } else if Self.isLineEnd(character) {
                    endField(quoted: true)
                    endRecord()
                } else if character == " " || character == "\t" {
                    break // spaces after the closing quote are read past
                } else {
                    problem("text after the closing double quote of a value",
                            note: "a quote inside a quoted value is written twice (\"\")")
                    value.unicodeScalars.append(character)
                    state = .unquoted
                }
            }
        }

        /// `\n` or `\r` (a CR LF is one line end: `consume` skips its LF).
        static func isLineEnd(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

        mutating func problem(_ message: String, note: String) {
            guard !reportedInValue else { return }
            reportedInValue = true
            diagnostics.append(.error(.csvSyntax, message, at: SourceLocation(path: path, line: line, column: column), notes: [note]))
        }

        mutating func endField(quoted: Bool) {
            let text = quoted ? value : value.trimmingCharacters(in: [" ", "\t"])
            record.append(CSVField(value: text, line: fieldLine, column: fieldColumn, quoted: quoted))
            value = ""
            state = .fieldStart
            reportedInValue = false
            // The next value starts after this separator (or on the next line).
            (fieldLine, fieldColumn) = (line, column + 1)
        }

        mutating func endRecord() {
            // Blank lines, and rows of empty cells (",,,") that spreadsheets leave, are no records.
            if record.contains(where: { $0.quoted || !$0.value.isEmpty }) { records.append(record) }
            record = []
            (fieldLine, fieldColumn) = (line + 1, 1)
        }

        mutating func finish() {
            switch state {
            case .quoted:
                diagnostics.append(.error(.csvSyntax, "a quoted value is never closed: it runs to the end of the file",
                                          at: SourceLocation(path: path, line: fieldLine, column: fieldColumn),
                                          notes: ["add the closing double quote; a quote inside the value is written twice (\"\")"]))
                // The record swallowed the rest of the file; its values would only add noise.
                record = []
            case .afterQuote:
                endField(quoted: true)
                endRecord()
            case .unquoted:
                endField(quoted: false)
                endRecord()
            case .fieldStart:
                if !record.isEmpty || !value.isEmpty {
                    endField(quoted: false)
                    endRecord()
                }
            }
        }
    }
}
