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

    func target(_ key: Key, resolve: () -> LinkTarget) -> LinkTarget {
        if let known = lock.withLock({ targets[key] }) { return known }
        let target = resolve()
        lock.withLock { targets[key] = target }
        return target
    }

    func relativeURL(_ key: Key, make: () -> String) -> String {
        if let known = lock.withLock({ relative[key] }) { return known }
        let url = make()
        lock.withLock { relative[key] = url }
        return url
    }

    func absoluteURL(_ key: Key, make: () -> String?) -> String? {
        if let known = lock.withLock({ absolute[key] }) { return known }
        let url = make()
        lock.withLock { absolute[key] = .some(url) }
        return url
    }
}
