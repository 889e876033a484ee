import Diagnostics

/// cmark's tree as the DocFX rewrite reads it: nodes whose text is still one `String` each,
/// and the file they came from. Read only; what the rewrite finds in it (markers, includes,
/// tab headings) is worked out here, so the rewrite's own state is never copied to ask.
struct RawTree {
    let source: [RawNode]
    let path: String

    func children(_ id: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var next = source[id.index].firstChild
        while let c = next { result.append(c); next = source[c.index].nextSibling }
        return result
    }

    func plainText(_ id: NodeID) -> String {
        var text = ""
        var stack = [id]
        while let current = stack.popLast() {
            switch source[current.index].kind {
            case .text(let literal), .code(let literal): text += literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
            stack.append(contentsOf: children(current).reversed())
        }
        return text
    }

    func locate(_ id: NodeID) -> SourceLocation {
        var current: NodeID? = id
        while let c = current {
            let r = source[c.index].range
            if r.isKnown { return SourceLocation(path: path, line: r.start.line, column: r.start.column) }
            current = source[c.index].parent
        }
        return SourceLocation(path: path, line: 1, column: 1)
    }
}
