import Foundation
import PackagePlugin

/// Compiles one of the package's top-level folders into the target it is applied to, so the
/// binary reads nothing from the build folder at run time: `Templates/` (the built-in templates
/// and assets) into Templating, `Starter/` (the kit `adoptkit init` writes) into StarterKit.
@main struct EmbedTemplates: BuildToolPlugin {
    /// Target → the folder it embeds and the enum the generated source declares.
    static let folders: [String: (folder: String, type: String)] = [
        "Templating": ("Templates", "EmbeddedTemplates"),
        "StarterKit": ("Starter", "EmbeddedStarterKit"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let (folder, type) = Self.folders[target.name] else { return [] }
        let root = context.package.directoryURL.appending(path: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: type + ".swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false), type],
                inputFiles: try Self.inputs(under: root),
                outputFiles: [output]
            ),
        ]
    }

    /// `root` and everything under it: a changed file reruns the tool, and so does a file added
    /// to or removed from a folder, because the folder changes (the tool lists the folder itself).
    static func inputs(under root: URL) throws -> [URL] {
        let relatives = try FileManager.default.subpathsOfDirectory(atPath: root.path(percentEncoded: false))
        return [root] + relatives.sorted().map { root.appending(path: $0) }
    }
}
