import Diagnostics

/// Where a node starts in the original file (lines 1-based, columns in characters) and the line
/// it ends on. End columns are not kept: nothing reports them, and a build holds every node.
public struct SourceRange: Hashable, Sendable {
    public var start: Position
    public var endLine: Int

    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    public init(start: Position, endLine: Int) { self.start = start; self.endLine = endLine }

    public static let unknown = SourceRange(start: .init(line: 0, column: 0), endLine: 0)
    public var isKnown: Bool { start.line > 0 }
}

public enum ListDelimiter: Sendable, Hashable { case period, paren }
public enum TableAlignment: Sendable, Hashable { case none, left, center, right }

/// The five DocFX alert kinds.
public enum AlertKind: String, Sendable, Hashable, CaseIterable {
    case note, tip, important, caution, warning

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// `:::image type="…" source="…" alt-text="…":::`.
public struct ImageBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case content, complex, icon }
    public var kind: Kind
    public var source: String
    public var altText: String
    /// The long description of a `complex` image (text between the tag and `:::image-end:::`).
    public var longDescription: String
    /// `lightbox="…"`: a larger image the picture links to.
    public var lightbox: String? = nil
}

/// Containers of the DocFX dialect, each from its own marker: `:::row:::`, `:::column:::`,
/// `:::zone pivot="…":::`, `:::moniker range="…":::`, tab headings (`# [Label](#tab/id)` up to
/// `---`) and `> [!div class="…"]`.
public enum DocFXContainer: Sendable, Hashable {
    case row
    case column
    case zone(pivot: String)
    case moniker(range: String)
    /// A group of tabs; its children are `.tab`s.
    case tabs
    case tab(label: String, id: String)
    /// `> [!div class="nextstepaction"]`; the classes are letters, digits, `-` and `_` only.
    case division(classes: [String])

    /// What a reader is told before the content: a tab's label, a zone's pivots
    /// (`pivot="windows,macos"` → "windows, macos"); nil for containers that only group.
    public var label: String? {
        switch self {
        case .tab(let label, _): return label
        case .zone(let pivot): return pivot.split(separator: ",").map { $0.trimmingSpaces() }.joined(separator: ", ")
        // The versions a moniker's text is for (`>= vs-2019`): a page shows every version's.
        case .moniker(let range): return range.trimmingSpaces().isEmpty ? nil : range.trimmingSpaces()
        default: return nil
        }
    }
}

/// What a node is. Payloads are plain values; children live in the tree, never in the kind, so a
/// tree of any depth is a flat array and nothing recurses over it.
///
/// A build holds every node of every page, so a kind is kept to eight bytes and a tag: literal
/// text is a `TextSpan` of the document's text pool (`MarkdownDocument.subscript(_:)`), and
/// payloads wider than a word, all of them on rarer nodes, are boxed (`indirect`). `Text` is
/// `String` only where a tree is made in code (`DocumentBuilder`) and where tests read a kind
/// with its text (`MarkdownDocument.literal(_:)`).
public typealias NodeKind = NodeKindOf<TextSpan>

/// A node kind whose literal text is `Text`.
public enum NodeKindOf<Text: Hashable & Sendable>: Sendable, Hashable {
    // CommonMark and GFM blocks
    case document
    case blockQuote
    indirect case list(ordered: Bool, start: Int, tight: Bool, delimiter: ListDelimiter)
    /// `task` is nil for ordinary items, true/false for checked/unchecked task-list items.
    case item(task: Bool?)
    indirect case codeBlock(info: String, literal: String)
    case htmlBlock(Text)
    case paragraph
    indirect case heading(level: Int, id: String)
    case thematicBreak
    case table(alignments: [TableAlignment])
    case tableRow(header: Bool)
    case tableCell(alignment: TableAlignment, header: Bool)

    // DocFX blocks (made by `DocFXRewriter`)
    case alert(AlertKind)
    indirect case video(url: String)
    indirect case include(path: String, title: String)
    indirect case image(ImageBlock)
    indirect case container(DocFXContainer)
    indirect case codeReference(CodeReference)

    // Inlines
    case text(Text)
    case softBreak
    case lineBreak
    case code(Text)
    case htmlInline(Text)
    case emphasis
    case strong
    case strikethrough
    indirect case link(destination: String, title: String)
    indirect case inlineImage(source: String, title: String)
    indirect case inlineInclude(path: String, title: String)

    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .table, .tableRow, .tableCell, .alert, .video, .include, .image, .container, .codeReference:
            return true
        default:
            return false
        }
    }
}

/// A run of a document's literal text: where it starts in the document's text pool and how long
/// it is, in UTF-8 bytes. Nodes hold spans rather than strings: a build holds every node of
/// every page, and a string of its own costs each text node an allocation with a 32-byte header.
public struct TextSpan: Hashable, Sendable {
    @usableFromInline let start: UInt32
    /// The length in UTF-8 bytes, and in the top bit whether the text holds `{{`.
    private let countAndFlag: UInt32

    init(start: Int, count: Int, containsDoubleBrace: Bool) {
        self.start = UInt32(clamping: start)
        countAndFlag = UInt32(clamping: min(count, Int(Self.flag - 1))) | (containsDoubleBrace ? Self.flag : 0)
    }

    private static let flag: UInt32 = 1 << 31

    /// The text's length in UTF-8 bytes.
    public var utf8Count: Int { Int(countAndFlag & ~Self.flag) }

    /// Whether the text holds `{{` (a placeholder may start there), found once when it was
    /// pooled: every renderer asks, for every text node.
    public var containsDoubleBrace: Bool { countAndFlag & Self.flag != 0 }

    /// The span's text in `pool` (no copy: it shares the pool's storage).
    @inlinable
    public func text(in pool: String) -> Substring {
        let utf8 = pool.utf8
        let first = utf8.index(utf8.startIndex, offsetBy: Int(start))
        return pool[first..<utf8.index(first, offsetBy: utf8Count)]
    }

    /// True when `bytes` (UTF-8) hold `{{`: the scan behind the flag, and behind `DocVariables`.
    public static func containsDoubleBrace(_ bytes: some Sequence<UInt8>) -> Bool {
        ByteRun.contains(UInt8(ascii: "{"), times: 2, in: bytes)
    }
}

extension NodeKindOf {
    /// The same kind with its literal text turned by `transform` (the rewrite moves cmark's
    /// strings into the document's pool).
    func mapText<Other>(_ transform: (Text) -> Other) -> NodeKindOf<Other> {
        switch self {
        case .document: .document
        case .blockQuote: .blockQuote
        case let .list(ordered, start, tight, delimiter): .list(ordered: ordered, start: start, tight: tight, delimiter: delimiter)
        case .item(let task): .item(task: task)
        case let .codeBlock(info, literal): .codeBlock(info: info, literal: literal)
        case .htmlBlock(let text): .htmlBlock(transform(text))
        case .paragraph: .paragraph
        case let .heading(level, id): .heading(level: level, id: id)
        case .thematicBreak: .thematicBreak
        case .table(let alignments): .table(alignments: alignments)
        case .tableRow(let header): .tableRow(header: header)
        case let .tableCell(alignment, header): .tableCell(alignment: alignment, header: header)
        case .alert(let kind): .alert(kind)
        case .video(let url): .video(url: url)
        case let .include(path, title): .include(path: path, title: title)
        case .image(let image): .image(image)
        case .container(let container): .container(container)
        case .codeReference(let reference): .codeReference(reference)
        case .text(let text): .text(transform(text))
        case .softBreak: .softBreak
        case .lineBreak: .lineBreak
        case .code(let text): .code(transform(text))
        case .htmlInline(let text): .htmlInline(transform(text))
        case .emphasis: .emphasis
        case .strong: .strong
        case .strikethrough: .strikethrough
        case let .link(destination, title): .link(destination: destination, title: title)
        case let .inlineImage(source, title): .inlineImage(source: source, title: title)
        case let .inlineInclude(path, title): .inlineInclude(path: path, title: title)
        }
    }
}

/// Index of a node in its `MarkdownDocument`.
public struct NodeID: Hashable, Sendable, Comparable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// One node of the flat tree: its kind, where it came from, and links to its neighbours.
public typealias MarkdownNode = MarkdownNodeOf<TextSpan>

/// A node whose literal text is `Text`. Positions and links are stored as 32-bit numbers (-1 for
/// none) and the lines it spans as 16 bits, beside the kind's tag: a build holds every node of
/// every page, and this keeps a node at 32 bytes instead of 144.
public struct MarkdownNodeOf<Text: Hashable & Sendable>: Sendable, Hashable {
    public var kind: NodeKindOf<Text>
    private var lineSpan: UInt16 = 0
    private var startLine: Int32 = 0, startColumn: Int32 = 0
    private var parentIndex: Int32 = -1, firstChildIndex: Int32 = -1, nextSiblingIndex: Int32 = -1

    init(kind: NodeKindOf<Text>, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The end line is kept up to 65,535 lines after the start (a node longer than that reports
    /// that many).
    public var range: SourceRange {
        get { SourceRange(start: .init(line: Int(startLine), column: Int(startColumn)), endLine: Int(startLine) + Int(lineSpan)) }
        set {
            (startLine, startColumn) = (Self.narrow(newValue.start.line), Self.narrow(newValue.start.column))
            lineSpan = UInt16(clamping: max(0, newValue.endLine - newValue.start.line))
        }
    }

    public internal(set) var parent: NodeID? {
        get { Self.id(parentIndex) }
        set { parentIndex = Self.index(newValue) }
    }

    public internal(set) var firstChild: NodeID? {
        get { Self.id(firstChildIndex) }
        set { firstChildIndex = Self.index(newValue) }
    }

    public internal(set) var nextSibling: NodeID? {
        get { Self.id(nextSiblingIndex) }
        set { nextSiblingIndex = Self.index(newValue) }
    }

    /// The node moved `offset` places in its array, and its links with it (it is copied with
    /// its neighbours); where its parent was `oldParent`, it is `newParent`.
    func moved(by offset: Int, reparenting oldParent: NodeID, to newParent: NodeID) -> Self {
        var node = self
        let shift = Int32(clamping: offset)
        node.parentIndex = parentIndex == Int32(clamping: oldParent.index) ? Int32(clamping: newParent.index) : parentIndex &+ shift
        if firstChildIndex >= 0 { node.firstChildIndex = firstChildIndex &+ shift }
        if nextSiblingIndex >= 0 { node.nextSiblingIndex = nextSiblingIndex &+ shift }
        return node
    }

    /// Files are capped at a few MiB, so lines, columns and node counts fit; clamp regardless.
    private static func narrow(_ value: Int) -> Int32 { Int32(clamping: value) }
    private static func id(_ index: Int32) -> NodeID? { index < 0 ? nil : NodeID(Int(index)) }
    private static func index(_ id: NodeID?) -> Int32 { id.map { Int32(clamping: $0.index) } ?? -1 }
}
