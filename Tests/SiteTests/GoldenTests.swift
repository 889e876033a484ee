import Foundation
import Site
import SiteModel
import Testing

/// The example kit (the repository root) against recorded output. Re-record after an intended
/// change with `ADOPTKIT_RECORD_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let goldenFolder = TestSupport.repositoryRoot.appendingPathComponent("Tests/Golden/example-kit")
    static var recording: Bool { ProcessInfo.processInfo.environment["ADOPTKIT_RECORD_GOLDEN"] == "1" }

    @Test func exampleKitMatchesGoldenFiles() async throws {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let tree = try #require(result.tree)
        var produced: [String: Data] = [OutputTree.manifestName: tree.manifestJSON()]
        for file in tree.files { produced[file.path] = try file.contents.data() }

        if Self.recording {
            try? FileManager.default.removeItem(at: Self.goldenFolder)
            for (path, data) in produced {
                let url = Self.goldenFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let recorded = Set(listFiles(Self.goldenFolder))
        #expect(recorded == Set(produced.keys), "files differ from the golden set; re-record with ADOPTKIT_RECORD_GOLDEN=1")
        for (path, data) in produced.sorted(by: { $0.key < $1.key }) where recorded.contains(path) {
            let expected = try Data(contentsOf: Self.goldenFolder.appendingPathComponent(path))
            #expect(data == expected, "\(path) differs from its golden file")
        }
    }

    /// One French page and one the French site shows from English, from the languages kit.
    @Test func frenchPagesMatchTheirGoldenFiles() async throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/Golden/languages-kit")
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("languages-kit")))
        let tree = try #require(result.tree)
        for path in ["fr/guide/create.html", "fr/guide/invite.html"] {
            let data = try #require(tree[path]).contents.data()
            let url = folder.appendingPathComponent(path)
            if Self.recording {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            } else {
                #expect(data == (try Data(contentsOf: url)), "\(path) differs from its golden file; re-record with ADOPTKIT_RECORD_GOLDEN=1")
            }
        }
    }

    @Test func theSameKitBuildsByteIdenticalOutputTwice() async throws {
        let first = try #require(await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot)).tree)
        let second = try #require(await TestSupport.render(KitLocation(kit: TestSupport.repositoryRoot)).tree)
        #expect(first.manifestJSON() == second.manifestJSON())
        #expect(first.files.map(\.path) == second.files.map(\.path))
        for (a, b) in zip(first.files, second.files) {
            #expect(try a.contents.data() == b.contents.data(), "\(a.path) differs between two builds")
        }
    }

    private func listFiles(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let base = root.resolvingSymlinksInPath().path + "/"
        return enumerator.compactMap { ($0 as? URL)?.resolvingSymlinksInPath() }
            .filter { !$0.hasDirectoryPath && (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.path.dropFirst(base.count)) }
    }
}

