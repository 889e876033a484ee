import Diagnostics
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Site
import SiteModel

/// `adoptkit serve`: builds the kit in memory, serves it over HTTP, rebuilds when files change
/// and tells browsers to reload over Server-Sent Events. It never writes `_site/`.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Try the following ports when `port` is busy (the default port only).
        public var findFreePort: Bool
        public var pollInterval: Duration

        public init(host: String = "127.0.0.1", port: Int = 8000, findFreePort: Bool = true, pollInterval: Duration = .milliseconds(200)) {
            self.host = host
            self.port = port
            self.findFreePort = findFreePort
            self.pollInterval = pollInterval
        }
    }

    public let location: KitLocation
    public let options: Options
    let state = PreviewState()
    /// The site in memory, updated edit by edit.
    let site: LiveSite

    public init(location: KitLocation, options: Options = Options()) {
        self.location = location
        self.options = options
        self.site = LiveSite(location: location)
    }

    public enum Failure: Error, CustomStringConvertible {
        case portBusy(Int)
        public var description: String {
            switch self {
            case .portBusy(let port): "port \(port) is already in use; choose another with --port"
            }
        }
    }

    /// Builds once, then serves until cancelled (Ctrl-C). `onReady` gets the bound port and
    /// the first build's diagnostics; `onRebuild` every later build's.
    public func run(onReady: @escaping @Sendable (Int, [Diagnostic]) -> Void = { _, _ in },
                    onRebuild: @escaping @Sendable (LiveSite.Update) -> Void = { _ in }) async throws {
        let port = try choosePort()
        let first = await rebuild(changedFiles: nil).diagnostics
        // Watching starts before the server says it is ready: an edit made once `onReady` has
        // run is never missed (inotify queues it; the polling baseline predates it).
        let armed = await armWatcher()
        let hosts = HostPolicy(bindHost: options.host, extraHosts: options.host == "0.0.0.0" ? NetworkInterfaces.addresses() + [NetworkInterfaces.hostName()] : [])
        let responder = PreviewResponder(hosts: hosts)
        let state = self.state
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                let snapshot = await state.snapshot
                let answer = responder.respond(method: request.method.rawValue, target: request.head.path ?? "/",
                                               host: request.head.authority, snapshot: snapshot)
                return Self.hummingbirdResponse(answer, state: state)
            },
            configuration: .init(address: .hostname(options.host, port: port), serverName: "adoptkit", reuseAddress: false),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port, first) },
            logger: Logger(label: "adoptkit.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        // On Ctrl-C, end the event streams first: graceful shutdown waits for open requests,
        // and an event stream would otherwise stay open forever.
        let signalSources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { Task { await state.finishAll() } }
            source.resume()
            return source
        }
        defer { signalSources.forEach { $0.cancel() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await watch(from: armed, onRebuild: onRebuild) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    await state.heartbeat()
                }
            }
            group.addTask {
                defer { Task { await state.finishAll() } }
                try await app.runService()
            }
            // When the server stops (Ctrl-C), stop watching too.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Brings the site up to date; a failure keeps the last good build and shows an overlay.
    @discardableResult
    func rebuild(changedFiles: Set<String>?) async -> LiveSite.Update {
        let update = await site.update(changedFiles: changedFiles)
        await state.update(with: update)
        return update
    }

    /// A watcher that already records changes: inotify on the kit's folders and files, or,
    /// where inotify is missing, the polling fingerprint to compare with.
    enum ArmedWatcher: Sendable {
        case inotify(FileChangeWatcher, files: [URL])
        case polling(KitWatcher.Fingerprint)
    }

    func armWatcher() async -> ArmedWatcher {
        let files = await site.watchedFiles
        if let watcher = FileChangeWatcher(folders: [location.content, location.templates], files: files) {
            return .inotify(watcher, files: files)
        }
        return .polling(KitWatcher(location: location, interval: options.pollInterval, files: files).fingerprint())
    }

    /// Rebuilds after every change until cancelled. inotify reports which files changed (and
    /// costs nothing while idle); where it is missing, polling every `pollInterval` does.
    func watch(from armed: ArmedWatcher, onRebuild: @escaping @Sendable (LiveSite.Update) -> Void) async {
        var armed = armed
        while !Task.isCancelled {
            switch armed {
            case .polling(let baseline):
                await KitWatcher(location: location, interval: options.pollInterval, files: await site.watchedFiles).watch(from: baseline) {
                    onRebuild(await rebuild(changedFiles: nil))
                }
                return
            case .inotify(let watcher, let files):
                for await batch in watcher.changes() {
                    switch batch {
                    case .overflow: onRebuild(await rebuild(changedFiles: nil))
                    case .paths(let paths): onRebuild(await rebuild(changedFiles: paths))
                    }
                    // An edit of the config may name another logo or groups file: watch that one instead.
                    if await site.watchedFiles != files { break }
                    if Task.isCancelled { break }
                }
                // The next watcher records changes before this one stops, so none falls between.
                armed = await armWatcher()
                watcher.stop()
            }
        }
    }

    private func choosePort() throws -> Int {
        if options.port == 0 { return 0 }
        let candidates = options.findFreePort ? Array(options.port..<(options.port + 20)) : [options.port]
        guard let free = candidates.first(where: { NetworkInterfaces.canBind(host: options.host, port: $0) }) else {
            throw Failure.portBusy(options.port)
        }
        return free
    }

    static func hummingbirdResponse(_ answer: PreviewResponse, state: PreviewState) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        guard answer.isEventStream else {
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let body = ResponseBody { writer in
            let (id, events) = await state.subscribe(page: answer.eventPage)
            // Tell the browser how soon to reconnect if the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            do {
                for await event in events { try await writer.write(ByteBuffer(string: event.message)) }
            } catch {
                await state.unsubscribe(id)
                throw error
            }
            await state.unsubscribe(id)
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }
}
