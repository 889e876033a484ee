/// `transform` over `items` on every core, in chunks (one task per item costs more than a
/// small page takes to render), results in order.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 32, _ transform: @escaping @Sendable (T) -> R) async -> [R] {
    let chunks = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
    return await withTaskGroup(of: (Int, [R]).self) { group in
        for (number, range) in chunks.enumerated() {
            group.addTask { (number, items[range].map(transform)) }
        }
        var results = [[R]](repeating: [], count: chunks.count)
        for await (number, rendered) in group { results[number] = rendered }
        return results.flatMap { $0 }
    }
}
