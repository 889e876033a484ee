import Diagnostics
import SiteModel
import SiteProducers

extension Kit {
    /// Runs every check and gathers all problems, sorted.
    package func checked() async -> Kit {
        var kit = self
        kit.findings = await KitChecks.run(kit)
        kit.assemble()
        return kit
    }

    package mutating func assemble() {
        var all = loadDiagnostics + parseDiagnostics.values.flatMap { $0 }
        all += findings.documents.values.flatMap(\.diagnostics) + findings.kit
        all += KitChecks.checkChatLinks(self, documents: findings.documents)
        diagnostics = Self.oncePerTarget(all.sorted(by: Diagnostic.ordered))
    }

    /// One `link.root-relative` or `link.xref` finding per distinct target, at its first use,
    /// noting how many more links there are to it: a docs set repeats the same few on every page.
    static func oncePerTarget(_ sorted: [Diagnostic]) -> [Diagnostic] {
        let reportedOnce: Set<DiagnosticID> = [.linkRootRelative, .linkCrossReference]
        var repeats: [String: Int] = [:]
        for diagnostic in sorted where reportedOnce.contains(diagnostic.id) { repeats[diagnostic.message, default: 0] += 1 }
        guard repeats.values.contains(where: { $0 > 1 }) else { return sorted }
        var seen: Set<String> = []
        return sorted.compactMap { diagnostic in
            guard reportedOnce.contains(diagnostic.id) else { return diagnostic }
            guard seen.insert(diagnostic.message).inserted else { return nil }
            var first = diagnostic
            if let count = repeats[diagnostic.message], count > 1 { first.notes.insert("\(count - 1) more link(s) to it are not reported", at: 0) }
            return first
        }
    }
}

