import Foundation

/// The built-in templates and assets: the repository's `Templates/` folder, compiled into the
/// binary by the EmbedTemplates plugin (`EmbeddedTemplates` is generated), so the tool runs from
/// any folder on any machine and never reads the build folder.
enum BuiltinTemplates {
    /// How built-in files are named in diagnostics and the manifest.
    static let displayRoot = "(built-in)"

    /// Path relative to the templates folder and the file's bytes, sorted by path.
    static let files: [(path: String, data: Data)] = EmbeddedTemplates.base64.map { file in
        // The generator wrote the base64 itself; failing to decode it is a build bug.
        guard let data = Data(base64Encoded: file.bytes) else { preconditionFailure("corrupt embedded template \(file.path)") }
        return (file.path, data)
    }
}
