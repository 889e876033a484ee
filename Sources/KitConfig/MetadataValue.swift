import Yams

/// A front matter value kept as written: DocFX pages carry many keys (`ms.date`,
/// `search.appverid` lists, empty `ms.reviewer:`) that templates may show.
public enum MetadataValue: Sendable, Hashable {
    case string(String)
    case list([MetadataValue])
    case map([Metadata.Entry])
    case null

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// How a template shows the value: text as is, lists joined with ", ", null as "".
    public var displayText: String {
        switch self {
        case .string(let s): return s
        case .list(let items): return items.map(\.displayText).joined(separator: ", ")
        case .map(let entries): return entries.map { "\($0.key): \($0.value.displayText)" }.joined(separator: ", ")
        case .null: return ""
        }
    }

    init(_ node: Node) {
        var result: MetadataValue = .null
        // Iterative conversion is overkill for front matter; its depth is bounded by the size cap
        // and libyaml's own nesting limit.
        switch node {
        case .scalar(let scalar):
            result = scalar.tag == .implicit && scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
                ? .null : .string(scalar.string)
        case .sequence(let sequence): result = .list(sequence.map(MetadataValue.init))
        case .mapping(let mapping):
            result = .map(mapping.map { Metadata.Entry(key: $0.key.string ?? "", value: MetadataValue($0.value)) })
        case .alias: result = .null
        }
        self = result
    }
}

/// Page metadata from front matter, in the order written.
public struct Metadata: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: MetadataValue

        public init(key: String, value: MetadataValue) { (self.key, self.value) = (key, value) }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public subscript(key: String) -> MetadataValue? {
        entries.first { $0.key == key }?.value
    }

    /// This metadata over `inherited` (docfx.json's): the page's own keys win.
    public func inheriting(_ inherited: [Entry]) -> Metadata {
        guard !inherited.isEmpty else { return self }
        let own = Set(entries.map(\.key))
        return Metadata(entries: inherited.filter { !own.contains($0.key) } + entries)
    }
}
