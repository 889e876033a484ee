import Diagnostics
import Foundation

/// Turns cmark's CommonMark/GFM tree into the DocFX dialect: alerts, `[!VIDEO]`, `[!INCLUDE]`,
/// `:::image:::`, the `:::` containers, tabs and heading ids. It copies the tree once, driven
/// by an explicit work stack.
struct DocFXRewriter {
    let tree: RawTree
    var diagnostics: [Diagnostic] = []
    var builder: DocumentTreeBuilder
    private var headingIDs = HeadingIDGenerator()
    /// Nodes a pass consumed (alert markers) that the copy leaves out.
    var skipped: Set<NodeID> = []
    /// `:::` containers and tab groups open now, innermost last, with the builder depth each
    /// one's content is at: a container's end closes those still open inside it.
    var fences: [(container: DocFXContainer, name: String, depth: Int, location: SourceLocation)] = []
    /// Whether inline content no pattern changes is copied whole (`RawTree.plainInlineContent`)
    /// rather than visited node by node; tests turn it off to compare the two.
    var copiesPlainContent = true
    private let copyStops: RawTree.CopyStops
    /// Buffers reused for every container's children, so expanding one makes no arrays.
    private var kidsBuffer: [NodeID] = [], itemsBuffer: [Work] = []

    enum Work {
        case visit(NodeID)
        case close
        case emit(NodeKind, SourceRange)
        /// Text the rewrite made (what is left of a text node around a marker).
        case emitText(String, SourceRange)
        /// Children of a container, rewritten for inline includes before they are visited.
        case children(NodeID)
        /// Some lines of a paragraph that `:::` marker lines split.
        case paragraph([NodeID], SourceRange)
        /// A `:::name …:::` marker line.
        case marker(String, SourceRange)
        /// `:::image …:::` inside a line of text: an image, linked to its lightbox when it has one.
        case inlineImage(source: String, alt: String, lightbox: String?, SourceRange)
    }

    init(_ tree: RawTree) {
        self.tree = tree
        // The rewrite keeps about as many nodes as cmark made, and their text where it is.
        builder = DocumentTreeBuilder(capacity: tree.source.count + 8, pool: tree.pool)
        copyStops = tree.copyStops()
    }

    /// The rewritten tree and its text pool.
    mutating func rewrite() -> (nodes: [MarkdownNode], textPool: String) {
        guard !tree.source.isEmpty else { return ([], "") }
        var stack: [Work] = [.visit(NodeID(0))]
        while let work = stack.popLast() {
            switch work {
            case .close:
                closeFences()
                builder.close()
            case let .emit(kind, range):
                builder.append(kind, range)
            case let .emitText(text, range):
                builder.appendText(text, range)
            case let .children(id):
                if copiesPlainContent, let content = tree.plainInlineContent(of: id, stops: copyStops, skipped: skipped) {
                    builder.appendContent(of: id, in: tree.source, range: content)
                    continue
                }
                // Taken out while filled: filling it in place would copy the whole rewrite to
                // call a method on it.
                var kids = kidsBuffer
                kidsBuffer = []
                kids.removeAll(keepingCapacity: true)
                appendUnskippedChildren(of: id, to: &kids)
                pushInlineItems(of: kids, onto: &stack)
                kidsBuffer = kids
            case .visit(let id):
                visit(id, into: &stack)
            case let .paragraph(kids, range):
                builder.open(.paragraph, range)
                stack.append(.close)
                pushInlineItems(of: kids, onto: &stack)
            case let .marker(line, range):
                applyMarker(line, range: range)
            case let .inlineImage(source, alt, lightbox, range):
                if let lightbox { builder.open(.link(destination: lightbox, title: ""), range) }
                builder.open(.inlineImage(source: source, title: ""), range)
                builder.appendText(alt, range)
                builder.close()
                if lightbox != nil { builder.close() }
            }
        }
        return (builder.finishedNodes(), builder.finishedTextPool())
    }

    /// The children of `id` that no pass consumed (alert markers), appended to `kids`.
    func appendUnskippedChildren(of id: NodeID, to kids: inout [NodeID]) {
        var next = tree.source[id.index].firstChild
        while let child = next {
            if skipped.isEmpty || !skipped.contains(child) { kids.append(child) }
            next = tree.source[child.index].nextSibling
        }
    }

    /// `kids` as work items, pushed so the first is visited first.
    private mutating func pushInlineItems(of kids: [NodeID], onto stack: inout [Work]) {
        var items = itemsBuffer
        itemsBuffer = []
        items.removeAll(keepingCapacity: true)
        tree.inlineItems(kids, into: &items)
        stack.append(contentsOf: items.reversed())
        itemsBuffer = items
    }

    private mutating func visit(_ id: NodeID, into stack: inout [Work]) {
        // Read in place: a copy of the node would retain its text.
        let range = tree.source[id.index].range
        switch tree.source[id.index].kind {
        case .blockQuote:
            if let replacement = rewriteBlockQuote(id) {
                switch replacement {
                case .video(let url):
                    builder.append(.video(url: url), range)
                    return
                case let .alert(kind):
                    openContainer(.alert(kind), id, into: &stack)
                    return
                case let .division(classes):
                    openContainer(.container(.division(classes: classes)), id, into: &stack)
                    return
                }
            }
        case .paragraph:
            if let image = imageBlock(id) {
                if let image { builder.append(.image(image), range) }
                return
            }
            if let split = markerLines(id) {
                stack.append(contentsOf: split.reversed())
                return
            }
            if let references = tree.blockReferences(id) {
                for reference in references { builder.append(reference.kind, reference.range) }
                return
            }
        case .heading(let level, _):
            if let (label, tab) = tree.tabHeading(id) {
                openTab(label: label, id: tab, range: range)
                return
            }
            let text = tree.plainText(id)
            openContainer(.heading(level: level, id: headingIDs.unique(for: text)), id, into: &stack)
            return
        case .link(let destination, _) where MarkdownParser.isCrossReference(destination):
            crossReference(id, destination: destination, range: range, into: &stack)
            return
        case .thematicBreak:
            if closeTabs() { return }
        default:
            break
        }
        if tree.source[id.index].firstChild == nil && !Self.isContainer(tree.source[id.index].kind) {
            builder.append(tree.source[id.index].kind, range)
        } else {
            openContainer(tree.source[id.index].kind, id, into: &stack)
        }
    }

    private static func isContainer(_ kind: NodeKind) -> Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .htmlBlock, .codeBlock, .thematicBreak: return false
        default: return true
        }
    }

    // MARK: - Cross references

    /// An `xref:` link is resolved by DocFX's cross-reference maps, which name the site of every
    /// uid and are not read here: the link shows as its text (`<xref:System.String>` as the uid),
    /// as DocFX shows one it cannot resolve, and is reported.
    private mutating func crossReference(_ id: NodeID, destination: String, range: SourceRange, into stack: inout [Work]) {
        let target = destination.dropFirst(5)
        let uid = String(target.prefix { $0 != "?" && $0 != "#" })
        let shown = uid.removingPercentEncoding ?? uid
        let location = tree.locate(id)
        diagnostics.append(.warning(.linkCrossReference, "cross reference '\(shown)' shows as text: it needs DocFX's xref maps, which adoptkit does not read",
                                    at: location, notes: ["link to the page itself to make it a link"]))
        let kids = tree.children(id)
        if kids.count == 1, let text = tree.text(of: kids[0]), text == destination {
            builder.appendText(shown, range)
        } else {
            stack.append(.children(id))
        }
    }

    private mutating func openContainer(_ kind: NodeKind, _ id: NodeID, into stack: inout [Work]) {
        builder.open(kind, tree.source[id.index].range)
        stack.append(.close)
        stack.append(.children(id))
    }

    // MARK: - Alerts and video

    private enum QuoteReplacement {
        case video(String)
        case alert(AlertKind)
        case division([String])
    }

    private mutating func rewriteBlockQuote(_ id: NodeID) -> QuoteReplacement? {
        guard let first = tree.source[id.index].firstChild, case .paragraph = tree.source[first.index].kind,
              let lead = tree.source[first.index].firstChild, let leadText = tree.text(of: lead),
              leadText.utf8.drop(while: { $0 == UInt8(ascii: " ") }).starts(with: "[!".utf8) else { return nil }
        // The marker line: inline nodes up to the first line break.
        var markerNodes: [NodeID] = []
        var line = ""
        var restOfParagraph = false
        for child in tree.children(first) {
            switch tree.source[child.index].kind {
            case .softBreak, .lineBreak:
                restOfParagraph = true
            case .text(let literal) where !restOfParagraph:
                line += tree.text(literal); markerNodes.append(child)
            case .link where !restOfParagraph:
                line += tree.plainText(child); markerNodes.append(child)
            default:
                if !restOfParagraph { line += "\u{0}"; markerNodes.append(child) }
            }
            if restOfParagraph { break }
        }
        let trimmed = line.trimmingSpaces()
        guard trimmed.hasPrefix("[!") else { return nil }
        let location = tree.locate(first)
        guard let close = trimmed.firstIndex(of: "]") else {
            diagnostics.append(.warning(.alertUnknownKind, "alert marker '\(trimmed.prefix(40))' has no closing ']'; it renders as a plain quote",
                                        at: location, notes: ["write it as > [!NOTE] on a line of its own"]))
            return nil
        }
        let inside = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]
        let afterMarker = trimmed[trimmed.index(after: close)...].trimmingSpaces()

        if inside.lowercased().hasPrefix("video") {
            let url = inside.dropFirst(5).trimmingSpaces()
            guard !url.isEmpty, afterMarker.isEmpty else { return nil }
            if !url.lowercased().hasPrefix("https://") {
                diagnostics.append(.warning(.videoNotHTTPS, "video URL '\(url)' is not https; it is shown as a link", at: location))
            }
            return .video(url)
        }
        // `> [!INCLUDE [x](a.md)]` is an include inside a quote, handled as one.
        if inside.lowercased().hasPrefix("include") { return nil }
        let replacement: QuoteReplacement
        if inside.lowercased().hasPrefix("div "), afterMarker.isEmpty {
            let classes = (Self.attributes(String(inside))["class"] ?? "").split(separator: " ")
                .filter { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }.map(String.init)
            replacement = .division(classes)
        } else {
            guard let kind = alertKind(inside, afterMarker: afterMarker, at: location) else { return nil }
            replacement = .alert(kind)
        }
        let paragraphChildren = tree.children(first)
        if let lineBreak = paragraphChildren.first(where: { !markerNodes.contains($0) }) {
            // Text follows on the next lines: keep the paragraph, drop the marker and the break.
            skipped.formUnion(markerNodes)
            skipped.insert(lineBreak)
        } else {
            // The marker is alone in its paragraph: drop the whole paragraph.
            skipped.insert(first)
        }
        return replacement
    }

    private mutating func alertKind(_ inside: Substring, afterMarker: String, at location: SourceLocation) -> AlertKind? {
        guard !inside.isEmpty, inside.allSatisfy({ $0.isLetter }), let kind = AlertKind(rawValue: inside.lowercased()) else {
            diagnostics.append(.warning(.alertUnknownKind,
                                        "unknown alert kind '[!\(inside)]'; it renders as a plain quote",
                                        at: location,
                                        notes: ["known kinds: " + AlertKind.allCases.map { "[!\($0.rawValue.uppercased())]" }.joined(separator: ", ")]))
            return nil
        }
        guard afterMarker.isEmpty else {
            diagnostics.append(.warning(.alertMarkerText,
                                        "text after '[!\(inside)]' on the marker line; the alert renders as a plain quote",
                                        at: location,
                                        notes: ["put the alert text on the next line, starting with '> '"]))
            return nil
        }
        return kind
    }

    // MARK: - :::image:::

    /// `nil` when the paragraph is not an image block; `.some(nil)` when it is one but invalid.
    private mutating func imageBlock(_ id: NodeID) -> ImageBlock?? {
        // Cheap test first: only paragraphs whose first text starts with `:::image` qualify.
        guard let first = tree.source[id.index].firstChild, let lead = tree.text(of: first),
              lead.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).starts(with: ":::image".utf8) else { return nil }
        var text = ""
        for child in tree.children(id) {
            switch tree.source[child.index].kind {
            case .text(let literal), .code(let literal), .htmlInline(let literal): text += tree.text(literal)
            case .softBreak, .lineBreak: text += "\n"
            default: text += tree.plainText(child)
            }
        }
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(":::image ") || trimmed.hasPrefix(":::image\t") else { return nil }
        // Several images, or an image with other lines after it (only a complex image has a
        // description there): split into lines instead, so no text is lost.
        if !trimmed.contains(":::image-end:::") {
            let parts = trimmed.components(separatedBy: ":::")
            if parts.count > 3 || (parts.count == 3 && !parts[2].isEmpty && !parts[1].contains("type=\"complex\"")) { return nil }
        }
        return parseImage(trimmed, at: tree.locate(id))
    }

    /// `:::image …:::` (and a complex image's description up to `:::image-end:::`).
    mutating func parseImage(_ trimmed: String, at location: SourceLocation) -> ImageBlock?? {
        var tag = trimmed.dropFirst(8)
        var longDescription = ""
        if let end = tag.range(of: ":::") {
            longDescription = String(tag[end.upperBound...])
            tag = tag[..<end.lowerBound]
        } else {
            diagnostics.append(.error(.imageSyntax, "':::image' is not closed with ':::'", at: location))
            return .some(nil)
        }
        if let endTag = longDescription.range(of: ":::image-end:::") {
            longDescription = String(longDescription[..<endTag.lowerBound])
        }
        let attributes = Self.attributes(String(tag))
        guard let source = attributes["source"], !source.isEmpty else {
            diagnostics.append(.error(.imageSyntax, "':::image:::' needs a source=\"…\" attribute", at: location))
            return .some(nil)
        }
        let kind = ImageBlock.Kind(rawValue: attributes["type"] ?? "content") ?? .content
        let alt = attributes["alt-text"] ?? ""
        if alt.isEmpty && kind != .icon {
            diagnostics.append(.warning(.imageMissingAlt, "image '\(source)' has no alt-text; screen readers cannot describe it", at: location))
        }
        return .some(ImageBlock(kind: kind, source: source, altText: alt,
                                longDescription: longDescription.trimmingWhitespace(),
                                lightbox: attributes["lightbox"].flatMap { $0.isEmpty ? nil : $0 }))
    }

    /// `name="value"` pairs.
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while let eq = rest.firstIndex(of: "=") {
            let name = rest[..<eq].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            var after = rest[rest.index(after: eq)...]
            guard after.first == "\"" else { rest = after; continue }
            after = after.dropFirst()
            guard let closing = after.firstIndex(of: "\"") else { break }
            result[name.lowercased()] = String(after[..<closing])
            rest = after[after.index(after: closing)...]
        }
        return result
    }
}
