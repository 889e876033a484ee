/// A position in an original source file, as a person counts it: 1-based line, and a 1-based
/// column counted in characters (not bytes) so editors and terminals point at the right place.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path as shown to the user (relative to the kit where possible).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
