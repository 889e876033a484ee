/// A request path made safe to look up: decoded exactly once, then normalised, then checked to
/// stay inside the site. The site is an in-memory tree, so nothing outside it could be served
/// anyway; the checks make hostile paths fail early and clearly.
enum RequestPath {
    enum Outcome: Equatable {
        /// A path relative to the site root (`guide/invite.html`; empty for the root).
        case file(String, trailingSlash: Bool)
        case badRequest(String)
    }

    static func resolve(_ rawTarget: String) -> Outcome {
        // The query and fragment are not part of the path.
        let raw = String(rawTarget.prefix { $0 != "?" && $0 != "#" })
        guard raw.hasPrefix("/") else { return .badRequest("the path must start with /") }
        if raw.contains("\\") { return .badRequest("backslashes are not allowed in paths") }
        guard let decoded = raw.removingPercentEncoding else { return .badRequest("invalid percent-encoding") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .badRequest("control characters are not allowed in paths")
        }
        if decoded.contains("\\") { return .badRequest("backslashes are not allowed in paths") }
        var parts: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": return .badRequest("'..' is not allowed in paths")
            default: parts.append(segment)
            }
        }
        return .file(parts.joined(separator: "/"), trailingSlash: decoded.hasSuffix("/"))
    }
}
