import Diagnostics
import Foundation

/// What adoptkit reads from a DocFX `docfx.json` at the content root: which files are pages
/// (`build.content`), which are copied (`build.resource`), and metadata for pages
/// (`build.globalMetadata`, `build.fileMetadata`). Every other key is ignored.
public struct DocFXProject: Sendable {
    /// One `{ "files": [...], "exclude": [...], "src": "..." }` entry.
    public struct FileSet: Sendable {
        public var files: [DocFXGlob]
        public var exclude: [DocFXGlob]
        /// The folder the globs are relative to (`src`), content-relative; empty for the root.
        public var source: String

        public func contains(_ path: String) -> Bool {
            var relative = Substring(path)
            if !source.isEmpty {
                guard path.lowercased().hasPrefix(source.lowercased() + "/") else { return false }
                relative = path.dropFirst(source.count + 1)
            }
            let name = String(relative)
            return files.contains { $0.matches(name) } && !exclude.contains { $0.matches(name) }
        }
    }

    public var content: [FileSet] = []
    public var resource: [FileSet] = []
    public var globalMetadata: [Metadata.Entry] = []
    /// Key → (glob, value) pairs; a later glob that matches wins, as in DocFX.
    public var fileMetadata: [(key: String, rules: [(glob: DocFXGlob, value: MetadataValue)])] = []
    /// The site a root-relative link's first segments name, from `globalMetadata.breadcrumb_path`
    /// (`/microsoft-365-apps/breadcrumb/toc.json` → `/microsoft-365-apps/`); nil when unknown.
    public var publishedPrefix: String? {
        guard let path = globalMetadata.first(where: { $0.key == "breadcrumb_path" })?.value.string, path.hasPrefix("/") else { return nil }
        var parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        parts.removeLast()                                    // toc.json
        if parts.last?.lowercased() == "breadcrumb" { parts.removeLast() }
        return parts.isEmpty ? nil : "/" + parts.joined(separator: "/") + "/"
    }

    public init() {}

    public func isContent(_ path: String) -> Bool { content.contains { $0.contains(path) } }
    public func isResource(_ path: String) -> Bool { resource.contains { $0.contains(path) } }

    /// `globalMetadata` then every `fileMetadata` key whose glob matches `path`.
    public func metadata(for path: String) -> [Metadata.Entry] {
        var entries = globalMetadata
        for (key, rules) in fileMetadata {
            guard let value = rules.last(where: { $0.glob.matches(path) })?.value else { continue }
            entries.removeAll { $0.key == key }
            entries.append(Metadata.Entry(key: key, value: value))
        }
        return entries
    }

    /// Reads `docfx.json`. A file that is not JSON, or whose `build` is not an object, is an
    /// error; keys adoptkit has no use for are read past.
    public static func decode(_ data: Data, path: String) -> (DocFXProject?, [Diagnostic]) {
        let at = SourceLocation(path: path, line: 1, column: 1)
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return (nil, [.warning(.docfxSyntax, "docfx.json is not valid JSON; it is ignored", at: at)])
        }
        guard let top = json as? [String: Any], let build = top["build"] as? [String: Any] else {
            return (nil, [.warning(.docfxSyntax, "docfx.json has no \"build\" object; it is ignored", at: at)])
        }
        var project = DocFXProject()
        project.content = fileSets(build["content"])
        project.resource = fileSets(build["resource"])
        if let global = build["globalMetadata"] as? [String: Any] {
            project.globalMetadata = global.keys.sorted().map { Metadata.Entry(key: $0, value: value(global[$0]!)) }
        }
        if let files = build["fileMetadata"] as? [String: Any] {
            for key in files.keys.sorted() {
                guard let rules = files[key] as? [String: Any] else { continue }
                // JSON objects have no order; sorting the globs keeps builds byte-identical.
                project.fileMetadata.append((key, rules.keys.sorted().map { (DocFXGlob($0), value(rules[$0]!)) }))
            }
        }
        return (project, [])
    }

    private static func fileSets(_ json: Any?) -> [FileSet] {
        let entries = json as? [Any] ?? (json.map { [$0] } ?? [])
        return entries.compactMap { entry in
            guard let fields = entry as? [String: Any] else { return nil }
            func globs(_ key: String) -> [DocFXGlob] {
                (fields[key] as? [Any] ?? (fields[key].map { [$0] } ?? [])).compactMap { $0 as? String }.map(DocFXGlob.init)
            }
            let source = (fields["src"] as? String ?? "").split(separator: "/").filter { $0 != "." }.joined(separator: "/")
            return FileSet(files: globs("files"), exclude: globs("exclude"), source: source)
        }
    }

    private static func value(_ json: Any) -> MetadataValue {
        switch json {
        case let text as String: return .string(text)
        case let number as NSNumber:
            // JSON's true and false arrive as numbers whose type code is `c` (char).
            return String(cString: number.objCType) == "c" ? .string(number.boolValue ? "true" : "false") : .string(number.stringValue)
        case let list as [Any]: return .list(list.map(value))
        case let object as [String: Any]: return .map(object.keys.sorted().map { Metadata.Entry(key: $0, value: value(object[$0]!)) })
        default: return .null
        }
    }
}
