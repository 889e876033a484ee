import Diagnostics
import Markdown
import Rendering

/// A value `IncludeGraph`'s fold starts from: what a file in a cycle adds.
package protocol EmptyValue { static var empty: Self { get } }

extension Int: EmptyValue { package static var empty: Int { 0 } }

/// Text a page puts out with its includes expanded, before placeholders are filled.
package struct ExpandedText: Hashable, Sendable, EmptyValue {
    package var bytes = 0
    /// `{{ name }}` placeholders, each filled with a config value.
    package var placeholders = 0
    /// `{{ groups }}` placeholders, each filled with the list of every group.
    package var blocks = 0

    package static var empty: ExpandedText { ExpandedText() }

    func adding(_ other: ExpandedText, limit: Int) -> ExpandedText {
        ExpandedText(bytes: min(limit + 1, bytes + other.bytes), placeholders: min(limit + 1, placeholders + other.placeholders),
                     blocks: min(limit + 1, blocks + other.blocks))
    }
}

/// What one Markdown file holds, measured once when the graph is made.
struct FileMeasure: Sendable {
    var nodes: Int
    /// Bytes of text, code and raw HTML.
    var textBytes = 0
    var placeholders = 0
    var blocks = 0
    /// How deep quotes, lists and alerts nest in the file itself.
    var depth = 0
    /// The nesting around each include (resolved or not), in document order.
    var includeDepths: [Int] = []

    init(_ document: MarkdownDocument) {
        nodes = document.nodes.count
        var depth = 0
        for event in document.walk() {
            switch event {
            case .enter(let id) where Self.nests(document[id].kind):
                depth += 1
                self.depth = max(self.depth, depth)
            case .enter(let id):
                // Matched in place, not copied out: a copy of a kind retains its payload.
                switch document[id].kind {
                case .text(let span):
                    textBytes += span.utf8Count
                    for reference in span.containsDoubleBrace ? DocVariables.references(in: String(document[span])) : [] {
                        if KitVariables.blockNames.contains(reference.name) { blocks += 1 } else { placeholders += 1 }
                    }
                case .code(let span), .htmlBlock(let span), .htmlInline(let span): textBytes += span.utf8Count
                case .codeBlock(_, let text): textBytes += text.utf8.count
                case .include, .inlineInclude: includeDepths.append(depth)
                default: break
                }
            case .exit(let id):
                if Self.nests(document[id].kind) { depth -= 1 }
            }
        }
    }

    static func nests(_ kind: NodeKind) -> Bool {
        switch kind {
        case .blockQuote, .list, .alert: true
        default: false
        }
    }

    /// The first quote, list or alert of `document` that nests deeper than `limit`.
    static func firstDeeper(than limit: Int, in document: MarkdownDocument) -> SourceLocation? {
        var depth = 0
        for event in document.walk() {
            switch event {
            case .enter(let id) where nests(document[id].kind):
                depth += 1
                if depth > limit { return document.location(of: id) }
            case .exit(let id) where nests(document[id].kind):
                depth -= 1
            default: break
            }
        }
        return nil
    }
}
