import SiteModel

/// A plan's outputs in groups rendered together, in the order of each group's first output: a
/// page's HTML and its chat texts form one group (they share the page's resolved links), every
/// other output is a group of its own. Held as indices into the plan's outputs, so grouping a
/// 100,000-page plan copies no output.
package struct RenderUnits: Sendable {
    /// Indices into the outputs, each group's together.
    private let order: [Int]
    /// Where each group starts in `order`.
    private let starts: [Int]

    /// `deferred` outputs come last, each on its own (the search files, whose index is made
    /// while the pages render).
    package init(_ outputs: [PlannedOutput], deferring deferred: (PlannedOutput) -> Bool = { _ in false }) {
        var members: [[Int]] = []
        var unitOfPage: [String: Int] = [:]
        var last: [Int] = []
        // Each group's place: a page's (its members grow as its outputs come) or an output alone.
        enum Place { case page(Int), alone(Int) }
        var places: [Place] = []
        for (index, output) in outputs.enumerated() {
            if deferred(output) { last.append(index); continue }
            guard let source = output.pageSource else {
                places.append(.alone(index))
                continue
            }
            let key = (output.language ?? "") + "\u{0}" + source
            if let unit = unitOfPage[key] {
                members[unit].append(index)
            } else {
                unitOfPage[key] = members.count
                places.append(.page(members.count))
                members.append([index])
            }
        }
        var order: [Int] = [], starts: [Int] = []
        order.reserveCapacity(outputs.count)
        for place in places {
            starts.append(order.count)
            switch place {
            case .page(let unit): order += members[unit]
            case .alone(let index): order.append(index)
            }
        }
        for index in last {
            starts.append(order.count)
            order.append(index)
        }
        (self.order, self.starts) = (order, starts)
    }

    package var count: Int { starts.count }

    /// The indices of group `number`'s outputs.
    package subscript(number: Int) -> ArraySlice<Int> {
        order[starts[number]..<(number + 1 < starts.count ? starts[number + 1] : order.count)]
    }
}

extension PlannedOutput {
    /// The page whose HTML or chat text this is.
    var pageSource: String? {
        switch producer {
        case .pageHTML(let source), .pageText(let source, _): source
        default: nil
        }
    }
}
