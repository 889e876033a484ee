import Diagnostics
import Foundation
import KitFiles

/// One template file: its text, where it came from and the tags found in it.
struct LoadedTemplate: Sendable {
    let name: String
    /// Path shown in diagnostics (`Templates/page.mustache`, or `(built-in)/page.mustache`).
    let displayPath: String
    let tags: [TemplateTag]

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}

/// A file in a templates folder that is not a template: a stylesheet or image (copied to the
/// site's `assets/` folder) or a poster definition (`posters/NAME/poster.yml`).
public struct TemplateAsset: Sendable, Hashable {
    /// Path relative to the templates folder, e.g. `adoptkit.css`.
    public let name: String
    public let contents: Data
    /// Path shown in the manifest (`Templates/adoptkit.css` or `(built-in)/adoptkit.css`).
    public let displayPath: String
}

/// The built-in templates overlaid with a kit's `Templates/` folder, parsed once.
public struct TemplateSet: Sendable {
    let templates: [String: LoadedTemplate]
    /// Templates that did not parse (already reported): not reported again as missing.
    let unparsable: Set<String>
    /// Every non-template file, built-in ones replaced by the kit's of the same name.
    public let files: [TemplateAsset]
    private let renderer: TemplateRenderer
    /// `i18n/<language>.yml`: the built-in table and the kit's, which overrides it string by
    /// string (unlike templates, which replace the built-in file whole).
    public let stringTables: [StringTableSource]

    /// Files copied to the site's `assets/` folder: everything but poster definitions and
    /// string tables.
    public var assets: [TemplateAsset] {
        files.filter { !$0.name.hasPrefix(Self.postersFolder + "/") && !$0.name.hasPrefix(Self.stringTablesFolder + "/") }
    }
    public static let postersFolder = "posters"
    public static let stringTablesFolder = "i18n"
    public static let maximumSectionDepth = 100

    /// Templates whose file name ends in `.txt.mustache` render text: nothing is HTML-escaped.
    public static let textSuffix = ".txt"

    public var names: [String] { templates.keys.sorted() }

    public func contains(_ name: String) -> Bool { templates[name] != nil || unparsable.contains(name) }

    /// Loads built-in templates, then the kit's (same name replaces). `kitFolder` may be nil or
    /// absent; `displayRoot` is how the kit folder is named in diagnostics.
    /// Every file read from `kitFolder` must lie inside `boundary` after following links.
    public static func load(kitFolder: URL?, displayRoot: String = "Templates", boundary: FileBoundary? = nil) -> (TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kitFiles: [(String, Data)] = []
        if let kitFolder, FileManager.default.fileExists(atPath: kitFolder.path) {
            let boundary = boundary ?? FileBoundary(roots: [kitFolder])
            kitFiles = readFolder(kitFolder, boundary: boundary, displayRoot: displayRoot, into: &diagnostics)
        }
        let (set, problems) = load(kitFiles: kitFiles, displayRoot: displayRoot)
        return (set, diagnostics + problems)
    }

    /// The built-in templates overlaid with `kitFiles` (paths relative to the kit's templates
    /// folder, and their bytes). A kit template's control, bidirectional and zero-width
    /// characters are removed before it is parsed, each run reported where it is, so none
    /// reaches a page; positions of later findings are the file's own.
    package static func load(kitFiles: [(String, Data)], displayRoot: String = "Templates") -> (TemplateSet, [Diagnostic]) {
        var files: [String: (text: String?, data: Data, display: String)] = [:]
        var cleanedTexts: [String: (cleaned: CleanedText, source: SourceText)] = [:]
        var diagnostics: [Diagnostic] = []
        for (relative, data) in BuiltinTemplates.files {
            files[relative] = (String(data: data, encoding: .utf8), data, "\(BuiltinTemplates.displayRoot)/\(relative)")
        }
        for (relative, data) in kitFiles {
            let display = "\(displayRoot)/\(relative)"
            switch SourceText.decode(data, path: display) {
            case .success(let source) where relative.hasSuffix(".mustache"):
                let cleaned = CleanedText(source.text, source: source)
                diagnostics += cleaned.diagnostics
                if !cleaned.diagnostics.isEmpty { cleanedTexts[relative] = (cleaned, source) }
                files[relative] = (cleaned.text, data, display)
            case .success(let source): files[relative] = (source.text, data, display)
            case .failure(let problem):
                if relative.hasSuffix(".mustache") { diagnostics.append(problem); continue }
                files[relative] = (nil, data, display)
            }
        }
        var templates: [String: LoadedTemplate] = [:]
        var unparsable: Set<String> = []
        var parsed: [String: ParsedTemplate] = [:]
        var assets: [TemplateAsset] = []
        for (relative, file) in files.sorted(by: { $0.key < $1.key }) {
            guard relative.hasSuffix(".mustache"), let text = file.text else {
                assets.append(TemplateAsset(name: relative, contents: file.data, displayPath: file.display))
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            let isText = name.hasSuffix(textSuffix)
            // Positions found in the cleaned text are moved back to the file's columns.
            let cleaned = cleanedTexts[relative]
            func fileColumn(line: Int, _ column: Int) -> Int {
                cleaned.map { $0.cleaned.originalCharacterColumn(line: line, column: column, source: $0.source) } ?? column
            }
            let tags = TemplateTag.scan(text).map { tag in
                var tag = tag
                tag.column = fileColumn(line: tag.line, tag.column)
                return tag
            }
            // Sections are parsed and rendered recursively: refuse deep nesting before it can
            // overflow the stack.
            if let deep = TemplateTag.firstTooDeep(tags, limit: maximumSectionDepth) {
                unparsable.insert(name)
                diagnostics.append(.error(.templateTooDeep, "sections are nested more than \(maximumSectionDepth) deep",
                                          at: SourceLocation(path: file.display, line: deep.line, column: deep.column),
                                          notes: ["flatten the template; the limit is fixed"]))
                continue
            }
            switch TemplateParser.parse(text) {
            case .success(let tokens):
                parsed[name] = ParsedTemplate(tokens: tokens, isText: isText)
                templates[name] = LoadedTemplate(name: name, displayPath: file.display, tags: tags)
            case .failure(let error):
                unparsable.insert(name)
                diagnostics.append(.error(.templateSyntax, "template syntax: \(error.message)",
                                          at: SourceLocation(path: file.display, line: error.line, column: fileColumn(line: error.line, error.column))))
            }
        }
        let set = TemplateSet(templates: templates, unparsable: unparsable, files: assets, renderer: TemplateRenderer(templates: parsed),
                              stringTables: StringTableSource.collect(builtin: BuiltinTemplates.files, kit: kitFiles, displayRoot: displayRoot))
        return (set, diagnostics)
    }

    /// Strict checks of template `name` (and the partials it uses) against the data's shape.
    public func check(_ name: String, against shape: TemplateShape) -> [Diagnostic] {
        guard templates[name] != nil else {
            if unparsable.contains(name) { return [] }
            return [.error(.templateMissing, "template '\(name)' does not exist", at: nil, notes: Suggestions.note(name, among: names))]
        }
        var checker = TemplateChecker(templates: templates)
        checker.check(name, against: shape)
        return checker.diagnostics
    }

    /// Display paths of template `name` and every partial it uses, directly or not: the files
    /// whose change makes its output stale.
    public func files(of name: String) -> [String] {
        var seen: Set<String> = []
        var stack = [name]
        var result: [String] = []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let template = templates[next] else { continue }
            result.append(template.displayPath)
            stack += template.tags.filter { $0.kind == .partial || $0.kind == .parent }.map(\.name)
        }
        return result.sorted()
    }

    /// Display paths of every file (templates, definitions, assets) under `folder/`.
    public func files(under folder: String) -> [String] {
        (templates.values.filter { $0.name.hasPrefix(folder + "/") }.map(\.displayPath)
            + files.filter { $0.name.hasPrefix(folder + "/") }.map(\.displayPath)).sorted()
    }

    /// Where template `name` came from, as diagnostics show it.
    public func displayPath(of name: String) -> String? { templates[name]?.displayPath }

    /// Names of the templates under `folder/` (e.g. `posters/invite-link/poster.html`).
    public func names(under folder: String) -> [String] { names.filter { $0.hasPrefix(folder + "/") } }

    /// Renders a template that `check` passed. HTML templates escape text values.
    public func render(_ name: String, _ value: TemplateValue) -> String {
        guard let template = renderer.templates[name] else { return "" }
        var out = ""
        var context = TemplateRenderer.Context(stack: [value], escapesHTML: !template.isText)
        renderer.render(template.tokens, &context, into: &out)
        return out
    }

    /// Renders prepared data (see `TemplateData`).
    public func render(_ name: String, _ data: TemplateData) -> String {
        render(name, .object(data.fields))
    }

    /// A template or asset larger than this is refused before it is read.
    static let maximumFileBytes = 4 << 20

    /// Regular files under `root` (links followed when they stay inside `boundary`, reported
    /// otherwise), by path relative to `root`.
    private static func readFolder(_ root: URL, boundary: FileBoundary, displayRoot: String,
                                   into diagnostics: inout [Diagnostic]) -> [(String, Data)] {
        let top: FileBoundary.Entry
        switch boundary.inspect(root) {
        case .success(let entry) where entry.isDirectory: top = entry
        case .failure(let refusal):
            diagnostics.append(.error(.outsideKit, "templates folder: " + refusal.describe(displayRoot), at: nil))
            return []
        default: return []
        }
        var result: [(String, Data)] = []
        var visited: Set<String> = [top.realPath]
        var stack: [(real: String, relative: String)] = [(top.realPath, "")]
        while let (folder, relative) = stack.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let at = SourceLocation(path: "\(displayRoot)/\(path)", line: 1, column: 1)
                let url = URL(fileURLWithPath: folder + "/" + name)
                switch boundary.inspect(url) {
                case .success(let entry) where entry.isDirectory:
                    if visited.insert(entry.realPath).inserted { stack.append((entry.realPath, path)) }
                case .success:
                    switch boundary.read(url, limit: maximumFileBytes) {
                    case .success(let data): result.append((path, data))
                    case .failure(let refusal): diagnostics.append(.error(.outsideKit, refusal.describe("\(displayRoot)/\(path)"), at: at))
                    }
                case .failure(let refusal):
                    diagnostics.append(.error(.outsideKit, refusal.describe("\(displayRoot)/\(path)"), at: at,
                                              notes: ["copy the file into the kit, or remove the link"]))
                }
            }
        }
        return result
    }
}
