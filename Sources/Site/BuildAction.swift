import Diagnostics
import Foundation
import KitConfig
import SiteChecks
import SiteModel
import SiteProducers

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
    /// Poster formats to export instead of what `posters.export` says (`--export`).
    public var posterExport: [KitConfig.PosterSettings.ExportFormat]?
    /// Bytes of pages whose trees the kit keeps while it renders; nil for the default
    /// (`KitReader.keptTreesBudget`). Past it each page is parsed again where it renders.
    package var treeBudget: Int?

    public init(location: KitLocation, output: URL? = nil, strict: Bool = false, configRequired: Bool = false, cache: ParseCache? = nil,
                posterExport: [KitConfig.PosterSettings.ExportFormat]? = nil) {
        self.cache = cache
        self.posterExport = posterExport
        self.location = location
        self.output = (output ?? location.kit.appendingPathComponent("_site")).standardizedFileURL
        self.strict = strict
        self.configRequired = configRequired
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// The rendered site, from `render()` only; `run()` writes as it renders and keeps none.
        public var tree: OutputTree?
        /// What was (or would have been) written.
        public var plan: BuildPlan?
        /// Wall time of each named stage, in order (`--timings`).
        public var timings: [(stage: String, seconds: Double)] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Loads and checks; the kit is nil when there are errors (`--strict` counts warnings).
    func load(_ clock: inout StageClock) async -> (Kit?, [Diagnostic]) {
        let writer = SiteWriter(output: output, location: location)
        if let refusal = writer.refusal() { return (nil, [refusal]) }
        let kit = await KitLoader.load(location, configRequired: configRequired, cache: cache, posterExport: posterExport, treeBudget: treeBudget,
                                       clock: &clock)
        let diagnostics = strict ? kit.diagnostics.promotingWarnings() : kit.diagnostics
        return (diagnostics.hasErrors ? nil : kit, diagnostics)
    }

    /// Loads, checks and renders in memory without writing (`serve` and tests use this).
    public func render() async -> Result {
        var clock = StageClock()
        let (kit, diagnostics) = await load(&clock)
        guard let kit else { return Result(diagnostics: diagnostics, tree: nil, timings: clock.laps) }
        let tree = await SiteRenderer.render(kit)
        clock.lap("render")
        return Result(diagnostics: diagnostics, tree: tree, plan: kit.plan, timings: clock.laps)
    }

    /// Loads, checks, then renders and writes every output as it is rendered, atomically.
    public func run(progress: BuildProgress? = nil) async -> Result {
        var clock = StageClock()
        let (loaded, diagnostics) = await load(&clock)
        guard let checked = loaded else { return Result(diagnostics: diagnostics, tree: nil, timings: clock.laps) }
        // What only the checks read goes before the pages render; the checked kit is freed on
        // a thread of its own.
        let kit = checked.forRendering()
        releaseInBackground(checked)
        progress?.begin("Writing", total: kit.plan.outputs.count)
        let context = RenderContext(kit: kit)
        let problems = await SiteWriter(output: output, location: location).write(kit, context: context, progress: progress)
        progress?.finish()
        clock.lap("render and write")
        // Made while other outputs render, so it is part of the lap above, not after it.
        if let seconds = context.searchIndex.buildSeconds { clock.note("of which search index", seconds: seconds) }
        let plan = kit.plan
        releaseInBackground((kit, context))
        return Result(diagnostics: diagnostics + problems, tree: nil, plan: plan, timings: clock.laps)
    }
}
