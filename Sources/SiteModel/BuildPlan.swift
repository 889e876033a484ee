import Diagnostics
import Foundation

/// Every output of a build, known before anything renders: its path, kind, format, the
/// producer that renders it and the inputs it depends on. Collision checks, link resolution,
/// the manifest, rendering, `check` and `serve`'s incremental rebuilds all read this one list.
/// A new kind of output registers in `BuildPlan+Kit.swift` and nowhere else.
public struct BuildPlan: Sendable {
    /// Sorted by path. Paths may repeat only in a plan whose kit has an `output.collision`
    /// error; such a kit never renders.
    public let outputs: [PlannedOutput]
    private let index: [String: Int]
    private let dependents: Dependents

    init(outputs: [PlannedOutput]) {
        // Indices are sorted, not the outputs: moving a large value at every step of the sort
        // cost more than comparing paths.
        let paths = outputs.map(\.path)
        let order = paths.indices.sorted { paths[$0].utf8Precedes(paths[$1]) }
        self.outputs = order.map { outputs[$0] }
        self.index = Dictionary(self.outputs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.dependents = Dependents()
    }

    private init(outputs: [PlannedOutput], index: [String: Int], dependents: Dependents) {
        (self.outputs, self.index, self.dependents) = (outputs, index, dependents)
    }

    /// The same outputs with new inputs for some of them (by path), and the input index
    /// brought up to date for those alone (`serve`, when new titles reorder the navigation).
    /// An output that shares its inputs with a neighbour has the index made again instead.
    package func replacingInputs(_ replacements: [String: [PlanInput]]) -> BuildPlan {
        var outputs = self.outputs
        var (map, runs) = dependents.map(for: outputs)
        var runOf = [Int](repeating: 0, count: outputs.count)
        for (run, members) in runs.enumerated() { for number in members { runOf[number] = run } }
        var indexed = true
        for (path, inputs) in replacements {
            guard let number = index[path] else { continue }
            let old = outputs[number]
            outputs[number] = PlannedOutput(path: old.path, kind: old.kind, format: old.format, producer: old.producer, source: old.source,
                                            inputs: inputs, poster: old.poster, group: old.group, language: old.language)
            let run = runOf[number]
            guard indexed, runs[run].count == 1 else { indexed = false; continue }
            for input in Set(old.inputs).subtracting(inputs) {
                map[input]?.removeAll { $0 == run }
                if map[input]?.isEmpty == true { map[input] = nil }
            }
            for input in Set(inputs).subtracting(old.inputs) { map[input, default: []].append(run) }
        }
        return BuildPlan(outputs: outputs, index: index, dependents: indexed ? Dependents(built: (map, runs)) : Dependents())
    }

    public subscript(path: String) -> PlannedOutput? { index[path].map { outputs[$0] } }

    /// True when the kit prints share pages (a poster kit with the invite poster).
    package var hasSharePages: Bool { outputs.contains { if case .shareHTML = $0.producer { true } else { false } } }

    /// True when both are the very same plan (a patched kit keeps its plan).
    package func isSame(as other: BuildPlan) -> Bool { dependents === other.dependents }

    /// Builds the input index now rather than on the first edit.
    package func prepareForUpdates() { _ = dependents.map(for: outputs) }

    public var paths: Set<String> { Set(index.keys) }

    /// Paths written by more than one output, with what writes them.
    /// Also a file where another output needs a folder (`Content/assets` beside
    /// `assets/adoptkit.css`), and a file named like the manifest.
    package var collisions: [(path: String, sources: [String])] {
        // By path, reading each output's fields in place (copying one retains all its fields):
        // a kit has tens of thousands.
        var firstSource: [String: String] = [:], repeated: [String: [String]] = [:]
        firstSource.reserveCapacity(outputs.count)
        var folders: [String: String] = [:]
        for index in outputs.indices {
            let (path, source) = (outputs[index].path, outputs[index].source)
            if let first = firstSource[path] {
                repeated[path, default: [first]].append(source)
            } else {
                firstSource[path] = source
            }
            var folder = ""
            for part in ContentPath.components(path).dropLast() {
                folder += folder.isEmpty ? String(part) : "/" + part
                if folders[folder] == nil { folders[folder] = source }
            }
        }
        var clashes = repeated.mapValues { $0.sorted() }
        for index in outputs.indices {
            let (path, source) = (outputs[index].path, outputs[index].source)
            if let other = folders[path] { clashes[path] = [source, "the folder of " + other].sorted() }
            if path == Self.manifestName { clashes[path] = [source, "the build's manifest"] }
        }
        return clashes.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
    }

    /// The outputs that depend on any of `inputs`: what an edit makes stale, in path order.
    public func outputs(dependingOn inputs: Set<PlanInput>) -> [PlannedOutput] {
        guard !inputs.isEmpty else { return [] }
        let (map, runs) = dependents.map(for: outputs)
        return Set(inputs.flatMap { map[$0] ?? [] }.flatMap { runs[$0] }).sorted().map { outputs[$0] }
    }

    /// Input → the outputs that read it, built the first time `serve` asks (a build never does).
    /// Neighbouring outputs with the same inputs (the search index's files, which all read every
    /// page) are one run, so each input is listed once for the run, not once per file.
    private final class Dependents: @unchecked Sendable {
        // Guarded by `lock`; written once.
        private var built: (map: [PlanInput: [Int]], runs: [[Int]])?
        private let lock = NSLock()

        init(built: (map: [PlanInput: [Int]], runs: [[Int]])? = nil) { self.built = built }

        func map(for outputs: [PlannedOutput]) -> (map: [PlanInput: [Int]], runs: [[Int]]) {
            lock.withLock {
                if let built { return built }
                var map: [PlanInput: [Int]] = [:]
                var runs: [[Int]] = []
                for (number, output) in outputs.enumerated() {
                    // Arrays that share storage compare equal at once.
                    if number > 0, output.inputs == outputs[number - 1].inputs {
                        runs[runs.count - 1].append(number)
                        continue
                    }
                    runs.append([number])
                    for input in output.inputs { map[input, default: []].append(runs.count - 1) }
                }
                built = (map, runs)
                return (map, runs)
            }
        }
    }

    public static let manifestName = "manifest.json"

    /// `{"outputs": [...]}`: every output with its kind, format and source, sorted by path;
    /// keys sorted too, so the bytes are the same on every run.
    public func manifestJSON() -> Data { Self.manifestJSON(manifestEntries) }

    /// Writes `manifestJSON()` to `url` a piece at a time.
    public func writeManifest(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try ManifestJSON.write(manifestEntries) { try handle.write(contentsOf: $0) }
    }

    private var manifestEntries: [ManifestEntry] {
        outputs.map { .init(path: $0.path, kind: $0.kind, format: $0.format, source: $0.source, poster: $0.poster, group: $0.group,
                            language: $0.language) }
    }

    package struct ManifestEntry {
        let path: String
        let kind: OutputKind
        let format, source: String
        let poster, group: String?
        /// Only outputs of a language other than the default carry it.
        var language: String? = nil
    }

    static func manifestJSON(_ entries: [ManifestEntry]) -> Data { ManifestJSON.encode(entries) }

    /// Paths listed in a manifest written by an earlier build.
    package static func paths(inManifest data: Data) -> Set<String>? {
        struct Entry: Decodable { let path: String }
        struct Manifest: Decodable { let outputs: [Entry] }
        return (try? JSONDecoder().decode(Manifest.self, from: data)).map { Set($0.outputs.map(\.path)) }
    }
}

/// One file the build writes.
public struct PlannedOutput: Sendable, Hashable {
    /// Relative to the output folder, with `/`.
    public let path: String
    public let kind: OutputKind
    /// `html`, a chat flavour (`plain`, `whatsapp`, …) or the extension of a copied file.
    public let format: String
    public let producer: Producer
    /// Where it comes from, relative to the kit (as the manifest names it).
    public let source: String
    /// Everything whose change makes this output stale.
    public let inputs: [PlanInput]
    /// For posters: the template name (`invite-link`).
    public var poster: String? = nil
    /// For per-group outputs: the group's name exactly as written in `adoptkit.yml`.
    public var group: String? = nil
    /// The language it is written in, when that is not the site's default (`fr`): its words
    /// come from that language's string table, its links stay within that language's folder.
    public var language: String? = nil

    /// This output for another language: under its folder, with its string table as an input
    /// in place of the default's.
    func translated(into language: String, prefix: String, replacing defaultStrings: [PlanInput], with strings: [PlanInput]) -> PlannedOutput {
        var copy = PlannedOutput(path: prefix + path, kind: kind, format: format, producer: producer, source: source,
                                 inputs: inputs.filter { !defaultStrings.contains($0) } + strings, poster: poster, group: group)
        copy.language = language
        return copy
    }
}

public enum OutputKind: String, Sendable, Codable, Hashable { case page, asset, index, poster, share, email }

/// What renders an output. Each case names the unit of work; `OutputProducer` dispatches.
public enum Producer: Sendable, Hashable {
    /// A page's HTML, from its content-relative source.
    case pageHTML(source: String)
    /// A page's chat text in one flavour.
    case pageText(source: String, flavor: String)
    /// `index.html` when the kit has no `index.md`.
    case home
    /// The whole navigation tree on one page (the sidebar shows only the reader's branch).
    case contents
    case postersIndex
    /// Poster `instance` (an index into `Kit.posterInstances`) as HTML or in a chat flavour
    /// (`plain` is the template's own text).
    case posterHTML(instance: Int)
    case posterText(instance: Int, flavor: String)
    /// Poster `instance` printed by the browser as PDF or PNG (`posters.export`).
    case posterExport(instance: Int, format: String)
    /// Every poster on one PDF, a sheet each (`posters/all-posters.pdf`).
    case allPostersPDF
    /// The share page of group `group` (an index into `config.groups`), HTML or text.
    case shareHTML(group: Int)
    case shareText(group: Int)
    /// Group `group`'s invitation e-mail: HTML (QR code embedded), plain text, or the whole
    /// message (`.eml`).
    case emailHTML(group: Int)
    case emailText(group: Int)
    case emailMessage(group: Int)
    /// `groups.csv`: every group with its share page, poster files and WhatsApp link.
    case groupsExport
    /// A content file copied as it is.
    case contentFile(String)
    /// A file of the templates folder copied to `assets/`.
    case templateAsset(String)
    /// The organisation's logo, for the site's header and favicon.
    case logo
    /// The search page (results for `?q=`).
    case searchPage
    /// One file of the search index of the output's language (`index`, `sections-N`, `terms-N`).
    case searchIndex(String)
    /// Poster `instance`'s text in every flavour, on an HTML page with Copy buttons.
    case posterTextPage(instance: Int)
}

extension Producer {
    /// True for generated outputs every language has its own of: the site's index pages,
    /// posters, share pages and e-mails (assets, the logo and the groups export are shared; each
    /// language's search index is planned with its pages, which it reads).
    package var isTranslated: Bool {
        switch self {
        case .home, .contents, .searchPage, .postersIndex, .posterHTML, .posterText, .posterExport, .allPostersPDF,
             .shareHTML, .shareText, .emailHTML, .emailText, .emailMessage, .posterTextPage:
            return true
        case .pageHTML, .pageText, .groupsExport, .contentFile, .templateAsset, .logo, .searchIndex:
            return false
        }
    }

    /// True for outputs made from the text of every page of a language (its search index).
    package var readsEveryPage: Bool {
        if case .searchIndex = self { true } else { false }
    }
}

/// Something an output depends on. Files are named as the manifest names them (relative to
/// the kit), so a watcher's changed paths map onto inputs directly.
public enum PlanInput: Sendable, Hashable {
    /// A file read: a page's Markdown, an include, a copied file, a template, the config, the logo, the TOC.
    case file(String)
    /// The title of a page (by content-relative source), shown through navigation, previous/next or breadcrumbs.
    case title(String)
}
