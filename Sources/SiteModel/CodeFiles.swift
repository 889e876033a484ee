import Diagnostics
import Foundation
import Markdown

/// The local files that `:::code source="…":::` blocks show: found in the parsed documents,
/// read once when the kit loads (inside the boundary, like every other read).
package enum CodeFiles {
    /// Content-relative paths of the local files a document's code blocks name, sorted.
    package static func referenced(by document: MarkdownDocument) -> [String] {
        var paths: Set<String> = []
        for node in document.nodes {
            guard case .codeReference(let reference) = node.kind,
                  let path = ContentPath.includeTarget(reference.source, from: document.path) else { continue }
            paths.insert(path)
        }
        return paths.sorted()
    }

    /// The text of every referenced file that exists among `files`; missing ones are reported
    /// by the checks.
    static func read(_ documents: [String: MarkdownDocument], files: Set<String>, location: KitLocation,
                     into diagnostics: inout [Diagnostic]) -> [String: String] {
        var result: [String: String] = [:]
        let wanted = Set(documents.values.flatMap(referenced(by:))).filter(files.contains)
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
