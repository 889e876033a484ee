import Markdown
import Diagnostics

/// A page or poster as chat text: its top-level blocks, so long texts split between them.
public struct ChatText: Sendable, Hashable {
    public var flavor: ChatFlavor
    public var blocks: [String]
    /// The whole text: blocks separated by a blank line, ending with a newline.
    public var text: String { blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n" }
}

/// Renders a parsed document as chat text in one flavour. Our own walk over the tree (cmark's
/// plain-text renderer drops link targets), iterative like every other pass.
public struct ChatTextRenderer {
    public var flavor: ChatFlavor
    /// Alert labels in the page's language.
    public var words: RenderWords

    public init(flavor: ChatFlavor, words: RenderWords = RenderWords()) { (self.flavor, self.words) = (flavor, words) }

    public func render(_ document: MarkdownDocument, environment: MarkdownEnvironment = PlainEnvironment()) -> ChatText {
        var state = State(flavor: flavor, environment: environment, words: words)
        for event in ExpandedWalk(document, environment: environment) {
            if event.isEntering { state.enter(event) } else { state.exit(event) }
        }
        state.finishBlock()
        return ChatText(flavor: flavor, blocks: state.blocks)
    }
}

private struct State {
    let flavor: ChatFlavor
    let environment: MarkdownEnvironment
    let variables: [String: String]
    let markup: ChatMarkup

    var blocks: [String] = []
    /// Lines of the top-level block being written.
    var lines: [String] = []
    /// Inline text of the line being written (without container prefixes).
    var line = ""
    var lineOpen = false
    var containers: [Container] = []
    /// A blank line is owed before the next block in the same container.
    var blankPending = false
    /// >0 inside an image: only its alt text is written.
    var altDepth = 0
    /// Open links: where their text starts in `line`, and their target.
    var links: [(start: String.Index, url: String?)] = []
    /// Table being collected.
    var table: (header: [String], rows: [[String]], row: [String], inHeader: Bool)?
    var skipDepth = 0
    /// Open alerts whose label is not written yet (a count, so deep nesting stays linear).
    var unlabelledAlerts = 0

    enum Container {
        case quote
        case list(ordered: Bool, next: Int, tight: Bool)
        case item(marker: String, indent: String, markerUsed: Bool)
        case alert(label: String, used: Bool)
    }

    let words: RenderWords

    init(flavor: ChatFlavor, environment: MarkdownEnvironment, words: RenderWords = RenderWords()) {
        self.flavor = flavor
        self.words = words
        self.environment = environment
        self.variables = environment.variables
        self.markup = ChatMarkup(flavor: flavor)
    }

    // MARK: Lines and blocks

    /// The prefix for the next line: quote markers and list indentation, with an item's marker
    /// on its first line.
    mutating func prefix(blank: Bool = false) -> String {
        var prefix = ""
        for index in containers.indices {
            switch containers[index] {
            case .quote:
                prefix += markup.quotePrefix
            case let .item(marker, indent, used):
                if blank { prefix += indent; continue }
                prefix += used ? indent : marker
                containers[index] = .item(marker: marker, indent: indent, markerUsed: true)
            case .list, .alert:
                break
            }
        }
        return blank ? String(prefix.reversed().drop(while: { $0 == " " }).reversed()) : prefix
    }

    mutating func startLine() {
        guard !lineOpen else { return }
        if blankPending, !lines.isEmpty { lines.append(prefix(blank: true)) }
        blankPending = false
        lineOpen = true
        line = ""
        // The labels of alerts not yet labelled (outermost first) open the line.
        guard unlabelledAlerts > 0 else { return }
        for index in containers.indices {
            if case let .alert(label, false) = containers[index] {
                line += label
                containers[index] = .alert(label: label, used: true)
            }
        }
        unlabelledAlerts = 0
    }

    /// Writes the labels of alerts not yet labelled on a line of their own, before a block that
    /// does not start a line of text (a list, code, a table) or when an alert ends empty: an
    /// alert always says what it is.
    mutating func writePendingAlertLabels() {
        guard unlabelledAlerts > 0 else { return }
        finishLine()
        startLine()
        line = String(line.reversed().drop(while: { $0 == " " }).reversed())
        finishLine()
    }

    mutating func finishLine() {
        guard lineOpen else { return }
        // Most lines have no prefix (no quote or list around them): the line itself is kept.
        let prefix = containers.isEmpty ? "" : prefix()
        lines.append(prefix.isEmpty ? line : prefix + line)
        line = ""
        lineOpen = false
    }

    /// Ends a top-level block.
    mutating func finishBlock() {
        finishLine()
        let block: String
        if lines.count == 1 {
            block = TextScan.droppingTrailingSpaces(lines[0])
        } else {
            var joined = ""
            joined.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
            for (number, line) in lines.enumerated() {
                if number > 0 { joined += "\n" }
                joined += TextScan.droppingTrailingSpaces(line)
            }
            block = joined
        }
        if !TextScan.isBlank(block) { blocks.append(block) }
        lines.removeAll(keepingCapacity: true)
        blankPending = false
    }

    mutating func write(_ text: some StringProtocol) {
        if table != nil { line += text; return }
        startLine()
        line += text
    }

    var isTopLevel: Bool { containers.isEmpty }

    /// After a block ends: a new top-level block, or a blank line inside containers (not
    /// between the items of a tight list).
    mutating func endBlock() {
        if isTopLevel { finishBlock(); return }
        finishLine()
        if case .item = containers.last, case let .list(_, _, tight)? = containers.dropLast().last, tight { return }
        blankPending = true
    }

    // MARK: Events

    mutating func enter(_ event: ExpandedWalk.Event) {
        if skipDepth > 0 { skipDepth += 1; return }
        if altDepth > 0 {
            switch event.kind {
            case .text(let s), .code(let s): line += flavor.escape(Self.substitute(s, in: event.document, variables: variables))
            case .softBreak, .lineBreak: line += " "
            case .inlineImage: altDepth += 1
            default: break
            }
            return
        }
        switch event.kind {
        case .document:
            break
        case .paragraph:
            if let items = Self.blockVariable(event, environment: environment) {
                skipDepth = 1
                writeList(items)
                return
            }
            startLine()
        case .heading:
            startLine()
            line += markup.headingOpen
        case .blockQuote:
            writePendingAlertLabels()
            finishLine()
            containers.append(.quote)
        case .alert(let kind):
            finishLine()
            containers.append(.alert(label: markup.alertLabel(kind, label: words.alert(kind)), used: false))
            unlabelledAlerts += 1
        case let .list(ordered, start, tight, _):
            writePendingAlertLabels()
            finishLine()
            containers.append(.list(ordered: ordered, next: start, tight: tight))
        case .item(let task):
            finishLine()
            var marker = markup.bullet
            if case let .list(ordered, next, tight)? = containers.last {
                if ordered {
                    marker = markup.number(next)
                    containers[containers.count - 1] = .list(ordered: true, next: next + 1, tight: tight)
                }
            }
            if let task { marker += task ? "☑ " : "☐ " }
            containers.append(.item(marker: marker, indent: String(repeating: " ", count: marker.count), markerUsed: false))
            blankPending = false
        case let .codeBlock(_, literal):
            writePendingAlertLabels()
            finishLine()
            if blankPending, !lines.isEmpty { lines.append(prefix(blank: true)) }
            blankPending = false
            for codeLine in markup.codeBlock(literal) { lines.append(prefix() + codeLine) }
            endBlock()
        case .htmlBlock(let literal):
            // Raw HTML's text, with `<br>` and block ends as line breaks.
            let text = HTMLSanitizer.plainText(String(event.document[literal]))
            guard !TextScan.isBlank(text) else { break }
            writePendingAlertLabels()
            finishLine()
            for textLine in text.split(separator: "\n") where !TextScan.isBlank(String(textLine)) {
                write(flavor.escape(textLine.trimmingSpaces()))
                finishLine()
            }
            endBlock()
        case .container(let container):
            // Tabs, zones and monikers say which choice follows; the other containers only group blocks.
            if let label = container.label { writeLabel(label) }
        case .codeReference(let reference):
            writePendingAlertLabels()
            finishLine()
            if let text = environment.codeFile(reference.source, in: event.document.path) {
                if blankPending, !lines.isEmpty { lines.append(prefix(blank: true)) }
                blankPending = false
                for codeLine in markup.codeBlock(reference.excerpt(of: text)) { lines.append(prefix() + codeLine) }
            } else {
                write(markup.link(text: flavor.escape(reference.source), url: environment.absoluteURL(for: reference.source, in: event.document.path)))
            }
            endBlock()
        case .thematicBreak:
            write("———")
            endBlock()
        case .table:
            writePendingAlertLabels()
            finishLine()
            table = ([], [], [], false)
        case .tableRow(let header):
            table?.row = []
            table?.inHeader = header
        case .tableCell:
            line = ""
        case .video(let url):
            write(markup.link(text: "Video", url: environment.absoluteURL(for: url, in: event.document.path) ?? url))
            endBlock()
        case .image(let image):
            writePendingAlertLabels()
            if !image.altText.isEmpty { write(flavor.escape(image.altText)) }
            endBlock()
        case .include, .inlineInclude:
            break
        case .text(let s):
            // Text with no placeholder and nothing to escape is written as it is, uncopied.
            if variables.isEmpty || !s.containsDoubleBrace, !flavor.escapes(event.document[s]) {
                write(event.document[s])
            } else {
                write(flavor.escape(Self.substitute(s, in: event.document, variables: variables)))
            }
        case .softBreak:
            write(" ")
        case .lineBreak:
            if table != nil { line += " " } else { finishLine(); startLine() }
        case .code(let s):
            write(markup.inlineCode(String(event.document[s])))
        case .htmlInline(let literal):
            // `<br>` (a table cell's line break) is a line break; other tags have no text.
            guard HTMLSanitizer.plainText(String(event.document[literal])) == "\n" else { break }
            if table != nil { line += "\n  " } else { finishLine(); startLine() }
        case .emphasis: write(markup.emphasis)
        case .strong: write(markup.strong)
        case .strikethrough: write(markup.strike)
        case .link(let destination, _):
            write("")
            links.append((line.endIndex, environment.absoluteURL(for: destination, in: event.document.path)))
        case .inlineImage:
            write("")
            altDepth = 1
        }
    }

    mutating func exit(_ event: ExpandedWalk.Event) {
        if skipDepth > 0 { skipDepth -= 1; return }
        if altDepth > 0 {
            if case .inlineImage = event.kind { altDepth -= 1 }
            return
        }
        switch event.kind {
        case .paragraph:
            endBlock()
        case .heading:
            line += markup.headingClose
            endBlock()
        case .blockQuote, .alert, .list:
            if case .alert = event.kind { writePendingAlertLabels() }
            finishLine()
            containers.removeLast()
            endBlock()
        case .item:
            finishLine()
            containers.removeLast()
            blankPending = false
            if case let .list(_, _, tight)? = containers.last, !tight { blankPending = true }
        case .table:
            if let table { writeTable(table.header, table.rows) }
            table = nil
            endBlock()
        case .tableRow(let header):
            if let row = table?.row {
                if header { table?.header = row } else { table?.rows.append(row) }
            }
        case .tableCell:
            table?.row.append(line.trimmingSpaces())
            line = ""
        case .emphasis: line += markup.emphasis
        case .strong: line += markup.strong
        case .strikethrough: line += markup.strike
        case .link:
            guard let link = links.popLast() else { break }
            let start = link.start <= line.endIndex ? link.start : line.endIndex
            let text = String(line[start...])
            line.removeSubrange(start...)
            line += markup.link(text: text, url: link.url)
        default:
            break
        }
    }

    // MARK: Helpers

    // The helpers are static and take what they read: a method of `State` called from its
    // mutating ones copies the whole state first.
    static func substitute(_ span: TextSpan, in document: MarkdownDocument, variables: [String: String]) -> String {
        let text = String(document[span])
        return variables.isEmpty || !span.containsDoubleBrace ? text : DocVariables.substitute(text, values: variables)
    }

    /// A tab's or zone's label, bold, as a block of its own.
    mutating func writeLabel(_ label: String) {
        writePendingAlertLabels()
        finishLine()
        write(markup.strong + flavor.escape(label) + markup.strong)
        endBlock()
    }

    /// `{{ groups }}` alone in a paragraph: the environment's items as a list.
    static func blockVariable(_ event: ExpandedWalk.Event, environment: MarkdownEnvironment) -> [(text: String, url: String?)]? {
        let doc = event.document
        guard let only = doc.children(of: event.id).first, doc[only].nextSibling == nil,
              case .text(let text) = doc[only].kind, let name = DocVariables.soleReference(in: String(doc[text])) else { return nil }
        return environment.chatItems(forVariable: name)
    }

    mutating func writeList(_ items: [(text: String, url: String?)]) {
        finishLine()
        for item in items {
            lines.append(prefix() + markup.bullet + markup.link(text: flavor.escape(item.text), url: item.url))
        }
        endBlock()
    }

    /// Rows as `• Header: cell · Header: cell`, readable in any app.
    mutating func writeTable(_ header: [String], _ rows: [[String]]) {
        let separator = " · "
        if rows.isEmpty {
            write(header.joined(separator: separator))
            finishLine()
            return
        }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index < header.count && !header[index].isEmpty ? "\(header[index]): \(cell)" : cell
            }
            finishLine()
            lines.append(prefix() + markup.bullet + cells.joined(separator: separator))
        }
    }
}
