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
}
