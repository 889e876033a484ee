import Foundation

/// One debounced batch of file changes.
enum FileChangeBatch: Sendable, Equatable {
    /// Absolute, standardized paths of files (or folders) created, modified, deleted or moved in/out.
    case paths(Set<String>)
    /// The kernel dropped events: assume everything changed.
    case overflow
}

#if canImport(Glibc)
import Glibc
import Synchronization

/// Watches folders recursively and single files with inotify; reports batches of changed absolute paths.
/// Sendable without `@unchecked`: all mutable state sits in `Core`'s `Mutex`.
final class FileChangeWatcher: Sendable {
    private let core: Core

    /// `folders` are watched recursively (new subfolders are picked up); `files` may live anywhere.
    /// Returns nil when inotify is unavailable or its watch limit is reached (callers then poll).
    init?(folders: [URL], files: [URL]) {
        guard let core = Core(folders: folders, files: files) else { return nil }
        self.core = core
    }

    deinit { core.stop() }

    /// Changes merged while they arrive within `settle` of each other, and while a file written in
    /// place has not been closed yet, so a save is never seen half-written (a batch waits at most
    /// 1 s, or `settle` if longer, so a file written continuously cannot starve the others). Events between
    /// init and this call are queued by the kernel and not lost. A second call finishes the first stream.
    func changes(settle: Duration = .milliseconds(30)) -> AsyncStream<FileChangeBatch> {
        let (stream, continuation) = AsyncStream.makeStream(of: FileChangeBatch.self)
        core.attach(continuation, settle: settle)
        return stream
    }

    /// Ends the stream and closes the inotify descriptor. Idempotent.
    func stop() { core.stop() }
}

/// Files written in place and not closed yet (`IN_MODIFY` seen, no `IN_CLOSE_WRITE` since): a
/// save truncates, writes, then closes, and on a busy machine the steps can be further apart
/// than the settle time, so a batch waits for them (at most its hard deadline).
struct FilesBeingWritten {
    private(set) var paths = Set<String>()
    var isEmpty: Bool { paths.isEmpty }

    mutating func note(_ mask: UInt32, path: String, name: String) {
        // A hidden file (an editor's swap file, kept open) is nothing a rebuild reads.
        if mask & UInt32(IN_MODIFY) != 0, !name.hasPrefix(".") { paths.insert(path) }
        if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { paths.remove(path) }
    }

    /// A folder moved away or deleted: its files' closes will not be seen.
    mutating func forget(under folder: String) { paths = paths.filter { !$0.hasPrefix(folder + "/") } }

    /// Events lost (overflow), or a batch sent at its hard deadline.
    mutating func forgetAll() { paths.removeAll() }
}

/// Owned by both the watcher and its reader thread, so the watcher's deinit can still run (and stop
/// the thread) while the thread is blocked in poll().
private final class Core: Sendable {
    private struct Watch {
        var path: String
        var recursive: Bool       // part of a watched tree: every entry counts
        var files: Set<String>    // otherwise only these names (single watched files)
    }
    private struct State {
        var watches: [Int32: Watch] = [:]
        var continuation: AsyncStream<FileChangeBatch>.Continuation?
        var settle = Duration.milliseconds(30)
        var running = false, stopped = false
    }
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR)
    private let fd: Int32
    private let wake: (read: Int32, write: Int32)   // stop() writes a byte so poll() returns at once
    private let state = Mutex(State())

    init?(folders: [URL], files: [URL]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var ends: [Int32] = [0, 0]
        // pipe2 is not exported by the Glibc module; nothing forks here during init, so set flags after.
        guard pipe(&ends) == 0 else { close(fd); return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC); _ = fcntl(end, F_SETFL, O_NONBLOCK) }
        (self.fd, wake) = (fd, (ends[0], ends[1]))
        let ok = state.withLock { s -> Bool in
            var ignored = Set<String>()   // nothing has changed yet
            for folder in folders {
                guard addTree(folder.standardizedFileURL.path, &s, report: &ignored) else { return false }
            }
            for file in files.map(\.standardizedFileURL) {
                let wd = inotify_add_watch(fd, file.deletingLastPathComponent().path, Self.mask)
                if wd < 0 { if errno == ENOSPC { return false } else { continue } }
                s.watches[wd, default: Watch(path: file.deletingLastPathComponent().path, recursive: false, files: [])]
                    .files.insert(file.lastPathComponent)
            }
            return true
        }
        guard ok else { close(fd); close(ends[0]); close(ends[1]); return nil }
    }

    func attach(_ continuation: AsyncStream<FileChangeBatch>.Continuation, settle: Duration) {
        let (previous, start) = state.withLock { s -> (AsyncStream<FileChangeBatch>.Continuation?, Bool) in
            if s.stopped { return (continuation, false) }   // finish the new stream right away
            defer { (s.continuation, s.settle, s.running) = (continuation, settle, true) }
            return (s.continuation, !s.running)
        }
        previous?.finish()
        if start {
            let thread = Thread { self.run() }
            thread.name = "FileChangeWatcher"
            thread.start()
        }
    }

    func stop() {
        let continuation = state.withLock { s -> AsyncStream<FileChangeBatch>.Continuation? in
            guard !s.stopped else { return nil }
            s.stopped = true
            if s.running {   // the reader closes the descriptors on its way out; never close under its feet
                var byte: UInt8 = 1
                _ = write(wake.write, &byte, 1)
            } else {
                close(fd); close(wake.read); close(wake.write)
            }
            defer { s.continuation = nil }
            return s.continuation
        }
        continuation?.finish()
    }

    /// Reader thread: blocks in poll() (idle CPU ~0); the poll timeout is only set while a batch is pending.
    private func run() {
        let clock = ContinuousClock()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = Set<String>(), overflow = false
        var writing = FilesBeingWritten()
        var quietDeadline: ContinuousClock.Instant? = nil, hardDeadline = clock.now
        func due(_ quiet: ContinuousClock.Instant) -> ContinuousClock.Instant {
            writing.isEmpty ? min(quiet, hardDeadline) : hardDeadline
        }
        loop: while true {
            var timeout: Int32 = -1
            if let quiet = quietDeadline {
                let left = due(quiet) - clock.now
                timeout = left <= .zero ? 0 : Int32(min(left / .milliseconds(1), 60_000).rounded(.up))
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 2, timeout) < 0 && errno != EINTR { break }
            if fds[1].revents != 0 { break }
            if fds[0].revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 {
                var got = false
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 && errno == EAGAIN { break }
                    if n <= 0 { break loop }
                    got = handle(buffer, count: n, into: &pending, writing: &writing, overflow: &overflow) || got
                }
                if got {
                    let settle = state.withLock { $0.settle }
                    if quietDeadline == nil { hardDeadline = clock.now + max(settle, .seconds(1)) }
                    quietDeadline = clock.now + settle
                }
            }
            if let quiet = quietDeadline, clock.now >= due(quiet) {
                let batch: FileChangeBatch = overflow ? .overflow : .paths(pending)
                // Still open at the hard deadline: written continuously, or gone with its folder;
                // not held against the next batch.
                (pending, overflow, quietDeadline) = ([], false, nil)
                writing.forgetAll()
                let continuation = state.withLock { $0.continuation }
                continuation?.yield(batch)
            }
        }
        let continuation = state.withLock { s -> AsyncStream<FileChangeBatch>.Continuation? in
            close(fd); close(wake.read); close(wake.write)
            defer { (s.stopped, s.continuation) = (true, nil) }
            return s.continuation
        }
        continuation?.finish()
    }

    /// Parses `count` bytes of variable-length inotify_event records; returns whether anything counted.
    /// `writing` follows the files modified and not yet closed.
    private func handle(_ buffer: [UInt8], count: Int, into pending: inout Set<String>, writing: inout FilesBeingWritten,
                        overflow: inout Bool) -> Bool {
        var events: [(wd: Int32, mask: UInt32, name: String)] = []
        buffer.withUnsafeBytes { raw in
            let header = MemoryLayout<inotify_event>.size
            var offset = 0
            while offset + header <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let end = min(offset + header + Int(event.len), count)
                let name = raw[(offset + header)..<end].prefix { $0 != 0 }   // NUL-padded
                events.append((event.wd, event.mask, String(decoding: name, as: UTF8.self)))
                offset = end
            }
        }
        var report = Set<String>()
        state.withLock { s in
            for (wd, mask, name) in events {
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true; writing.forgetAll(); continue }
                guard let watch = s.watches[wd] else { continue }   // e.g. late events of a dropped watch
                if mask & UInt32(IN_IGNORED | IN_DELETE_SELF) != 0 {
                    s.watches[wd] = nil
                    if watch.recursive { report.insert(watch.path) }
                    writing.forget(under: watch.path)
                    continue
                }
                guard !name.isEmpty, watch.recursive || watch.files.contains(name) else { continue }
                let path = join(watch.path, name)
                report.insert(path)
                writing.note(mask, path: path, name: name)
                guard mask & UInt32(IN_ISDIR) != 0, watch.recursive else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") {
                    // Files may have landed before the new watch existed: report the whole subtree.
                    _ = addTree(path, &s, report: &report)
                } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                    dropTree(path, &s)
                    writing.forget(under: path)
                }
            }
        }
        pending.formUnion(report)
        return overflow || !report.isEmpty
    }

    /// Watches `root` and its non-hidden, non-symlinked subfolders; adds the paths inside to `report`.
    /// Returns false only when the inotify watch limit is reached.
    private func addTree(_ root: String, _ s: inout State, report: inout Set<String>) -> Bool {
        let wd = inotify_add_watch(fd, root, Self.mask)
        guard wd >= 0 else { return errno != ENOSPC }   // a vanished or unreadable folder is not fatal
        // The same folder gives the same descriptor: a moved folder keeps its wd but gets its new path.
        s.watches[wd, default: Watch(path: root, recursive: true, files: [])].path = root
        s.watches[wd]!.recursive = true
        guard let dir = opendir(root) else { return true }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = join(root, name)
            report.insert(path)
            var isDir = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {   // some file systems leave d_type empty
                var info = stat()
                isDir = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isDir && !name.hasPrefix(".") && !addTree(path, &s, report: &report) { return false }
        }
        return true
    }

    /// A folder moved out of view: stop watching it so its events do not arrive under a stale path.
    private func dropTree(_ root: String, _ s: inout State) {
        for (wd, watch) in s.watches where watch.recursive && (watch.path == root || watch.path.hasPrefix(root + "/")) {
            if watch.files.isEmpty {
                inotify_rm_watch(fd, wd)
                s.watches[wd] = nil
            } else {
                s.watches[wd]!.recursive = false   // still the parent of a single watched file
            }
        }
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

#else
/// No inotify on this platform: callers fall back to polling.
final class FileChangeWatcher: Sendable {
    init?(folders: [URL], files: [URL]) { return nil }
    func changes(settle: Duration = .milliseconds(30)) -> AsyncStream<FileChangeBatch> { AsyncStream { $0.finish() } }
    func stop() {}
}
#endif
