import Diagnostics
import Yams

/// One language's string table (`Templates/i18n/fr.yml`): every word the site, posters, share
/// pages and e-mails print that is not the kit's own, as `name: text` lines. A text may hold
/// `{name}` placeholders (`{app}`, `{group}`), which the renderer fills with escaped values.
public struct StringTable: Sendable, Hashable {
    public var strings: [String: String] = [:]
    /// Where each string is written, for findings about it.
    public var locations: [String: SourceLocation] = [:]

    public init(strings: [String: String] = [:]) { self.strings = strings }

    public subscript(name: String) -> String? { strings[name] }

    /// The kit's strings laid over these (the built-in ones): a kit overrides a few names and
    /// keeps getting the rest.
    public func overlaid(with kit: StringTable) -> StringTable {
        var result = self
        result.strings.merge(kit.strings) { $1 }
        result.locations.merge(kit.locations) { $1 }
        return result
    }

    /// Decodes a table's YAML: a mapping of names to one-line texts. Every problem is reported
    /// at its position; the readable strings are kept.
    public static func decode(_ text: String, path: String) -> (StringTable, [Diagnostic]) {
        var table = StringTable()
        let (node, problems) = YAMLLoader.load(text, path: path, syntaxID: .stringTableSyntax)
        guard let node else { return (table, problems) }
        var reader = ConfigReader(path: path, problems: problems)
        guard case .mapping(let mapping) = node else {
            reader.error(.stringTableSyntax, "a string table must be 'name: text' lines, not \(ConfigReader.describe(node))", at: node)
            return (table, reader.diagnostics)
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let string = reader.text(value, named: name) else { continue }
            table.strings[name] = string
            table.locations[name] = reader.location(key)
        }
        return (table, reader.diagnostics.sorted(by: Diagnostic.ordered))
    }

    /// `text` with each `{name}` that `values` knows replaced; other braces stay as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}
