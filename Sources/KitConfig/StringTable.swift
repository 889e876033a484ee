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

    /// The names `fill` may replace in `text`: what follows each `{` up to the next `}`.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            // As `fill` reads: from the next character, so `{a{b}` names `b` too.
            rest = after
        }
        return names
    }

    /// `text` with each `{name}` that `values` knows replaced; other braces stay as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        // By byte (`{` and `}` are ASCII): this runs for every string of every poster.
        let utf8 = text.utf8
        guard var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return text }
        var result = ""
        var copied = utf8.startIndex
        while true {
            let after = utf8.index(after: open)
            if let close = utf8[after...].firstIndex(of: UInt8(ascii: "}")), let value = values[String(text[after..<close])] {
                result += text[copied..<open]
                result += value
                copied = utf8.index(after: close)
            }
            guard let next = utf8[max(after, copied)...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        return result + text[copied...]
    }
}
