import Diagnostics
import Foundation

/// `build`: load and check the kit, render it, write it atomically. Refuses to write when
/// anything is an error.
public struct BuildAction: Sendable {
    public var location: KitLocation
    public var output: URL
    /// Treat warnings as errors.
    public var strict: Bool
    public var configRequired: Bool
    /// Parsed files kept between builds (`serve`).
    public var cache: ParseCache?

    public init(location: KitLocation, output: URL? = nil, strict: Bool = false, configRequired: Bool = false, cache: ParseCache? = nil) {
        self.cache = cache
        self.location = location
        self.output = (output ?? location.kit.appendingPathComponent("_site")).standardizedFileURL
        self.strict = strict
        self.configRequired = configRequired
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var tree: OutputTree?
        /// Wall time of each named stage, in order (`--timings`).
        public var timings: [(stage: String, seconds: Double)] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Loads, checks and renders without writing (`serve` and tests use this).
    public func render() async -> Result {
        let writer = SiteWriter(output: output, location: location)
        if let refusal = writer.refusal() { return Result(diagnostics: [refusal], tree: nil) }
        var clock = StageClock()
        let kit = await KitLoader.load(location, configRequired: configRequired, cache: cache)
        clock.lap("load and check")
        var diagnostics = strict ? kit.diagnostics.promotingWarnings() : kit.diagnostics
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, tree: nil, timings: clock.laps) }
        let (tree, problems) = await SiteRenderer.render(kit)
        clock.lap("render")
        diagnostics += problems
        return Result(diagnostics: diagnostics, tree: diagnostics.hasErrors ? nil : tree, timings: clock.laps)
    }

    public func run() async -> Result {
        var result = await render()
        guard result.succeeded, let tree = result.tree else { return result }
        var clock = StageClock()
        result.diagnostics += SiteWriter(output: output, location: location).write(tree)
        clock.lap("write")
        result.timings += clock.laps
        return result
    }
}

/// Wall-clock laps for `--timings`; never part of the output.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
