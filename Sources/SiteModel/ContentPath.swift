import Foundation
import Diagnostics
import KitConfig

/// Path arithmetic on content-relative paths (`guide/invite.md`), always with `/`.
package enum ContentPath {
    /// `a/b/c` → `["a", "b", "c"]`, splitting bytes rather than characters (much faster).
    package static func components(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// Resolves `relative` against the folder of `base`; nil when it climbs above the root.
    static func resolve(_ relative: String, from base: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : components(base).dropLast().map(String.init)
        for part in components(relative) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A relative URL from the page at `from` to the file at `to` (both output paths), so the
    /// site works from `file://` as well as from any server.
    package static func relativeURL(from: String, to: String) -> String {
        let fromDirs = components(from).dropLast()
        let toParts = components(to)
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        let url = (ups + toParts[common...].map { encodeSegment(String($0)) }).joined(separator: "/")
        return safeRelative(url)
    }

    /// A relative URL whose first segment has a `:` (a file named `javascript:x.md`) would be
    /// read as a scheme; `./` keeps it a path.
    static func safeRelative(_ url: String) -> String {
        let firstSegment = url.utf8.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        return firstSegment.contains(UInt8(ascii: ":")) ? "./" + url : url
    }

    /// `../../` for a page at depth two: the way back to the site root.
    package static func rootPrefix(for outputPath: String) -> String {
        String(repeating: "../", count: components(outputPath).count - 1)
    }

    /// The page a Markdown file becomes: `guide/invite.md` → `guide/invite.html`. A name so
    /// long that `NAME.whatsapp.txt` would pass the file system's 255-byte limit keeps a
    /// readable start and a hash of the whole name, so `check` and `build` agree on it.
    package static func outputPath(forPage source: String) -> String {
        let withoutExtension = source.hasSuffix(".md") ? String(source.dropLast(3)) : source.hasSuffix(".yml") ? String(source.dropLast(4)) : source
        var parts = components(withoutExtension).map(String.init)
        if let name = parts.last, name.utf8.count > maximumPageNameBytes {
            parts[parts.count - 1] = shortened(name)
        }
        return parts.joined(separator: "/") + ".html"
    }

    /// 255 bytes less the longest suffix a page's outputs get (`.telegram.txt`).
    static let maximumPageNameBytes = 255 - 13

    /// The first bytes of `name` (whole characters) and eight hex digits of its hash.
    static func shortened(_ name: String) -> String {
        var start = ""
        for character in name {
            guard start.utf8.count + character.utf8.count <= maximumPageNameBytes - 9 else { break }
            start.append(character)
        }
        return start + "-" + Group.stableHash(name)
    }

    /// RFC 3986 `pchar` less `%`: ASCII letters, digits and `-._~!$&'()*+,;=:@`.
    private static let segmentAllowed: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Percent-encodes one path segment (spaces, `#`, `?`, `%` and non-ASCII bytes).
    static func encodeSegment(_ segment: String) -> String {
        PercentEncoding.encode(segment) { $0 < 128 && segmentAllowed[Int($0)] }
    }

    /// Splits a link destination into path, query and fragment.
    static func split(_ destination: String) -> (path: String, query: String?, fragment: String?) {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        return (String(rest), query, fragment)
    }

    /// True for `https:`, `mailto:`, `//host` and other links that leave the kit.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && scheme.first!.isLetter
    }

    /// `https://site/base/` + the output path, segments percent-encoded (`base` with or
    /// without its trailing slash).
    package static func absoluteURL(base: String, path: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return prefix + components(path).map { encodeSegment(String($0)) }.joined(separator: "/")
    }

    /// `guide/Logo.SVG` → `svg`; empty without an extension.
    static func fileExtension(_ path: String) -> String {
        let name = components(path).last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The content-relative file an `[!INCLUDE]` in `source` names; nil when it would leave the
    /// content folder (or is a URL).
    package static func includeTarget(_ target: String, from source: String) -> String? {
        let decoded = split(target).path.removingPercentEncoding ?? target
        guard !isExternal(decoded), !decoded.hasPrefix("/") else { return nil }
        return resolve(decoded, from: source)
    }

    /// True for files that are not pages: anything inside an `includes` folder.
    package static func isInclude(_ path: String) -> Bool {
        components(path).dropLast().contains { $0.lowercased() == "includes" }
    }
}

/// Percent-encoding of one URL path segment, for other modules (the preview's redirects).
public enum ContentPathEncoding {
    public static func segment(_ segment: String) -> String { ContentPath.encodeSegment(segment) }
}
