/// Appends nodes in document order and links parents, children and siblings as it goes.
struct TreeBuilder {
    private(set) var nodes: [MarkdownNode] = []
    /// Open containers and the last child appended to each.
    private var open: [(id: NodeID, lastChild: NodeID?)] = []

    init() { nodes.reserveCapacity(64) }

    /// Appends a node as the next child of the innermost open container.
    @discardableResult
    mutating func append(_ kind: NodeKind, _ range: SourceRange) -> NodeID {
        let id = NodeID(nodes.count)
        var node = MarkdownNode(kind: kind, range: range)
        if let top = open.last {
            node.parent = top.id
            if let last = top.lastChild {
                nodes[last.index].nextSibling = id
            } else {
                nodes[top.id.index].firstChild = id
            }
            open[open.count - 1].lastChild = id
        }
        nodes.append(node)
        return id
    }

    /// Appends a container and makes it the target of following appends until `close()`.
    @discardableResult
    mutating func open(_ kind: NodeKind, _ range: SourceRange) -> NodeID {
        let id = append(kind, range)
        open.append((id, nil))
        return id
    }

    mutating func close() { open.removeLast() }

    /// How many containers are open.
    var depth: Int { open.count }

}
