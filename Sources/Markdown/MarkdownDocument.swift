import Diagnostics

/// A parsed Markdown file: an immutable tree stored as a flat array in document order.
///
/// Flat storage keeps every pass iterative (a 100,000-level blockquote is just a long array) and
/// makes the value cheap to share between renderers running in parallel. The fields live in one
/// object, so a copy is one reference count, not one per field: walks and renderers copy the
/// document at every step (an include walk's events carry it).
public struct MarkdownDocument: Sendable {
    @usableFromInline
    final class Storage: Sendable {
        let path, displayPath: String
        @usableFromInline let nodes: [MarkdownNode]
        @usableFromInline let textPool: String
        let frontMatter: FrontMatter
        let diagnostics: [Diagnostic]

        init(path: String, displayPath: String, nodes: [MarkdownNode], textPool: String, frontMatter: FrontMatter, diagnostics: [Diagnostic]) {
            self.path = path
            self.displayPath = displayPath
            self.nodes = nodes
            self.textPool = textPool
            self.frontMatter = frontMatter
            self.diagnostics = diagnostics
        }
    }

    // Inlinable reads: every renderer in the other modules reads a node at every step.
    @usableFromInline let storage: Storage

    /// Path of the source, relative to the content folder (`guide/invite.md`).
    public var path: String { _read { yield storage.path } }
    /// Path as diagnostics show it (`Content/guide/invite.md`).
    public var displayPath: String { _read { yield storage.displayPath } }
    public var nodes: [MarkdownNode] { _read { yield storage.nodes } }
    /// The literal text of every node (and of cmark's nodes the DocFX rewrite replaced); a
    /// node's `TextSpan` says where its own is (read it with `document[span]`).
    public var textPool: String { _read { yield storage.textPool } }
    public var frontMatter: FrontMatter { _read { yield storage.frontMatter } }
    /// Problems found while parsing and applying the DocFX passes.
    public var diagnostics: [Diagnostic] { _read { yield storage.diagnostics } }

    init(path: String, displayPath: String, nodes: [MarkdownNode], textPool: String, frontMatter: FrontMatter, diagnostics: [Diagnostic]) {
        storage = Storage(path: path, displayPath: displayPath, nodes: nodes, textPool: textPool, frontMatter: frontMatter, diagnostics: diagnostics)
    }

    /// The same document with its front matter's text dropped (where it was stays): a kit
    /// holds every document for the whole build, and the text is read once, into the page's
    /// metadata. The tree is shared, not copied.
    public func droppingFrontMatterText() -> MarkdownDocument {
        guard !storage.frontMatter.yaml.isEmpty else { return self }
        return MarkdownDocument(path: path, displayPath: displayPath, nodes: nodes, textPool: textPool,
                                frontMatter: FrontMatter(yaml: "", firstLine: storage.frontMatter.firstLine), diagnostics: diagnostics)
    }

    public var root: NodeID { NodeID(0) }

    /// Borrowed, not copied: walks read a node at every step, and a copy costs a reference count
    /// on its payload each time.
    @inlinable
    public subscript(id: NodeID) -> MarkdownNode { _read { yield storage.nodes[id.index] } }

    /// The text of a span of this document's nodes (no copy: it shares the pool's storage).
    @inlinable
    public subscript(span: TextSpan) -> Substring { span.text(in: storage.textPool) }

    /// `kind` with its text read from the pool (tests compare kinds this way).
    public func literal(_ kind: NodeKind) -> NodeKindOf<String> { kind.mapText { String(self[$0]) } }

    public func children(of id: NodeID) -> Children {
        Children(nodes: nodes, upcoming: nodes[id.index].firstChild)
    }

    public struct Children: Sequence, IteratorProtocol {
        let nodes: [MarkdownNode]
        var upcoming: NodeID?
        /// The first child, if any.
        public var first: NodeID? { upcoming }
        public mutating func next() -> NodeID? {
            guard let current = upcoming else { return nil }
            upcoming = nodes[current.index].nextSibling
            return current
        }
    }

    /// Enter/exit events over the subtree at `id`, in document order, without recursion.
    public func walk(from id: NodeID? = nil) -> Walk { Walk(document: self, start: id ?? root) }

    public enum Event: Hashable, Sendable {
        case enter(NodeID)
        case exit(NodeID)
    }

    public struct Walk: Sequence, IteratorProtocol {
        let document: MarkdownDocument
        let start: NodeID
        var pending: Event?

        init(document: MarkdownDocument, start: NodeID) {
            self.document = document
            self.start = start
            self.pending = .enter(start)
        }

        public mutating func next() -> Event? {
            guard let event = pending else { return nil }
            switch event {
            case .enter(let id):
                pending = document[id].firstChild.map(Event.enter) ?? .exit(id)
            case .exit(let id):
                if id == start {
                    pending = nil
                } else if let sibling = document[id].nextSibling {
                    pending = .enter(sibling)
                } else {
                    pending = document[id].parent.map(Event.exit)
                }
            }
            return event
        }
    }

    /// The first level-1 heading's text, which DocFX uses when front matter has no title.
    public var firstHeadingText: String? {
        for id in children(of: root) {
            if case .heading(1, _) = self[id].kind { return plainText(of: id) }
        }
        return nil
    }

    /// All headings with their ids, in order.
    public var headings: [(id: NodeID, level: Int, anchor: String)] {
        nodes.indices.compactMap { i in
            if case let .heading(level, anchor) = nodes[i].kind { return (NodeID(i), level, anchor) }
            return nil
        }
    }

    /// The text of a subtree with markup removed (breaks become spaces).
    public func plainText(of id: NodeID) -> String {
        var text = ""
        for event in walk(from: id) {
            guard case .enter(let child) = event else { continue }
            switch self[child].kind {
            case .text(let literal), .code(let literal): text += self[literal]
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    /// The location of a node for diagnostics; inline nodes cmark could not place fall back to
    /// their nearest placed ancestor.
    public func location(of id: NodeID) -> SourceLocation {
        var current: NodeID? = id
        while let c = current {
            let range = self[c].range
            if range.isKnown { return SourceLocation(path: displayPath, line: range.start.line, column: range.start.column) }
            current = self[c].parent
        }
        return SourceLocation(path: displayPath, line: 1, column: 1)
    }
}
