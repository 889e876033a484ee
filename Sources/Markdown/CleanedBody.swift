import Diagnostics

/// A Markdown body with control, bidirectional and zero-width characters removed before cmark
/// sees it (see `TextHygiene`), so no node of the tree (text, code, link, raw HTML) can carry
/// them into HTML, chat text or a terminal. Each run removed is a warning at its exact place.
/// Removal shortens lines; `originalByteColumn` maps cmark's columns back to the file's.
struct CleanedBody {
    let text: String
    let diagnostics: [Diagnostic]
    /// For each line (1-based) that lost bytes: ascending (first cleaned byte column after a
    /// removal, bytes removed before that column on the line).
    private let shifts: [Int: [(column: Int, removed: Int)]]

    init(_ body: String, source: SourceText) {
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

    /// The file's byte column for a byte column cmark reports on the cleaned text.
    func originalByteColumn(line: Int, column: Int) -> Int {
        guard let lineShifts = shifts[line] else { return column }
        let removed = lineShifts.last { $0.column <= column }?.removed ?? 0
        return column + removed
    }
}
