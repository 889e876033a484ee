/// Appends nodes in document order and links parents, children and siblings as it goes.
struct TreeBuilder {
    private(set) var nodes: [MarkdownNode] = []
    /// Open containers and the last child appended to each.
    private var open: [(id: NodeID, lastChild: NodeID?)] = []

    /// - Parameter capacity: the number of nodes expected, when known (a rewrite of a tree).
    init(capacity: Int = 64) { nodes.reserveCapacity(capacity) }

    /// The nodes in storage of their own size: a kit keeps every tree for the whole build, and an
    /// array that grew by doubling carries up to half its size unused.
    func finishedNodes() -> [MarkdownNode] {
        nodes.capacity - nodes.count <= 16 ? nodes : nodes.withUnsafeBufferPointer { Array($0) }
    }

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
