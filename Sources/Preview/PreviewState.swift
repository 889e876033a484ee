import Diagnostics
import Site
import SiteModel

/// What the preview serves: the last good build, the problems of the latest one (shown as an
/// overlay until fixed), and the browsers waiting for a reload.
actor PreviewState {
    private(set) var site: RenderedSite?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var generation = 0
    private struct Listener {
        var page: String?
        var continuation: AsyncStream<PreviewEvent>.Continuation
    }
    private var listeners: [Int: Listener] = [:]
    private var nextListener = 0

    var snapshot: Snapshot { Snapshot(site: site, failures: diagnostics.hasErrors ? diagnostics : [], generation: generation) }

    struct Snapshot: Sendable {
        var site: RenderedSite?
        /// Non-empty when the latest rebuild failed.
        var failures: [Diagnostic]
        var generation: Int
    }

    /// Takes a finished update: a good one replaces the tree; a failed one keeps the last good
    /// tree and records the problems. A browser is told when the page it shows changed, or
    /// when the overlay of problems appears or goes.
    func update(with update: LiveSite.Update) {
        generation += 1
        let wasFailing = diagnostics.hasErrors
        diagnostics = update.diagnostics
        let replaced = site
        if update.succeeded, let newSite = update.site { site = newSite }
        let event: PreviewEvent = update.succeeded ? .reload(generation) : .failed(generation)
        for listener in listeners.values {
            let showsChange = listener.page.map { update.changed.contains($0) } ?? true
            if !update.succeeded || wasFailing || showsChange { listener.continuation.yield(event) }
        }
        // Freeing the last site lets go of everything the edit replaced (on a big kit, the old
        // copies of its page and document tables): done off this actor, so reloading browsers
        // are answered first.
        if let replaced, replaced !== site { Task.detached(priority: .background) { withExtendedLifetime(replaced) {} } }
    }

    func subscribe(page: String?) -> (id: Int, events: AsyncStream<PreviewEvent>) {
        let id = nextListener
        nextListener += 1
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if isShuttingDown { continuation.finish() } else { listeners[id] = Listener(page: page, continuation: continuation) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        listeners.removeValue(forKey: id)?.continuation.finish()
    }

    /// A comment line every so often: writing to a browser that has gone away fails, which
    /// ends its stream instead of leaving it open forever.
    func heartbeat() {
        for listener in listeners.values { listener.continuation.yield(.keepalive) }
    }

    private(set) var isShuttingDown = false

    func finishAll() {
        isShuttingDown = true
        for listener in listeners.values { listener.continuation.finish() }
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
