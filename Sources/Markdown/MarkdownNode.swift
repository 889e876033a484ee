import Diagnostics

/// A start and end position in the original file (lines 1-based, columns in characters).
public struct SourceRange: Hashable, Sendable {
    public var start: Position
    public var end: Position

    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    public init(start: Position, end: Position) { self.start = start; self.end = end }

    public static let unknown = SourceRange(start: .init(line: 0, column: 0), end: .init(line: 0, column: 0))
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

/// `:::code language="…" source="…" range="…":::`: a code file shown in the page.
public struct CodeReference: Sendable, Hashable {
    public var source: String
    public var language: String
    /// Lines to show (`3-5,9`), empty for all.
    public var range: String

    public init(source: String, language: String, range: String) {
        (self.source, self.language, self.range) = (source, language, range)
    }

    /// The lines of `text` that `range` names, in order; all of them when `range` is empty or
    /// names none.
    public func excerpt(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var chosen: [Substring] = []
        for part in range.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
            guard let first = bounds.first ?? nil, first >= 1 else { continue }
            let last = bounds.count > 1 ? (bounds[1] ?? lines.count) : first
            guard first <= last else { continue }
            chosen += lines[min(first - 1, lines.count)..<min(last, lines.count)]
        }
        let shown = chosen.isEmpty ? lines[...] : chosen[...]
        return shown.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
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
        default: return nil
        }
    }
}

/// What a node is. Payloads are plain values; children live in the tree, never in the kind, so a
/// tree of any depth is a flat array and nothing recurses over it.
///
/// A build holds every node of every page, so the kind is kept to one `String` and a tag: payloads
/// wider than that, all of them on rarer nodes, are boxed (`indirect`).
public enum NodeKind: Sendable, Hashable {
    // CommonMark and GFM blocks
    case document
    case blockQuote
    indirect case list(ordered: Bool, start: Int, tight: Bool, delimiter: ListDelimiter)
    /// `task` is nil for ordinary items, true/false for checked/unchecked task-list items.
    case item(task: Bool?)
    indirect case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case paragraph
    indirect case heading(level: Int, id: String)
    case thematicBreak
    case table(alignments: [TableAlignment])
    case tableRow(header: Bool)
    case tableCell(alignment: TableAlignment, header: Bool)

    // DocFX blocks (made by `DocFXRewriter`)
    case alert(AlertKind)
    case video(url: String)
    indirect case include(path: String, title: String)
    indirect case image(ImageBlock)
    indirect case container(DocFXContainer)
    indirect case codeReference(CodeReference)

    // Inlines
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
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

/// Index of a node in its `MarkdownDocument`.
public struct NodeID: Hashable, Sendable, Comparable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// One node of the flat tree: its kind, where it came from, and links to its neighbours.
/// Positions and links are stored as 32-bit numbers (-1 for none): a build holds every node of
/// every page, and this (with the boxed payloads of `NodeKind`) keeps a node at 48 bytes instead of 144.
public struct MarkdownNode: Sendable, Hashable {
    public var kind: NodeKind
    private var startLine: Int32 = 0, startColumn: Int32 = 0, endLine: Int32 = 0, endColumn: Int32 = 0
    private var parentIndex: Int32 = -1, firstChildIndex: Int32 = -1, nextSiblingIndex: Int32 = -1

    init(kind: NodeKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public var range: SourceRange {
        get {
            SourceRange(start: .init(line: Int(startLine), column: Int(startColumn)),
                        end: .init(line: Int(endLine), column: Int(endColumn)))
        }
        set {
            (startLine, startColumn) = (Self.narrow(newValue.start.line), Self.narrow(newValue.start.column))
            (endLine, endColumn) = (Self.narrow(newValue.end.line), Self.narrow(newValue.end.column))
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

    /// Files are capped at a few MiB, so lines, columns and node counts fit; clamp regardless.
    private static func narrow(_ value: Int) -> Int32 { Int32(clamping: value) }
    private static func id(_ index: Int32) -> NodeID? { index < 0 ? nil : NodeID(Int(index)) }
    private static func index(_ id: NodeID?) -> Int32 { id.map { Int32(clamping: $0.index) } ?? -1 }
}
