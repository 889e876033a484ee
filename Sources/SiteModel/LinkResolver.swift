import Foundation
import Diagnostics
import Markdown
import Rendering

/// What a link or image destination in a content file points at.
package enum LinkTarget: Equatable {
    case external
    /// `/path` on the server the docs are published to, with no root URL to make it absolute;
    /// kept as written.
    case rootRelative
    /// `/path` made absolute with the root URL (`markdown.root_url`, or the DocFX default).
    case rootAbsolute(url: String)
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
    /// Where `/path` links are on the web (`https://learn.microsoft.com/`), when known.
    let rootURL: String?
    /// The server paths the kit itself is published under, lowercased, with a trailing `/`.
    let publishedPrefixes: [String]

    init(pages: [Page], assets: [String], generated: [String], rootURL: String? = nil, publishedPrefixes: [String] = []) {
        self.pages = Set(pages.map(\.source))
        self.assets = Set(assets)
        self.generated = Set(generated)
        var lower: [String: String] = [:]
        for path in pages.map(\.source) + assets { lower[path.lowercased()] = path }
        self.lowercased = lower
        self.rootURL = rootURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.publishedPrefixes = publishedPrefixes.map { $0.lowercased() }
    }

    /// Page sources are Markdown files or YAML landing pages.
    static func isPageFile(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".yml")
    }

    /// `destination` made absolute with the root URL, for a `/path` link; nil otherwise.
    package func absoluteRootURL(_ destination: String) -> String? {
        guard let rootURL, destination.hasPrefix("/"), !destination.hasPrefix("//") else { return nil }
        return rootURL + destination.dropFirst()
    }

    package func resolve(_ destination: String, from source: String) -> LinkTarget {
        let trimmed = destination.utf8.first == 0x20 || destination.utf8.last == 0x20 ? destination.trimmingSpaces() : destination
        if URLSafety.isDangerous(trimmed) { return .dangerous }
        if ContentPath.isExternal(trimmed) { return .external }
        if trimmed.hasPrefix("/") { return resolveRootRelative(trimmed) }
        let (rawPath, query, fragment) = ContentPath.split(trimmed)
        if rawPath.isEmpty {
            return fragment.map { .sameDocument(fragment: $0) } ?? .sameDocument(fragment: "")
        }
        let decoded = rawPath.utf8.contains(UInt8(ascii: "%")) ? rawPath.removingPercentEncoding ?? rawPath : rawPath
        guard var path = ContentPath.resolve(decoded, from: source) else { return .outsideContent }
        if decoded.hasSuffix("/") || path.isEmpty { path = path.isEmpty ? "index.md" : path + "/index.md" }
        if path == "index.md" || path.hasSuffix("/index.md"), !pages.contains(path) {
            // A folder's landing page may be `index.yml`.
            let landing = String(path.dropLast(3)) + ".yml"
            if pages.contains(landing) { return .page(source: landing, fragment: fragment) }
        }
        if Self.isPageFile(path), pages.contains(path) { return .page(source: path, fragment: fragment) }
        if path.lowercased().hasSuffix(".md") {
            return .missingPage(path: path, suggestion: lowercased[path.lowercased()])
        }
        let suffix = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        if assets.contains(path) { return .asset(path: path, suffix: suffix) }
        if generated.contains(path) { return .generated(path: path, suffix: suffix) }
        return .missingFile(path: path, suggestion: lowercased[path.lowercased()])
    }

    /// `/prefix/guide/invite` is the kit's own page when the kit is published under `/prefix/`
    /// (as the site it was written for serves it: no `.md`, any letter case, a folder's
    /// index). Other `/path` links become absolute with the root URL, when there is one.
    private func resolveRootRelative(_ destination: String) -> LinkTarget {
        let (rawPath, query, fragment) = ContentPath.split(destination)
        let lowered = (rawPath.removingPercentEncoding ?? rawPath).lowercased()
        for prefix in publishedPrefixes where lowered.hasPrefix(prefix) || lowered + "/" == prefix {
            let rest = String(lowered.dropFirst(min(prefix.count, lowered.count)))
            let folder = rest.isEmpty || rest.hasSuffix("/") ? rest : rest + "/"
            let candidates = [rest, rest + ".md", rest + ".yml", folder + "index.md", folder + "index.yml"]
            for candidate in candidates where !candidate.isEmpty {
                guard let path = lowercased[candidate] else { continue }
                if pages.contains(path) { return .page(source: path, fragment: fragment) }
                if !rest.isEmpty, path == lowercased[rest] {
                    return .asset(path: path, suffix: (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? ""))
                }
            }
            // Under the kit's own prefix but not in it: a page that is missing (or not in this folder).
            return .missingPage(path: rest.isEmpty ? "index.md" : rest + ".md", suggestion: nil)
        }
        return absoluteRootURL(destination).map { .rootAbsolute(url: $0) } ?? .rootRelative
    }
}
