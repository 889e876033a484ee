import Diagnostics
import Foundation
import KitConfig
import KitFiles
import Markdown

extension KitReader {
    /// Bytes of Markdown pages whose trees a build keeps (a tree takes about twice its file's
    /// size): every tree of a kit of some 20,000 pages of the usual size; past that, memory
    /// stays bounded and each page is parsed a second time, where it renders.
    package static let keptTreesBudget = 128 << 20

    /// A Markdown file as its parse left it: the tree (unless the parse let it go), its outline,
    /// its front matter's values, the problems found in those, and the fingerprint of the bytes
    /// it was parsed from.
    package struct ParsedFile: Sendable {
        /// Nil for a page whose tree the kit does not keep (`read(_:treeBudget:…)`).
        package let tree: MarkdownDocument?
        package let outline: DocumentOutline
        package let metadata: Metadata
        /// The front matter's problems.
        package let problems: [Diagnostic]
        /// The parse's own problems (the Markdown and its DocFX extensions).
        package let parseProblems: [Diagnostic]
        package let displayPath: String
        /// The first level-1 heading's text: a page's title when front matter has none.
        package let headingTitle: String?
        package let fingerprint: FileFingerprint

        init(_ document: MarkdownDocument, keepingTree: Bool, outline: DocumentOutline, metadata: Metadata, problems: [Diagnostic],
             fingerprint: FileFingerprint) {
            (tree, self.outline, self.metadata, self.problems, self.fingerprint) = (keepingTree ? document : nil, outline, metadata, problems, fingerprint)
            (parseProblems, displayPath, headingTitle) = (document.diagnostics, document.displayPath, document.firstHeadingText)
        }
    }

    package typealias Parsed = Result<ParsedFile, Diagnostic>

    /// Reads and parses every Markdown file, spread over the cores. cmark itself parses under a
    /// lock; reading, decoding, the DocFX passes and front matter run in parallel.
    /// `entries`: what the content scan found at each path (read without a second `realpath`);
    /// `keepsTree`: whether a file's tree is kept (a cache keeps every tree).
    package static func parseAll(_ paths: [String], entries: [String: FileBoundary.Entry] = [:], location: KitLocation,
                                 cache: ParseCache?, keepsTree: @escaping @Sendable (String) -> Bool = { _ in true }) async -> [(String, Parsed)] {
        await withTaskGroup(of: (Int, Parsed).self) { group in
            for (index, path) in paths.enumerated() {
                let entry = entries[path]
                group.addTask {
                    guard let cache, let stamp = ParseCache.stamp(of: location.content.appendingPathComponent(path)) else {
                        return (index, parseOne(path, entry: entry, location: location, keepingTree: keepsTree(path)))
                    }
                    if let hit = cache.cached(path, stamp: stamp) { return (index, hit) }
                    let parsed = parseOne(path, entry: entry, location: location)
                    cache.store(path, stamp: stamp, parsed: parsed)
                    return (index, parsed)
                }
            }
            var results = [(String, Parsed)?](repeating: nil, count: paths.count)
            for await (index, result) in group { results[index] = (paths[index], result) }
            return results.compactMap { $0 }
        }
    }

    package static func parseOne(_ path: String, entry: FileBoundary.Entry?, location: KitLocation, keepingTree: Bool = true) -> Parsed {
        let display = location.displayPath(content: path)
        let file = location.filePath(content: path), limit = ContentScanner.maximumFileBytes
        let data: Data
        switch entry.map({ location.boundary.read($0, path: file, limit: limit) }) ?? location.boundary.read(path: file, limit: limit) {
        case .success(let read): data = read
        case .failure(.tooLarge(let bytes, let limit)):
            return .failure(.error(.fileTooLarge, "file is \(bytes) bytes, more than the limit of \(limit) bytes for a Markdown file",
                                   at: SourceLocation(path: display, line: 1, column: 1)))
        case .failure(let refusal):
            return .failure(.error(.unreadable, refusal.describe(path), at: SourceLocation(path: display, line: 1, column: 1)))
        }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let source):
            let document = MarkdownParser.parse(source, path: path), fingerprint = FileFingerprint(data)
            let outline = DocumentOutline(document)
            guard document.frontMatter.isPresent else {
                return .success(ParsedFile(document, keepingTree: keepingTree, outline: outline, metadata: Metadata(), problems: [], fingerprint: fingerprint))
            }
            let (metadata, problems) = FrontMatterDecoder.decode(document.frontMatter.yaml, path: display,
                                                                 firstLine: document.frontMatter.firstLine)
            return .success(ParsedFile(document.droppingFrontMatterText(), keepingTree: keepingTree, outline: outline, metadata: metadata,
                                       problems: problems, fingerprint: fingerprint))
        }
    }

    /// The tree of a page whose tree the kit let go, parsed again from its file: the same tree
    /// as the first parse, or an error when the file is gone or changed since (the checks and
    /// the plan were made from the bytes read then).
    package static func reread(_ path: String, location: KitLocation, fingerprint: FileFingerprint) -> Result<MarkdownDocument, Diagnostic> {
        let display = location.displayPath(content: path), at = SourceLocation(path: display, line: 1, column: 1)
        guard case .success(let data) = location.boundary.read(path: location.filePath(content: path), limit: ContentScanner.maximumFileBytes),
              FileFingerprint(data) == fingerprint else {
            return .failure(.error(.unreadable, "file changed or went away while the build ran; build again", at: at))
        }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem): return .failure(problem)
        case .success(let source): return .success(MarkdownParser.parse(source, path: path).droppingFrontMatterText())
        }
    }
}
