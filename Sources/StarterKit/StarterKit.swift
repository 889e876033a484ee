import Foundation

/// The kit `adoptkit init` writes: the repository's `Starter/` folder, compiled into the binary
/// by the EmbedTemplates plugin (`EmbeddedStarterKit` is generated), so `init` needs neither the
/// source tree nor a network.
public enum StarterKit {
    /// What `init` was told on the command line.
    public struct Names: Sendable {
        public var organization: String
        public var app: String

        public init(organization: String? = nil, app: String? = nil) {
            self.organization = organization ?? "Your organization"
            self.app = app ?? "Kaizala"
        }

        /// `site.title` of the new kit.
        var title: String { "\(organization) \(app) adoption guide" }
    }

    /// Path relative to the kit folder and the bytes to write, sorted by path. Placeholders in
    /// `adoptkit.yml` (`{{ORGANIZATION}}`, `{{APP}}`, `{{TITLE}}`, each inside a double-quoted
    /// YAML string) are filled in, escaped for that string.
    public static func files(_ names: Names) -> [(path: String, data: Data)] {
        EmbeddedStarterKit.base64.map { file in
            // The generator wrote the base64 itself; failing to decode it is a build bug.
            guard let data = Data(base64Encoded: file.bytes) else { preconditionFailure("corrupt embedded starter file \(file.path)") }
            guard file.path.hasSuffix(".yml") else { return (file.path, data) }
            var text = String(decoding: data, as: UTF8.self)
            for (placeholder, value) in [("{{ORGANIZATION}}", names.organization), ("{{APP}}", names.app), ("{{TITLE}}", names.title)] {
                text = text.replacingOccurrences(of: placeholder, with: yamlQuotedContent(value))
            }
            return (file.path, Data(text.utf8))
        }
    }

    /// Why `value` cannot name an organisation or app, or nil. Names land on one line of
    /// `adoptkit.yml` and on posters, so they must be non-empty and free of control characters.
    public static func problem(with value: String) -> String? {
        if value.trimmingCharacters(in: .whitespaces).isEmpty { return "must not be empty" }
        if let bad = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            || $0.properties.generalCategory == .lineSeparator || $0.properties.generalCategory == .paragraphSeparator }) {
            return "must be one line of text without control characters (it contains U+\(String(bad.value, radix: 16, uppercase: true)))"
        }
        return nil
    }

    /// The inside of a YAML double-quoted string: `\` and `"` escaped. `problem(with:)` has
    /// already refused every other character that needs an escape.
    static func yamlQuotedContent(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
