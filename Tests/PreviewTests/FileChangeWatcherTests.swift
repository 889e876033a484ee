#if canImport(Glibc)   // inotify only; elsewhere FileChangeWatcher is always nil
import Foundation
import Glibc
import Synchronization
import Testing
@testable import Preview

/// Real inotify watches on temporary folders. Every wait is bounded, so a missing event fails
/// the test instead of hanging it.
struct FileChangeWatcherTests {
    enum Next: Equatable { case batch(FileChangeBatch), ended, timedOut }

    /// The next batch, or `.ended` / `.timedOut`. (A timeout cancels the read, which ends the stream;
    /// that only happens when the test is failing anyway.)
    static func next(_ stream: AsyncStream<FileChangeBatch>, timeout: Duration = .seconds(30)) async -> Next {
        await withTaskGroup(of: Next.self) { group in
            group.addTask {
                for await batch in stream { return .batch(batch) }
                return .ended
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
    }

    /// Paths of successive batches merged until `done` holds (a busy machine may split one save
    /// across batches) or nothing more arrives in time.
    static func paths(_ stream: AsyncStream<FileChangeBatch>, until done: (Set<String>) -> Bool) async -> Set<String> {
        var seen = Set<String>()
        let deadline = ContinuousClock.now + .seconds(30)
        while !done(seen), case .batch(let batch) = await next(stream, timeout: deadline - .now) {
            if case .paths(let paths) = batch { seen.formUnion(paths) }
        }
        return seen
    }

    static func path(_ url: URL) -> String { url.standardizedFileURL.path }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// A fresh temporary folder, removed afterwards.
    func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    @Test func modifiedFileIsReported() async throws {
        try await withFolder { folder in
            let page = folder.appendingPathComponent("page.md")
            try Self.write("one", to: page)
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes()
            try Self.write("two", to: page)
            #expect(await Self.paths(stream) { $0.contains(Self.path(page)) }.contains(Self.path(page)))
        }
    }

    /// A save in place whose steps are further apart than the settle time (a busy machine, a
    /// slow editor) comes as one batch after the file is closed, never half-written.
    @Test func aFileBeingWrittenIsReportedWhenClosed() async throws {
        try await withFolder { folder in
            let page = folder.appendingPathComponent("page.md")
            try Self.write("one", to: page)
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes(settle: .milliseconds(30))
            // What the file holds when the batch comes: what a rebuild would read.
            let first = Task {
                let batch = await Self.next(stream)
                return (batch: batch, at: ContinuousClock.now, text: try? String(contentsOf: page, encoding: .utf8))
            }
            let handle = try FileHandle(forWritingTo: page)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data("half".utf8))
            try await Task.sleep(for: .milliseconds(300))
            try handle.write(contentsOf: Data(" and the rest".utf8))
            let closing = ContinuousClock.now
            try handle.close()
            let (batch, arrived, text) = await first.value
            #expect(arrived >= closing)
            #expect(batch == .batch(.paths([Self.path(page)])))
            #expect(text == "half and the rest")
        }
    }

    /// Which files a batch waits for: a visible file modified and not yet closed; not a hidden
    /// one (an editor's swap file stays open), not one deleted or moved away, nor the files of a
    /// folder gone (their closes never come).
    @Test func aBatchWaitsForVisibleFilesStillOpen() {
        var writing = FilesBeingWritten()
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/.page.md.swp", name: ".page.md.swp")
        #expect(writing.isEmpty)
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/page.md", name: "page.md")
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/guides/a.md", name: "a.md")
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/guides-old/b.md", name: "b.md")
        #expect(writing.paths == ["/k/Content/page.md", "/k/Content/guides/a.md", "/k/Content/guides-old/b.md"])
        writing.note(UInt32(IN_CLOSE_WRITE), path: "/k/Content/page.md", name: "page.md")
        writing.forget(under: "/k/Content/guides")
        #expect(writing.paths == ["/k/Content/guides-old/b.md"])
        writing.note(UInt32(IN_MOVED_FROM), path: "/k/Content/guides-old/b.md", name: "b.md")
        #expect(writing.isEmpty)
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/c.md", name: "c.md")
        writing.note(UInt32(IN_DELETE), path: "/k/Content/c.md", name: "c.md")
        #expect(writing.isEmpty)
        writing.note(UInt32(IN_MODIFY), path: "/k/Content/d.md", name: "d.md")
        writing.forgetAll()
        #expect(writing.isEmpty)
    }

    /// A file kept open and written to does not hold its batch until it is closed: the batch
    /// comes at the hard deadline, while the writer still writes (it stops only once the batch
    /// came, or after 30 s). Ordering, not timing: a busy test machine only delays both sides.
    @Test func aFileKeptOpenIsReportedBeforeItIsClosed() async throws {
        try await withFolder { folder in
            let log = folder.appendingPathComponent("notes.log")
            try Self.write("", to: log)
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes(settle: .milliseconds(30))
            let handle = try FileHandle(forWritingTo: log)
            let state = Mutex((stop: false, closed: false))
            let writer = Thread {
                let deadline = Date().addingTimeInterval(30)
                while !state.withLock({ $0.stop }), Date() < deadline {
                    try? handle.write(contentsOf: Data("line\n".utf8))
                    usleep(100_000)
                }
                try? handle.close()
                state.withLock { $0.closed = true }
            }
            writer.start()
            let first = await Self.next(stream, timeout: .seconds(60))
            let closedBefore = state.withLock { s in s.stop = true; return s.closed }
            #expect(first == .batch(.paths([Self.path(log)])))
            #expect(!closedBefore)
            while !state.withLock({ $0.closed }) { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    @Test func fileInNewSubfolderIsReported() async throws {
        try await withFolder { folder in
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes()
            let subfolder = folder.appendingPathComponent("guides/deeper")
            try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
            let page = subfolder.appendingPathComponent("new.md")
            try Self.write("new", to: page)
            let seen = await Self.paths(stream) { $0.contains(Self.path(page)) }
            #expect(seen.contains(Self.path(page)))
            #expect(seen.contains(Self.path(folder.appendingPathComponent("guides"))))
            // The new folder is watched from now on.
            try Self.write("edited", to: page)
            #expect(await Self.paths(stream) { $0.contains(Self.path(page)) }.contains(Self.path(page)))
        }
    }

    @Test func deletedFileIsReported() async throws {
        try await withFolder { folder in
            let page = folder.appendingPathComponent("old.md")
            try Self.write("old", to: page)
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes()
            try FileManager.default.removeItem(at: page)
            #expect(await Self.paths(stream) { $0.contains(Self.path(page)) }.contains(Self.path(page)))
        }
    }

    @Test func atomicSaveReportsTarget() async throws {
        try await withFolder { folder in
            let page = folder.appendingPathComponent("page.md")
            try Self.write("one", to: page)
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            let stream = watcher.changes()
            // What editors do: write a temporary file, then rename it over the original.
            let temporary = folder.appendingPathComponent(".page.md.swp")
            try Self.write("two", to: temporary)
            #expect(rename(temporary.path, page.path) == 0)
            #expect(await Self.paths(stream) { $0.contains(Self.path(page)) }.contains(Self.path(page)))
        }
    }

    @Test func singleFileOutsideFoldersIsReported() async throws {
        try await withFolder { folder in
            let content = folder.appendingPathComponent("Content"), config = folder.appendingPathComponent("adoptkit.yml")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try Self.write("title: A", to: config)
            let watcher = try #require(FileChangeWatcher(folders: [content], files: [config]))
            defer { watcher.stop() }
            let stream = watcher.changes()
            try "title: B".write(to: config, atomically: true, encoding: .utf8)   // Foundation: temp file + rename
            #expect(await Self.paths(stream) { $0.contains(Self.path(config)) } == [Self.path(config)])
        }
    }

    @Test func siblingOfSingleFileIsNotReported() async throws {
        try await withFolder { folder in
            let logo = folder.appendingPathComponent("logo.svg"), sibling = folder.appendingPathComponent("notes.txt")
            try Self.write("<svg/>", to: logo)
            let watcher = try #require(FileChangeWatcher(folders: [], files: [logo]))
            defer { watcher.stop() }
            let stream = watcher.changes()
            // Same folder, same event queue: had the sibling been reported, it would come first.
            try Self.write("unrelated", to: sibling)
            try Self.write("<svg></svg>", to: logo)
            let seen = await Self.paths(stream) { $0.contains(Self.path(logo)) }
            #expect(seen == [Self.path(logo)])
        }
    }

    @Test func quickWritesMergeIntoOneBatch() async throws {
        try await withFolder { folder in
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            defer { watcher.stop() }
            // A generous settle keeps the test stable on a busy machine.
            let stream = watcher.changes(settle: .milliseconds(200))
            let pages = (1...3).map { folder.appendingPathComponent("page\($0).md") }
            for page in pages { try Self.write("text", to: page) }
            #expect(await Self.next(stream) == .batch(.paths(Set(pages.map(Self.path)))))
        }
    }

    @Test func stopEndsStream() async throws {
        try await withFolder { folder in
            let watcher = try #require(FileChangeWatcher(folders: [folder], files: []))
            let stream = watcher.changes()
            watcher.stop()
            watcher.stop()   // idempotent
            #expect(await Self.next(stream, timeout: .seconds(10)) == .ended)
            #expect(await Self.next(watcher.changes(), timeout: .seconds(10)) == .ended)
        }
    }
}
#endif
