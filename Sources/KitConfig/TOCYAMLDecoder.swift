import Diagnostics
import Yams

/// An entry of a DocFX `toc.yml`: `- name: … href: … items: [...]`.
public struct TOCYAMLItem: Sendable, Hashable {
    public var name: String
    /// The page, or a nested `toc.yml`/`TOC.md` (a file or its folder) whose entries belong here.
    public var href: String?
    /// The page an entry whose `href` is a nested TOC links to (DocFX's `topicHref`).
    public var topicHref: String?
    public var items: [TOCYAMLItem]
    public var location: SourceLocation
}

public enum TOCYAMLDecoder {
    /// Reads a top-level list of entries, or a mapping whose `items:` holds it (both are DocFX).
    public static func decode(_ text: String, path: String) -> ([TOCYAMLItem], [Diagnostic]) {
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .tocSyntax)
        guard !problems.hasErrors, let node else { return ([], problems) }
        var reader = ConfigReader(path: path, problems: problems)
        // `href:` with nothing after it is how DocFX files write a heading: null means absent.
        func optionalText(_ node: Node?, _ name: String) -> String? {
            if case .scalar(let scalar)? = node, ConfigReader.isNull(scalar) { return nil }
            return reader.text(node, named: name).flatMap { $0.isEmpty ? nil : $0 }
        }
        func items(_ node: Node, depth: Int) -> [TOCYAMLItem] {
            guard depth < 64 else {
                reader.error(.tocSyntax, "table of contents is nested too deeply", at: node)
                return []
            }
            guard case .sequence(let sequence) = node else {
                reader.error(.tocSyntax, "expected a list of entries, found \(ConfigReader.describe(node))", at: node)
                return []
            }
            return sequence.compactMap { entry in
                // DocFX has many more keys (uid, topicUid, expanded, displayName, …) that a site
                // build does not need: they are read past, not refused.
                guard let fields = reader.mapping(entry, named: "toc entry", allowed: nil) else { return nil }
                let displayName = optionalText(fields["displayName"], "displayName")
                let name = reader.text(fields["name"], named: "name", required: displayName == nil, in: entry) ?? displayName ?? ""
                // A nested TOC goes in `href` (with the entry's page in `topicHref`), or in DocFX v3's
                // `tocHref` when there is no `href`; a breadcrumb TOC's `tocHref: /` is not one.
                let tocHref = optionalText(fields["tocHref"], "tocHref")
                let topic = optionalText(fields["topicHref"], "topicHref")
                var href = optionalText(fields["href"], "href")
                if href == nil, let tocHref, tocHref.lowercased().hasSuffix(".yml") || tocHref.lowercased().hasSuffix(".md") { href = tocHref }
                let children = fields["items"].map { items($0, depth: depth + 1) } ?? []
                return TOCYAMLItem(name: name, href: href, topicHref: topic, items: children, location: reader.location(entry))
            }
        }
        var list = node
        if case .mapping = node, let fields = reader.mapping(node, named: "table of contents", allowed: nil) {
            guard let entries = fields["items"] else {
                reader.error(.tocSyntax, "a table of contents mapping needs 'items:' with the list of entries", at: node)
                return ([], reader.diagnostics)
            }
            list = entries
        }
        let result = items(list, depth: 0)
        return (result, reader.diagnostics)
    }
}
