import Diagnostics
import Foundation
import KitConfig
import SiteChecks
import SiteModel
import SiteProducers

/// Loads a kit and runs every check: what `check` reports and `build` and `serve` start from.
public enum KitLoader {
    /// - Parameter cache: parsed files from an earlier load of the same kit (`serve`); only
    ///   files that changed since are parsed again.
    /// - Parameter posterExport: poster formats to export instead of what `posters.export` says.
    /// - Parameter treeBudget: bytes of pages whose trees the kit keeps (`KitReader.read`);
    ///   unlimited with a cache, which holds them anyway.
    public static func load(_ location: KitLocation, configRequired: Bool = false, cache: ParseCache? = nil,
                            posterExport: [KitConfig.PosterSettings.ExportFormat]? = nil, treeBudget: Int? = nil) async -> Kit {
        var clock = StageClock()
        return await load(location, configRequired: configRequired, cache: cache, posterExport: posterExport, treeBudget: treeBudget, clock: &clock)
    }

    /// The same, with a lap per stage on `clock` (`--timings`).
    static func load(_ location: KitLocation, configRequired: Bool, cache: ParseCache?, posterExport: [KitConfig.PosterSettings.ExportFormat]? = nil,
                     treeBudget: Int? = nil, clock: inout StageClock) async -> Kit {
        let budget = cache == nil ? treeBudget ?? KitReader.keptTreesBudget : .max
        let kit = await KitReader.read(location, configRequired: configRequired, cache: cache, posterExport: posterExport,
                                       treeBudget: budget, clock: &clock)
        let checked = await kit.checked()
        clock.lap("checks")
        return checked
    }
}
