import Diagnostics
import Foundation

/// Writes an `OutputTree` to a folder atomically: everything goes into a temporary sibling
/// folder, which replaces the old output only when complete. Files the previous build did not
/// write (its manifest says which) are carried over, never deleted.
public struct SiteWriter {
    public let output: URL
    public let location: KitLocation

    public init(output: URL, location: KitLocation) {
        // Write where a symlinked output folder really points, so the swap replaces the
        // target's contents and the link itself stays.
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.location = location
    }

    /// Why `output` must not be written to, or nil when it is safe.
    public func refusal() -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().path
        func refuse(_ reason: String) -> Diagnostic {
            .error(.outputUnsafe, "refusing to write the site to '\(output.path)': \(reason)", at: nil)
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if out == "/" { return refuse("it is the root folder") }
        if out == home { return refuse("it is the home folder") }
        let kit = location.kit.resolvingSymlinksInPath().path
        if KitLocation.isSameOrInside(kit, out) { return refuse("it is the kit folder or contains it") }
        for (name, folder) in [("content", location.content), ("templates", location.templates)] {
            let path = folder.resolvingSymlinksInPath().path
            if KitLocation.isSameOrInside(path, out) { return refuse("it holds the \(name) folder") }
            if KitLocation.isSameOrInside(out, path) { return refuse("it is inside the \(name) folder") }
        }
        return nil
    }

    /// Writes `tree` and swaps it in. On any failure the previous output is left as it was.
    public func write(_ tree: OutputTree) -> [Diagnostic] {
        if let refusal = refusal() { return [refusal] }
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        var carried: [String] = []

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            return [.error(.outputUnsafe, "'\(output.path)' exists and is not a folder", at: nil)]
        }
        if exists {
            // Files in the old output that no earlier build wrote belong to someone else.
            let previous = (try? Data(contentsOf: output.appendingPathComponent(OutputTree.manifestName)))
                .flatMap(OutputTree.paths(inManifest:))
            let present = Self.listFiles(output)
            guard let previous else {
                if present.isEmpty { return write(tree, into: parent, name: name, carrying: []) }
                return [.error(.outputUnsafe, "'\(output.path)' holds files but no \(OutputTree.manifestName) from an earlier build; "
                                + "adoptkit will not replace a folder it did not write", at: nil,
                               notes: ["choose another --output folder, or empty this one"])]
            }
            carried = present.filter { !previous.contains($0) && $0 != OutputTree.manifestName }
            let clashes = carried.filter { tree[$0] != nil }
            if !clashes.isEmpty {
                return [.error(.outputUnsafe, "the build would overwrite files it did not write: " + clashes.joined(separator: ", "), at: nil)]
            }
        }
        return write(tree, into: parent, name: name, carrying: carried)
    }

    private func write(_ tree: OutputTree, into parent: URL, name: String, carrying carried: [String]) -> [Diagnostic] {
        let fm = FileManager.default
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).adoptkit-new-\(token)")
        let retired = parent.appendingPathComponent(".\(name).adoptkit-old-\(token)")
        func fail(_ message: String) -> [Diagnostic] {
            try? fm.removeItem(at: staging)
            return [.error(.outputWrite, message, at: nil)]
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            return fail("cannot create '\(staging.path)': \(error.localizedDescription)")
        }
        var createdFolders: Set<String> = [""]
        for file in tree.files {
            let target = staging.appendingPathComponent(file.path)
            let folder = String(ContentPath.components(file.path).dropLast().joined(separator: "/"))
            do {
                if createdFolders.insert(folder).inserted {
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                switch file.contents {
                case .bytes(let data): try data.write(to: target)
                case .copy(let source):
                    // The bytes, never a link: the scanner checked where links resolve to.
                    try fm.copyItem(at: source.resolvingSymlinksInPath(), to: target)
                }
            } catch {
                return fail("cannot write '\(file.path)': \(error.localizedDescription)")
            }
        }
        do {
            try tree.manifestJSON().write(to: staging.appendingPathComponent(OutputTree.manifestName))
            // Someone else's files move into the new tree unchanged.
            for path in carried {
                let target = staging.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: output.appendingPathComponent(path), to: target)
            }
        } catch {
            return fail("cannot finish the new site: \(error.localizedDescription)")
        }
        do {
            if fm.fileExists(atPath: output.path) {
                try fm.moveItem(at: output, to: retired)
                do {
                    try fm.moveItem(at: staging, to: output)
                } catch {
                    try? fm.moveItem(at: retired, to: output)
                    throw error
                }
                try? fm.removeItem(at: retired)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            return fail("cannot move the new site into place: \(error.localizedDescription)")
        }
        return []
    }

    /// Relative paths of the files and symbolic links under `root` (links are not followed).
    static func listFiles(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeRegular || type == .typeSymbolicLink { result.append(relative) }
        }
        return result.sorted()
    }
}
