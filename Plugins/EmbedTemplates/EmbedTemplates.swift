import Foundation
import PackagePlugin

/// Compiles the package's top-level `Templates/` folder (the built-in templates and assets) into
/// the target it is applied to, so the binary reads nothing from the build folder at run time.
@main struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding the built-in templates",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)],
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
