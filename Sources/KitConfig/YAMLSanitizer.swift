import Diagnostics
import Yams

/// One walk over a freshly parsed YAML tree that makes it safe to read:
///
/// - anchors are reported (`config.anchor`) and every alias is dropped from its parent, so a
///   few lines can never expand into gigabytes, while the rest of the file is still read and
///   all its other problems reported;
/// - control, bidirectional and zero-width characters are removed from every scalar (keys
///   included), so `adoptkit.yml`, front matter, `toc.yml` and `poster.yml` values are clean
///   wherever they land. Each run removed is a `text.control-character` warning at its place in
///   the file, or at the value when a `"\e"`-style escape made it.
enum YAMLSanitizer {
    private enum Step {
        case visit(Node)
        case sequence(Node.Sequence)
        case mapping(Node.Mapping)
    }

    static func sanitize(_ root: Node, text: String, path: String, lineOffset: Int) -> (Node, [Diagnostic]) {
        // Escapes start with a backslash; without one, only raw characters can need cleaning.
        let mayNeedCleaning = TextHygiene.mayNeedCleaning(text.utf8) || text.utf8.contains(UInt8(ascii: "\\"))
        let lines = mayNeedCleaning ? text.split(separator: "\n", omittingEmptySubsequences: false) : []
        var diagnostics: [Diagnostic] = []
        var anchors: Set<ObjectIdentifier> = []
        var steps: [Step] = [.visit(root)]
        // Rebuilt children, in order; nil for a dropped alias.
        var built: [Node?] = []
        while let step = steps.popLast() {
            switch step {
            case .visit(let node):
                if let anchor = node.anchor {
                    // Yams hands back an alias as the anchored node itself: its first appearance
                    // is the anchor, every later one an alias.
                    guard anchors.insert(ObjectIdentifier(anchor)).inserted else { built.append(nil); continue }
                    diagnostics.append(.error(.configAnchor, "YAML anchors and aliases are not allowed ('&\(anchor.rawValue)'); aliases of it are ignored",
                                              at: YAMLLoader.location(of: node, path: path, lineOffset: lineOffset)))
                }
                switch node {
                case .scalar(var scalar):
                    let runs = mayNeedCleaning ? TextHygiene.scan(scalar.string) : []
                    if !runs.isEmpty {
                        for location in locate(runs, of: scalar, lines: lines, path: path, lineOffset: lineOffset) {
                            diagnostics.append(TextHygiene.diagnostic(location.run, at: location.at))
                        }
                        scalar.string = TextHygiene.clean(scalar.string, runs: runs)
                    }
                    built.append(.scalar(scalar))
                case .sequence(let sequence):
                    steps.append(.sequence(sequence))
                    steps.append(contentsOf: sequence.reversed().map(Step.visit))
                case .mapping(let mapping):
                    steps.append(.mapping(mapping))
                    for pair in mapping.reversed() { steps.append(.visit(pair.value)); steps.append(.visit(pair.key)) }
                case .alias:
                    built.append(nil)
                }
            case .sequence(let sequence):
                let children = built.suffix(sequence.count).compactMap { $0 }
                built.removeLast(sequence.count)
                built.append(.sequence(Node.Sequence(children, sequence.tag, sequence.style, sequence.mark, sequence.anchor)))
            case .mapping(let mapping):
                let children = Array(built.suffix(mapping.count * 2))
                built.removeLast(mapping.count * 2)
                let pairs = stride(from: 0, to: children.count, by: 2).compactMap { i -> (Node, Node)? in
                    guard let key = children[i], let value = children[i + 1] else { return nil }
                    return (key, value)
                }
                built.append(.mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor)))
            }
        }
        return ((built.last ?? nil) ?? root, diagnostics)
    }

    /// Where each run is in the file: the character itself when it is written there (searched
    /// in order from the scalar's start, over the lines the value can span), else the scalar.
    private static func locate(_ runs: [TextHygiene.Run], of scalar: Node.Scalar, lines: [Substring], path: String,
                               lineOffset: Int) -> [(run: TextHygiene.Run, at: SourceLocation)] {
        let start = SourceLocation(path: path, line: (scalar.mark?.line ?? 1) + lineOffset, column: scalar.mark?.column ?? 1)
        var line = (scalar.mark?.line ?? 1) - 1
        var column = (scalar.mark?.column ?? 1) - 1
        let lastLine = min(lines.count - 1, line + scalar.string.utf8.count { $0 == UInt8(ascii: "\n") } + 2)
        return runs.map { run in
            guard let target = run.scalars.first else { return (run, start) }
            var searchLine = line, searchColumn = column
            while searchLine <= lastLine, searchLine >= 0 {
                let text = lines[searchLine]
                let characters = text.dropFirst(searchColumn)
                if let found = characters.unicodeScalars.firstIndex(of: target) {
                    let foundColumn = text[..<found].count
                    line = searchLine
                    column = foundColumn + 1
                    return (run, SourceLocation(path: path, line: searchLine + 1 + lineOffset, column: foundColumn + 1))
                }
                searchLine += 1
                searchColumn = 0
            }
            return (run, start)
        }
    }
}
