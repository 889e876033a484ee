import Diagnostics
import Foundation
import KitConfig
import Templating

/// The site's languages and their string tables, worked out once per kit. The default
/// language (the first of `site.languages`) is written at the site root, each other one under
/// `<tag>/`, its pages read from `Content/<tag>/`. A kit without `site.languages` has one
/// language, `site.language`, and prints the English table's words, as it always did.
public struct SiteLanguages: Sendable {
    public let languages: [SiteLanguage]
    /// True when the kit lists `site.languages` (the language switch, `hreflang` links and the
    /// other languages' folders exist only then).
    public let isMultilingual: Bool
    /// Each language's strings: the built-in table with the kit's laid over it.
    package let tables: [String: StringTable]
    /// Each language's table files, as plan inputs name them.
    package let tableFiles: [String: [String]]

    public var defaultLanguage: SiteLanguage { languages[0] }
    /// The languages written under a folder of their own.
    public var others: [SiteLanguage] { Array(languages.dropFirst()) }

    /// The table every other must match: the built-in English one names every string.
    static let referenceLanguage = "en"

    package func language(_ tag: String?) -> SiteLanguage {
        tag.flatMap { tag in languages.first { $0.tag == tag } } ?? defaultLanguage
    }

    /// `""` for the default language, `fr/` for another.
    package func prefix(_ tag: String?) -> String {
        guard let tag, tag != defaultLanguage.tag else { return "" }
        return tag + "/"
    }

    /// The language a content path belongs to: the other language whose folder it is in, or
    /// the default.
    package func language(ofSource source: String) -> SiteLanguage {
        guard isMultilingual, let first = source.split(separator: "/", maxSplits: 1).first, source.contains("/") else { return defaultLanguage }
        return others.first { $0.tag == first } ?? defaultLanguage
    }

    /// `fr/guide/a.md` → `guide/a.md`: the path within its language's folder.
    package func pathInLanguage(_ source: String) -> String {
        let language = language(ofSource: source)
        return String(source.dropFirst(prefix(language.tag).count))
    }

    package func strings(_ tag: String?) -> StringTable { tables[language(tag).tag] ?? StringTable() }

    package static func load(_ config: KitConfig, templates: TemplateSet) -> (SiteLanguages, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func decode(_ asset: TemplateAsset?) -> StringTable? {
            guard let asset else { return nil }
            guard let text = String(data: asset.contents, encoding: .utf8) else {
                diagnostics.append(.error(.invalidUTF8, "string table is not UTF-8", at: SourceLocation(path: asset.displayPath, line: 1, column: 1)))
                return StringTable()
            }
            let (table, problems) = StringTable.decode(text, path: asset.displayPath)
            diagnostics += problems
            return table
        }
        let multilingual = !config.site.languages.isEmpty
        let languages = multilingual ? config.site.languages : [SiteLanguage(tag: config.site.language, location: nil)]
        let reference = StringTableSource.find(referenceLanguage, in: templates.stringTables)
        let required: Set<String> = reference?.builtin.map {
            Set(StringTable.decode(String(decoding: $0.contents, as: UTF8.self), path: $0.displayPath).0.strings.keys)
        } ?? []
        var tables: [String: StringTable] = [:]
        var files: [String: [String]] = [:]
        for language in languages {
            // Without `site.languages` the site keeps its English words, whatever `site.language` says.
            let tag = multilingual ? language.tag : referenceLanguage
            let source = StringTableSource.find(tag, in: templates.stringTables)
            let builtin = decode(source?.builtin) ?? StringTable()
            let kit = decode(source?.kit)
            let table = kit.map(builtin.overlaid) ?? builtin
            tables[language.tag] = table
            files[language.tag] = source?.displayPaths ?? []
            if let kit, let path = source?.kit?.displayPath {
                for name in kit.strings.keys.sorted() where !required.contains(name) {
                    diagnostics.append(.warning(.stringUnknown, "string table '\(path)' has '\(name)', which nothing prints", at: kit.locations[name],
                                                notes: Suggestions.note(name, among: Array(required))))
                }
            }
            let missing = required.subtracting(table.strings.keys).sorted()
            guard !missing.isEmpty else { continue }
            if let path = source?.kit?.displayPath ?? source?.builtin?.displayPath {
                let at = SourceLocation(path: path, line: 1, column: 1)
                for name in missing {
                    diagnostics.append(.error(.stringMissing, "string table '\(path)' has no '\(name)'", at: at,
                                              notes: ["add '\(name): …' in \(language.tag); en.yml has every name the site prints"]))
                }
            } else {
                diagnostics.append(.error(.stringMissing, "language '\(language.tag)' has no string table: add Templates/\(TemplateSet.stringTablesFolder)/\(language.tag).yml",
                                          at: language.location,
                                          notes: ["copy the built-in en.yml and translate every string (\(missing.count) of them)"]))
            }
        }
        return (SiteLanguages(languages: languages, isMultilingual: multilingual, tables: tables, tableFiles: files), diagnostics)
    }
}
