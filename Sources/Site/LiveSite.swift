import Diagnostics
import Foundation
import SiteChecks
import SiteModel
import SiteProducers

/// A site kept in memory and brought up to date edit by edit (`serve`). After a change it
/// patches or reloads the kit (only changed files are parsed again), asks the plan which
/// outputs the change made stale, re-renders those that browsers have opened, and reports which
/// of them really changed, so browsers showing anything else are left alone. Outputs nobody
/// opened are rendered when first asked for.
public actor LiveSite {
    public let location: KitLocation
    private let cache = ParseCache()
    private var kit: Kit?
    private var site: RenderedSite?
    /// After a failed update, the kit and site are the last good ones, older than the files:
    /// the next update loads everything anew.
    private var behind = false

    public init(location: KitLocation) {
        self.location = location
    }

    public struct Update: Sendable {
        public var diagnostics: [Diagnostic]
        /// The last good site (after a failed rebuild, the one before it).
        public var site: RenderedSite?
        /// Output paths the plan says the change made stale.
        public var stale: Set<String>
        /// Opened output paths whose bytes changed, appeared or disappeared.
        public var changed: Set<String>
        /// How many opened outputs were rendered again.
        public var rendered: Int
        public var seconds: Double
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Files the site reads, as absolute paths: the watcher's list (the logo and the groups
    /// file may move with an edit of the config).
    public var watchedFiles: [URL] {
        [location.config] + [kit?.config.organization.logo, kit?.config.groupsFile].compactMap { $0 }
            .map { location.kit.appendingPathComponent($0).standardizedFileURL }
    }

    /// Brings the site up to date after `changedFiles` (absolute paths) changed; nil means
    /// anything may have changed (the first build, or a watcher that lost events).
    public func update(changedFiles reported: Set<String>?) async -> Update {
        let changedFiles = behind ? nil : reported
        let started = DispatchTime.now()
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }
        let relevant = changedFiles.map(relevantChanges)
        if let relevant, relevant.markdown.isEmpty, relevant.other.isEmpty, kit != nil {
            // Only files the kit does not read (hidden files, editors' swap files).
            return Update(diagnostics: kit?.diagnostics ?? [], site: site, stale: [], changed: [], rendered: 0, seconds: seconds())
        }
        var new: Kit?
        if let kit, let edited = relevant?.markdown, relevant?.other.isEmpty == true {
            let parsed = await KitReader.parseAll(edited, location: location, cache: cache)
            new = kit.updating(Dictionary(parsed, uniquingKeysWith: { first, _ in first }))
        }
        let next: Kit
        if let new { next = new } else { next = await KitLoader.load(location, cache: cache, posterExport: []) }
        behind = next.diagnostics.hasErrors
        guard !next.diagnostics.hasErrors else {
            return Update(diagnostics: next.diagnostics, site: site, stale: [], changed: [], rendered: 0, seconds: seconds())
        }
        let stale = staleOutputs(old: kit, new: next, changedFiles: changedFiles, edited: new != nil ? relevant?.markdown ?? [] : nil)
        let stalePaths = Set(stale.map(\.path))
        // What browsers opened carries over; what the edit made stale is rendered again now.
        let opened = site?.renderedOutputs ?? [:]
        var carried = opened.filter { next.plan[$0.key] != nil && !stalePaths.contains($0.key) }
        var changed = Set(opened.keys.filter { next.plan[$0] == nil })
        let context = RenderContext(kit: next)
        // Outputs made from every page (the search index) wait until asked for again: rebuilding
        // them after each edit would cost as much as the whole kit, and no page reloads for them.
        let again = stale.filter { opened[$0.path] != nil && !$0.producer.readsEveryPage }
        let rendered = await parallelMap(again, chunk: 4) { ($0.path, SiteRenderer.contents(of: $0, context: context)) }
        for (path, contents) in rendered {
            // A copied file is named by its source, so a stale one always counts as changed.
            if case .copy = contents { changed.insert(path) } else if opened[path] != contents { changed.insert(path) }
            carried[path] = contents
        }
        if kit.map({ !$0.plan.isSame(as: next.plan) }) ?? true { next.plan.prepareForUpdates() }
        kit = next
        site = RenderedSite(kit: next, context: context, carrying: carried)
        return Update(diagnostics: next.diagnostics, site: site, stale: stalePaths, changed: changed, rendered: rendered.count, seconds: seconds())
    }

    /// The changed files the kit reads: Markdown in the content folder by content-relative
    /// path, and any other input (config, templates, logo, other content files). Hidden files
    /// and files elsewhere are not inputs.
    private func relevantChanges(_ paths: Set<String>) -> (markdown: [String], other: [String]) {
        let content = location.content.path + "/", templates = location.templates.path + "/"
        let named = Set(watchedFiles.map(\.path))
        var markdown: [String] = [], other: [String] = []
        for path in paths.sorted() {
            if named.contains(path) { other.append(path); continue }
            let inContent = path.hasPrefix(content), inTemplates = path.hasPrefix(templates)
            guard inContent || inTemplates else { continue }
            let relative = String(path.dropFirst(inContent ? content.count : templates.count))
            if ContentPath.components(relative).contains(where: { $0.hasPrefix(".") }) { continue }
            if inContent, relative.lowercased().hasSuffix(".md"), kit?.outlines[relative] != nil {
                markdown.append(relative)
            } else if inContent, !FileManager.default.fileExists(atPath: path), kit?.assets.contains(relative) == false {
                // Created and gone again within the batch: an editor's or sed's temporary file.
                continue
            } else {
                other.append(path)
            }
        }
        return (markdown, other)
    }

    /// Everything, unless the old site's outputs are the same set and the change is known:
    /// then the outputs whose inputs changed, including the titles that changed. `edited` names
    /// the Markdown files of a patched kit, the only pages whose titles can have changed.
    private func staleOutputs(old: Kit?, new: Kit, changedFiles: Set<String>?, edited: [String]?) -> [PlannedOutput] {
        guard let old, let changedFiles else { return new.plan.outputs }
        var inputs = Set(changedFiles.map { PlanInput.file(location.displayPath(URL(fileURLWithPath: $0))) })
        let retitled: [String]
        if let edited {
            // A patched kit has the same outputs, and only the edited pages can have new titles.
            retitled = edited.filter { old.page(at: $0)?.title != new.page(at: $0)?.title }
        } else {
            // Both plans are sorted by path.
            guard old.plan.outputs.lazy.map(\.path).elementsEqual(new.plan.outputs.lazy.map(\.path)), old.toc?.files == new.toc?.files
            else { return new.plan.outputs }
            retitled = new.pages.filter { old.page(at: $0.source)?.title != $0.title }.map(\.source)
        }
        inputs.formUnion(retitled.map(PlanInput.title))
        let stale = new.plan.outputs(dependingOn: inputs)
        guard !old.plan.isSame(as: new.plan) else { return stale }
        // New titles that sort elsewhere also change what pages around the old and new places
        // show (other neighbours, another window of siblings) without any title they show
        // changing.
        // (With several languages, each has a navigation of its own: everything may differ.)
        guard !new.languages.isMultilingual, let moved = new.navigation.pagesShownDifferently(than: old.navigation) else { return new.plan.outputs }
        let known = Set(stale.map(\.path))
        return stale + moved.sorted().compactMap { new.page(at: $0).flatMap { new.plan[$0.output] } }.filter { !known.contains($0.path) }
    }
}
