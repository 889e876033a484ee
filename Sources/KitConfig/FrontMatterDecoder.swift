import Diagnostics
import Yams

/// Reads a page's front matter YAML into `Metadata`, checking the keys adoptkit itself uses.
public enum FrontMatterDecoder {
    public static func decode(_ yaml: String, path: String, firstLine: Int) -> (Metadata, [Diagnostic]) {
        if yaml.utf8.count <= YAMLLoader.maximumBytes, let flat = FlatFrontMatter.metadata(yaml) { return (flat, []) }
        return decodeYAML(yaml, path: path, firstLine: firstLine)
    }

    /// The same through libyaml, for any front matter (and the reference `FlatFrontMatter` is
    /// tested against).
    static func decodeYAML(_ yaml: String, path: String, firstLine: Int) -> (Metadata, [Diagnostic]) {
        let lineOffset = firstLine - 1
        let (node, problems) = YAMLLoader.load(yaml, path: path, lineOffset: lineOffset, syntaxID: .frontMatterSyntax)
        guard !problems.hasErrors, let node else { return (Metadata(), problems) }
        guard case .mapping(let mapping) = node else {
            return (Metadata(), problems + [.error(.frontMatterNotMapping, "front matter must be a mapping of keys to values",
                                                   at: YAMLLoader.location(of: node, path: path, lineOffset: lineOffset))])
        }
        var diagnostics = problems
        var entries: [Metadata.Entry] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            let metadata = MetadataValue(value)
            if ["title", "description"].contains(name), metadata.string == nil, metadata != .null {
                diagnostics.append(.error(.frontMatterType, "'\(name)' must be text",
                                          at: YAMLLoader.location(of: value, path: path, lineOffset: lineOffset)))
                continue
            }
            entries.append(Metadata.Entry(key: name, value: metadata))
        }
        return (Metadata(entries: entries), diagnostics)
    }
}
