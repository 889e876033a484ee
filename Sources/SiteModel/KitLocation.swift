import Foundation
import KitFiles

/// Where a kit's parts are: resolved from the command line once, then passed by value.
public struct KitLocation: Sendable, Hashable {
    public let kit: URL
    public let content: URL
    public let templates: URL
    public let config: URL
    /// What may be read: the kit folder, plus any folder or file named on the command line
    /// (`--content ../docs`). A default `Content/` that is a link to elsewhere is outside.
    public let boundary: FileBoundary
    /// `displayPath(content)` and `manifestPath(content)` with a trailing `/`, worked out once:
    /// Foundation's URL arithmetic per file was a measurable share of a 10,000-page build.
    private let contentDisplayPrefix: String
    private let contentManifestPrefix: String
    /// The content folder's path with a trailing `/`, for the file paths of its files.
    private let contentFolderPath: String

    /// `content`, `templates` and `config` default to `Content/`, `Templates/` and
    /// `adoptkit.yml` inside `kit`.
    public init(kit: URL, content: URL? = nil, templates: URL? = nil, config: URL? = nil) {
        let kit = kit.standardizedFileURL
        self.kit = kit
        self.content = (content ?? kit.appendingPathComponent("Content")).standardizedFileURL
        self.templates = (templates ?? kit.appendingPathComponent("Templates")).standardizedFileURL
        self.config = (config ?? kit.appendingPathComponent("adoptkit.yml")).standardizedFileURL
        self.boundary = FileBoundary(roots: [kit] + [content, templates, config].compactMap { $0?.standardizedFileURL })
        // The path of a file `x` in the content folder, less the `x`.
        let probe = self.content.appendingPathComponent("x")
        self.contentDisplayPrefix = String(Self.displayPath(probe, kit: kit).dropLast())
        self.contentManifestPrefix = String(Self.manifestPath(probe, kit: kit).dropLast())
        self.contentFolderPath = self.content.path.hasSuffix("/") ? self.content.path : self.content.path + "/"
    }

    /// How diagnostics and the manifest name a file: relative to the kit when inside it,
    /// otherwise relative to the working directory, otherwise absolute.
    public func displayPath(_ url: URL) -> String { Self.displayPath(url, kit: kit) }

    private static func displayPath(_ url: URL, kit: URL) -> String {
        let path = url.standardizedFileURL.path
        if let relative = Self.relative(path, to: kit.path) { return relative }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if let relative = Self.relative(path, to: cwd) { return relative }
        return path
    }

    /// How the manifest names a file: relative to the kit, with `../` where it lies outside, so
    /// the manifest never depends on where the build ran.
    public func manifestPath(_ url: URL) -> String { Self.manifestPath(url, kit: kit) }

    private static func manifestPath(_ url: URL, kit: URL) -> String {
        let from = ContentPath.components(kit.standardizedFileURL.path)
        let to = ContentPath.components(url.standardizedFileURL.path)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    /// The file system path of a content-relative path (no URL arithmetic: it runs per file).
    public func filePath(content relative: String) -> String { contentFolderPath + relative }

    public func manifestPath(content relative: String) -> String {
        contentManifestPrefix + relative
    }

    /// Display path of a file inside the content folder.
    public func displayPath(content relative: String) -> String {
        contentDisplayPrefix + relative
    }

    static func relative(_ path: String, to root: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    package static func isSameOrInside(_ path: String, _ root: String) -> Bool {
        path == root || relative(path, to: root) != nil
    }
}
