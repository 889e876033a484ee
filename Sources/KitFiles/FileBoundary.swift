import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a kit may read from. Every file adoptkit reads (config, content, templates,
/// logo, includes, images) must resolve, after following symbolic links, to a regular file
/// inside one of them: a link to `/proc/self/environ` or `~/.ssh` is refused before a byte
/// of it is read, so its content can never reach a poster or an error message.
public struct FileBoundary: Sendable, Hashable {
    /// Real paths (symlinks resolved) of the folders, or files, that may be read.
    public let roots: [String]

    public init(roots: [URL]) {
        self.roots = roots.map { Self.realPath($0.standardizedFileURL.path) ?? $0.standardizedFileURL.path }
    }

    public enum Refusal: Error, Sendable, Equatable {
        case missing
        /// The real path lies outside every root.
        case outside(realPath: String)
        /// A folder, device, FIFO or socket.
        case notRegular
        case tooLarge(bytes: Int, limit: Int)
        case unreadable

        /// Words for a diagnostic about `name` (as the kit wrote it).
        public func describe(_ name: String) -> String {
            switch self {
            case .missing: "'\(name)' does not exist"
            case .outside(let real): "'\(name)' resolves to '\(real)', which is outside the kit folder; adoptkit reads only files inside the kit"
            case .notRegular: "'\(name)' is not a regular file"
            case .tooLarge(let bytes, let limit): "'\(name)' is \(bytes) bytes, more than the limit of \(limit) bytes"
            case .unreadable: "'\(name)' cannot be read"
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        public let realPath: String
        public let size: Int
        public let isDirectory: Bool
        /// Which file it is, to check that the file opened later is this one.
        let device: UInt64
        let inode: UInt64
        /// When its inode last changed: a file deleted since, whose inode number a new file
        /// took, has a later one.
        let changed: Change

        struct Change: Sendable, Hashable {
            let seconds: Int, nanoseconds: Int

            init(_ info: stat) {
                #if canImport(Darwin)
                (seconds, nanoseconds) = (Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
                #else
                (seconds, nanoseconds) = (Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
                #endif
            }
        }

        /// The entry at `realPath` that `info` (its `stat`) describes: a folder or a regular file.
        static func of(_ realPath: String, _ info: stat) -> Result<Entry, Refusal> {
            let type = info.st_mode & S_IFMT
            guard type == S_IFDIR || type == S_IFREG else { return .failure(.notRegular) }
            return .success(Entry(realPath: realPath, size: type == S_IFDIR ? 0 : Int(info.st_size), isDirectory: type == S_IFDIR,
                                  device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
                                  changed: Change(info)))
        }

        /// Whether `info` (an opened file's `fstat`) is this entry's file: the same device and
        /// inode, and with `unchanged`, the same change time too.
        func isFile(_ info: stat, unchanged: Bool) -> Bool {
            info.st_mode & S_IFMT == S_IFREG && UInt64(truncatingIfNeeded: info.st_dev) == device
                && UInt64(truncatingIfNeeded: info.st_ino) == inode && (!unchanged || Change(info) == changed)
        }
    }


    /// What `url` really is, or why it may not be read. Folders pass (for walking).
    public func inspect(_ url: URL) -> Result<Entry, Refusal> { inspect(path: url.standardizedFileURL.path) }

    private func inspect(path: String) -> Result<Entry, Refusal> {
        guard let real = Self.realPath(path) else { return .failure(.missing) }
        guard contains(realPath: real) else { return .failure(.outside(realPath: real)) }
        var info = stat()
        guard stat(real, &info) == 0 else { return .failure(.unreadable) }
        return Entry.of(real, info)
    }

    /// `inspect` for the entry `name` of a folder whose real path is known and inside the
    /// boundary (a walk's): only a symbolic link needs resolving, so a plain file or folder costs
    /// one `lstat`, not a `realpath` of every component.
    public func inspect(entry name: String, inRealFolder folder: String) -> Result<Entry, Refusal> {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(.missing) }
        return info.st_mode & S_IFMT == S_IFLNK ? inspect(URL(fileURLWithPath: path)) : Entry.of(path, info)
    }

    /// Reads a regular file inside the boundary, refusing before reading when it is larger than
    /// `limit` (checked again while reading, in case the file grows).
    public func read(_ url: URL, limit: Int) -> Result<Data, Refusal> {
        read(path: url.standardizedFileURL.path, limit: limit)
    }

    /// The same for a path with no `.` or `..` segments (a scanned file's), without URL work.
    public func read(path: String, limit: Int) -> Result<Data, Refusal> {
        switch inspect(path: path) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let entry): return read(inspected: entry, limit: limit)
        }
    }

    /// `read(path:limit:)` for a file a walk of this boundary already inspected (`entry`): no
    /// `realpath` again when the file at `entry.realPath` is still the file the walk found
    /// inside the boundary (same device, inode and change time). Otherwise (replaced since, as
    /// editors save, or changed) `path` is inspected afresh.
    public func read(_ entry: Entry, path: String, limit: Int) -> Result<Data, Refusal> {
        guard contains(realPath: entry.realPath) else { return read(path: path, limit: limit) }
        switch read(inspected: entry, limit: limit, unchanged: true) {
        case .failure(.unreadable), .failure(.tooLarge): return read(path: path, limit: limit)
        case let result: return result
        }
    }

    /// - Parameter unchanged: the file must also have the change time it had when inspected.
    private func read(inspected entry: Entry, limit: Int, unchanged: Bool = false) -> Result<Data, Refusal> {
        guard !entry.isDirectory else { return .failure(.notRegular) }
        guard entry.size <= limit else { return .failure(.tooLarge(bytes: entry.size, limit: limit)) }
        // Plain POSIX reads: FileHandle's cost more than a small page takes to parse. The file
        // opened must be the one inspected: no link put in its place (`O_NOFOLLOW`), no FIFO
        // to wait on (`O_NONBLOCK`), the same device and inode.
        let descriptor = open(entry.realPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, entry.isFile(opened, unchanged: unchanged) else { return .failure(.unreadable) }
        // One byte more than the size found, to see the end; more room if the file has grown.
        var data = Data(count: entry.size + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= limit else { break }
                data.count = min(data.count * 2, limit + 1)
            }
            let got = data.withUnsafeMutableBytes { buffer in readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            guard got > 0 else { break }
            filled += got
        }
        // A file that grew past the limit while read is refused, as one that was too large.
        guard filled <= limit else { return .failure(.tooLarge(bytes: filled, limit: limit)) }
        data.count = filled
        return .success(data)
    }

    public func contains(realPath: String) -> Bool {
        roots.contains { root in realPath == root || realPath.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }

    /// `realpath(3)`: nil when the path (or a link on the way) does not resolve.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `read(2)`, out of the type so the name reaches the system's, not `FileBoundary.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
