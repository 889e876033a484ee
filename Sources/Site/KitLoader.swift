import Diagnostics
import Foundation
import SiteChecks
import SiteModel
import SiteProducers

/// Loads a kit and runs every check: what `check` reports and `build` and `serve` start from.
public enum KitLoader {
    /// - Parameter cache: parsed files from an earlier load of the same kit (`serve`); only
    ///   files that changed since are parsed again.
    public static func load(_ location: KitLocation, configRequired: Bool = false, cache: ParseCache? = nil) async -> Kit {
        var clock = StageClock()
        return await load(location, configRequired: configRequired, cache: cache, clock: &clock)
    }

    /// The same, with a lap per stage on `clock` (`--timings`).
    static func load(_ location: KitLocation, configRequired: Bool, cache: ParseCache?, clock: inout StageClock) async -> Kit {
        let kit = await KitReader.read(location, configRequired: configRequired, cache: cache, clock: &clock)
        let checked = await kit.checked()
        clock.lap("checks")
        return checked
    }
}
