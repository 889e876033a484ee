import Foundation
import Diagnostics
import Markdown
import Rendering

/// What a link or image destination in a content file points at.
package enum LinkTarget: Equatable {
    case external
    /// `/path` on the server the docs are published to; kept as written.
    case rootRelative
    case dangerous
    case sameDocument(fragment: String)
    case page(source: String, fragment: String?)
    case asset(path: String, suffix: String)
    /// A file the build makes itself (a poster, the posters index).
    case generated(path: String, suffix: String)
    /// A `.md` link to no page; `suggestion` is a path that differs only in letter case.
    case missingPage(path: String, suggestion: String?)
    case missingFile(path: String, suggestion: String?)
    case outsideContent
}

/// Resolves destinations against the kit's files. Built once per kit; shared by checks and
/// renderers.
package struct LinkResolver: Sendable {
    let pages: Set<String>
    let assets: Set<String>
    let generated: Set<String>
    private let lowercased: [String: String]

    init(pages: [Page], assets: [String], generated: [String]) {
        self.pages = Set(pages.map(\.source))
        self.assets = Set(assets)
        self.generated = Set(generated)
        var lower: [String: String] = [:]
        for path in pages.map(\.source) + assets { lower[path.lowercased()] = path }
        self.lowercased = lower
    }

    package func resolve(_ destination: String, from source: String) -> LinkTarget {
        let trimmed = destination.first == " " || destination.last == " " ? destination.trimmingSpaces() : destination
        if URLSafety.isDangerous(trimmed) { return .dangerous }
        if ContentPath.isExternal(trimmed) { return .external }
        if trimmed.hasPrefix("/") { return .rootRelative }
        let (rawPath, query, fragment) = ContentPath.split(trimmed)
        if rawPath.isEmpty {
            return fragment.map { .sameDocument(fragment: $0) } ?? .sameDocument(fragment: "")
        }
        let decoded = rawPath.utf8.contains(UInt8(ascii: "%")) ? rawPath.removingPercentEncoding ?? rawPath : rawPath
        guard var path = ContentPath.resolve(decoded, from: source) else { return .outsideContent }
        if decoded.hasSuffix("/") || path.isEmpty { path = path.isEmpty ? "index.md" : path + "/index.md" }
        if path.lowercased().hasSuffix(".md") {
            if pages.contains(path) { return .page(source: path, fragment: fragment) }
            return .missingPage(path: path, suggestion: lowercased[path.lowercased()])
        }
        let suffix = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        if assets.contains(path) { return .asset(path: path, suffix: suffix) }
        if generated.contains(path) { return .generated(path: path, suffix: suffix) }
        return .missingFile(path: path, suggestion: lowercased[path.lowercased()])
    }
}
