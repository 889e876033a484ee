import Diagnostics
import Foundation
import SiteChecks
import SiteModel
import SiteProducers

/// `check`: the same load and checks as `build`, and nothing written.
public struct CheckAction: Sendable {
    public var location: KitLocation
    public var warningsAsErrors: Bool
    public var configRequired: Bool

    public init(location: KitLocation, warningsAsErrors: Bool = false, configRequired: Bool = false) {
        self.location = location
        self.warningsAsErrors = warningsAsErrors
        self.configRequired = configRequired
    }

    public func run() async -> [Diagnostic] { await timedRun().diagnostics }

    /// The same, with the wall time of each stage of the load (`--timings`).
    public func timedRun() async -> (diagnostics: [Diagnostic], timings: [(stage: String, seconds: Double)]) {
        var clock = StageClock()
        let kit = await KitLoader.load(location, configRequired: configRequired, cache: nil, clock: &clock)
        let diagnostics = warningsAsErrors ? kit.diagnostics.promotingWarnings() : kit.diagnostics
        releaseInBackground(kit)
        return (diagnostics, clock.laps)
    }
}
