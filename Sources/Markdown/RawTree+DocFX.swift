import Diagnostics
import Foundation

/// What the DocFX rewrite looks for in cmark's tree: inline and block includes, `:::` marker
/// lines and markers inside a line, tab headings.
extension RawTree {
    /// Inline nodes as work items, with `… [!INCLUDE [title](path)] …` patterns turned into
    /// inline include nodes, and `:::image …:::` or `:::no-loc …:::` inside text into images and
    /// text, appended to `items` (a buffer the rewrite reuses for every container).
    func inlineItems(_ kids: [NodeID], into items: inout [DocFXRewriter.Work]) {
        var i = 0
        while i < kids.count {
            if let (work, consumed) = inlineMarkers(kids, at: i) {
                items += work
                i += consumed
            } else if let match = includeMatch(kids, at: i) {
                if !match.before.isEmpty { items.append(.emitText(match.before, source[kids[i].index].range)) }
                items.append(.emit(.inlineInclude(path: match.path, title: match.title), source[kids[i + 1].index].range))
                if !match.after.isEmpty { items.append(.emitText(match.after, source[kids[i + 2].index].range)) }
                i += 3
            } else {
                items.append(.visit(kids[i]))
                i += 1
            }
        }
    }

    /// Where each node's subtree ends and where the next node at or after it that inline
    /// content may not hold is (see `plainInlineContent`), worked out in one pass each, so
    /// asking for every container of a deep nest costs no rescan.
    struct CopyStops {
        /// One past the last of each node's descendants.
        let ends: [Int32]
        /// The first node at or after each index that is not plain inline content.
        let nextStop: [Int32]
    }

    func copyStops() -> CopyStops {
        var ends = [Int32](repeating: Int32(source.count), count: source.count)
        // Parents come before their children, so a parent's end is known first.
        for index in source.indices {
            if let next = source[index].nextSibling {
                ends[index] = Int32(next.index)
            } else if let parent = source[index].parent {
                ends[index] = ends[parent.index]
            }
        }
        var nextStop = [Int32](repeating: Int32(source.count), count: source.count + 1)
        withPool { pool in
            for index in source.indices.reversed() {
                nextStop[index] = isPlainInline(source[index].kind, pool: pool) ? nextStop[index + 1] : Int32(index)
            }
        }
        return CopyStops(ends: ends, nextStop: nextStop)
    }

    /// Whether inline content may hold this node as cmark made it: no text with `!`
    /// (includes, code snippets) or `:::` (markers inside a line), no `xref:` link, no block.
    private func isPlainInline(_ kind: NodeKind, pool: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .text(let span):
            let bytes = UnsafeBufferPointer(rebasing: pool[Int(span.start)..<Int(span.start) + span.utf8Count])
            return bytes.isEmpty || (memchr(bytes.baseAddress!, Int32(UInt8(ascii: "!")), bytes.count) == nil
                && !ByteRun.contains(UInt8(ascii: ":"), times: 3, in: bytes))
        case .link(let destination, _):
            return !MarkdownParser.isCrossReference(destination)
        case .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .strikethrough, .inlineImage:
            return true
        default:
            return false
        }
    }

    /// The nodes inside `id` (its descendants, from `id + 1`) when `id` holds inline content
    /// that no DocFX pattern changes and no pass consumed. The rewrite keeps such content
    /// exactly as cmark made it, so it is copied whole; nil otherwise.
    func plainInlineContent(of id: NodeID, stops: CopyStops, skipped: Set<NodeID>) -> Range<Int>? {
        switch source[id.index].kind {
        case .paragraph, .heading, .tableCell, .emphasis, .strong, .strikethrough, .link, .inlineImage: break
        default: return nil
        }
        let end = Int(stops.ends[id.index])
        guard Int(stops.nextStop[id.index + 1]) >= end else { return nil }
        // Passes consume only a paragraph's own children (an alert's marker line): a look at
        // `id`'s children finds any, in time the copy takes anyway.
        var child = source[id.index].firstChild
        while !skipped.isEmpty, let current = child {
            if skipped.contains(current) { return nil }
            child = source[current.index].nextSibling
        }
        return (id.index + 1)..<end
    }

    struct IncludeMatch { var before: String; var path: String; var title: String; var after: String }

    /// `text "…[!INCLUDE "`, `link`, `text "]…"` at `i`.
    func includeMatch(_ kids: [NodeID], at i: Int) -> IncludeMatch? {
        guard i + 2 < kids.count,
              case let .link(destination, _) = source[kids[i + 1].index].kind,
              let lead = text(of: kids[i]), let tail = text(of: kids[i + 2]),
              tail.utf8.first == UInt8(ascii: "]"), tail.hasPrefix("]"), lead.utf8.contains(UInt8(ascii: "!"))
        else { return nil }
        // `lead` must end with `[!INCLUDE` (any case) and optional spaces.
        var end = lead.endIndex
        while end > lead.startIndex, lead[lead.index(before: end)] == " " { end = lead.index(before: end) }
        let marker = "[!include"
        guard let start = lead.index(end, offsetBy: -marker.count, limitedBy: lead.startIndex),
              lead[start..<end].lowercased() == marker else { return nil }
        return IncludeMatch(before: String(lead[..<start]), path: destination, title: plainText(kids[i + 1]), after: String(tail.dropFirst()))
    }

    /// A paragraph made only of includes and code snippets (one per line) becomes block
    /// includes and code references.
    func blockReferences(_ id: NodeID) -> [(kind: NodeKind, range: SourceRange)]? {
        // Cheap test first: such a paragraph starts with text holding `[!`.
        guard let first = source[id.index].firstChild, let lead = text(of: first),
              lead.utf8.contains(UInt8(ascii: "!")) else { return nil }
        let kids = children(id)
        var result: [(NodeKind, SourceRange)] = []
        var i = 0
        while i < kids.count {
            if case .softBreak = source[kids[i].index].kind { i += 1; continue }
            let range = source[kids[i].index].range.isKnown ? source[kids[i].index].range : source[id.index].range
            if let match = includeMatch(kids, at: i), match.before.allSatisfy(\.isWhitespace), match.after.allSatisfy(\.isWhitespace) {
                result.append((.include(path: match.path, title: match.title), range))
            } else if let reference = codeSnippet(kids, at: i) {
                result.append((.codeReference(reference), range))
            } else {
                return nil
            }
            i += 3
        }
        return result.isEmpty ? nil : result
    }

    /// `[!code-csharp[name](path#L2-L5 "title")]` on a line of its own (text, link, text at `i`):
    /// DocFX's older form of `:::code:::`. Lines come from `#L2-L5`, `?range=2-5,7` or
    /// `?start=2&end=5`, a region from `#name` or `?name=name`.
    func codeSnippet(_ kids: [NodeID], at i: Int) -> CodeReference? {
        guard i + 2 < kids.count,
              case let .link(destination, _) = source[kids[i + 1].index].kind,
              let lead = text(of: kids[i]), let tail = text(of: kids[i + 2]),
              tail.hasPrefix("]"), tail.dropFirst().allSatisfy(\.isWhitespace) else { return nil }
        let head = lead.trimmingSpaces()
        guard head.lowercased().hasPrefix("[!code-") else { return nil }
        let language = head.dropFirst(7)
        guard !language.isEmpty, language.allSatisfy({ $0.isLetter || $0.isNumber || "+#-_".contains($0) }) else { return nil }
        let (path, fragment) = destination.firstIndex(of: "#").map { (destination[..<$0], destination[destination.index(after: $0)...]) }
            ?? (destination[...], "")
        let (file, query) = path.firstIndex(of: "?").map { (path[..<$0], path[path.index(after: $0)...]) } ?? (path, "")
        var options: [String: Substring] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { options[parts[0].lowercased()] = parts[1] }
        }
        var range = "", region = String(options["name"] ?? "")
        // `#L2-L5` or `#L3` are lines; any other fragment names a region.
        let bounds = fragment.split(separator: "-", omittingEmptySubsequences: false).map { $0.first == "L" || $0.first == "l" ? $0.dropFirst() : "" }
        if bounds.count <= 2, bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            range = bounds.joined(separator: "-")
        } else if !fragment.isEmpty {
            region = String(fragment)
        }
        if let lines = options["range"] {
            range = String(lines)
        } else if let start = options["start"] {
            range = start + "-" + (options["end"] ?? "")
        }
        return CodeReference(source: String(file), language: String(language).lowercased(), range: range, region: region)
    }

    /// The text of a line when it is one `:::…:::` marker (plain text only), as `:::name …:::`,
    /// else nil. A container's own lines may also go without the closing colons and with spaces
    /// after the opening ones, as Microsoft's docs write zones and monikers (`:::zone pivot="…"`,
    /// `::: moniker range="…"`, `::: moniker-end`); any other text that starts with colons and
    /// does not end with them stays text.
    func markerText(_ line: [NodeID]) -> String? {
        var text = ""
        for id in line {
            switch source[id.index].kind {
            case .text(let literal): text += self.text(literal)
            default: return nil
            }
        }
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasPrefix(":::") else { return nil }
        var inner = trimmed.dropFirst(3)
        let spaced = inner.first == " " || inner.first == "\t"
        let closed = inner.hasSuffix(":::")
        if closed { inner = inner.dropLast(3) }
        inner = inner.trimmingSpaces()[...]
        guard let first = inner.first, first.isLetter else { return nil }
        if spaced || !closed {
            // Only a container's own name, exactly (`::: Row 3 …` in prose is text).
            let name = inner.prefix { !$0.isWhitespace }
            guard DocFXRewriter.container(named: String(name.hasSuffix("-end") ? name.dropLast(4) : name), [:]) != nil else { return nil }
        }
        return ":::" + inner + ":::"
    }

    /// `# [Label](#tab/id)`: the label and tab id when the heading is nothing but such a link.
    func tabHeading(_ id: NodeID) -> (String, String)? {
        let kids = children(id)
        guard kids.count == 1, case .link(let destination, _) = source[kids[0].index].kind,
              destination.lowercased().hasPrefix("#tab/") else { return nil }
        return (plainText(kids[0]).trimmingSpaces(), String(destination.dropFirst(5)))
    }

    // MARK: - Markers inside a line

    /// `:::image …:::` and `:::no-loc text="…":::` in text starting at `kids[i]` (adjacent text
    /// nodes read as one), as work, with how many nodes it used; nil when there is none.
    func inlineMarkers(_ kids: [NodeID], at i: Int) -> ([DocFXRewriter.Work], Int)? {
        // cmark never splits `:::` from what follows, but an alt text with `!` or `[` spans nodes.
        guard let first = text(of: kids[i]), DocFXRewriter.hasMarker(first) else { return nil }
        var text = "", end = i
        while end < kids.count, let literal = self.text(of: kids[end]) { text += literal; end += 1 }
        guard text.contains(":::image ") || text.contains(":::no-loc ") else { return nil }
        let range = source[kids[i].index].range
        var work: [DocFXRewriter.Work] = []
        var rest = Substring(text)
        while let open = rest.range(of: ":::") {
            let afterOpen = rest[open.upperBound...]
            guard afterOpen.hasPrefix("image ") || afterOpen.hasPrefix("no-loc "), let close = afterOpen.range(of: ":::") else {
                // Not a marker: keep the text up to and including these colons.
                work.append(.emitText(String(rest[..<open.upperBound]), range))
                rest = afterOpen
                continue
            }
            if open.lowerBound > rest.startIndex { work.append(.emitText(String(rest[..<open.lowerBound]), range)) }
            let attributes = DocFXRewriter.attributes(String(afterOpen[..<close.lowerBound]))
            if afterOpen.hasPrefix("no-loc ") {
                work.append(.emitText(attributes["text"] ?? "", range))
            } else {
                work.append(.inlineImage(source: attributes["source"] ?? "", alt: attributes["alt-text"] ?? "",
                                         lightbox: attributes["lightbox"].flatMap { $0.isEmpty ? nil : $0 }, range))
            }
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { work.append(.emitText(String(rest), range)) }
        return (work, end - i)
    }
}
