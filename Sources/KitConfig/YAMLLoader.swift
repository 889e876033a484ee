import Diagnostics
import Yams

/// Parses YAML into Yams nodes and turns every YAML problem into a positioned diagnostic.
public enum YAMLLoader {
    /// Refuse larger YAML: config and front matter are small, and a cap keeps hostile input cheap.
    public static let maximumBytes = 1 << 20

    /// - Parameters:
    ///   - lineOffset: added to YAML line numbers (front matter starts below its `---` line).
    ///   - syntaxID: the rule id for syntax errors (config and front matter have their own).
    public static func load(_ text: String, path: String, lineOffset: Int = 0, syntaxID: DiagnosticID) -> (Node?, [Diagnostic]) {
        if text.utf8.count > maximumBytes {
            return (nil, [.error(.configTooLarge, "YAML is larger than \(maximumBytes / 1024) KiB", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))])
        }
        do {
            // Yams holds anchors weakly; they survive only while the parser lives. The basic
            // resolver leaves every scalar a string: adoptkit reads types itself, and Yams's
            // regular-expression resolution of each scalar is the slowest part of a page load.
            // The encoding named, not `.default`: that reads the process environment on every parse.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            return try withExtendedLifetime(parser) {
                guard let node = try parser.singleRoot() else { return (nil, []) }
                return (node, anchorDiagnostics(node, path: path, lineOffset: lineOffset))
            }
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, path: path, lineOffset: lineOffset, id: syntaxID)])
        } catch {
            return (nil, [.error(syntaxID, "\(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))])
        }
    }

    /// The position of a node in the file, with the offset applied.
    public static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int, id: DiagnosticID) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(id, "YAML: \(message)", at: at(mark))
        case let .reader(problem, _, _, _):
            return .error(id, "YAML: \(problem)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams gives the first key's position; find the repeat so both can be shown.
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            if let repeatLine = repeatedKeyLine(key, after: context.mark, in: context.text) {
                return .error(.configDuplicateKey, "key '\(key)' appears twice in the same mapping",
                              at: SourceLocation(path: path, line: repeatLine + lineOffset, column: context.mark.column),
                              notes: ["first at line \(first.line), column \(first.column)"])
            }
            return .error(.configDuplicateKey, "key '\(key)' appears twice in the same mapping", at: first)
        default:
            return .error(id, "YAML: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        }
    }

    /// The line (1-based) where `key` occurs again at the same column as the first occurrence,
    /// before the mapping ends (a line indented less).
    static func repeatedKeyLine(_ key: String, after mark: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = mark.column - 1
        var number = mark.line
        while number < lines.count {
            let line = lines[number]
            number += 1
            let leading = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(leading)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if leading < indent { return nil }
            guard leading == indent, trimmed.hasPrefix(key) else { continue }
            let rest = trimmed.dropFirst(key.count).drop { $0 == " " }
            if rest.hasPrefix(":") { return number }
        }
        return nil
    }

    /// Anchors and aliases can expand a few lines into gigabytes; kits never need them.
    static func anchorDiagnostics(_ root: Node, path: String, lineOffset: Int) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var reported: Set<SourceLocation> = []
        var stack = [root]
        while let node = stack.popLast() {
            // An alias comes back as the anchored node itself: report each anchor once, and never
            // walk into an anchored node, whose aliases could multiply it a billion times.
            if let anchor = node.anchor {
                if reported.insert(location(of: node, path: path, lineOffset: lineOffset)).inserted {
                    result.append(.error(.configAnchor, "YAML anchors and aliases are not allowed ('&\(anchor.rawValue)')",
                                         at: location(of: node, path: path, lineOffset: lineOffset)))
                }
                continue
            }
            switch node {
            case .mapping(let mapping): for (k, v) in mapping { stack.append(k); stack.append(v) }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .alias(let alias):
                result.append(.error(.configAnchor, "YAML anchors and aliases are not allowed ('*\(alias.anchor.rawValue)')",
                                     at: location(of: node, path: path, lineOffset: lineOffset)))
            case .scalar: break
            }
        }
        return result
    }
}
