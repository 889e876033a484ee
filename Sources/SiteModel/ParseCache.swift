import Foundation
import KitConfig
import Markdown

/// Parsed Markdown kept between builds of the same kit (`serve`): a file whose size and
/// modification time are unchanged is not read or parsed again, so a rebuild parses only what
/// changed.
public final class ParseCache: @unchecked Sendable {
    // Guarded by `lock`; entries are immutable values.
    private var entries: [String: (stamp: Stamp, parsed: KitReader.Parsed)] = [:]
    private let lock = NSLock()

    package struct Stamp: Equatable {
        var size: Int
        var modified: Double
    }

    public init() {}

    static func stamp(of url: URL) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        // Milliseconds: finer than any editor saves twice, coarse enough to survive the
        // rounding of file system timestamps through `Date`.
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Stamp(size: (attributes[.size] as? NSNumber)?.intValue ?? -1, modified: (modified * 1000).rounded())
    }

    func cached(_ path: String, stamp: Stamp) -> KitReader.Parsed? {
        lock.withLock { entries[path].flatMap { $0.stamp == stamp ? $0.parsed : nil } }
    }

    func store(_ path: String, stamp: Stamp, parsed: KitReader.Parsed) {
        lock.withLock { entries[path] = (stamp, parsed) }
    }

    /// How many files the cache holds (for tests).
    public var count: Int { lock.withLock { entries.count } }
}
