import Foundation

/// `transform` over `items` on every core from synchronous code, results in order.
package enum ConcurrentMap {
    package static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 64, _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        let results = Results<R>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { number in
            results.set(number, items[chunks[number]].map(transform))
        }
        return results.all.flatMap { $0 }
    }

    /// `first` and `second` side by side, from synchronous code: `first` on a thread of its
    /// own, `second` on the caller's, so a `map` inside `second` keeps every core (a map nested
    /// in `concurrentPerform` gets a share of them).
    package static func pair<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
        let result = Results<A>(count: 1)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { result.set(0, [first()]) }
        let b = second()
        done.wait()
        return (result.all[0][0], b)
    }

    private final class Results<R>: @unchecked Sendable {
        // Each slot is written once, by one iteration, under `lock`.
        private var slots: [[R]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [R]) { lock.withLock { slots[index] = value } }
        var all: [[R]] { lock.withLock { slots } }
    }
}
