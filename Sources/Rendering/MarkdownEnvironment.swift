import Markdown

/// What a renderer needs from the site around a document: where links point and what an include
/// contains. The site answers per page, so relative URLs come out right for that page.
public protocol MarkdownEnvironment: Sendable {
    /// The URL to write for a link or image `destination` found in the file at `sourcePath`
    /// (content-relative). Dangerous URLs (`javascript:` …) must come back empty.
    func url(for destination: String, in sourcePath: String, isImage: Bool) -> String
    /// The parsed file an include names, or nil when it cannot be included.
    func includedDocument(_ path: String, in sourcePath: String) -> MarkdownDocument?
    /// Values for `{{ name }}` placeholders in text.
    var variables: [String: String] { get }
    /// HTML for a placeholder that stands alone in a paragraph and expands to a block (such as
    /// `{{ groups }}`), already escaped; nil when `name` is not such a placeholder.
    func blockHTML(forVariable name: String) -> String?
    /// The same block for chat text: items with an optional link.
    func chatItems(forVariable name: String) -> [(text: String, url: String?)]?
    /// An absolute URL for chat text, where relative links mean nothing; nil drops the link
    /// (its text stays).
    func absoluteURL(for destination: String, in sourcePath: String) -> String?
    /// The intrinsic size of the image a `destination` names, when the site can read it.
    func imageSize(for destination: String, in sourcePath: String) -> ImageSize?
    /// The text of a local file a `:::code source="…":::` names, or nil when it is not one.
    func codeFile(_ path: String, in sourcePath: String) -> String?
}

extension MarkdownEnvironment {
    public var variables: [String: String] { [:] }
    public func blockHTML(forVariable name: String) -> String? { nil }
    public func chatItems(forVariable name: String) -> [(text: String, url: String?)]? { nil }
    public func imageSize(for destination: String, in sourcePath: String) -> ImageSize? { nil }
    public func codeFile(_ path: String, in sourcePath: String) -> String? { nil }
    public func absoluteURL(for destination: String, in sourcePath: String) -> String? {
        let url = self.url(for: destination, in: sourcePath, isImage: false)
        return url.contains("://") || url.hasPrefix("mailto:") ? url : nil
    }
}

/// Links stay as written (dangerous ones emptied); includes are not expanded. What cmark does.
public struct PlainEnvironment: MarkdownEnvironment {
    public init() {}
    public func url(for destination: String, in sourcePath: String, isImage: Bool) -> String {
        URLSafety.isDangerous(destination) ? "" : destination
    }
    public func includedDocument(_ path: String, in sourcePath: String) -> MarkdownDocument? { nil }
}

public enum URLSafety {
    /// cmark's rule: `javascript:`, `vbscript:`, `file:` and `data:` (except common image types).
    /// Compares bytes, ASCII letters in either case, without making a lowercased copy: this runs
    /// for every link of every output.
    public static func isDangerous(_ url: String) -> Bool {
        let bytes = url.utf8
        if startsWith(bytes, "javascript:") || startsWith(bytes, "vbscript:") || startsWith(bytes, "file:") { return true }
        guard startsWith(bytes, "data:") else { return false }
        return !(startsWith(bytes, "data:image/png") || startsWith(bytes, "data:image/gif") || startsWith(bytes, "data:image/jpeg")
            || startsWith(bytes, "data:image/webp"))
    }

    /// Whether `bytes` starts with `prefix` (lowercase ASCII), ignoring the case of ASCII letters.
    private static func startsWith(_ bytes: String.UTF8View, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { pattern in
            var index = bytes.startIndex
            for expected in pattern {
                guard index != bytes.endIndex else { return false }
                let byte = bytes[index]
                guard byte == expected || (byte >= 0x41 && byte <= 0x5A && byte | 0x20 == expected) else { return false }
                index = bytes.index(after: index)
            }
            return true
        }
    }
}
