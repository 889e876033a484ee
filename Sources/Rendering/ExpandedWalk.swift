import Markdown

/// Enter/exit events over a document with its includes expanded in place. Iterative: includes
/// push a frame instead of recursing, and an include already on the stack (a cycle, reported by
/// the site) is skipped.
public struct ExpandedWalk: Sequence, IteratorProtocol {
    public struct Event {
        public var isEntering: Bool
        public var id: NodeID
        public var document: MarkdownDocument
        public var node: MarkdownNode { document[id] }
        /// The node's kind, borrowed: a copy of a node retains its payload.
        @inlinable public var kind: NodeKind { _read { yield document[id].kind } }
    }

    private struct Frame {
        var document: MarkdownDocument
        var walk: MarkdownDocument.Walk
        /// Root of the walked range, whose own enter/exit is not reported for included files.
        var hiddenRoot: NodeID?
    }

    private let environment: MarkdownEnvironment
    private var frames: [Frame]
    /// Include expansions left for this walk: a file included twice by a file included twice
    /// … grows exponentially; the site reports such pages (`include.too-large`), and the walk
    /// stops expanding rather than hang.
    private var expansionsLeft = ExpandedWalk.maximumExpansions
    public static let maximumExpansions = 10_000

    public init(_ document: MarkdownDocument, environment: MarkdownEnvironment) {
        self.environment = environment
        self.frames = [Frame(document: document, walk: document.walk(), hiddenRoot: nil)]
    }

    public mutating func next() -> Event? {
        while !frames.isEmpty {
            let top = frames.count - 1
            guard let event = frames[top].walk.next() else {
                frames.removeLast()
                continue
            }
            let document = frames[top].document
            let (entering, id): (Bool, NodeID) = switch event {
            case .enter(let id): (true, id)
            case .exit(let id): (false, id)
            }
            if id == frames[top].hiddenRoot { continue }
            if entering, let (path, inline) = includeTarget(document[id].kind) {
                pushInclude(path, inline: inline, from: document)
                continue
            }
            if !entering, includeTarget(document[id].kind) != nil { continue }
            return Event(isEntering: entering, id: id, document: document)
        }
        return nil
    }

    private func includeTarget(_ kind: NodeKind) -> (String, Bool)? {
        switch kind {
        case .include(let path, _): (path, false)
        case .inlineInclude(let path, _): (path, true)
        default: nil
        }
    }

    private mutating func pushInclude(_ path: String, inline: Bool, from document: MarkdownDocument) {
        guard expansionsLeft > 0, let included = environment.includedDocument(path, in: document.path),
              !frames.contains(where: { $0.document.path == included.path }) else { return }
        expansionsLeft -= 1
        var root = included.root
        // An inline include of a one-paragraph file contributes that paragraph's inlines.
        if inline {
            let blocks = Array(included.children(of: included.root))
            if blocks.count == 1, case .paragraph = included[blocks[0]].kind { root = blocks[0] }
        }
        frames.append(Frame(document: included, walk: included.walk(from: root), hiddenRoot: root))
    }
}
