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
        // Units of several outputs are pages; the rest keep their place by a marker.
        var sequence: [(unit: Int, single: Int)] = []
        for (index, output) in outputs.enumerated() {
            if deferred(output) { last.append(index); continue }
            guard let source = output.pageSource else {
                sequence.append((-1, index))
                continue
            }
            let key = (output.language ?? "") + "\u{0}" + source
            if let unit = unitOfPage[key] {
                members[unit].append(index)
            } else {
                unitOfPage[key] = members.count
                sequence.append((members.count, -1))
                members.append([index])
            }
        }
        var order: [Int] = [], starts: [Int] = []
        order.reserveCapacity(outputs.count)
        for entry in sequence {
            starts.append(order.count)
            if entry.unit >= 0 { order += members[entry.unit] } else { order.append(entry.single) }
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
