import Diagnostics

/// One entry of a DocFX table of contents: a title, an optional link, and nested entries.
public struct TOCEntry: Sendable, Hashable {
    public var title: String
    /// The link as written (relative to the TOC file), or nil for a grouping heading.
    public var href: String?
    public var children: [TOCEntry]
    public var location: SourceLocation
    /// The page an entry links to when its `href` names a nested TOC (DocFX's `topicHref`).
    public var topicHref: String?

    public init(title: String, href: String?, children: [TOCEntry] = [], location: SourceLocation, topicHref: String? = nil) {
        self.title = title
        self.href = href
        self.children = children
        self.location = location
        self.topicHref = topicHref
    }
}

extension TOCEntry {
    /// Reads a DocFX Markdown TOC (`TOC.md`): nested headings, each holding a link or plain text.
    public static func entries(fromMarkdownTOC document: MarkdownDocument) -> [TOCEntry] {
        // (level, entry) stack; entries are attached to their parent when popped.
        var roots: [TOCEntry] = []
        var stack: [(level: Int, entry: TOCEntry)] = []

        func popTo(level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty { roots.append(last.entry) } else { stack[stack.count - 1].entry.children.append(last.entry) }
            }
        }

        for id in document.children(of: document.root) {
            guard case .heading(let level, _) = document[id].kind else { continue }
            var href: String?
            var title = document.plainText(of: id).trimmingSpaces()
            for child in document.children(of: id) {
                if case .link(let destination, _) = document[child].kind {
                    href = destination
                    title = document.plainText(of: child).trimmingSpaces()
                    break
                }
            }
            popTo(level: level)
            stack.append((level, TOCEntry(title: title, href: href, location: document.location(of: id))))
        }
        popTo(level: 0)
        return roots
    }
}
