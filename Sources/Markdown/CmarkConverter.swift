import CCmarkGFM
import CmarkArena
import Diagnostics
import Foundation

/// The only code that touches libcmark-gfm. It parses UTF-8 text and copies cmark's tree into
/// Swift values; all cmark allocated is freed before it returns (its arena is reset).
enum CmarkConverter {
    /// libcmark-gfm keeps process-wide state that is not safe to touch from two threads at once:
    /// the extension registry, and the inline parser's special-character table, which
    /// `cmark_parser_finish` changes for the parser's extensions and changes back. That call
    /// holds this lock: making a parser, attaching the (already registered) extensions and
    /// feeding it (block parsing) touch that parser alone (from 0.29 on; see
    /// `feedingChangesSharedState`), and walking the finished tree into Swift values (most of
    /// the work) runs in parallel, since a finished tree is private to its parse.
    /// `ConcurrentParseTests` holds this to a stress test, run under ThreadSanitizer in CI
    /// (which cannot see inside the library: the reasoning is from its source).
    private static let lock = NSLock()

    /// Before 0.29, the table extension parsed each row's inlines while feeding, changing the
    /// special-character table there too: with such a library, feeding holds the lock as well.
    static let feedingChangesSharedState = feedingChangesSharedState(version: cmark_version())

    /// `version` as libcmark-gfm packs it: major, minor, patch and the gfm release, a byte each
    /// from the top (0.29.0.gfm.6 is `0x001D0006`).
    static func feedingChangesSharedState(version: Int32) -> Bool { version < 29 << 16 }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The registered extensions, looked up once (a static initializer runs once, on one
    /// thread) and never changed after.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    /// - Parameter originalColumn: maps a byte column of `body` to the file's (they differ where
    ///   invisible characters were removed before parsing); nil when they are the same.
    static func convert(_ body: String, source: SourceText,
                        originalColumn: ((_ line: Int, _ column: Int) -> Int)? = nil) -> RawTree {
        let extensions = extensions
        // Everything cmark allocates comes from this thread's arena, freed at once when the
        // tree has been copied (see CmarkArena.h): no parse on another thread shares it.
        defer { adoptkit_arena_reset() }
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, adoptkit_arena_allocator()) else { return .empty }
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        // Block parsing (feeding) touches only this parser (with a library from 0.29 on); the
        // inline pass in `finish` flips the shared special-character table, so it runs under
        // the lock.
        if feedingChangesSharedState { lock.lock() }
        body.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        if feedingChangesSharedState { lock.unlock() }
        lock.lock()
        let finished = cmark_parser_finish(parser)
        lock.unlock()
        cmark_parser_free(parser)
        guard let document = finished else { return .empty }
        // The tree is not freed node by node, the arena's reset frees it; only blocks that
        // came from malloc (past the arena's cap) are freed by cmark.
        defer { if adoptkit_arena_used_heap() != 0 { cmark_node_free(document) } }
        var pool = TextPool(capacity: body.utf8.count)
        let nodes = copyTree(document, source: source, originalColumn: originalColumn, pool: &pool)
        if let text = String(exactUTF8: pool.bytes) {
            return RawTree(source: nodes, pool: text, path: source.path)
        }
        // cmark's literals are pieces of valid text, so this is not expected; should one not
        // be, each literal is repaired on its own, which keeps every span on its own text.
        var repaired = TextPool(capacity: body.utf8.count, repairing: true)
        let repairedNodes = copyTree(document, source: source, originalColumn: originalColumn, pool: &repaired)
        return RawTree(source: repairedNodes, pool: String(decoding: repaired.bytes, as: UTF8.self), path: source.path)
    }

    /// cmark's literals, one after the other, as bytes: a text node gets a span, not a `String`
    /// of its own (on 10,000 pages that was 1.7 million strings).
    private struct TextPool {
        var bytes: [UInt8] = []
        let repairing: Bool

        init(capacity: Int, repairing: Bool = false) {
            bytes.reserveCapacity(capacity)
            self.repairing = repairing
        }

        mutating func span(_ pointer: UnsafePointer<CChar>?) -> TextSpan {
            let start = bytes.count
            guard let pointer else { return TextSpan(start: start, count: 0, containsDoubleBrace: false) }
            if repairing {
                bytes += String(cString: pointer).utf8
            } else {
                let count = strlen(pointer)
                pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                }
            }
            let flag = bytes.withUnsafeBufferPointer {
                ByteRun.contains(UInt8(ascii: "{"), times: 2, in: UnsafeBufferPointer(rebasing: $0[start...]))
            }
            return TextSpan(start: start, count: bytes.count - start, containsDoubleBrace: flag)
        }
    }

    private static func copyTree(_ document: OpaquePointer, source: SourceText,
                                 originalColumn: ((Int, Int) -> Int)?, pool: inout TextPool) -> [MarkdownNode] {
        var builder = TreeBuilder<TextSpan>()
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var columns = ColumnConverter(source: source, originalColumn: originalColumn)
        var tableAlignments: [[TableAlignment]] = []
        var cellIndex: [Int] = []
        var rowIsHeader: [Bool] = []

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let nodeType = NodeType(type, node)
            if event == CMARK_EVENT_EXIT {
                builder.close()
                switch nodeType {
                case .table: tableAlignments.removeLast()
                case .tableRow, .tableHeader: cellIndex.removeLast(); rowIsHeader.removeLast()
                default: break
                }
                continue
            }
            let range = sourceRange(node, columns: &columns)
            let kind: NodeKind
            switch nodeType {
            case .document: kind = .document
            case .blockQuote: kind = .blockQuote
            case .list:
                kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             start: Int(cmark_node_get_list_start(node)),
                             tight: cmark_node_get_list_tight(node) != 0,
                             delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .paren : .period)
            case .item: kind = .item(task: nil)
            case .tasklist: kind = .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            case .codeBlock:
                kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
            case .htmlBlock: kind = .htmlBlock(pool.span(cmark_node_get_literal(node)))
            case .paragraph: kind = .paragraph
            case .heading: kind = .heading(level: Int(cmark_node_get_heading_level(node)), id: "")
            case .thematicBreak: kind = .thematicBreak
            case .table:
                let count = Int(cmark_gfm_extensions_get_table_columns(node))
                let raw = cmark_gfm_extensions_get_table_alignments(node)
                let alignments: [TableAlignment] = (0..<count).map { i in
                    switch raw?[i] ?? 0 {
                    case UInt8(ascii: "l"): return .left
                    case UInt8(ascii: "c"): return .center
                    case UInt8(ascii: "r"): return .right
                    default: return .none
                    }
                }
                tableAlignments.append(alignments)
                kind = .table(alignments: alignments)
            case .tableHeader, .tableRow:
                cellIndex.append(0)
                rowIsHeader.append(nodeType == .tableHeader)
                kind = .tableRow(header: nodeType == .tableHeader)
            case .tableCell:
                let column = cellIndex.last ?? 0
                if !cellIndex.isEmpty { cellIndex[cellIndex.count - 1] += 1 }
                let alignment = tableAlignments.last.flatMap { column < $0.count ? $0[column] : nil } ?? .none
                kind = .tableCell(alignment: alignment, header: rowIsHeader.last ?? false)
            case .text: kind = .text(pool.span(cmark_node_get_literal(node)))
            case .softBreak: kind = .softBreak
            case .lineBreak: kind = .lineBreak
            case .code: kind = .code(pool.span(cmark_node_get_literal(node)))
            case .htmlInline: kind = .htmlInline(pool.span(cmark_node_get_literal(node)))
            case .emphasis: kind = .emphasis
            case .strong: kind = .strong
            case .strikethrough: kind = .strikethrough
            case .link: kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case .image: kind = .inlineImage(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case .other:
                // Node types we do not enable (footnotes, custom nodes): keep their text.
                kind = .text(pool.span(cmark_node_get_literal(node)))
            }
            if isLeaf(type) {
                builder.append(kind, range)
            } else {
                builder.open(kind, range)
            }
        }
        return builder.nodes
    }

    /// A node's type, told apart by number (a switch over type names compared strings for every
    /// node); only extension nodes (tables, strikethrough, task items) are told by name.
    private enum NodeType {
        case document, blockQuote, list, item, tasklist, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableHeader, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
        /// Types we do not enable (footnotes, custom nodes).
        case other

        init(_ type: cmark_node_type, _ node: OpaquePointer) {
            // A core node an extension made (an autolink's link) is told by its number too.
            if cmark_node_get_syntax_extension(node) != nil {
                switch CmarkConverter.string(cmark_node_get_type_string(node)) {
                case "table": self = .table; return
                case "table_header": self = .tableHeader; return
                case "table_row": self = .tableRow; return
                case "table_cell": self = .tableCell; return
                case "strikethrough": self = .strikethrough; return
                case "tasklist": self = .tasklist; return
                default: break
                }
            }
            self = switch type {
            case CMARK_NODE_DOCUMENT: .document
            case CMARK_NODE_BLOCK_QUOTE: .blockQuote
            case CMARK_NODE_LIST: .list
            case CMARK_NODE_ITEM: .item
            case CMARK_NODE_CODE_BLOCK: .codeBlock
            case CMARK_NODE_HTML_BLOCK: .htmlBlock
            case CMARK_NODE_PARAGRAPH: .paragraph
            case CMARK_NODE_HEADING: .heading
            case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
            case CMARK_NODE_TEXT: .text
            case CMARK_NODE_SOFTBREAK: .softBreak
            case CMARK_NODE_LINEBREAK: .lineBreak
            case CMARK_NODE_CODE: .code
            case CMARK_NODE_HTML_INLINE: .htmlInline
            case CMARK_NODE_EMPH: .emphasis
            case CMARK_NODE_STRONG: .strong
            case CMARK_NODE_LINK: .link
            case CMARK_NODE_IMAGE: .image
            default: .other
            }
        }
    }

    /// cmark gives leaf nodes an enter event only.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_FOOTNOTE_REFERENCE:
            return true
        default:
            return false
        }
    }

    private static func sourceRange(_ node: OpaquePointer, columns: inout ColumnConverter) -> SourceRange {
        let startLine = Int(cmark_node_get_start_line(node)), startColumn = Int(cmark_node_get_start_column(node))
        guard startLine > 0, startColumn > 0 else { return .unknown }
        return SourceRange(start: .init(line: startLine, column: columns.column(line: startLine, byte: startColumn)),
                           endLine: max(startLine, Int(cmark_node_get_end_line(node))))
    }

    /// cmark reports byte columns; people count characters. Non-ASCII lines get a table built
    /// once, so a long line with thousands of nodes stays linear.
    private struct ColumnConverter {
        let source: SourceText
        let originalColumn: ((Int, Int) -> Int)?
        var maps: [Int: [Int]] = [:]
        /// The line asked last and its map: nodes come mostly in line order.
        var lastLine = 0, lastMap: [Int] = []

        mutating func column(line: Int, byte cleanedByte: Int) -> Int {
            let byte = originalColumn?(line, cleanedByte) ?? cleanedByte
            if source.isASCII(line: line) { return byte }
            if line != lastLine {
                if maps[line] == nil { maps[line] = source.columnMap(line: line) }
                (lastLine, lastMap) = (line, maps[line]!)
            }
            return byte - 1 < lastMap.count && byte >= 1 ? lastMap[byte - 1] : byte
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
