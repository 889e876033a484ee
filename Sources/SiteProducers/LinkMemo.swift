import Foundation
import SiteModel

/// The URLs one page's links became, kept while that page's outputs render: its HTML and each
/// chat flavour ask for the same links, and resolving one (path arithmetic, set lookups, then
/// a relative or absolute URL) costs several times a lookup here. One per page, so memory holds
/// one page's links at a time.
final class LinkMemo: @unchecked Sendable {
    struct Key: Hashable {
        let destination: String
        /// The file the link is written in: the page or one of its includes.
        let source: String
    }

    // Guarded by `lock`. The outputs of a page render on one task, so it is seldom contended.
    private var targets: [Key: LinkTarget] = [:]
    private var relative: [Key: String] = [:]
    private var absolute: [Key: String?] = [:]
    private let lock = NSLock()

    func target(_ key: Key, resolve: () -> LinkTarget) -> LinkTarget { value(key, in: \.targets, make: resolve) }

    func relativeURL(_ key: Key, make: () -> String) -> String { value(key, in: \.relative, make: make) }

    func absoluteURL(_ key: Key, make: () -> String?) -> String? { value(key, in: \.absolute, make: make) }

    /// `table[key]`, made (outside the lock: making may ask for another entry) when missing.
    private func value<Value>(_ key: Key, in table: ReferenceWritableKeyPath<LinkMemo, [Key: Value]>, make: () -> Value) -> Value {
        if let known = lock.withLock({ self[keyPath: table][key] }) { return known }
        let value = make()
        lock.withLock { self[keyPath: table][key] = value }
        return value
    }
}
