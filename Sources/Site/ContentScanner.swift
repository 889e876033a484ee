import Diagnostics
import Foundation

/// Lists the files of a content folder: Markdown to parse, other files to copy.
struct ContentScanner {
    var markdown: [String] = []
    var assets: [String] = []
    var tocPath: String?
    var diagnostics: [Diagnostic] = []

    /// DocFX project files (at any level) that describe the build rather than belong in the site.
    static let ignoredFiles: Set<String> = ["docfx.json", "toc.yml", "toc.yaml", "TOC.yml", "TOC.yaml"]

    static func isTOC(_ path: String) -> Bool { path.lowercased() == "toc.md" }

    static func scan(_ location: KitLocation) -> ContentScanner {
        var scan = ContentScanner()
        let root = location.content.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            scan.diagnostics.append(.error(.contentMissing, "content folder '\(location.displayPath(location.content))' does not exist or is not a folder",
                                           at: nil))
            return scan
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            scan.diagnostics.append(.error(.unreadable, "cannot read content folder '\(location.displayPath(location.content))'", at: nil))
            return scan
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            // Hidden files and folders (.git, .DS_Store) are not content.
            if ContentPath.components(relative).last?.hasPrefix(".") == true {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(relative) }
        }
        files.sort()
        for file in files {
            let isRoot = !file.contains("/")
            if isRoot, isTOC(file) || ["toc.yml", "toc.yaml"].contains(file.lowercased()) {
                // TOC.md wins over toc.yml when both exist, as in DocFX.
                if scan.tocPath == nil || isTOC(file) { scan.tocPath = file }
            }
            if file.lowercased().hasSuffix(".md") {
                scan.markdown.append(file)
            } else if !ignoredFiles.contains(String(ContentPath.components(file).last ?? "")) {
                scan.assets.append(file)
            }
        }
        return scan
    }
}
