import Diagnostics
import Yams

/// Reads a poster's `poster.yml`: `title`, `scope` (`group` or `organization`), `description`.
public enum PosterDefinitionDecoder {
    public struct Fields: Sendable, Hashable {
        public var title: String
        public var scope: String
        public var description: String
    }

    public static func decode(_ text: String, path: String) -> (Fields?, [Diagnostic]) {
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .posterDefinition)
        guard !problems.hasErrors else { return (nil, problems) }
        guard let node else {
            return (nil, [.error(.posterDefinition, "poster.yml is empty; it needs 'title' and 'scope'", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        var reader = ConfigReader(path: path, problems: problems)
        guard let fields = reader.mapping(node, named: "poster.yml", allowed: ["title", "scope", "description"]) else { return (nil, reader.diagnostics) }
        let title = reader.text(fields["title"], named: "title", required: true, in: node)
        let scope = reader.choice(fields["scope"], named: "scope", among: ["group", "organization"])
        if fields["scope"] == nil { reader.error(.configType, "missing required key 'scope' (group or organization)", at: node) }
        let description = reader.text(fields["description"], named: "description") ?? ""
        guard let title, let scope, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        return (Fields(title: title, scope: scope, description: description), reader.diagnostics)
    }
}
