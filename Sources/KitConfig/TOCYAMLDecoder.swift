import Diagnostics
import Yams

/// An entry of a DocFX `toc.yml`: `- name: … href: … items: [...]`.
public struct TOCYAMLItem: Sendable, Hashable {
    public var name: String
    public var href: String?
    public var items: [TOCYAMLItem]
    public var location: SourceLocation
}

public enum TOCYAMLDecoder {
    public static func decode(_ text: String, path: String) -> ([TOCYAMLItem], [Diagnostic]) {
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .tocSyntax)
        guard !problems.hasErrors, let node else { return ([], problems) }
        var reader = ConfigReader(path: path, problems: problems)
        // Nested lists are walked with an explicit stack; `items` are filled bottom-up.
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
                // DocFX has many more keys (topicUid, tocHref, displayName, …) that a site build
                // does not need: they are read past, not refused.
                guard let fields = reader.mapping(entry, named: "toc entry", allowed: nil) else { return nil }
                let name = reader.text(fields["name"], named: "name", required: true, in: entry) ?? ""
                let href = reader.text(fields["href"], named: "href")
                let children = fields["items"].map { items($0, depth: depth + 1) } ?? []
                return TOCYAMLItem(name: name, href: href, items: children, location: reader.location(entry))
            }
        }
        let result = items(node, depth: 0)
        return (result, reader.diagnostics)
    }
}
