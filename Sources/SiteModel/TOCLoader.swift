import Diagnostics
import Foundation
import KitConfig
import Markdown

/// Reads the kit's table of contents: the root `TOC.md` or `toc.yml`, with every nested TOC an
/// entry points at (`href: guide/toc.yml`, `href: guide/`, `[Guide](guide/TOC.md)`) merged in
/// under that entry. Hrefs of a nested TOC are relative to it; they are rewritten relative to
/// the root, so everything downstream resolves entries from one place.
package enum TOCLoader {
    /// How deep TOCs may nest inside each other; a real docs set uses two or three levels.
    static let maximumNesting = 16

    struct Context {
        let location: KitLocation
        let documents: [String: MarkdownDocument]
        /// Content-relative paths of every TOC file (`toc.yml`, `toc.yaml`, `TOC.md`, any case).
        let tocFiles: Set<String>
    }

    /// - Parameter pages: the kit's page sources. A folder's own TOC that no entry names still
    ///   leads its folder's pages on the site DocFX builds (each page shows the nearest TOC up
    ///   its folders); such a TOC is added after the root's entries when it leads to a page the
    ///   root's tree does not.
    static func load(root: String, location: KitLocation, documents: [String: MarkdownDocument], tocFiles: Set<String>,
                     pages: Set<String>) -> (TableOfContentsSource?, [Diagnostic]) {
        let context = Context(location: location, documents: documents, tocFiles: tocFiles)
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        guard var entries = entries(of: root, context: context, active: [], files: &files, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var reached = Set(pageTargets(entries).filter(pages.contains))
        for path in tocFiles.sorted() where !files.contains(path) {
            var nestedFiles: [String] = []
            var problems: [Diagnostic] = []
            guard let more = self.entries(of: path, context: context, active: [root], files: &nestedFiles, diagnostics: &problems) else { continue }
            let leads = Set(pageTargets(more).filter(pages.contains))
            guard !leads.isSubset(of: reached) else { continue }
            entries += more
            files += nestedFiles
            diagnostics += problems
            reached.formUnion(leads)
        }
        return (TableOfContentsSource(path: root, entries: entries, files: files), diagnostics)
    }

    /// The content-relative pages entries link to (hrefs are relative to the root already).
    private static func pageTargets(_ entries: [TOCEntry]) -> [String] {
        var result: [String] = []
        var stack = entries
        while let entry = stack.popLast() {
            stack += entry.children
            guard let href = entry.href, !ContentPath.isExternal(href), !href.hasPrefix("/") else { continue }
            let path = ContentPath.split(href).path
            guard let resolved = ContentPath.resolve(path.removingPercentEncoding ?? path, from: "toc.yml") else { continue }
            result.append(resolved)
            result.append(resolved.isEmpty ? "index.md" : resolved + "/index.md")
        }
        return result
    }

    /// The entries of one TOC file, its nested TOCs expanded, hrefs relative to the content root.
    private static func entries(of path: String, context: Context, active: [String], files: inout [String],
                                diagnostics: inout [Diagnostic]) -> [TOCEntry]? {
        guard let raw = read(path, context: context, diagnostics: &diagnostics) else { return nil }
        files.append(path)
        let chain = active + [path]
        func expand(_ entry: TOCEntry) -> TOCEntry {
            var entry = entry
            entry.children = entry.children.map(expand)
            guard let href = entry.href else { return entry }
            guard let nested = nestedTOC(href, from: path, context: context) else {
                entry.href = rebase(href, from: path)
                return entry
            }
            entry.href = entry.topicHref.map { rebase($0, from: path) }
            if chain.contains(nested) || chain.count >= maximumNesting {
                diagnostics.append(.warning(.tocMissingTarget, "table of contents entry '\(entry.title)' includes '\(nested)', which "
                                            + (chain.contains(nested) ? "includes it again (\((chain + [nested]).joined(separator: " → ")))" : "nests too deeply"),
                                            at: entry.location))
                return entry
            }
            if let merged = entries(of: nested, context: context, active: chain, files: &files, diagnostics: &diagnostics) {
                entry.children += merged
            }
            return entry
        }
        return raw.map(expand)
    }

    /// The entries of one file, as written.
    private static func read(_ path: String, context: Context, diagnostics: inout [Diagnostic]) -> [TOCEntry]? {
        if ContentScanner.isTOC(path) {
            return context.documents[path].map { TOCEntry.entries(fromMarkdownTOC: $0) }
        }
        let location = context.location, display = location.displayPath(content: path)
        guard let data = try? location.boundary.read(location.content.appendingPathComponent(path), limit: ContentScanner.maximumFileBytes).get()
        else { return nil }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem):
            diagnostics.append(problem)
            return []
        case .success(let source):
            let (items, problems) = TOCYAMLDecoder.decode(source.text, path: display)
            diagnostics += problems
            return items.map(entry)
        }
    }

    /// An `xref:` href names a uid that DocFX's xref maps resolve and adoptkit does not read:
    /// such an entry shows as a heading, as one without an href does, never as a dead link.
    private static func entry(_ item: TOCYAMLItem) -> TOCEntry {
        func linked(_ href: String?) -> String? { href.flatMap { MarkdownParser.isCrossReference($0) ? nil : $0 } }
        return TOCEntry(title: item.name, href: linked(item.href), children: item.items.map(entry), location: item.location, topicHref: linked(item.topicHref))
    }

    /// The TOC file an href names: the file itself, or a folder that holds one.
    static func nestedTOC(_ href: String, from tocPath: String, context: Context) -> String? {
        guard !ContentPath.isExternal(href), !href.hasPrefix("/"), !href.hasPrefix("#") else { return nil }
        let path = ContentPath.split(href).path
        guard let resolved = ContentPath.resolve(path.removingPercentEncoding ?? path, from: tocPath) else { return nil }
        if context.tocFiles.contains(resolved) { return resolved }
        guard path.hasSuffix("/") || !resolved.contains(".") else { return nil }
        let folder = resolved.isEmpty ? "" : resolved + "/"
        return ["toc.yml", "TOC.yml", "toc.yaml", "TOC.md", "toc.md"].map { folder + $0 }.first(where: context.tocFiles.contains)
    }

    /// `href` as written in `tocPath`, relative to the content root instead.
    static func rebase(_ href: String, from tocPath: String) -> String {
        guard ContentPath.components(tocPath).count > 1, !ContentPath.isExternal(href), !href.hasPrefix("/"), !href.hasPrefix("#")
        else { return href }
        let (path, query, fragment) = ContentPath.split(href)
        let suffix = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        // A link that climbs out of the content folder stays one (the checks report it).
        guard let resolved = ContentPath.resolve(path, from: tocPath) else { return "../" + href }
        return resolved + (path.hasSuffix("/") && !resolved.isEmpty ? "/" : "") + suffix
    }
}
