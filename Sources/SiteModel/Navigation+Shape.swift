extension Navigation {
    /// True when both trees hold the same items in the same places, whatever their titles say.
    /// A plan's inputs name which titles each page shows (its branch, previous and next), never
    /// what they say, so a new title that keeps the shape keeps the plan.
    package func hasSameShape(as other: Navigation) -> Bool {
        guard items.count == other.items.count, roots == other.roots else { return false }
        return zip(items, other.items).allSatisfy { $0.target == $1.target && $0.parent == $1.parent && $0.titleSource == $1.titleSource }
    }

    /// The pages whose sidebar or previous and next may show something else than under `old`,
    /// a tree of the same items in which pages were sorted into other places (new titles that
    /// moved): every page in a folder whose pages are in another order, and the pages around
    /// each place where the reading order changed. Nil when the trees differ more: any page may.
    package func pagesShownDifferently(than old: Navigation) -> Set<String>? {
        guard items.count == old.items.count, order.count == old.order.count else { return nil }
        // Folders whose children changed order (-1 for the top level, which every page shows).
        var reordered = Set<Int>()
        for index in items.indices where items[index].target != old.items[index].target || items[index].titleSource != old.items[index].titleSource {
            guard items[index].parent == old.items[index].parent else { return nil }
            reordered.insert(items[index].parent ?? -1)
        }
        if reordered.contains(-1) { return Set(order) }
        var pages = Set<String>()
        var stack = Array(reordered)
        while let index = stack.popLast() {
            if case .page(let source)? = items[index].target { pages.insert(source) }
            stack += items[index].children
        }
        for k in order.indices where order[k] != old.order[k] {
            pages.formUnion(order[max(0, k - 1)...min(order.count - 1, k + 1)])
        }
        return pages
    }
}
