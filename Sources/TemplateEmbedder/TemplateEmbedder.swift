import Foundation

/// Writes a Swift source that holds every built-in template file, so the Templating target
/// carries them in the binary instead of reading a resource bundle from the build folder.
/// Run by the EmbedTemplates build-tool plugin: `TemplateEmbedder OUTPUT ROOT TYPE`, where TYPE
/// names the enum that holds the files (the Starter/ kit uses the same tool).
@main struct TemplateEmbedder {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 3, let output = arguments.first, let type = arguments.last else {
            FileHandle.standardError.write(Data("usage: TemplateEmbedder OUTPUT ROOT TYPE\n".utf8))
            exit(64)
        }
        let root = URL(fileURLWithPath: arguments.dropFirst().first!)
        let folder = root.lastPathComponent
        var source = """
            // Generated at build time by TemplateEmbedder (Plugins/EmbedTemplates) from \(folder)/.
            // Do not edit: edit \(folder)/ and rebuild.

            enum \(type) {
                /// Path relative to \(folder)/ and the file's bytes. Base64 because long string
                /// literals compile fast where long array literals of bytes do not.
                static let base64: [(path: String, bytes: String)] = [

            """
        for relative in try files(under: root) {
            let data = try Data(contentsOf: root.appendingPathComponent(relative))
            source += "        (\(literal(relative)), \"\(data.base64EncodedString())\"),\n"
        }
        source += "    ]\n}\n"
        // A folder can change without its files changing (it is an input too): an unchanged
        // source keeps its date, so nothing recompiles.
        let url = URL(fileURLWithPath: output)
        if (try? Data(contentsOf: url)) != Data(source.utf8) {
            try Data(source.utf8).write(to: url, options: .atomic)
        }
    }

    /// Regular files under `root`, relative to it and sorted. Hidden files are skipped, as the
    /// loader skips them in a kit's templates folder.
    static func files(under root: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { relative in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue && !relative.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    /// A Swift string literal for a file path.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
