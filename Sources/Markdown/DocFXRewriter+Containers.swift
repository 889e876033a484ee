import Diagnostics

/// The `:::` markers of the DocFX dialect and tab groups. A marker is a line of its own
/// (`:::row:::`, `:::column span="2":::`, `:::zone pivot="windows":::`, their `-end` lines,
/// `:::code source="…":::`); markers often share a paragraph with each other and with text,
/// so such a paragraph is split at them. `:::image …:::` and `:::no-loc text="…":::` also
/// work inside a line (a table cell).
extension DocFXRewriter {
    /// Containers a marker opens, by name; each closes with `:::NAME-end:::`.
    static func container(named name: String, _ attributes: [String: String]) -> DocFXContainer? {
        switch name {
        case "row": return .row
        case "column": return .column
        case "zone": return .zone(pivot: attributes["pivot"] ?? attributes["target"] ?? "")
        case "moniker": return .moniker(range: attributes["range"] ?? "")
        default: return nil
        }
    }

    /// True when `text` holds `:::` (this runs on every text node).
    static func hasMarker(_ text: Substring) -> Bool { ByteRun.contains(UInt8(ascii: ":"), times: 3, in: text.utf8) }

    /// A paragraph with marker lines, as work: its other lines stay paragraphs, each marker
    /// becomes its own item. Nil when no line is a marker.
    mutating func markerLines(_ id: NodeID) -> [Work]? {
        // Most paragraphs have no marker: looked for before any list is made.
        var child = tree.source[id.index].firstChild, marked = false
        while let current = child, !marked {
            if let text = tree.text(of: current), Self.hasMarker(text), !skipped.contains(current) { marked = true }
            child = tree.source[current.index].nextSibling
        }
        guard marked else { return nil }
        var kids: [NodeID] = []
        appendUnskippedChildren(of: id, to: &kids)
        var lines: [[NodeID]] = [[]]
        for kid in kids {
            switch tree.source[kid.index].kind {
            case .softBreak, .lineBreak: lines.append([])
            default: lines[lines.count - 1].append(kid)
            }
        }
        guard lines.contains(where: { tree.markerText($0) != nil }) else { return nil }
        var work: [Work] = []
        var pending: [NodeID] = []
        func flush() {
            // The line breaks between kept lines stay soft breaks inside the new paragraph.
            guard !pending.isEmpty else { return }
            let range = tree.source[pending[0].index].range.isKnown ? tree.source[pending[0].index].range : tree.source[id.index].range
            work.append(.paragraph(pending, range))
            pending = []
        }
        for line in lines {
            if let marker = tree.markerText(line) {
                flush()
                let range = line.first.map { tree.source[$0.index].range } ?? tree.source[id.index].range
                work.append(.marker(marker, range.isKnown ? range : tree.source[id.index].range))
            } else if !line.isEmpty {
                if !pending.isEmpty, let separator = kids.first(where: { $0 > pending.last! && $0 < line.first! }) { pending.append(separator) }
                pending += line
            }
        }
        flush()
        return work
    }

    /// Opens, closes or places what a marker line names.
    mutating func applyMarker(_ marker: String, range: SourceRange) {
        let location = SourceLocation(path: tree.path, line: range.start.line, column: range.start.column)
        let inner = marker.dropFirst(3).dropLast(3)
        let name = String(inner.prefix { !$0.isWhitespace }).lowercased()
        let attributes = Self.attributes(String(inner.dropFirst(name.count)))
        if name == "image" {
            if let image = parseImage(marker, at: location), let image { builder.append(.image(image), range) }
            return
        }
        if name == "image-end" { return }
        if name == "code" {
            guard let file = attributes["source"], !file.isEmpty else {
                diagnostics.append(.warning(.unknownBlock, "':::code:::' needs a source=\"…\" attribute; it is left out", at: location))
                return
            }
            builder.append(.codeReference(CodeReference(source: file, language: attributes["language"] ?? "", range: attributes["range"] ?? "",
                                                                 region: attributes["id"] ?? "")), range)
            return
        }
        if let container = Self.container(named: name, attributes) {
            builder.open(.container(container), range)
            fences.append((container, name, builder.depth, location))
            return
        }
        if name.hasSuffix("-end"), Self.container(named: String(name.dropLast(4)), [:]) != nil {
            let opener = String(name.dropLast(4))
            guard let last = fences.last, last.name == opener, last.depth == builder.depth else {
                diagnostics.append(.warning(.unknownBlock, "'\(marker)' closes no ':::\(opener):::' at this level; it is left out", at: location))
                return
            }
            builder.close()
            fences.removeLast()
            return
        }
        diagnostics.append(.warning(.unknownBlock, "unknown block '\(marker.prefix(60))'; the marker is left out and what it holds renders as text",
                                    at: location, notes: ["known blocks: :::image:::, :::code:::, :::row:::, :::column:::, :::zone:::, :::moniker:::"]))
    }

    /// Closes the containers and tab groups still open inside the container being closed; a
    /// `:::` container without its `-end` line is reported (a tab group ends with its container).
    mutating func closeFences() {
        while let last = fences.last, last.depth == builder.depth {
            switch last.container {
            case .tabs, .tab: break
            default:
                diagnostics.append(.warning(.unknownBlock, "':::\(last.name):::' is not closed with ':::\(last.name)-end:::'; it ends with the block around it",
                                            at: last.location))
            }
            builder.close()
            fences.removeLast()
        }
    }

    // MARK: - Tabs

    /// A tab heading ends the tab before it, or starts a group.
    mutating func openTab(label: String, id: String, range: SourceRange) {
        let location = SourceLocation(path: tree.path, line: range.start.line, column: range.start.column)
        if let last = fences.last, case .tab = last.container, last.depth == builder.depth {
            builder.close()
            fences.removeLast()
        }
        if !(fences.last.map { $0.container == .tabs && $0.depth == builder.depth } ?? false) {
            builder.open(.container(.tabs), range)
            fences.append((.tabs, "tabs", builder.depth, location))
        }
        builder.open(.container(.tab(label: label, id: id)), range)
        fences.append((.tab(label: label, id: id), "tab", builder.depth, location))
    }

    /// `---` after tabs ends the group (and is not a rule); false when no group is open here.
    mutating func closeTabs() -> Bool {
        guard let last = fences.last, case .tab = last.container, last.depth == builder.depth else { return false }
        builder.close()
        fences.removeLast()
        builder.close()
        fences.removeLast()
        return true
    }

}
