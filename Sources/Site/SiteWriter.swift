import BrowserExport
import Diagnostics
import Foundation
import KitConfig
import SiteChecks
import SiteModel
import SiteProducers

/// Writes an `OutputTree` to a folder atomically: everything goes into a temporary sibling
/// folder, which replaces the old output only when complete. Files the previous build did not
/// write (its manifest says which) are carried over, never deleted.
public struct SiteWriter {
    public let output: URL
    public let location: KitLocation

    public init(output: URL, location: KitLocation) {
        // Write where a symlinked output folder really points, so the swap replaces the
        // target's contents and the link itself stays.
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.location = location
    }

    /// Why `output` must not be written to, or nil when it is safe.
    public func refusal() -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().path
        func refuse(_ reason: String) -> Diagnostic {
            .error(.outputUnsafe, "refusing to write the site to '\(output.path)': \(reason)", at: nil)
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if out == "/" { return refuse("it is the root folder") }
        if out == home { return refuse("it is the home folder") }
        let kit = location.kit.resolvingSymlinksInPath().path
        if KitLocation.isSameOrInside(kit, out) { return refuse("it is the kit folder or contains it") }
        for (name, folder) in [("content", location.content), ("templates", location.templates)] {
            let path = folder.resolvingSymlinksInPath().path
            if KitLocation.isSameOrInside(path, out) { return refuse("it holds the \(name) folder") }
            if KitLocation.isSameOrInside(out, path) { return refuse("it is inside the \(name) folder") }
        }
        return nil
    }

    /// Renders the kit's plan and writes each output as soon as it is rendered, on every core,
    /// into a staging folder that replaces the old output only when complete. Peak memory is a
    /// few outputs per core, whatever the kit's size. On any failure the previous output is
    /// left as it was.
    public func write(_ kit: Kit, progress: BuildProgress? = nil) async -> [Diagnostic] {
        await write(kit, context: RenderContext(kit: kit), progress: progress)
    }

    /// The same with `context`, which the caller keeps to read what the build cost (`--timings`).
    package func write(_ kit: Kit, context: RenderContext, progress: BuildProgress? = nil) async -> [Diagnostic] {
        await write(kit.plan, progress: progress, starting: { context.searchIndex.prepare(for: kit.plan, kit: kit, context: context) }) {
            SiteRenderer.contents(ofUnit: $0, context: context)
        }
    }

    /// Whether the plan has posters for a browser to print (`posters.export`).
    static func printsPosters(_ plan: BuildPlan) -> Bool {
        plan.outputs.contains { output in
            switch output.producer {
            case .posterExport, .allPostersPDF: true
            default: false
            }
        }
    }

    /// Writes the outputs of `plan`, each group of `RenderUnits` produced by `produce` (called
    /// in parallel, one result per output), after `starting` (once the staging folder is ready,
    /// so work it starts is never wasted on a build that cannot write).
    func write(_ plan: BuildPlan, progress: BuildProgress? = nil, starting: () -> Void = {},
               produce: @escaping @Sendable ([PlannedOutput]) -> [OutputTree.Contents]) async -> [Diagnostic] {
        if let refusal = refusal() { return [refusal] }
        // Started before anything is written, so a missing browser costs nothing and writes nothing.
        var browser: HeadlessBrowser?
        if Self.printsPosters(plan) {
            do {
                browser = try HeadlessBrowser()
            } catch {
                return [.error(.posterExport, "cannot export posters (posters.export in \(KitConfig.fileName), or --export): \(error)", at: nil,
                               notes: ["drop posters.export and --export to build without PDF and PNG files"])]
            }
        }
        let diagnostics = await write(plan, progress: progress, browser: browser, starting: starting, produce: produce)
        await browser?.close()
        return diagnostics
    }

    private func write(_ plan: BuildPlan, progress: BuildProgress?, browser: HeadlessBrowser?, starting: () -> Void,
                       produce: @escaping @Sendable ([PlannedOutput]) -> [OutputTree.Contents]) async -> [Diagnostic] {
        let fm = FileManager.default
        var carried: [String] = []
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            return [.error(.outputUnsafe, "'\(output.path)' exists and is not a folder", at: nil)]
        }
        if exists {
            // Files in the old output that no earlier build wrote belong to someone else.
            let previous = (try? Data(contentsOf: output.appendingPathComponent(BuildPlan.manifestName)))
                .flatMap(BuildPlan.paths(inManifest:))
            let present = Self.listFiles(output)
            if let previous {
                carried = present.filter { !previous.contains($0) && $0 != BuildPlan.manifestName }
                let clashes = carried.filter { plan[$0] != nil }
                if !clashes.isEmpty {
                    return [.error(.outputUnsafe, "the build would overwrite files it did not write: " + clashes.joined(separator: ", "), at: nil)]
                }
            } else if !present.isEmpty {
                return [.error(.outputUnsafe, "'\(output.path)' holds files but no \(BuildPlan.manifestName) from an earlier build; "
                                + "adoptkit will not replace a folder it did not write", at: nil,
                               notes: ["choose another --output folder, or empty this one"])]
            }
        }
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        // Builds killed before their swap leave staging folders behind; they are ours to remove.
        for leftover in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).adoptkit-new-") || leftover.hasPrefix(".\(name).adoptkit-old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(leftover))
        }
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).adoptkit-new-\(token)")
        let retired = parent.appendingPathComponent(".\(name).adoptkit-old-\(token)")
        func fail(_ message: String) -> [Diagnostic] {
            try? fm.removeItem(at: staging)
            return [.error(.outputWrite, message, at: nil)]
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            // Folders first, once each, so the parallel writers only create files.
            // Each output's folder as written, then each distinct one cut into its segments.
            let written = Set(plan.outputs.map { output in output.path.lastIndex(of: "/").map { output.path[..<$0] } ?? "" })
            let folders = Set(written.map { ContentPath.components(String($0)).joined(separator: "/") }).subtracting([""])
            for folder in folders.sorted() {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        } catch {
            return fail("cannot create '\(staging.path)': \(error.localizedDescription)")
        }
        enum Written: Sendable { case done, failed(String), unreadable(Diagnostic), toPrint(String, PrintJob) }
        let stagingPath = staging.path
        starting()
        // The search files go last: the pages render while their index is made.
        func isSearchFile(_ output: PlannedOutput) -> Bool { if case .searchIndex = output.producer { true } else { false } }
        let outputs = plan.outputs
        let units = RenderUnits(outputs, deferring: isSearchFile)
        let results = await parallelMap(Array(0..<units.count), chunk: 8) { number -> [Written] in
            let unit = units[number].map { outputs[$0] }
            return zip(unit, produce(unit)).map { planned, contents -> Written in
                let target = stagingPath + "/" + planned.path
                do {
                    switch contents {
                    case .bytes(let data): try OutputFile.save(data, at: target)
                    case .copy(let source):
                        // The bytes, never a link: the scanner checked where links resolve to.
                        try FileManager.default.copyItem(atPath: source.resolvingSymlinksInPath().path, toPath: target)
                    case .printed(let job):
                        return .toPrint(planned.path, job)
                    case .unreadable(let problem):
                        progress?.advance()
                        return .unreadable(problem)
                    }
                    progress?.advance()
                    return .done
                } catch {
                    progress?.advance()
                    return .failed("cannot write '\(planned.path)': \(error.localizedDescription)")
                }
            }
        }.flatMap { $0 }
        for case .failed(let failure) in results { return fail(failure) }
        // Every page whose file changed under the build, each once (a page's outputs share its file).
        let unreadable = Set(results.compactMap { if case .unreadable(let problem) = $0 { problem } else { nil } })
        if !unreadable.isEmpty {
            try? fm.removeItem(at: staging)
            return unreadable.sorted(by: Diagnostic.ordered)
        }
        let jobs = results.compactMap { result -> (path: String, job: PrintJob)? in
            if case .toPrint(let path, let job) = result { (path, job) } else { nil }
        }
        if !jobs.isEmpty, let browser {
            do {
                try await PosterPrinter.print(jobs, browser: browser) { path, data in
                    try OutputFile.save(data, at: stagingPath + "/" + path)
                    progress?.advance()
                }
            } catch {
                return fail("cannot export posters with Chromium: \(error)")
            }
        } else if !jobs.isEmpty {
            return fail("posters to export but no browser to print them")
        }
        do {
            try plan.writeManifest(to: staging.appendingPathComponent(BuildPlan.manifestName))
            // Someone else's files move into the new tree unchanged.
            for path in carried {
                let target = staging.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: output.appendingPathComponent(path), to: target)
            }
        } catch {
            return fail("cannot finish the new site: \(error.localizedDescription)")
        }
        do {
            if fm.fileExists(atPath: output.path) {
                try fm.moveItem(at: output, to: retired)
                do {
                    try fm.moveItem(at: staging, to: output)
                } catch {
                    try? fm.moveItem(at: retired, to: output)
                    throw error
                }
                try? fm.removeItem(at: retired)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            return fail("cannot move the new site into place: \(error.localizedDescription)")
        }
        return []
    }

    /// Relative paths of the files and symbolic links under `root` (links are not followed).
    static func listFiles(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeRegular || type == .typeSymbolicLink { result.append(relative) }
        }
        return result.sorted()
    }
}
