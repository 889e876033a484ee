import Foundation
import Site
import SiteModel
import Testing

@Suite struct ParseCacheTests {
    @Test func unchangedFilesAreNotParsedAgain() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(["Content/index.md": "---\ndescription: x\n---\n# Alpha\n", "Content/b.md": "---\ndescription: x\n---\n# Beta\n"], under: kit)
            let cache = ParseCache()
            let location = KitLocation(kit: kit)
            let first = await KitLoader.load(location, cache: cache)
            #expect(cache.count == 2)
            #expect(first.page(at: "index.md")?.title == "Alpha")

            // Same size and modification time: the cache answers, so the old parse comes back.
            let index = kit.appendingPathComponent("Content/index.md")
            let stamp = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as! Date
            try Data("---\ndescription: x\n---\n# Gamma\n".utf8).write(to: index)
            try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: index.path)
            #expect(await KitLoader.load(location, cache: cache).page(at: "index.md")?.title == "Alpha")

            // A real edit changes the stamp: that file is parsed again.
            try FileManager.default.setAttributes([.modificationDate: stamp.addingTimeInterval(5)], ofItemAtPath: index.path)
            let third = await KitLoader.load(location, cache: cache)
            #expect(third.page(at: "index.md")?.title == "Gamma")
            #expect(third.page(at: "b.md")?.title == "Beta")
        }
    }
}
