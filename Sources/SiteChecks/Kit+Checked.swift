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
        diagnostics = all.sorted(by: Diagnostic.ordered)
    }
}

