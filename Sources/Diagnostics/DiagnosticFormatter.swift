/// Turns diagnostics into the text a terminal shows: one `path:line:column: severity: message [id]`
/// block each, then a summary line.
public enum DiagnosticFormatter {
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted(by: Diagnostic.ordered).map { $0.description + "\n" }.joined()
    }

    /// `2 errors, 1 warning in 3 files`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let files = Set(diagnostics.compactMap { $0.location?.path }).count
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
