/// How bad a finding is. `error` stops a build from writing anything.
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in a kit, with a stable rule id (for docs, filters and tests) and the
/// position in the original file.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    /// `nil` only for problems that belong to no file (for example a bad output folder).
    public var location: SourceLocation?
    /// Extra lines that help (an include chain, a did-you-mean).
    public var notes: [String]

    public init(
        _ id: DiagnosticID,
        _ severity: Severity,
        _ message: String,
        at location: SourceLocation?,
        notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(id, .error, message, at: location, notes: notes)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(id, .warning, message, at: location, notes: notes)
    }

    /// `path:line:column: error: message [id]`, the format compilers use so editors jump to it.
    /// Input quoted in it is escaped (see `TerminalText`).
    public var description: String {
        let prefix = location.map { "\(TerminalText.escape($0.description)): " } ?? "adoptkit: "
        var text = "\(prefix)\(severity.rawValue): \(TerminalText.escape(message)) [\(id.rawValue)]"
        for note in notes { text += "\n    note: \(TerminalText.escape(note))" }
        return text
    }

    /// Sort order for output: by file, then position, then id, so runs are deterministic.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default: return (lhs.id.rawValue, lhs.message) < (rhs.id.rawValue, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Every warning promoted to an error (`--strict`).
    public func promotingWarnings() -> [Diagnostic] {
        map { var d = $0; d.severity = .error; return d }
    }
}
