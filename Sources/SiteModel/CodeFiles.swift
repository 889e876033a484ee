import Diagnostics
import Foundation
import Markdown

/// The local files that `:::code source="…":::` blocks show: named in the files' outlines,
/// read once when the kit loads (inside the boundary, like every other read).
package enum CodeFiles {
    /// The text of every referenced file that exists among `files`; missing ones are reported
    /// by the checks.
    static func read(_ outlines: [String: DocumentOutline], files: Set<String>, location: KitLocation,
                     into diagnostics: inout [Diagnostic]) -> [String: String] {
        var result: [String: String] = [:]
        let wanted = Set(outlines.values.flatMap(\.codeFiles)).filter(files.contains)
        for path in wanted.sorted() {
            let display = location.displayPath(content: path)
            switch location.boundary.read(location.content.appendingPathComponent(path), limit: ContentScanner.maximumFileBytes) {
            case .success(let data):
                switch SourceText.decode(data, path: display) {
                case .success(let source): result[path] = source.text
                case .failure(let problem): diagnostics.append(problem)
                }
            case .failure(let refusal):
                diagnostics.append(.error(.unreadable, refusal.describe(display), at: SourceLocation(path: display, line: 1, column: 1)))
            }
        }
        return result
    }
}
