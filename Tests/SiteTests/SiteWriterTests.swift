import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

@Suite struct SiteWriterTests {
    func kit(at root: URL) throws -> KitLocation {
        try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n",
                               "Content/guide/a.md": "---\ndescription: A.\n---\n# A\n", "Content/img.png": "png"], under: root)
        return KitLocation(kit: root)
    }

    @Test func writesTheSiteAndAManifestAndRewritesIt() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try kit(at: root)
            let result = await BuildAction(location: location).run()
            #expect(result.diagnostics.isEmpty)
            let site = root.appendingPathComponent("_site")
            let manifest = try String(contentsOf: site.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"path\" : \"guide/a.html\""))
            #expect(manifest.contains("\"source\" : \"Content/guide/a.md\""))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("img.png").path))

            // A page removed from the kit disappears from the next build.
            try FileManager.default.removeItem(at: root.appendingPathComponent("Content/guide/a.md"))
            #expect(await BuildAction(location: location).run().succeeded)
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("guide/a.html").path))
            // No staging folders are left behind.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("adoptkit-") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try kit(at: root)
            #expect(await BuildAction(location: location).run().succeeded)
            let index = root.appendingPathComponent("_site/index.html")
            let before = try Data(contentsOf: index)
            try TestSupport.write(["Content/index.md": "# Home changed\n\n[!INCLUDE [x](missing.md)]\n"], under: root)
            let result = await BuildAction(location: location).run()
            #expect(!result.succeeded)
            #expect(try Data(contentsOf: index) == before)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("_site/guide/a.html").path))
        }
    }

    @Test func filesTheBuildDidNotWriteAreKept() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try kit(at: root)
            #expect(await BuildAction(location: location).run().succeeded)
            try TestSupport.write(["_site/CNAME": "docs.contoso.com", "_site/guide/notes.txt": "mine"], under: root)
            #expect(await BuildAction(location: location).run().succeeded)
            #expect(try String(contentsOf: root.appendingPathComponent("_site/CNAME"), encoding: .utf8) == "docs.contoso.com")
            #expect(try String(contentsOf: root.appendingPathComponent("_site/guide/notes.txt"), encoding: .utf8) == "mine")
        }
    }

    @Test func aFolderWithoutAManifestIsNotReplaced() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try kit(at: root)
            try TestSupport.write(["elsewhere/important.doc": "keep me"], under: root)
            let output = root.appendingPathComponent("elsewhere")
            let result = await BuildAction(location: location, output: output).run()
            #expect(result.diagnostics.map(\.id) == [.outputUnsafe])
            #expect(try String(contentsOf: output.appendingPathComponent("important.doc"), encoding: .utf8) == "keep me")
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        }
    }

    @Test func refusesDangerousOutputFolders() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let location = try kit(at: root)
            let home = FileManager.default.homeDirectoryForCurrentUser
            for output in [URL(fileURLWithPath: "/"), home, root, root.deletingLastPathComponent(),
                           root.appendingPathComponent("Content"), root.appendingPathComponent("Content/out"),
                           root.appendingPathComponent("Templates")] {
                let result = await BuildAction(location: location, output: output).run()
                #expect(result.diagnostics.map(\.id) == [.outputUnsafe], "\(output.path) was not refused")
            }
        }
    }
}
