import Foundation

/// `transform` over `items` on every core, in chunks (one task per item costs more than a
/// small page takes to render), results in order. A few chunks per core are in flight at a
/// time, the next added as one finishes: a 100,000-page build would otherwise hold tens of
/// thousands of tasks from the start.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 32, _ transform: @escaping @Sendable (T) -> R) async -> [R] {
    let chunks = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
    let window = max(4, 4 * ProcessInfo.processInfo.activeProcessorCount)
    return await withTaskGroup(of: (Int, [R]).self) { group in
        var next = 0
        func addNext() {
            guard next < chunks.count else { return }
            let (number, range) = (next, chunks[next])
            group.addTask { (number, items[range].map(transform)) }
            next += 1
        }
        for _ in 0..<min(window, chunks.count) { addNext() }
        var results = [[R]](repeating: [], count: chunks.count)
        while let (number, rendered) = await group.next() {
            results[number] = rendered
            addNext()
        }
        return results.flatMap { $0 }
    }
}
