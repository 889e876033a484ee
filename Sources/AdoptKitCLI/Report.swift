import Diagnostics
import Foundation

/// Prints diagnostics to standard error, then a summary line when there were any.
enum Report {
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = DiagnosticFormatter.text(diagnostics)
        text += DiagnosticFormatter.summary(diagnostics) + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func timings(_ laps: [(stage: String, seconds: Double)]) {
        let text = laps.map { "\($0.stage): \(Int(($0.seconds * 1000).rounded())) ms\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
