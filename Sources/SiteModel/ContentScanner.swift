import Diagnostics
import Foundation
import KitConfig
import KitFiles

/// Lists the files of a content folder: Markdown to parse, other files to copy. Links are
/// followed when they resolve to a file or folder inside the kit and reported otherwise;
/// nothing is skipped without a word, except hidden files (`.git`, `.DS_Store`).
package struct ContentScanner: Sendable {
    var markdown: [String] = []
    var assets: [String] = []
    var tocPath: String?
    /// Every TOC file at any level (`toc.yml`, `TOC.md`, …): nested TOCs the root one names.
    var tocFiles: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// `docfx.json` at the content root, when there is one: it decides pages and copied files.
    var docfx: DocFXProject?
    /// YAML files that may be landing pages (`### YamlMime:Landing`), read by `KitReader`.
    var yamlPages: [String] = []
    /// What the walk found at each file's path, so reading it needs no second `realpath`.
    var entries: [String: FileBoundary.Entry] = [:]

    /// A Markdown file larger than this is refused before it is read.
    static let maximumFileBytes = 4 << 20

    /// DocFX project files (at any level) that describe the build rather than belong in the site.
    static let ignoredFiles: Set<String> = ["docfx.json", "toc.yml", "toc.yaml", "TOC.yml", "TOC.yaml"]

    /// A Markdown TOC at any level: read as navigation, never a page.
    package static func isTOC(_ path: String) -> Bool { fileName(of: path, is: "toc.md") }

    static func isTOCFile(_ path: String) -> Bool {
        fileName(of: path, is: "toc.md") || fileName(of: path, is: "toc.yml") || fileName(of: path, is: "toc.yaml")
    }

    /// Whether the last component of `path` is `name` (lowercase ASCII) in any letter case,
    /// compared byte by byte: the checks ask for every file of the kit.
    static func fileName(of path: String, is name: StaticString) -> Bool {
        let bytes = path.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        return name.withUTF8Buffer { wanted in
            guard bytes.distance(from: start, to: bytes.endIndex) == wanted.count else { return false }
            // ASCII letters fold to lowercase; every other byte must match as it is (a non-ASCII
            // letter lowercases to no ASCII letter of these names).
            return zip(bytes[start...], wanted).allSatisfy { byte, lower in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == lower : byte == lower
            }
        }
    }

    static func scan(_ location: KitLocation) -> ContentScanner {
        var scan = ContentScanner()
        let display = location.displayPath(location.content)
        switch location.boundary.inspect(location.content) {
        case .success(let entry) where entry.isDirectory:
            scan.walk(root: entry.realPath, location: location)
        case .failure(.outside(let real)):
            scan.diagnostics.append(.error(.outsideKit, "content folder '\(display)' resolves to '\(real)', outside the kit folder",
                                           at: nil, notes: ["name it with --content to build it on purpose"]))
            return scan
        default:
            scan.diagnostics.append(missingKit(location)
                ?? .error(.contentMissing, "content folder '\(display)' does not exist or is not a folder", at: nil))
            return scan
        }
        scan.readDocFX(location)
        scan.classify()
        return scan
    }

    /// The finding for a folder that holds no kit at all (no `adoptkit.yml`, no `Content/`, and
    /// neither named on the command line), with the way to start one; nil when there is a kit.
    package static func missingKit(_ location: KitLocation) -> Diagnostic? {
        let fm = FileManager.default
        guard location.content == location.kit.appendingPathComponent("Content").standardizedFileURL,
              location.config == location.kit.appendingPathComponent("adoptkit.yml").standardizedFileURL,
              !fm.fileExists(atPath: location.content.path), !fm.fileExists(atPath: location.config.path) else { return nil }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
        let folder = location.kit == cwd ? "." : location.displayPath(location.kit)
        let command = folder == "." ? "adoptkit init" : "adoptkit init \(folder.contains(" ") ? "'\(folder)'" : folder)"
        return .error(.contentMissing, "there is no kit in '\(folder)': it has no adoptkit.yml and no Content/ folder", at: nil,
                      notes: ["to start one, run `\(command)`; it writes a kit that builds at once"])
    }

    /// Depth-first over the folder tree with an explicit stack. A folder link is followed
    /// unless it points at one of its own ancestors (that would loop forever).
    private mutating func walk(root: String, location: KitLocation) {
        let fm = FileManager.default
        var files: [String] = []
        // Unicode-equivalent names are one name: the first (in byte order) wins, the other is an error.
        var byName: [String: String] = [:]
        var stack: [(real: String, relative: String, ancestors: Set<String>)] = [(root, "", [root])]
        while let (folder, relative, ancestors) = stack.popLast() {
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
                diagnostics.append(.error(.unreadable, "cannot read folder '\(location.displayPath(content: relative))'", at: nil))
                continue
            }
            for name in names.sorted(by: { $0.utf8Precedes($1) }) where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let display = location.displayPath(content: path)
                let at = SourceLocation(path: display, line: 1, column: 1)
                switch location.boundary.inspect(entry: name, inRealFolder: folder) {
                case .success(let entry) where entry.isDirectory:
                    if ancestors.contains(entry.realPath) {
                        diagnostics.append(.warning(.linkCycle, "folder link '\(display)' points at a folder that contains it; not followed", at: at))
                    } else {
                        stack.append((entry.realPath, path, ancestors.union([entry.realPath])))
                    }
                case .success(let entry):
                    if let first = byName[path] {
                        diagnostics.append(.error(.nameCollision, "'\(display)' and '\(location.displayPath(content: first))' are the same name "
                                                  + "after Unicode normalisation; rename one", at: at))
                    } else {
                        byName[path] = path
                        files.append(path)
                        entries[path] = entry
                    }
                case .failure(let refusal):
                    diagnostics.append(.error(.outsideKit, refusal.describe(display), at: at,
                                              notes: ["copy the file into the kit, or remove the link"]))
                }
            }
        }
        self.markdownAndAssets = files.sorted()
    }

    private var markdownAndAssets: [String] = []
    /// Every file found, whatever it becomes.
    var allFiles: Set<String> { Set(markdownAndAssets) }

    private mutating func readDocFX(_ location: KitLocation) {
        guard markdownAndAssets.contains("docfx.json") else { return }
        let display = location.displayPath(content: "docfx.json")
        switch location.boundary.read(location.content.appendingPathComponent("docfx.json"), limit: Self.maximumFileBytes) {
        case .success(let data):
            let (project, problems) = DocFXProject.decode(data, path: display)
            docfx = project
            diagnostics += problems
        case .failure(let refusal):
            diagnostics.append(.error(.unreadable, refusal.describe(display), at: SourceLocation(path: display, line: 1, column: 1)))
        }
    }

    /// Whether a Markdown file is a page (not an include, a TOC, or a file `docfx.json` leaves out).
    package static func isPage(_ path: String, docfx: DocFXProject?) -> Bool {
        !ContentPath.isInclude(path) && !isTOC(path) && (docfx?.isContent(path) ?? true)
    }

    private mutating func classify() {
        for file in markdownAndAssets {
            let isRoot = !file.contains("/")
            if Self.isTOCFile(file) { tocFiles.insert(file) }
            if isRoot, Self.isTOCFile(file) {
                // TOC.md wins over toc.yml when both exist, as in DocFX.
                if tocPath == nil || Self.isTOC(file) { tocPath = file }
            }
            let lowered = file.lowercased()
            if lowered.hasSuffix(".md") {
                markdown.append(file)
                continue
            }
            if Self.ignoredFiles.contains(String(ContentPath.components(file).last ?? "")) { continue }
            let isYAML = lowered.hasSuffix(".yml") || lowered.hasSuffix(".yaml")
            if isYAML, !ContentPath.isInclude(file), docfx?.isContent(file) ?? true { yamlPages.append(file) }
            // With docfx.json its resource globs decide what is copied; content YAML is never copied.
            if let docfx {
                if docfx.isResource(file) { assets.append(file) }
            } else {
                assets.append(file)
            }
        }
    }
}
