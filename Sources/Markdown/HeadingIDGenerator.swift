/// Heading ids as DocFX (Markdig's GitHub mode) and Microsoft Docs make them, so existing
/// `#anchors` keep working: lowercase, keep letters, digits, `-` and `_`, turn each space into
/// `-`, drop everything else. `Step 1 – Create a group` → `step-1--create-a-group`.
public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        var id = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            if character == " " {
                id.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                id += character.lowercased()
            }
        }
        return id.isEmpty ? "section" : id
    }

    /// The slug, with `-1`, `-2`, … appended for repeats within one page.
    public mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }
}
