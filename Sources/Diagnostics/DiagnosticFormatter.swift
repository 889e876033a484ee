import Foundation

/// Turns diagnostics into what people and CI systems read.
public enum DiagnosticFormatter {
    /// `path:line:column: severity: message [rule]`, the source line with a caret under the
    /// column (when `sourceLine` can supply it), and notes; sorted by file and position.
    public static func text(_ diagnostics: [Diagnostic], sourceLine: (String, Int) -> Substring? = { _, _ in nil }) -> String {
        var output = ""
        // Everything that can come from input is escaped: a kit never writes raw control
        // characters to a terminal or log.
        let safe = { (text: String) in TerminalText.escape(text) }
        for diagnostic in diagnostics.sorted(by: Diagnostic.ordered) {
            let prefix = diagnostic.location.map { "\(safe($0.description)): " } ?? "adoptkit: "
            output += "\(prefix)\(diagnostic.severity.rawValue): \(safe(diagnostic.message)) [\(safe(diagnostic.id.rawValue))]\n"
            if let location = diagnostic.location, let line = sourceLine(location.path, location.line) {
                output += "    \(safe(String(line)))\n    \(caret(under: location.column, in: line))\n"
            }
            for note in diagnostic.notes { output += "    note: \(safe(note))\n" }
        }
        return output
    }

    /// Spaces (and the line's own tabs, so it lines up) up to `column`, then `^`. Columns count
    /// characters of the raw line; escaped characters take their escape's width.
    static func caret(under column: Int, in line: Substring) -> String {
        var prefix = ""
        for (offset, character) in line.enumerated() where offset < column - 1 {
            if character == "\t" { prefix += "\t"; continue }
            prefix += String(repeating: " ", count: TerminalText.escape(String(character)).count)
        }
        return prefix + "^"
    }

    /// `2 errors, 1 warning in 3 files`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let files = Set(diagnostics.compactMap { $0.location?.path }).count
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// The stable JSON schema documented in the README:
    /// `{"diagnostics": [{"rule", "severity", "message", "file", "line", "column", "notes"}],
    ///   "summary": {"errors", "warnings", "files"}}`. `file`, `line` and `column` are null for
    /// problems that belong to no file.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            let rule, severity, message: String
            let file: String?
            let line, column: Int?
            let notes: [String]
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(rule, forKey: .rule)
                try container.encode(severity, forKey: .severity)
                try container.encode(message, forKey: .message)
                try container.encode(file, forKey: .file)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(notes, forKey: .notes)
            }
            enum CodingKeys: String, CodingKey { case rule, severity, message, file, line, column, notes }
        }
        struct Summary: Encodable { let errors, warnings, files: Int }
        struct Report: Encodable { let diagnostics: [Entry]; let summary: Summary }
        let sorted = diagnostics.sorted(by: Diagnostic.ordered)
        let report = Report(
            diagnostics: sorted.map {
                Entry(rule: $0.id.rawValue, severity: $0.severity.rawValue, message: $0.message, file: $0.location?.path,
                      line: $0.location?.line, column: $0.location?.column, notes: $0.notes)
            },
            summary: Summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                             files: Set(diagnostics.compactMap { $0.location?.path }).count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return jsonEscapingInvisibles(String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)) + "\n"
    }

    /// JSONEncoder escapes C0 controls but writes DEL, C1 controls and bidi or zero-width
    /// characters raw, which a terminal showing the JSON would obey. They can only occur inside
    /// strings, where `\uXXXX` means the same character, so the JSON stays valid and equal.
    static func jsonEscapingInvisibles(_ json: String) -> String {
        var result = ""
        for scalar in json.unicodeScalars {
            if scalar.value > 0x7E, TerminalText.needsEscape(scalar, keepNewlines: true) {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted(by: Diagnostic.ordered).map { diagnostic in
            var properties: [String] = []
            if let location = diagnostic.location {
                properties += ["file=\(escapeProperty(TerminalText.escape(location.path)))", "line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(escapeProperty(diagnostic.id.rawValue))")
            let message = ([diagnostic.message] + diagnostic.notes).map { TerminalText.escape($0, keepNewlines: true) }.joined(separator: "\n")
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    /// The escaping GitHub's runner applies to command data and properties.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
