import Foundation
import StarterKit

/// `adoptkit init`: writes the starter kit into a new or empty folder. The files go into a
/// staging folder beside it first, which is then renamed onto the target in one step: a folder
/// that is not empty (even one that filled up meanwhile) makes the rename fail, so nothing is
/// ever overwritten and a failed run leaves nothing behind.
public struct InitAction: Sendable {
    public let folder: URL
    public let names: StarterKit.Names
    /// How messages name the folder: as it was typed.
    public let shownAs: String

    public init(folder: URL, names: StarterKit.Names, shownAs: String? = nil) {
        self.folder = folder.standardizedFileURL
        self.names = names
        self.shownAs = shownAs ?? folder.path
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notEmpty(String)
        case notAFolder(String)
        case writeFailed(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let path): "'\(path)' is not empty; init writes only into a new or empty folder, and nothing was written"
            case .notAFolder(let path): "'\(path)' exists and is not a folder; nothing was written"
            case .writeFailed(let path, let reason): "cannot write the kit to '\(path)': \(reason); nothing was written"
            }
        }
    }

    /// Writes the kit and returns the paths written, relative to the folder.
    @discardableResult
    public func run() throws(Failure) -> [String] {
        let fm = FileManager.default
        let shown = shownAs
        // A link to a folder means that folder (rename would replace the link, not fill it).
        let target = folder.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(shown) }
            guard ((try? fm.contentsOfDirectory(atPath: target.path)) ?? ["?"]).isEmpty else { throw .notEmpty(shown) }
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).adoptkit-init-\(UUID().uuidString)")
        let files = StarterKit.files(names)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw .writeFailed(shown, (error as NSError).localizedDescription)
        }
        // rename(2) replaces an empty folder and fails on one that is not.
        if rename(staging.path, target.path) != 0 {
            let code = errno
            try? fm.removeItem(at: staging)
            if code == ENOTEMPTY || code == EEXIST { throw .notEmpty(shown) }
            throw .writeFailed(shown, String(cString: strerror(code)))
        }
        return files.map(\.path)
    }
}
