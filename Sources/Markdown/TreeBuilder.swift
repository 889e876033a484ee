/// Appends nodes in document order and links parents, children and siblings as it goes.
struct TreeBuilder<Text: Hashable & Sendable> {
    private(set) var nodes: [MarkdownNodeOf<Text>] = []
    /// Open containers and the last child appended to each.
    private var open: [(id: NodeID, lastChild: NodeID?)] = []

    /// - Parameter capacity: the number of nodes expected, when known (a rewrite of a tree).
    init(capacity: Int = 64) { nodes.reserveCapacity(capacity) }

    /// The nodes in storage of their own size: a kit keeps every tree for the whole build, and an
    /// array that grew by doubling carries up to half its size unused.
    func finishedNodes() -> [MarkdownNodeOf<Text>] {
        nodes.capacity - nodes.count <= 16 ? nodes : nodes.withUnsafeBufferPointer { Array($0) }
    }

    /// Appends a node as the next child of the innermost open container.
    @discardableResult
    mutating func append(_ kind: NodeKindOf<Text>, _ range: SourceRange) -> NodeID {
        let id = NodeID(nodes.count)
        var node = MarkdownNodeOf(kind: kind, range: range)
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
    mutating func open(_ kind: NodeKindOf<Text>, _ range: SourceRange) -> NodeID {
        let id = append(kind, range)
        open.append((id, nil))
        return id
    }

    mutating func close() { open.removeLast() }

    /// Copies `range` of `source`, the whole content of `parent` there (its descendants, which
    /// a tree in document order keeps together), as the next children of the innermost open
    /// container: one pass over the nodes, their links shifted.
    mutating func appendContent(of parent: NodeID, in source: [MarkdownNodeOf<Text>], range: Range<Int>) {
        guard let top = open.last, !range.isEmpty else { return }
        let offset = nodes.count - range.lowerBound
        for index in range { nodes.append(source[index].moved(by: offset, reparenting: parent, to: top.id)) }
        let first = NodeID(range.lowerBound + offset)
        if let last = top.lastChild { nodes[last.index].nextSibling = first } else { nodes[top.id.index].firstChild = first }
        var last = first
        while let next = nodes[last.index].nextSibling { last = next }
        open[open.count - 1].lastChild = last
    }

    /// How many containers are open.
    var depth: Int { open.count }
}

/// Builds a document's final tree. Its text pool starts as cmark's (the rewrite keeps most
/// nodes as cmark made them, spans and all); text the rewrite makes, and a tree made in code,
/// goes into the pool as it is appended.
struct DocumentTreeBuilder {
    private(set) var tree: TreeBuilder<TextSpan>
    /// The text the tree's spans point into (`MarkdownDocument.textPool`): cmark's literals
    /// first, then the text appended here.
    private(set) var textPool: String
    /// The pool's length when it came from cmark: a pool that did not grow is its own size.
    private let startCount: Int

    init(capacity: Int = 64, pool: String = "") {
        tree = TreeBuilder(capacity: capacity)
        textPool = pool
        startCount = pool.utf8.count
    }

    /// A node whose spans are on this builder's pool.
    @discardableResult
    mutating func append(_ kind: NodeKind, _ range: SourceRange) -> NodeID { tree.append(kind, range) }

    @discardableResult
    mutating func open(_ kind: NodeKind, _ range: SourceRange) -> NodeID { tree.open(kind, range) }

    /// A node whose text is a `String`, added to the pool.
    @discardableResult
    mutating func appendPooling(_ kind: NodeKindOf<String>, _ range: SourceRange) -> NodeID {
        let pooled = kind.mapText { span(for: $0) }
        return tree.append(pooled, range)
    }

    @discardableResult
    mutating func openPooling(_ kind: NodeKindOf<String>, _ range: SourceRange) -> NodeID {
        let pooled = kind.mapText { span(for: $0) }
        return tree.open(pooled, range)
    }

    /// A text node holding `text`.
    mutating func appendText(_ text: String, _ range: SourceRange) { appendPooling(.text(text), range) }

    mutating func close() { tree.close() }

    /// Nodes copied whole from a tree whose spans are on this builder's pool
    /// (`TreeBuilder.appendContent(of:in:range:)`).
    mutating func appendContent(of parent: NodeID, in source: [MarkdownNode], range: Range<Int>) {
        tree.appendContent(of: parent, in: source, range: range)
    }

    var depth: Int { tree.depth }

    func finishedNodes() -> [MarkdownNode] { tree.finishedNodes() }

    /// The pool in storage of its own size (it grew by doubling). Appending to a string with
    /// room copies bytes already known to be UTF-8; decoding them would validate them again.
    func finishedTextPool() -> String {
        guard textPool.utf8.count > startCount else { return textPool }
        var pool = String()
        pool.reserveCapacity(textPool.utf8.count)
        pool += textPool
        return pool
    }

    /// `text` added to the pool. Files are capped at a few MiB, so offsets fit in 32 bits.
    private mutating func span(for text: String) -> TextSpan {
        let start = textPool.utf8.count
        textPool += text
        return TextSpan(start: start, count: text.utf8.count, containsDoubleBrace: TextSpan.containsDoubleBrace(text.utf8))
    }
}
