import Diagnostics

/// The front matter most pages have, read without a YAML parser: `key: value` lines and lists
/// of `- item` lines, every value a plain scalar or a quoted one without escapes. Anything else
/// (comments, nesting, flow collections, anchors, tags, block scalars, escapes, a repeated key,
/// tabs, text that `TextHygiene` would clean) returns nil, and the page goes through
/// `YAMLLoader`, so a result is always what Yams would give (a test holds the two equal).
///
/// Libyaml and the tree around it cost about a tenth of `adoptkit check` on a docs set whose
/// pages all carry a dozen such keys.
enum FlatFrontMatter {
    static func metadata(_ yaml: String) -> Metadata? {
        var entries: [Metadata.Entry] = []
        var keys: Set<String> = []
        // The key whose value is still open (written as `key:` alone): null, or a list if
        // `- item` lines follow at one indentation.
        var pendingKey: String?
        var items: [MetadataValue] = []
        var itemIndent: Int?

        func closePending() {
            guard let key = pendingKey else { return }
            entries.append(Metadata.Entry(key: key, value: items.isEmpty ? .null : .list(items)))
            (pendingKey, items, itemIndent) = (nil, [], nil)
        }

        // What the YAML path would clean and report (control characters, invisible ones),
        // escapes, and what YAML 1.1 reads as a line break or refuses, go the long way.
        if yaml.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") })
            || (TextHygiene.mayNeedCleaning(yaml.utf8) && !TextHygiene.scan(yaml).isEmpty)
            || yaml.unicodeScalars.contains(where: { [0x2028, 0x2029, 0xFFFE, 0xFFFF].contains($0.value) }) {
            return nil
        }
        for fullLine in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            // Trailing spaces are not part of a plain scalar, nor after a quoted one.
            var line = fullLine
            while line.last == UInt8(ascii: " ") { line = line.dropLast() }
            if line.isEmpty { continue }
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = line.dropFirst(indent)
            if rest.first == UInt8(ascii: "-") {
                // An item of the open key's list, all at one indentation.
                guard pendingKey != nil, rest.count >= 3, rest.dropFirst().first == UInt8(ascii: " "),
                      itemIndent == nil || itemIndent == indent,
                      let value = plainScalar(rest.dropFirst(2)) else { return nil }
                itemIndent = indent
                items.append(value)
                continue
            }
            closePending()
            guard indent == 0, let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = rest[..<colon]
            guard let first = key.first, isKeyStart(first), key.allSatisfy(isKeyByte) else { return nil }
            let name = String(decoding: key, as: UTF8.self)
            guard keys.insert(name).inserted, !nullWords.contains(name) else { return nil }
            let after = rest[rest.index(after: colon)...]
            if after.isEmpty {
                pendingKey = name
                continue
            }
            guard after.first == UInt8(ascii: " "), let value = plainScalar(after.dropFirst()) else { return nil }
            entries.append(Metadata.Entry(key: name, value: value))
        }
        closePending()
        // Only text may name a title or description: a list goes the long way, to its error.
        for entry in entries where ["title", "description"].contains(entry.key) {
            if case .list = entry.value { return nil }
        }
        return Metadata(entries: entries)
    }

    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL"]

    /// A scalar that reads the same in every YAML context: quoted in `"…"` without `"` or `\`
    /// inside, in `'…'` without `'` inside, or plain with no indicator first, no `: `, ` #` or
    /// trailing `:`, and no space first (lines come without trailing spaces).
    private static func plainScalar(_ bytes: Substring.UTF8View.SubSequence) -> MetadataValue? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] where first == quote {
            let inner = bytes.dropFirst().dropLast()
            guard bytes.count >= 2, last == quote, !inner.contains(quote) else { return nil }
            return .string(String(decoding: inner, as: UTF8.self))
        }
        guard !indicators.contains(first), last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: ":"), byte == UInt8(ascii: " ") { return nil }
            if previous == UInt8(ascii: " "), byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return nullWords.contains(text) ? .null : .string(text)
    }

    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@` ".utf8)

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }
}
