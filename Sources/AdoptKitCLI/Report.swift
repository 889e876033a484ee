import Diagnostics
import Foundation
import KitFiles
import Site
import SiteModel

/// How diagnostics are printed: text for people (default), JSON or GitHub annotations for CI.
enum ReportFormat: String, CaseIterable {
    case text, json, github
}

/// Prints diagnostics. Text goes to standard error with the source line and a caret; JSON and
/// GitHub annotations go to standard output, where CI reads them.
enum Report {
    static func diagnostics(_ diagnostics: [Diagnostic], format: ReportFormat = .text, location: KitLocation? = nil) {
        switch format {
        case .text:
            guard !diagnostics.isEmpty else { return }
            var lines = SourceLines(location: location)
            var text = DiagnosticFormatter.text(diagnostics) { lines.line($1, of: $0) }
            text += DiagnosticFormatter.summary(diagnostics) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.json(diagnostics).utf8))
        case .github:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.github(diagnostics).utf8))
        }
    }

    static func timings(_ laps: [(stage: String, seconds: Double)]) {
        let text = laps.map { "\($0.stage): \(Int(($0.seconds * 1000).rounded())) ms\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Reads source lines for the caret display; paths are as diagnostics show them (relative to
/// the kit, else to the working directory).
struct SourceLines {
    let location: KitLocation?
    private var cache: [String: SourceText?] = [:]

    init(location: KitLocation?) { self.location = location }

    mutating func line(_ number: Int, of path: String) -> Substring? {
        if cache[path] == nil {
            let candidates = [location?.kit.appendingPathComponent(path), URL(fileURLWithPath: path)].compactMap { $0 }
            // Only kit files are quoted: a link to a secret never reaches the terminal or a CI log.
            let boundary = location?.boundary ?? FileBoundary(roots: [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
            let data = candidates.lazy.compactMap { try? boundary.read($0, limit: 4 << 20).get() }.first
            cache[path] = data.flatMap { try? SourceText.decode($0, path: path).get() }
        }
        guard let source = cache[path] ?? nil, number <= source.lineCount else { return nil }
        return source.line(number)
    }
}
