import Diagnostics
import Yams

/// Parses YAML into Yams nodes and turns every YAML problem into a positioned diagnostic.
public enum YAMLLoader {
    /// Refuse larger YAML: config and front matter are small, and a cap keeps hostile input cheap.
    public static let maximumBytes = 1 << 20

    /// Duplicate keys stop Yams at the first mapping that has them. Each one is reported, its
    /// repeat blanked out and the text parsed again, so every duplicate and every other problem
    /// show up in one run; this bounds the retries.
    static let maximumDuplicateRounds = 100

    /// The tree (anchors reported and aliases dropped, text cleaned: see `YAMLSanitizer`) and
    /// every problem. The tree is nil only when the YAML cannot be parsed at all.
    /// - Parameters:
    ///   - lineOffset: added to YAML line numbers (front matter starts below its `---` line).
    ///   - syntaxID: the rule id for syntax errors (config and front matter have their own).
    public static func load(_ text: String, path: String, lineOffset: Int = 0, syntaxID: DiagnosticID) -> (Node?, [Diagnostic]) {
        if text.utf8.count > maximumBytes {
            return (nil, [.error(.configTooLarge, "YAML is larger than \(maximumBytes / 1024) KiB", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))])
        }
        var text = text
        var duplicates: [Diagnostic] = []
        for _ in 0..<maximumDuplicateRounds {
            do {
                // Yams holds anchors weakly; they survive only while the parser lives. The basic
                // resolver leaves every scalar a string: adoptkit reads types itself, and Yams's
                // regular-expression resolution of each scalar is the slowest part of a page load.
                // The encoding named, not `.default`: that reads the process environment on every parse.
                let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
                return try withExtendedLifetime(parser) {
                    guard let node = try parser.singleRoot() else { return (nil, duplicates) }
                    let (clean, problems) = YAMLSanitizer.sanitize(node, text: text, path: path, lineOffset: lineOffset)
                    return (clean, duplicates + problems)
                }
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                let repeats = DuplicateKeys.find(keys, firstAt: context.mark, in: text)
                guard !repeats.isEmpty else {
                    let first = SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column)
                    return (nil, duplicates + [.error(.configDuplicateKey, "key '\(keys.first ?? "")' appears twice in the same mapping", at: first)])
                }
                for found in repeats {
                    duplicates.append(.error(.configDuplicateKey, "key '\(found.key)' appears again in the same mapping; the first one is used",
                                             at: SourceLocation(path: path, line: found.line + lineOffset, column: found.column),
                                             notes: ["first at line \(found.firstLine + lineOffset), column \(found.firstColumn)"]))
                }
                text = DuplicateKeys.blanking(repeats, in: text)
            } catch let error as YamlError {
                return (nil, duplicates + [diagnostic(for: error, path: path, lineOffset: lineOffset, id: syntaxID)])
            } catch {
                return (nil, duplicates + [.error(syntaxID, "\(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))])
            }
        }
        return (nil, duplicates)
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
        default:
            return .error(id, "YAML: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
        }
    }
}
