extension Navigation {
    /// True when both trees hold the same items in the same places, whatever their titles say.
    /// A plan's inputs name which titles each page shows (its branch, previous and next), never
    /// what they say, so a new title that keeps the shape keeps the plan.
    package func hasSameShape(as other: Navigation) -> Bool {
        guard items.count == other.items.count, roots == other.roots else { return false }
        return zip(items, other.items).allSatisfy { $0.target == $1.target && $0.parent == $1.parent && $0.titleSource == $1.titleSource }
    }
}
