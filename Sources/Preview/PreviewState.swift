import Diagnostics
import Site

/// What the preview serves: the last good build, the problems of the latest one (shown as an
/// overlay until fixed), and the browsers waiting for a reload.
actor PreviewState {
    private(set) var tree: OutputTree?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var generation = 0
    private var listeners: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var nextListener = 0

    var snapshot: Snapshot { Snapshot(tree: tree, failures: diagnostics.hasErrors ? diagnostics : [], generation: generation) }

    struct Snapshot: Sendable {
        var tree: OutputTree?
        /// Non-empty when the latest rebuild failed.
        var failures: [Diagnostic]
        var generation: Int
    }

    /// Takes a finished build: a good one replaces the tree; a failed one keeps the last good
    /// tree and records the problems. Every browser is told either way.
    func update(with result: BuildAction.Result) {
        generation += 1
        diagnostics = result.diagnostics
        if result.succeeded, let newTree = result.tree { tree = newTree }
        let event: PreviewEvent = result.succeeded ? .reload(generation) : .failed(generation)
        for continuation in listeners.values { continuation.yield(event) }
    }

    func subscribe() -> (id: Int, events: AsyncStream<PreviewEvent>) {
        let id = nextListener
        nextListener += 1
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if isShuttingDown { continuation.finish() } else { listeners[id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        listeners.removeValue(forKey: id)?.finish()
    }

    /// A comment line every so often: writing to a browser that has gone away fails, which
    /// ends its stream instead of leaving it open forever.
    func heartbeat() {
        for continuation in listeners.values { continuation.yield(.keepalive) }
    }

    private(set) var isShuttingDown = false

    func finishAll() {
        isShuttingDown = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

}

/// What a browser is told over Server-Sent Events.
enum PreviewEvent: Sendable, Equatable {
    case reload(Int)
    case failed(Int)
    case keepalive

    /// The SSE wire format.
    var message: String {
        switch self {
        case .reload(let generation): "event: reload\ndata: \(generation)\n\n"
        case .failed(let generation): "event: failed\ndata: \(generation)\n\n"
        case .keepalive: ": keepalive\n\n"
        }
    }
}
