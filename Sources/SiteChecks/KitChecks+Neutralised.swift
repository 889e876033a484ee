import Diagnostics
import Markdown
import Rendering

/// Input that renders differently from what its author wrote, said out loud: nothing is
/// neutralised without a diagnostic.
extension KitChecks {
    static func checkNeutralised(_ document: MarkdownDocument, rawHTMLAllowed: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var rawHTML: [NodeID] = []
        var droppedPieces = 0
        var sanitizer = HTMLSanitizer()
        for (index, node) in document.nodes.enumerated() {
            let id = NodeID(index)
            switch node.kind {
            case .htmlBlock(let literal), .htmlInline(let literal):
                // Only what the allow-list leaves out is lost; `<br>`, `<sup>`, … are kept.
                guard !rawHTMLAllowed else { break }
                let before = sanitizer.dropped
                _ = sanitizer.sanitize(String(document[literal]))
                if sanitizer.dropped > before { rawHTML.append(id); droppedPieces += sanitizer.dropped - before }
            case .text(let text) where containsIncludeMarker(document[text]):
                diagnostics.append(.warning(.includeMalformed, "'[!INCLUDE' is not a complete include and is shown as text",
                                            at: document.location(of: id), notes: ["write it as [!INCLUDE [title](path/to/file.md)]"]))
            default:
                break
            }
        }
        if let first = rawHTML.first {
            diagnostics.append(.warning(.rawHTMLDropped, "\(rawHTML.count) piece(s) of raw HTML on this page lose \(droppedPieces) tag(s) or attribute(s) that are not on the allow-list",
                                        at: document.location(of: first),
                                        notes: ["kept: text formatting (b, i, sup, kbd, …), br, span and div with class, a with a safe href, img, tables, details",
                                                "set markdown.raw_html: true in adoptkit.yml to let raw HTML through"]))
        }
        if let missing = missingFrontMatterOpening(document) { diagnostics.append(missing) }
        return diagnostics
    }

    /// True when `text` holds `[!INCLUDE` in any letter case (a byte scan: this runs on every
    /// text node of the kit).
    static func containsIncludeMarker(_ text: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let marker: StaticString = "[!include"
            let length = marker.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            let letters = UnsafeBufferPointer(start: marker.utf8Start, count: length)
            for start in 0...(bytes.count - length) where bytes[start] == UInt8(ascii: "[") && bytes[start + 1] == UInt8(ascii: "!") {
                if (2..<length).allSatisfy({ bytes[start + $0] | 0x20 == letters[$0] }) { return true }
            }
            return false
        }
        // Native strings are contiguous: no copy on this hot path.
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// `title: Invite people` then `---` at the top of a file without an opening `---` is a
    /// Markdown heading, not front matter.
    static func missingFrontMatterOpening(_ document: MarkdownDocument) -> Diagnostic? {
        guard !document.frontMatter.isPresent, let first = document.children(of: document.root).first,
              case .heading(level: 2, _) = document[first].kind, document.location(of: first).line <= 2,
              // A setext heading (text underlined by `---`) spans two lines or more; `## a: b` does not.
              document[first].range.endLine > document[first].range.start.line else { return nil }
        let text = document.plainText(of: first)
        guard let colon = text.firstIndex(of: ":"), !text[..<colon].isEmpty,
              text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) else { return nil }
        return .warning(.frontMatterMissingOpening, "this looks like front matter without its opening '---'; it renders as a heading",
                        at: document.location(of: first), notes: ["add a line '---' above it"])
    }
}
