import Diagnostics
import Foundation
import Site
import SiteModel

enum TestSupport {
    /// The repository root, which is also the example kit.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    }

    /// The real DocFX corpus beside the checkout, when present.
    static var corpus: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/kaizala-docs")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("TOC.md").path) ? url : nil
    }

    /// The second real DocFX set beside the checkout (Microsoft 365 Apps: `TOC.yml` mapping,
    /// nested TOCs, `docfx.json`, landing pages), when present.
    static var appsCorpus: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/m365-apps")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("docfx.json").path) ? url : nil
    }

    /// Local `href`/`src` targets in the HTML of `tree` that it does not hold, with a page using each.
    static func danglingLinks(_ tree: OutputTree) -> [String: String] {
        var dangling: [String: String] = [:]
        for file in tree.files where file.format == "html" {
            let html = text(tree, file.path)
            for match in html.matches(of: /(?:href|src)="([^"#?]*)[^"]*"/) {
                let target = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                guard !target.isEmpty, !target.contains(":") else { continue }
                let folder = URL(fileURLWithPath: "/" + file.path).deletingLastPathComponent()
                let resolved = String(folder.appendingPathComponent(target.removingPercentEncoding ?? target).standardized.path.dropFirst())
                if tree[resolved] == nil { dangling[target] = file.path }
            }
        }
        return dangling
    }

    /// A fresh empty folder, removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("adoptkit-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// Writes `files` (relative path → text) under `root`.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// `id path:line:column` for each diagnostic, sorted, so tests compare whole lists.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted(by: Diagnostic.ordered).map { d in
            "\(d.id.rawValue) " + (d.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "-")
        }
    }

    static func render(_ location: KitLocation, strict: Bool = false) async -> BuildAction.Result {
        await BuildAction(location: location, output: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"),
                          strict: strict).render()
    }

    /// Renders a kit made of `files` (relative path → text) in a temporary folder.
    static func render(files: [String: String]) async throws -> BuildAction.Result {
        try await withTemporaryFolder { kit in
            try write(files, under: kit)
            return await render(KitLocation(kit: kit))
        }
    }

    static func text(_ tree: OutputTree?, _ path: String) -> String {
        guard let file = tree?[path], let data = try? file.contents.data() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
