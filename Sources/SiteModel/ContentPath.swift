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
        // `~/` starts at the content root, as in DocFX (the folder of `docfx.json`).
        if relative.hasPrefix("~/") { return resolve(String(relative.dropFirst(2)), from: "") }
        // Most links are plain (`invite.md`, `guide/a.md`): they join the base's folder as they
        // are, without splitting both paths into segments (every link of every page, 3 to 4
        // times a build).
        guard isPlainRelative(base) else { return segmentwiseResolve(relative, from: base) }
        // Leading `../` and `./` climb from the base's folder; the rest must be plain.
        var rest = Substring(relative), ups = 0
        while true {
            if rest.hasPrefix("../") { rest = rest.dropFirst(3); ups += 1 } else if rest.hasPrefix("./") { rest = rest.dropFirst(2) } else { break }
        }
        guard isPlainRelative(rest) else { return segmentwiseResolve(relative, from: base) }
        var folder = base.utf8.lastIndex(of: UInt8(ascii: "/")).map { base[..<$0] } ?? ""
        for _ in 0..<ups {
            guard !folder.isEmpty else { return nil }
            folder = folder.utf8.lastIndex(of: UInt8(ascii: "/")).map { folder[..<$0] } ?? ""
        }
        return folder.isEmpty ? String(rest) : folder + "/" + rest
    }

    /// No leading or trailing `/`, no empty, `.` or `..` segment.
    static func isPlainRelative(_ path: some StringProtocol) -> Bool {
        var segment = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segment == 0 || segment == dots { return false }
                (segment, dots) = (0, 0)
            } else {
                segment += 1
                if byte == UInt8(ascii: "."), dots == segment - 1 { dots += 1 }
            }
        }
        return segment > 0 && !(segment == dots && dots <= 2)
    }

    static func segmentwiseResolve(_ relative: String, from base: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : components(base).dropLast()
        for part in components(relative) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// A relative URL from the page at `from` to the file at `to` (both output paths), so the
    /// site works from `file://` as well as from any server.
    package static func relativeURL(from: String, to: String) -> String {
        // Every page's navigation asks this for each link it shows: walk the bytes once for the
        // folders both paths share instead of splitting both into segments.
        guard isPlain(from), isPlain(to) else { return segmentwiseRelativeURL(from: from, to: to) }
        let source = from.utf8, target = to.utf8
        var i = source.startIndex, j = target.startIndex
        while let slash = source[i...].firstIndex(of: UInt8(ascii: "/")), let targetSlash = target[j...].firstIndex(of: UInt8(ascii: "/")),
              source[i..<slash].elementsEqual(target[j..<targetSlash]) {
            i = source.index(after: slash)
            j = target.index(after: targetSlash)
        }
        let ups = source[i...].reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        let rest = PercentEncoding.encode(to[j...]) { $0 < 128 && ($0 == UInt8(ascii: "/") || segmentAllowed[Int($0)]) }
        return safeRelative(String(repeating: "../", count: ups) + rest)
    }

    /// A path without empty segments (no leading, trailing or doubled `/`): what output paths are.
    private static func isPlain(_ path: String) -> Bool { hasCleanSegments(path, longestLast: .max) }

    private static func segmentwiseRelativeURL(from: String, to: String) -> String {
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
        let folders = hasCleanSegments(outputPath, longestLast: .max) ? outputPath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            : components(outputPath).count - 1
        return String(repeating: "../", count: folders)
    }

    /// The page a Markdown file becomes: `guide/invite.md` → `guide/invite.html`. A name so
    /// long that `NAME.whatsapp.txt` would pass the file system's 255-byte limit keeps a
    /// readable start and a hash of the whole name, so `check` and `build` agree on it.
    package static func outputPath(forPage source: String) -> String {
        let withoutExtension = source.hasSuffix(".md") ? String(source.dropLast(3)) : source.hasSuffix(".yml") ? String(source.dropLast(4)) : source
        // Almost every source is a clean path with a short name: it keeps its segments as they
        // are (this runs for every link in every output).
        return hasCleanSegments(withoutExtension, longestLast: maximumPageNameBytes) ? withoutExtension + ".html"
            : segmentwiseOutputPath(withoutExtension)
    }

    /// The output path made segment by segment: empty segments dropped, a long name shortened.
    static func segmentwiseOutputPath(_ withoutExtension: String) -> String {
        var parts = components(withoutExtension).map(String.init)
        if let name = parts.last, name.utf8.count > maximumPageNameBytes {
            parts[parts.count - 1] = shortened(name)
        }
        return parts.joined(separator: "/") + ".html"
    }

    /// Whether `path` has no empty segment (no leading, trailing or doubled `/`) and its last
    /// segment is at most `longestLast` bytes: `components` would give it back unchanged.
    static func hasCleanSegments(_ path: String, longestLast: Int) -> Bool {
        let slash = UInt8(ascii: "/")
        var previous = slash, segment = 0
        for byte in path.utf8 {
            if byte == slash {
                if previous == slash { return false }
                segment = 0
            } else {
                segment += 1
            }
            previous = byte
        }
        return previous != slash && segment <= longestLast
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
        // By byte: `#` and `?` are ASCII, and the indices of the UTF-8 view are the string's.
        let utf8 = destination.utf8
        var end = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(destination[utf8.index(after: hash)...])
            end = hash
        }
        var query: String?
        if let mark = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = String(destination[utf8.index(after: mark)..<end])
            end = mark
        }
        return (end == utf8.endIndex ? destination : String(destination[..<end]), query, fragment)
    }

    /// True for `https:`, `mailto:`, `//host` and other links that leave the kit: a scheme is an
    /// ASCII letter, then letters, digits, `+`, `-` and `.`, then `:` (as browsers parse it).
    static func isExternal(_ destination: String) -> Bool {
        var bytes = destination.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "/") { return bytes.next() == UInt8(ascii: "/") }
        guard isASCIILetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// `https://site/base/` + the output path, segments percent-encoded (`base` with or
    /// without its trailing slash).
    package static func absoluteURL(base: String, path: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        // Output paths have no empty segments, so encoding the whole path keeping `/` is the
        // same as encoding segment by segment.
        return prefix + PercentEncoding.encode(path) { $0 < 128 && ($0 == UInt8(ascii: "/") || segmentAllowed[Int($0)]) }
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
        // Most paths have no `includes/` at all (ASCII letters in any case): only those are split.
        guard mentionsIncludesFolder(path) else { return false }
        return components(path).dropLast().contains { $0.lowercased() == "includes" }
    }

    /// Whether `includes/` occurs in `path`, ASCII letters in any case. Its letters are all
    /// different, so a mismatch restarts the match at the byte that broke it.
    private static func mentionsIncludesFolder(_ path: String) -> Bool {
        let word: StaticString = "includes/"
        return word.withUTF8Buffer { word in
            var matched = 0
            for byte in path.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                matched = lower == word[matched] ? matched + 1 : (lower == word[0] ? 1 : 0)
                if matched == word.count { return true }
            }
            return false
        }
    }
}

/// Percent-encoding of one URL path segment, for other modules (the preview's redirects).
public enum ContentPathEncoding {
    public static func segment(_ segment: String) -> String { ContentPath.encodeSegment(segment) }
}
