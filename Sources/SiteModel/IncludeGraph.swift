import Diagnostics
import Markdown

/// Which file includes which, resolved once per kit. Reports missing includes, includes that
/// leave the content folder, and cycles (with the chain that closes them).
package struct IncludeGraph: Sendable {
    /// Content-relative path → the resolved content-relative paths it includes, in order.
    private(set) var edges: [String: [String]] = [:]
    package private(set) var diagnostics: [Diagnostic] = []

    /// Nodes of each file, for the budget of what a page expands to.
    private var nodeCounts: [String: Int] = [:]

    package init(documents: [String: MarkdownDocument]) {
        nodeCounts = documents.mapValues(\.nodes.count)
        // First resolve every include once; then look for cycles over the resolved edges.
        var located: [(from: String, to: String, at: SourceLocation)] = []
        for path in documents.keys.sorted() {
            guard let document = documents[path] else { continue }
            var targets: [String] = []
            for (target, location) in Self.includes(in: document) {
                guard let resolved = ContentPath.includeTarget(target, from: path) else {
                    diagnostics.append(.error(.includeOutsideContent, "include '\(target)' is outside the content folder", at: location))
                    continue
                }
                guard documents[resolved] != nil else {
                    diagnostics.append(.error(.includeMissing, "included file '\(target)' does not exist (looked for '\(resolved)')", at: location))
                    continue
                }
                targets.append(resolved)
                located.append((path, resolved, location))
            }
            edges[path] = targets
        }
        for edge in located {
            if let chain = cycle(from: edge.to, to: edge.from) {
                diagnostics.append(.error(.includeCycle, "include cycle: " + chain.joined(separator: " → "), at: edge.at,
                                          notes: ["an included file must not include itself, directly or through others"]))
            }
        }
    }

    /// Every `[!INCLUDE]` of a document, as written, with its position.
    package static func includes(in document: MarkdownDocument) -> [(target: String, location: SourceLocation)] {
        document.nodes.enumerated().compactMap { index, node in
            switch node.kind {
            case .include(let target, _), .inlineInclude(let target, _): (target, document.location(of: NodeID(index)))
            default: nil
            }
        }
    }

    /// The shortest chain `start → target → … → start`, if `target` leads back to `start`
    /// (breadth-first, so the chain printed is the shortest one).
    private func cycle(from target: String, to start: String) -> [String]? {
        var parent: [String: String] = [:]
        var visited: Set<String> = [target]
        var queue = [target]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if current == start {
                var chain = [current]
                var node = current
                while let p = parent[node] { chain.append(p); node = p }
                return [start] + chain.reversed()
            }
            for next in edges[current] ?? [] where !visited.contains(next) {
                visited.insert(next)
                parent[next] = current
                queue.append(next)
            }
        }
        return nil
    }

    /// How many include expansions rendering `path` takes (a file included twice counts
    /// twice), capped at `limit + 1`; memoised over the graph, cycles count once.
    package func expansions(of path: String, limit: Int, memo: inout [String: Int]) -> Int {
        if let known = memo[path] { return known }
        memo[path] = 0 // a cycle (reported elsewhere) stops here
        var total = 0
        for target in edges[path] ?? [] {
            total += 1 + expansions(of: target, limit: limit, memo: &memo)
            if total > limit { total = limit + 1; break }
        }
        memo[path] = total
        return total
    }

    /// True when `path` includes files or is included by one: its size reaches other pages'
    /// include budgets.
    package func takesPartInIncludes(_ path: String) -> Bool {
        !(edges[path] ?? []).isEmpty || edges.values.contains { $0.contains(path) }
    }

    /// The same graph after `path` was edited to hold `count` nodes (its includes unchanged).
    package mutating func updateNodeCount(of path: String, to count: Int) { nodeCounts[path] = count }

    /// How many Markdown nodes rendering `path` walks with its includes spliced in (a file
    /// included twice counts twice), capped at `limit + 1`; memoised, cycles count once. A few
    /// large files included many times stay under the include count but not under this.
    package func expandedNodes(of path: String, limit: Int, memo: inout [String: Int]) -> Int {
        if let known = memo[path] { return known }
        memo[path] = 0 // a cycle (reported elsewhere) stops here
        var total = nodeCounts[path] ?? 0
        for target in edges[path] ?? [] where total <= limit {
            total += expandedNodes(of: target, limit: limit, memo: &memo)
        }
        memo[path] = min(total, limit + 1)
        return memo[path]!
    }

    /// Every file `path` pulls in, directly or through other includes.
    func transitiveIncludes(of path: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = edges[path] ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: edges[next] ?? [])
        }
        return seen
    }
}
