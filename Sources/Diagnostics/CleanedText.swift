/// Kit text (a Markdown body before cmark sees it, a kit template before it is parsed) with
/// control, bidirectional and zero-width characters removed (see `TextHygiene`), so nothing made
/// from it (a Markdown node, a template's literal text) can carry them into HTML, chat text or a
/// terminal. Each run removed is a warning at its exact place. Removal shortens lines;
/// `originalByteColumn` and `originalCharacterColumn` map positions in the cleaned text back to
/// the file's.
package struct CleanedText {
    package let text: String
    package let diagnostics: [Diagnostic]
    /// For each line (1-based) that lost bytes: ascending (first cleaned byte column after a
    /// removal, bytes removed before that column on the line).
    private let shifts: [Int: [(column: Int, removed: Int)]]

    package init(_ body: String, source: SourceText) {
        let runs = TextHygiene.scan(body)
        guard !runs.isEmpty else {
            (text, diagnostics, shifts) = (body, [], [:])
            return
        }
        text = TextHygiene.clean(body, runs: runs)
        let bytes = Array(body.utf8)
        var diagnostics: [Diagnostic] = []
        var shifts: [Int: [(column: Int, removed: Int)]] = [:]
        var line = 1, lineStart = 0, scanned = 0, removedOnLine = 0
        for run in runs {
            for offset in scanned..<run.utf8Range.lowerBound where bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
                removedOnLine = 0
            }
            scanned = run.utf8Range.lowerBound
            let byteColumn = run.utf8Range.lowerBound - lineStart + 1
            diagnostics.append(TextHygiene.diagnostic(run, at: SourceLocation(
                path: source.path, line: line, column: source.characterColumn(line: line, byteColumn: byteColumn))))
            // A lone carriage return becomes a space of the same length.
            let removed = run.utf8Range.count - (run.scalars == ["\r"] ? 1 : 0)
            guard removed > 0 else { continue }
            removedOnLine += removed
            shifts[line, default: []].append((column: byteColumn + run.utf8Range.count - removedOnLine, removed: removedOnLine))
        }
        self.diagnostics = diagnostics
        self.shifts = shifts
    }

    /// Whether any line lost bytes, so that columns need mapping back at all.
    package var movedColumns: Bool { !shifts.isEmpty }

    /// The file's byte column for a byte column on the cleaned text (as cmark reports them).
    package func originalByteColumn(line: Int, column: Int) -> Int {
        guard let lineShifts = shifts[line] else { return column }
        let removed = lineShifts.last { $0.column <= column }?.removed ?? 0
        return column + removed
    }

    /// The file's character column for a character column on the cleaned text (as the template
    /// scanner counts them); `source` is the file before cleaning.
    package func originalCharacterColumn(line: Int, column: Int, source: SourceText) -> Int {
        guard shifts[line] != nil else { return column }
        let cleanedLine = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false).dropFirst(line - 1).first ?? ""
        let byteColumn = cleanedLine.prefix(max(0, column - 1)).utf8.count + 1
        return source.characterColumn(line: line, byteColumn: originalByteColumn(line: line, column: byteColumn))
    }
}
