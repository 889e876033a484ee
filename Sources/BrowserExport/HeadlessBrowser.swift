import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe`:
/// commands go in on the browser's file descriptor 3 and replies come back on 4, as JSON
/// messages ended by a NUL byte. No port is opened, so nothing else on the machine can talk
/// to the browser. Every command has a timeout; a browser that dies fails what is pending.
public final class HeadlessBrowser: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notFound
        case launch(String)
        case command(String, String)
        case timeout(String, Double)
        case closed

        public var description: String {
            switch self {
            case .notFound:
                return "Chromium is not installed; install it with 'apt-get install chromium' (or set ADOPTKIT_CHROMIUM to a Chromium or Chrome program)"
            case .launch(let reason): return "cannot start Chromium: \(reason)"
            case .command(let method, let message): return "Chromium refused \(method): \(message)"
            case .timeout(let method, let seconds): return "Chromium did not answer \(method) within \(Int(seconds)) s"
            case .closed: return "Chromium quit before it answered"
            }
        }
    }

    /// `ADOPTKIT_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on `PATH`.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["ADOPTKIT_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    /// Seconds any one command may take.
    public let timeout: Double
    private let process: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private let lock = NSLock()
    // Guarded by `lock`.
    private var nextID = 1
    private var pending: [Int: (String, CheckedContinuation<Reply, Error>)] = [:]
    private var isClosed = false

    /// A reply's `result` object (JSON from Foundation, read on the caller's task only).
    public struct Reply: @unchecked Sendable {
        public let result: [String: Any]
    }

    public init(executable: String? = nil, timeout: Double = 60) throws {
        guard let executable = executable ?? Self.find() else { throw Failure.notFound }
        self.timeout = timeout
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("adoptkit-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw Failure.launch("no pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, input[0], 3)
        posix_spawn_file_actions_adddup2(&actions, output[1], 4)
        let arguments = [executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--font-render-hinting=none",
                         "--user-data-dir=" + profile.path, "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        Glibc.close(input[0])
        Glibc.close(output[1])
        guard status == 0 else {
            Glibc.close(input[1]); Glibc.close(output[0])
            try? FileManager.default.removeItem(at: profile)
            throw Failure.launch(String(cString: strerror(status)))
        }
        process = pid
        toBrowser = input[1]
        fromBrowser = output[0]
        // Writing to a browser that died must fail the write, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        let reader = Thread { [self] in readReplies() }
        reader.name = "adoptkit-chromium-reader"
        reader.start()
    }

    /// Sends one command (to `session`, a page, or to the browser itself) and waits for its reply.
    public func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double? = nil) async throws -> Reply {
        let limit = timeout ?? self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            guard !isClosed else {
                lock.unlock()
                continuation.resume(throwing: Failure.closed)
                return
            }
            let id = nextID
            nextID += 1
            pending[id] = (method, continuation)
            lock.unlock()
            var message: [String: Any] = ["id": id, "method": method, "params": params]
            if let session { message["sessionId"] = session }
            guard var data = try? JSONSerialization.data(withJSONObject: message) else {
                finish(id, with: .failure(Failure.command(method, "parameters are not JSON")))
                return
            }
            data.append(0)
            let written = lock.withLock { data.withUnsafeBytes { writeAll(toBrowser, $0) } }
            if !written { finish(id, with: .failure(Failure.closed)) }
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [weak self] in
                self?.finish(id, with: .failure(Failure.timeout(method, limit)))
            }
        }
    }

    /// A fresh tab, attached so commands can be sent to it.
    public func newPage() async throws -> BrowserPage {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target.result["targetId"] as? String else { throw Failure.command("Target.createTarget", "no target id") }
        let attached = try await send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached.result["sessionId"] as? String else { throw Failure.command("Target.attachToTarget", "no session id") }
        let page = BrowserPage(browser: self, session: session, targetID: targetID)
        _ = try await page.send("Page.enable")
        return page
    }

    /// Asks the browser to quit, then makes sure it has (it is killed after a few seconds).
    public func close() async {
        _ = try? await send("Browser.close", timeout: 5)
        lock.withLock { isClosed = true }
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(process, &status, WNOHANG) == process { break }
            try? await Task.sleep(nanoseconds: 100_000_000)
            if Task.isCancelled { break }
        }
        var status: Int32 = 0
        if waitpid(process, &status, WNOHANG) == 0 {
            kill(process, SIGKILL)
            waitpid(process, &status, 0)
        }
        Glibc.close(toBrowser)
        failAll(Failure.closed)
        try? FileManager.default.removeItem(at: profile)
    }

    deinit {
        var status: Int32 = 0
        if waitpid(process, &status, WNOHANG) == 0 {
            kill(process, SIGKILL)
            waitpid(process, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    private func finish(_ id: Int, with outcome: Result<Reply, Error>) {
        guard let (_, continuation) = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        continuation.resume(with: outcome)
    }

    private func failAll(_ failure: Failure) {
        let waiting = lock.withLock { () -> [CheckedContinuation<Reply, Error>] in
            defer { pending.removeAll() }
            return pending.values.map(\.1)
        }
        for continuation in waiting { continuation.resume(throwing: failure) }
    }

    /// Runs on its own thread: splits the stream at NUL bytes and hands each reply to its waiter.
    private func readReplies() {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            buffer.append(contentsOf: chunk[0..<count])
            while let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
                      let id = object["id"] as? Int else { continue } // events carry no id
                if let error = object["error"] as? [String: Any] {
                    let method = lock.withLock { pending[id]?.0 } ?? "a command"
                    finish(id, with: .failure(Failure.command(method, error["message"] as? String ?? "error")))
                } else {
                    finish(id, with: .success(Reply(result: object["result"] as? [String: Any] ?? [:])))
                }
            }
        }
        Glibc.close(fromBrowser)
        lock.withLock { isClosed = true }
        failAll(.closed)
    }

    private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
