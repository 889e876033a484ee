import Diagnostics
import Yams

/// A DocFX landing page (`index.yml` starting `### YamlMime:Landing` or `### YamlMime:Hub`):
/// a title, a summary, and sections of cards, each with its links.
public struct LandingPage: Sendable {
    public struct Link: Sendable, Hashable {
        public var text: String
        public var url: String
        public var location: SourceLocation
    }

    public struct Card: Sendable, Hashable {
        public var title: String
        public var summary: String
        /// Where the card's title links to, when it has one link of its own.
        public var url: String?
        public var links: [Link]
        public var location: SourceLocation
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var summary: String
        public var cards: [Card]
        public var location: SourceLocation
    }

    public var title: String
    public var summary: String
    /// The page's `metadata:` mapping, as front matter.
    public var metadata: Metadata
    public var sections: [Section]
    public var location: SourceLocation
}

public enum LandingPageDecoder {
    /// True for the first line DocFX gives landing and hub pages.
    public static func isLandingPage(_ text: Substring) -> Bool {
        let first = text.prefix { $0 != "\n" && $0 != "\r" }.trimmingSpaces().lowercased()
        return first == "### yamlmime:landing" || first == "### yamlmime:hub"
    }

    /// Reads the cards of a landing or hub page. The two schemas differ (`landingContent`,
    /// `highlightedContent`, `productDirectory`, `conceptualContent`, `tools`,
    /// `additionalContent.sections`), but every one is a list of cards under a key, or a list of
    /// such lists: that is what is read, in the order written. Keys for the page's look
    /// (`brand`, `itemType`, `imageSrc`, …) are read past.
    public static func decode(_ yaml: String, path: String) -> (LandingPage?, [Diagnostic]) {
        let (node, problems) = YAMLLoader.load(yaml, path: path, syntaxID: .landingSyntax)
        guard !problems.hasErrors, let node else { return (nil, problems) }
        var reader = ConfigReader(path: path, problems: problems)
        guard case .mapping(let top) = node else {
            reader.error(.landingSyntax, "a landing page must be a mapping with title: and its sections", at: node)
            return (nil, reader.diagnostics)
        }
        func string(_ node: Node?) -> String {
            guard case .scalar(let scalar)? = node, !ConfigReader.isNull(scalar) else { return "" }
            return scalar.string.trimmingWhitespace()
        }
        func field(_ mapping: Node.Mapping, _ key: String) -> Node? { mapping.first { $0.key.string == key }?.value }
        func link(_ item: Node) -> LandingPage.Link? {
            guard case .mapping(let link) = item else { return nil }
            let url = string(field(link, "url"))
            guard !url.isEmpty else { return nil }
            let label = string(field(link, "text")).isEmpty ? string(field(link, "title")) : string(field(link, "text"))
            return LandingPage.Link(text: label.isEmpty ? url : label, url: url, location: reader.location(item))
        }
        func links(_ node: Node?) -> [LandingPage.Link] {
            guard case .sequence(let items)? = node else { return [] }
            return items.compactMap(link)
        }
        func cards(_ node: Node?) -> [LandingPage.Card] {
            guard case .sequence(let items)? = node else { return [] }
            return items.compactMap { item in
                guard case .mapping(let card) = item else { return nil }
                var all = links(field(card, "links"))
                if case .sequence(let lists)? = field(card, "linkLists") {
                    for case .mapping(let list) in lists { all += links(field(list, "links")) }
                }
                if let footer = field(card, "footerLink"), let more = link(footer) { all.append(more) }
                let url = string(field(card, "url"))
                let title = string(field(card, "title")).isEmpty ? string(field(card, "text")) : string(field(card, "title"))
                guard !title.isEmpty || !all.isEmpty else { return nil }
                return LandingPage.Card(title: title, summary: string(field(card, "summary")), url: url.isEmpty ? nil : url,
                                        links: all, location: reader.location(item))
            }
        }
        var sections: [LandingPage.Section] = []
        for (key, value) in top {
            guard let name = key.string, !["title", "summary", "metadata", "brand"].contains(name) else { continue }
            switch value {
            case .sequence:
                sections.append(.init(title: "", summary: "", cards: cards(value), location: reader.location(value)))
            case .mapping(let group):
                if case .sequence(let nested)? = field(group, "sections") {
                    for case .mapping(let section) in nested {
                        sections.append(.init(title: string(field(section, "title")), summary: string(field(section, "summary")),
                                              cards: cards(field(section, "items")), location: reader.location(.mapping(section))))
                    }
                } else if field(group, "items") != nil {
                    sections.append(.init(title: string(field(group, "title")), summary: string(field(group, "summary")),
                                          cards: cards(field(group, "items")), location: reader.location(value)))
                }
            default:
                continue
            }
        }
        var metadata = Metadata()
        if case .mapping(let fields)? = top.first(where: { $0.key.string == "metadata" })?.value {
            metadata.entries = fields.map { Metadata.Entry(key: $0.key.string ?? "", value: MetadataValue($0.value)) }
        }
        let page = LandingPage(title: string(top.first { $0.key.string == "title" }?.value), summary: string(top.first { $0.key.string == "summary" }?.value),
                               metadata: metadata, sections: sections.filter { !$0.cards.isEmpty }, location: reader.location(node))
        return (page, reader.diagnostics)
    }
}
