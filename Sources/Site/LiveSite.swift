import Diagnostics
import Foundation

/// A site kept in memory and brought up to date edit by edit (`serve`). After a change it
/// reloads the kit (only changed files are parsed again), asks the plan which outputs the
/// change made stale, re-renders just those, and reports which outputs' bytes really changed,
/// so browsers showing anything else are left alone.
public actor LiveSite {
    public let location: KitLocation
    private let cache = ParseCache()
    private var kit: Kit?
    private var tree: OutputTree?

    public init(location: KitLocation) {
        self.location = location
    }

    public struct Update: Sendable {
        public var diagnostics: [Diagnostic]
        /// The last good site (after a failed rebuild, the one before it).
        public var tree: OutputTree?
        /// Output paths whose bytes changed, appeared or disappeared.
        public var changed: Set<String>
        /// How many outputs were rendered again.
        public var rendered: Int
        public var seconds: Double
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Files the site reads, as absolute paths: the watcher's list (the logo may move with an
    /// edit of the config).
    public var watchedFiles: [URL] {
        [location.config] + (kit?.config.organization.logo.map { [location.kit.appendingPathComponent($0).standardizedFileURL] } ?? [])
    }

    /// Brings the site up to date after `changedFiles` (absolute paths) changed; nil means
    /// anything may have changed (the first build, or a watcher that lost events).
    public func update(changedFiles: Set<String>?) async -> Update {
        let started = DispatchTime.now()
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }
        let new = await KitLoader.load(location, cache: cache)
        guard !new.diagnostics.hasErrors else {
            return Update(diagnostics: new.diagnostics, tree: tree, changed: [], rendered: 0, seconds: seconds())
        }
        let context = RenderContext(kit: new)
        let stale = staleOutputs(old: kit, new: new, changedFiles: changedFiles)
        let rendered = await SiteRenderer.render(stale, of: new, context: context)
        var changed: Set<String> = []
        var files: [String: OutputTree.File] = [:]
        for file in tree?.files ?? [] where new.plan[file.path] != nil { files[file.path] = file }
        changed.formUnion(Set(tree?.files.map(\.path) ?? []).subtracting(new.plan.paths))
        for file in rendered {
            if files[file.path]?.contents != file.contents { changed.insert(file.path) }
            files[file.path] = file
        }
        kit = new
        tree = OutputTree(files: Array(files.values))
        return Update(diagnostics: new.diagnostics, tree: tree, changed: changed, rendered: rendered.count, seconds: seconds())
    }

    /// Everything, unless the old site's outputs are the same set and the change is known:
    /// then the outputs whose inputs changed, including the titles that changed.
    private func staleOutputs(old: Kit?, new: Kit, changedFiles: Set<String>?) -> [PlannedOutput] {
        guard let old, let changedFiles, old.plan.paths == new.plan.paths, old.toc?.path == new.toc?.path else {
            return new.plan.outputs
        }
        var inputs = Set(changedFiles.map { PlanInput.file(location.displayPath(URL(fileURLWithPath: $0))) })
        for page in new.pages where old.page(at: page.source)?.title != page.title { inputs.insert(.title(page.source)) }
        return new.plan.outputs(dependingOn: inputs)
    }
}
