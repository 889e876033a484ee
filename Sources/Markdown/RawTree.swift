import Diagnostics

/// cmark's tree as the DocFX rewrite reads it: nodes whose text is a span of one pool (as in the
/// final tree, so a node the rewrite keeps is kept as it is, its text never copied), and the
/// file they came from. Read only; what the rewrite finds in it (markers, includes, tab
/// headings) is worked out here, so the rewrite's own state is never copied to ask.
struct RawTree {
    let source: [MarkdownNode]
    /// Every literal of cmark's tree, one after the other: the start of the document's pool.
    let pool: String
    let path: String

    static let empty = RawTree(source: [], pool: "", path: "")

    /// The text of `span` (no copy: it shares the pool's storage).
    func text(_ span: TextSpan) -> Substring { span.text(in: pool) }

    /// The pool's bytes, for scans that look at many spans.
    func withPool<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = pool.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = pool
        return copy.withUTF8(body)
    }

    /// The text of `id` when it is a text node.
    func text(of id: NodeID) -> Substring? {
        if case .text(let span) = source[id.index].kind { return text(span) }
        return nil
    }

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
            case .text(let literal), .code(let literal): text += self.text(literal)
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
