import Diagnostics
import Foundation
import Yams

/// Reads typed values out of YAML nodes, collecting every problem with its position instead of
/// stopping at the first.
struct ConfigReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    /// - Parameter problems: what loading the YAML found, reported along with what is read.
    init(path: String, problems: [Diagnostic] = []) {
        self.path = path
        self.diagnostics = problems
    }

    func location(_ node: Node) -> SourceLocation { YAMLLoader.location(of: node, path: path, lineOffset: 0) }

    mutating func append(_ found: [Diagnostic]) { diagnostics += found }

    mutating func error(_ id: DiagnosticID, _ message: String, at node: Node, notes: [String] = []) {
        diagnostics.append(.error(id, message, at: location(node), notes: notes))
    }

    mutating func warning(_ id: DiagnosticID, _ message: String, at node: Node, notes: [String] = []) {
        diagnostics.append(.warning(id, message, at: location(node), notes: notes))
    }

    /// A whole number within `range`.
    mutating func integer(_ node: Node?, named name: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string), range.contains(value) else {
            error(.configType, "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(Self.describe(node))", at: node)
            return nil
        }
        return value
    }

    /// A list of texts (or one text, taken as a list of one).
    mutating func textList(_ node: Node?, named name: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return text(node, named: name).map { [$0] } }
        guard case .sequence(let items) = node else {
            error(.configType, "'\(name)' must be a list, not \(Self.describe(node))", at: node)
            return nil
        }
        return items.compactMap { text($0, named: name) }
    }

    /// One of a fixed set of words.
    mutating func choice(_ node: Node?, named name: String, among choices: [String]) -> String? {
        guard let value = text(node, named: name), let node else { return nil }
        guard choices.contains(value.lowercased()) else {
            error(.configType, "'\(name)' must be one of \(choices.joined(separator: ", ")), not '\(value)'", at: node,
                  notes: Suggestions.note(value, among: choices))
            return nil
        }
        return value.lowercased()
    }

    /// A colour as `#RGB` or `#RRGGBB`, returned as `#RRGGBB`. Strict, because it lands in CSS.
    mutating func color(_ node: Node?, named name: String) -> String? {
        guard let value = text(node, named: name), let node else { return nil }
        let hex = value.dropFirst()
        guard value.hasPrefix("#"), [3, 6].contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
            error(.configType, "'\(name)' must be a hex colour like #0F62AE, not '\(value)'", at: node)
            return nil
        }
        let full = hex.count == 3 ? hex.map { "\($0)\($0)" }.joined() : String(hex)
        return "#" + full.uppercased()
    }

    /// The entries of a mapping whose keys must be among `allowed`; unknown keys are reported
    /// with the closest known key.
    /// `allowed` nil accepts any key.
    mutating func mapping(_ node: Node, named name: String, allowed: [String]?) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            error(.configType, "'\(name)' must be a mapping (key: value lines), not \(Self.describe(node))", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let keyName = key.string else { continue }
            if let allowed, !allowed.contains(keyName) {
                let suggestion = Suggestions.closest(to: keyName, in: allowed)
                error(.configUnknownKey, "unknown key '\(keyName)' in '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                      at: key, notes: ["known keys: " + allowed.joined(separator: ", ")])
                continue
            }
            result[keyName] = value
        }
        return result
    }

    /// A text value; null, lists and mappings are errors. Control, bidi and zero-width
    /// characters were removed (and reported) by `YAMLSanitizer`; a line break or tab outside a
    /// `multiline` value is an error.
    mutating func text(_ node: Node?, named name: String, required: Bool = false, in parent: Node? = nil, multiline: Bool = false) -> String? {
        guard let node else {
            if required, let parent { error(.configType, "missing required key '\(name)'", at: parent) }
            return nil
        }
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error(.configType, "'\(name)' must be text, not \(Self.describe(node))", at: node)
            return nil
        }
        if !multiline, let bad = scalar.string.unicodeScalars.first(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            error(.configType, "'\(name)' must be on one line; it contains \(TextHygiene.describe(bad))", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node?, named name: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error(.configType, "'\(name)' must be true or false, not \(Self.describe(node))", at: node)
        return nil
    }

    /// An absolute `https` URL with a host and no user info, spaces or control characters,
    /// returned encoded (see `HTTPSLink`). A host that mixes scripts is a warning.
    /// - Parameter isBase: a base URL, which other paths are appended to: no query or fragment.
    mutating func httpsURL(_ node: Node?, named name: String, required: Bool = false, in parent: Node? = nil, isBase: Bool = false) -> String? {
        guard let text = text(node, named: name, required: required, in: parent), let node else { return nil }
        switch HTTPSLink.parse(text) {
        case .failure(let problem):
            error(.configInvalidURL, "'\(name)' \(problem.message): '\(text)'", at: node)
            return nil
        case .success(let link):
            if isBase, link.url.contains("?") || link.url.contains("#") {
                error(.configInvalidURL, "'\(name)' must not have a query or fragment, since page paths are added to it: '\(text)'", at: node)
                return nil
            }
            if let label = link.mixedScriptLabel {
                warning(.configMixedScriptHost, "'\(name)' has a host name that mixes scripts ('\(label)'), as look-alike addresses do: '\(text)'",
                        at: node, notes: ["it is encoded as \(link.url); check that the address is the one intended"])
            }
            return link.url
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(scalar) ? "null" : "the text '\(scalar.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

/// The rules for links that end up in pages, posters and QR codes.
public enum URLRules {
    /// Why `text` is not an acceptable absolute https URL, or nil when it is.
    public static func problem(with text: String) -> String? {
        if case .failure(let problem) = HTTPSLink.parse(text) { return problem.message }
        return nil
    }
}
