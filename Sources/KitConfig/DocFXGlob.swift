/// A DocFX file glob (`**/*.md`, `_themes/**`, `README.md`, `**/*.{png,jpg}`), matched against
/// content-relative paths without letter case, as DocFX does. `**` spans folders, `*` and `?`
/// stay within one name, `{a,b}` is either. A pattern without `/` matches at the root only.
public struct DocFXGlob: Sendable, Hashable {
    public let pattern: String
    private let alternatives: [[Segment]]

    private enum Segment: Hashable, Sendable {
        case anyFolders
        case name([UInt8])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        if trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        alternatives = Self.expandBraces(String(trimmed)).map { alternative in
            alternative.lowercased().split(separator: "/", omittingEmptySubsequences: true).map {
                $0 == "**" ? .anyFolders : .name(Array($0.utf8))
            }
        }
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.lowercased().split(separator: "/").map { Array($0.utf8) }
        return alternatives.contains { Self.match($0[...], parts[...]) }
    }

    /// `a{b,c}d` → `abd`, `acd` (nested braces too); at most 64 alternatives.
    private static func expandBraces(_ pattern: String) -> [String] {
        var results: [String] = []
        var pending = [pattern]
        while let next = pending.popLast() {
            guard results.count + pending.count < 64, let open = next.firstIndex(of: "{"),
                  let close = next[open...].firstIndex(of: "}") else { results.append(next); continue }
            let head = next[..<open], tail = next[next.index(after: close)...]
            for option in next[next.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false) {
                pending.append(String(head + option + tail))
            }
        }
        return results
    }

    /// Segment lists against path parts, with `**` matching any number of folders (iterative
    /// over the path for each `**`, so long paths stay linear per star).
    private static func match(_ segments: ArraySlice<Segment>, _ parts: ArraySlice<[UInt8]>) -> Bool {
        var segments = segments, parts = parts
        while let segment = segments.first {
            switch segment {
            case .anyFolders:
                let rest = segments.dropFirst()
                if rest.isEmpty { return true }
                var candidate = parts
                while true {
                    if match(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case .name(let name):
                guard let part = parts.first, matchName(name[...], part[...]) else { return false }
                segments = segments.dropFirst()
                parts = parts.dropFirst()
            }
        }
        return parts.isEmpty
    }

    /// `*` and `?` within one name (classic two-pointer wildcard match, linear backtracking).
    private static func matchName(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        let p = Array(pattern), n = Array(name)
        var pi = 0, ni = 0, star = -1, mark = 0
        while ni < n.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == n[ni] {
                pi += 1; ni += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ni; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
