import Diagnostics
import Markdown

/// Which file includes which, resolved once per kit. Reports missing includes, includes that
/// leave the content folder, and cycles (with the chain that closes them).
package struct IncludeGraph: Sendable {
    /// Content-relative path → the resolved content-relative paths it includes, in order.
    private(set) var edges: [String: [String]] = [:]
    package private(set) var diagnostics: [Diagnostic] = []

    /// Each file's outline, for what it holds (the budgets of what a page expands to): the
    /// kit's own dictionary, shared, not copied.
    package private(set) var outlines: [String: DocumentOutline]
    /// For each file, which of its includes (in document order) resolved: the ones in `edges`.
    private var resolvedIncludes: [String: [Int]] = [:]

    package init(outlines: [String: DocumentOutline]) {
        self.outlines = outlines
        // First resolve every include once; then look for cycles over the resolved edges.
        var located: [(from: String, to: String, at: SourceLocation)] = []
        for path in outlines.keys.sorted() {
            var targets: [String] = []
            var resolvedIndices: [Int] = []
            for (index, include) in outlines[path]!.includes.enumerated() {
                let (target, location) = (include.target, include.location)
                guard let resolved = ContentPath.includeTarget(target, from: path) else {
                    diagnostics.append(.error(.includeOutsideContent, "include '\(target)' is outside the content folder", at: location))
                    continue
                }
                guard outlines[resolved] != nil else {
                    diagnostics.append(.error(.includeMissing, "included file '\(target)' does not exist (looked for '\(resolved)')", at: location))
                    continue
                }
                targets.append(resolved)
                resolvedIndices.append(index)
                located.append((path, resolved, location))
            }
            edges[path] = targets
            resolvedIncludes[path] = resolvedIndices
        }
        // An edge lies on a cycle when both ends are in one strongly connected component: found
        // in one pass, so a chain of thousands of includes costs no search per edge. The
        // shortest chain is printed for the first few edges of each cycle.
        let component = Self.components(edges)
        var chainsShown: [Int: Int] = [:]
        for edge in located {
            guard let group = component[edge.from], group == component[edge.to] else { continue }
            chainsShown[group, default: 0] += 1
            let chain = chainsShown[group]! <= Self.maximumChainsShown ? cycle(from: edge.to, to: edge.from) : nil
            diagnostics.append(.error(.includeCycle, "include cycle: " + (chain ?? [edge.from, edge.to, "…", edge.from]).joined(separator: " → "),
                                      at: edge.at, notes: ["an included file must not include itself, directly or through others"]))
        }
    }

    static let maximumChainsShown = 20

    /// The strongly connected component of each file that lies on a cycle (Tarjan's algorithm,
    /// without recursion); files on no cycle are left out.
    static func components(_ edges: [String: [String]]) -> [String: Int] {
        var index: [String: Int] = [:], low: [String: Int] = [:]
        var onStack: Set<String> = [], stack: [String] = []
        var result: [String: Int] = [:]
        var next = 0, groups = 0
        for root in edges.keys.sorted() where index[root] == nil {
            var work: [(node: String, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack.insert(root)
            while let (node, edge) = work.last {
                let targets = edges[node] ?? []
                if edge < targets.count {
                    work[work.count - 1].edge += 1
                    let target = targets[edge]
                    if index[target] == nil {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        low[node] = min(low[node]!, index[target]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node]!, low[node]!) }
                guard low[node] == index[node] else { continue }
                var members: [String] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    members.append(top)
                    if top == node { break }
                }
                // One file is a cycle only when it includes itself.
                if members.count > 1 || (edges[node] ?? []).contains(node) {
                    for member in members { result[member] = groups }
                    groups += 1
                }
            }
        }
        return result
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
        fold(from: path, memo: &memo) { _, included in min(limit + 1, included.reduce(0) { $0 + 1 + $1 }) }
    }

    /// Every file some file includes.
    package var includedFiles: Set<String> { Set(edges.values.joined()) }

    /// True when `path` includes files or is included by one: its size reaches other pages'
    /// include budgets.
    package func takesPartInIncludes(_ path: String) -> Bool {
        !(edges[path] ?? []).isEmpty || edges.values.contains { $0.contains(path) }
    }

    /// The same graph with outlines cut to what rendering reads (`DocumentOutline.forRendering`).
    mutating func keepOnlyWhatRenderingReads() { outlines = outlines.mapValues(\.forRendering) }

    /// The same graph after the file at `path` was edited (its includes unchanged).
    package mutating func update(_ path: String, to outline: DocumentOutline) { outlines[path] = outline }

    /// The nesting around each include of `path` that resolved, in the order of `edges`.
    private func includeDepths(of path: String) -> [Int] {
        guard let all = outlines[path]?.measure.includeDepths else { return [] }
        return (resolvedIncludes[path] ?? []).map { $0 < all.count ? all[$0] : 0 }
    }

    /// How many Markdown nodes rendering `path` walks with its includes spliced in (a file
    /// included twice counts twice), capped at `limit + 1`; memoised, cycles count once. A few
    /// large files included many times stay under the include count but not under this.
    package func expandedNodes(of path: String, limit: Int, memo: inout [String: Int]) -> Int {
        fold(from: path, memo: &memo) { file, included in min(limit + 1, included.reduce(outlines[file]?.measure.nodes ?? 0, +)) }
    }

    /// What rendering `path` puts out with its includes spliced in: bytes of text, and how many
    /// `{{ name }}` and `{{ groups }}` placeholders it fills (each capped at `limit + 1`).
    package func expandedText(of path: String, limit: Int, memo: inout [String: ExpandedText]) -> ExpandedText {
        fold(from: path, memo: &memo) { file, included in
            let own = (outlines[file]?.measure).map { ExpandedText(bytes: $0.textBytes, placeholders: $0.placeholders, blocks: $0.blocks) } ?? ExpandedText()
            return included.reduce(own) { $0.adding($1, limit: limit) }
        }
    }

    /// How deep quotes, lists and alerts nest in `path` with its includes spliced in (an
    /// include inside a quote nests the included file's quotes one level deeper), and where the
    /// deepest nesting starts in `path` itself; memoised, cycles count once.
    package func expandedDepth(of path: String, memo: inout [String: Int]) -> Int {
        fold(from: path, memo: &memo) { file, included in
            guard let measure = outlines[file]?.measure else { return 0 }
            return zip(includeDepths(of: file), included).reduce(measure.depth) { max($0, $1.0 + $1.1) }
        }
    }

    /// The place in `path` where nesting first goes deeper than `limit`: a quote, list or alert
    /// of the file itself, or an include that leads to one. `tree` gives the file's tree, asked
    /// for only when the file itself nests too deep.
    package func tooDeep(_ path: String, limit: Int, displayPath: String, tree: () -> MarkdownDocument?, memo: inout [String: Int]) -> SourceLocation? {
        // The file's own depth is measured already: walk it only to find the place.
        if outlines[path].map({ $0.measure.depth > limit }) ?? true {
            if let document = tree(), let own = FileMeasure.firstDeeper(than: limit, in: document) { return own }
        }
        let targets = edges[path] ?? [], indices = resolvedIncludes[path] ?? []
        for (k, depth) in includeDepths(of: path).enumerated() where k < targets.count && depth + expandedDepth(of: targets[k], memo: &memo) > limit {
            let includes = outlines[path]?.includes ?? []
            return indices[k] < includes.count ? includes[indices[k]].location : SourceLocation(path: displayPath, line: 1, column: 1)
        }
        return nil
    }

    /// Post-order over the files `start` includes, without recursion (an include chain may be
    /// thousands of files long): `combine` gets each file and the values of the files it
    /// includes, in order. A file already being folded (a cycle, reported elsewhere) counts as
    /// the empty value.
    private func fold<Value>(from start: String, memo: inout [String: Value],
                             combine: (String, [Value]) -> Value) -> Value where Value: EmptyValue {
        if let known = memo[start] { return known }
        var active: Set<String> = [start]
        var stack: [(path: String, next: Int, values: [Value])] = [(start, 0, [])]
        while let top = stack.indices.last {
            let targets = edges[stack[top].path] ?? []
            if stack[top].next < targets.count {
                let target = targets[stack[top].next]
                stack[top].next += 1
                if let known = memo[target] {
                    stack[top].values.append(known)
                } else if active.contains(target) {
                    stack[top].values.append(.empty)
                } else {
                    active.insert(target)
                    stack.append((target, 0, []))
                }
                continue
            }
            let finished = stack.removeLast()
            let value = combine(finished.path, finished.values)
            memo[finished.path] = value
            active.remove(finished.path)
            if let parent = stack.indices.last { stack[parent].values.append(value) }
        }
        return memo[start] ?? .empty
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
