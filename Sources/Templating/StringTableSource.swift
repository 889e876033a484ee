import Foundation

/// The files of one language's string table (`i18n/<language>.yml`): the built-in one, the
/// kit's, or both. The kit's strings override the built-in ones of the same name.
public struct StringTableSource: Sendable, Hashable {
    /// The file name without `.yml`: the language tag.
    public let language: String
    public let builtin: TemplateAsset?
    public let kit: TemplateAsset?

    /// Display paths of both files: what a render that prints the strings reads.
    public var displayPaths: [String] { [builtin?.displayPath, kit?.displayPath].compactMap { $0 } }

    static func collect(builtin: [(path: String, data: Data)], kit: [(String, Data)], displayRoot: String) -> [StringTableSource] {
        func tables(_ files: [(String, Data)], root: String) -> [String: TemplateAsset] {
            var result: [String: TemplateAsset] = [:]
            for (path, data) in files {
                let parts = path.split(separator: "/")
                guard parts.count == 2, parts[0] == TemplateSet.stringTablesFolder, parts[1].hasSuffix(".yml") else { continue }
                result[String(parts[1].dropLast(4))] = TemplateAsset(name: path, contents: data, displayPath: "\(root)/\(path)")
            }
            return result
        }
        let builtins = tables(builtin.map { ($0.path, $0.data) }, root: BuiltinTemplates.displayRoot)
        let kits = tables(kit, root: displayRoot)
        return Set(builtins.keys).union(kits.keys).sorted().map { StringTableSource(language: $0, builtin: builtins[$0], kit: kits[$0]) }
    }

    /// The table for `language` (tags compare without letter case), if either file exists.
    public static func find(_ language: String, in tables: [StringTableSource]) -> StringTableSource? {
        tables.first { $0.language == language } ?? tables.first { $0.language.lowercased() == language.lowercased() }
    }
}
