import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe`
/// (JSON messages ended by NUL, commands on fd 3, replies on fd 4). Every wait has a deadline;
/// the browser is killed when the value goes away.
final class Browser {
    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failure: Error, CustomStringConvertible { let description: String }

    private var pid: pid_t = 0
    private let commands: Int32, replies: Int32
    private var nextID = 1
    private var pending = [UInt8]()
    private var session: String?
    private let profile: URL
    /// Seconds any one command or wait may take.
    let timeout: TimeInterval

    init(timeout: TimeInterval = 30) throws {
        guard let executable = Self.executable else { throw Failure(description: "chromium is missing") }
        self.timeout = timeout
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("adoptkit-chromium-\(UUID().uuidString)")
        var down: [Int32] = [0, 0], up: [Int32] = [0, 0]
        guard pipe(&down) == 0, pipe(&up) == 0 else { throw Failure(description: "pipe failed") }
        // Only fds 3 and 4 (made below) reach the browser.
        for fd in down + up { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Moved above 4 first, so the two dup2 calls cannot overwrite each other's source.
        let childIn = fcntl(down[0], F_DUPFD_CLOEXEC, 10), childOut = fcntl(up[1], F_DUPFD_CLOEXEC, 10)
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                         "--user-data-dir=\(profile.path)", "--allow-file-access-from-files", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "about:blank"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        [down[0], up[1], childIn, childOut].forEach { _ = close($0) }
        commands = down[1]
        replies = up[0]
        guard spawned == 0 else { throw Failure(description: "could not start chromium (\(spawned))") }
        let target = try call("Target.createTarget", ["url": "about:blank"], inSession: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true], inSession: false)
        session = attached["sessionId"] as? String
        _ = try call("Page.enable")
        _ = try call("Runtime.enable")
    }

    deinit {
        close(commands)
        close(replies)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends one command and waits for its reply; events met on the way are passed to `onEvent`.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true,
              onEvent: (String, [String: Any]) -> Void = { _, _ in }) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if inSession, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = write(commands, raw.baseAddress! + sent, raw.count - sent)
                guard n > 0 else { throw Failure(description: "write to chromium failed") }
                sent += n
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if let event = reply["method"] as? String { onEvent(event, reply["params"] as? [String: Any] ?? [:]) }
        }
    }

    private func readMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Array(pending[..<end])
                pending.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any]) ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "timed out waiting for \(what)") }
            var descriptor = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(left * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = read(replies, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "chromium closed the pipe while waiting for \(what)") }
            pending.append(contentsOf: chunk[..<n])
        }
    }

    /// A viewport of `width`×`height` CSS pixels, in the light or dark colour scheme.
    func emulate(width: Int, height: Int, dark: Bool) throws {
        try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
        try call("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
    }

    /// Opens `url` and waits for its load event.
    func open(_ url: URL) throws {
        var loaded = false
        try call("Page.navigate", ["url": url.absoluteString]) { event, _ in if event == "Page.loadEventFired" { loaded = true } }
        let deadline = Date().addingTimeInterval(timeout)
        while !loaded {
            let message = try readMessage(until: deadline, waitingFor: "the load of \(url.lastPathComponent)")
            if message["method"] as? String == "Page.loadEventFired" { loaded = true }
        }
    }

    /// The value of a JavaScript expression (awaited when it is a promise), as JSON types.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure(description: "script failed: \((exception["exception"] as? [String: Any])?["description"] ?? exception)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }
}
