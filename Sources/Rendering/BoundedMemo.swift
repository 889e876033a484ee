import Foundation

/// A memo of a pure function, safe to share between threads and bounded: it forgets everything
/// when it holds `limit` values, so a long `serve` stays bounded. The function runs outside the
/// lock, so values are made in parallel (two threads may both make a missing one).
package final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    package let limit: Int

    package init(limit: Int) { self.limit = limit }

    package func value(for key: Key, making make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = make()
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[key] = value
        }
        return value
    }

    /// How many values it holds.
    package var count: Int { lock.withLock { values.count } }
}
