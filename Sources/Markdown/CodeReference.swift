import Diagnostics
import Foundation

/// `:::code language="…" source="…" range="…" id="…":::` (or `[!code-lang[](source#id)]`): a
/// code file shown in the page, whole, by lines or by a named region.
public struct CodeReference: Sendable, Hashable {
    public var source: String
    public var language: String
    /// Lines to show (`3-5,9`), empty for all (of the region, when there is one).
    public var range: String
    /// The region to show (`snippet_Main`), empty for the whole file.
    public var region: String

    public init(source: String, language: String, range: String, region: String = "") {
        (self.source, self.language, self.range, self.region) = (source, language, range, region)
    }

    /// The lines of `text` that `region` and `range` name, in order: the region without its
    /// shared indentation (the whole file when the region is not in it), and all of it when
    /// `range` is empty or names none.
    public func excerpt(of text: String) -> String {
        let file = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let lines = region.isEmpty ? file : Self.region(region, in: file).map(Self.dedented) ?? file
        var chosen: [Substring] = []
        for part in range.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
            guard let first = bounds.first ?? nil, first >= 1 else { continue }
            let last = bounds.count > 1 ? (bounds[1] ?? lines.count) : first
            guard first <= last else { continue }
            chosen += lines[min(first - 1, lines.count)..<min(last, lines.count)]
        }
        let shown = chosen.isEmpty ? lines[...] : chosen[...]
        return shown.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// Whether `text` has the region this reference names (true when it names none).
    public func regionExists(in text: String) -> Bool {
        region.isEmpty || Self.region(region, in: text.split(separator: "\n", omittingEmptySubsequences: false)) != nil
    }

    /// The lines of region `name`, as DocFX marks them: between a comment holding `<name>` and
    /// one holding `</name>` (`// <snippet1>`, `# <snippet1>`, `<!-- <snippet1> -->`), or
    /// between `#region name` and its `#endregion`; letter case aside. The tag lines of other
    /// regions inside are left out. Nil when the file has no such region.
    static func region(_ name: String, in lines: [Substring]) -> [Substring]? {
        let wanted = name.lowercased()
        var opening: (line: Int, byTag: Bool)?
        for (number, line) in lines.enumerated() {
            if let found = tag(in: line) {
                if !found.closing, found.name == wanted { opening = (number, true); break }
            } else if regionStart(in: line) == wanted {
                opening = (number, false); break
            }
        }
        guard let (start, byTag) = opening else { return nil }
        var depth = 0, body: [Substring] = []
        for line in lines[(start + 1)...] {
            if let found = tag(in: line) {
                if byTag, found.closing, found.name == wanted { return body }
                continue
            }
            if !byTag, regionStart(in: line) != nil {
                depth += 1
            } else if !byTag, isRegionEnd(line) {
                if depth == 0 { return body }
                depth -= 1
            }
            body.append(line)
        }
        return nil
    }

    /// The lines without the indentation they all share, as DocFX shows a region (a method's
    /// body inside a class comes out at the margin).
    static func dedented(_ lines: [Substring]) -> [Substring] {
        let indents = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let shared = indents.min(), shared > 0 else { return lines }
        return lines.map { $0.allSatisfy(\.isWhitespace) ? $0.prefix(0) : $0.dropFirst(shared) }
    }

    /// `<name>` or `</name>` alone in a comment line, lowercased. Only in a comment: a line of
    /// XML or XAML (`<Grid>`) is code.
    private static func tag(in line: Substring) -> (name: String, closing: Bool)? {
        var text = line.trimmingSpaces()[...]
        guard let opener = ["<!--", "//", "/*", "--", "#", "'", "REM "].first(where: { text.hasPrefix($0) }) else { return nil }
        text = text.dropFirst(opener.count)
        for closer in ["-->", "*/"] where text.hasSuffix(closer) { text = text.dropLast(closer.count) }
        text = text.trimmingSpaces()[...]
        guard text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 else { return nil }
        var inner = text.dropFirst().dropLast()
        let closing = inner.hasPrefix("/")
        if closing { inner = inner.dropFirst() }
        guard !inner.isEmpty, inner.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else { return nil }
        return (inner.lowercased(), closing)
    }

    /// The name of a `#region name` (C#) or `#Region "name"` (Visual Basic) line, lowercased.
    private static func regionStart(in line: Substring) -> String? {
        let text = line.trimmingSpaces()
        guard text.lowercased().hasPrefix("#region") else { return nil }
        let name = text.dropFirst(7).trimmingSpaces()
        return (name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 ? String(name.dropFirst().dropLast()) : name).lowercased()
    }

    private static func isRegionEnd(_ line: Substring) -> Bool {
        let text = line.trimmingSpaces().lowercased()
        return text.hasPrefix("#endregion") || text.hasPrefix("#end region")
    }
}
