import Diagnostics
import Foundation
import Site
import SiteModel
import Testing

/// A kit past its tree budget lets its pages' trees go after the load and parses each page
/// again where it renders: the same site, byte for byte, with memory that does not hold
/// every tree.
@Suite struct PageTreeTests {
    /// Every file under `folder` with its bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        var files: [String: Data] = [:]
        while let path = enumerator.nextObject() as? String {
            guard enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    static let kits: [KitLocation] = [
        KitLocation(kit: TestSupport.repositoryRoot),
        // Includes, code snippets and a landing page.
        KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.fixture("docfx-set")),
        // Pages that stand in for the ones another language lacks.
        KitLocation(kit: TestSupport.fixture("languages-kit")),
    ]

    @Test(arguments: kits)
    func aKitThatLetsItsTreesGoWritesTheSameSite(location: KitLocation) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            var kept = BuildAction(location: location, output: folder.appendingPathComponent("kept"))
            kept.treeBudget = .max
            var released = BuildAction(location: location, output: folder.appendingPathComponent("released"))
            released.treeBudget = 0
            let (first, second) = (await kept.run(), await released.run())
            #expect(first.succeeded && second.succeeded, "\(first.diagnostics) \(second.diagnostics)")
            #expect(first.diagnostics == second.diagnostics)
            let (keptFiles, releasedFiles) = (try Self.files(in: kept.output), try Self.files(in: released.output))
            #expect(keptFiles.count > 10)
            #expect(keptFiles.keys.sorted() == releasedFiles.keys.sorted())
            for (path, data) in keptFiles { #expect(releasedFiles[path] == data, "\(path) differs") }
        }
    }

    /// Every fixture kit, hostile ones included, has the same findings either way: the checks
    /// read what the parse gathered, never a tree.
    @Test(arguments: try! FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture("").path).sorted())
    func theFindingsDoNotDependOnTheTreesKept(fixture: String) async {
        let location = fixture == "docfx-set"
            ? KitLocation(kit: FileManager.default.temporaryDirectory.appendingPathComponent("no-kit"), content: TestSupport.fixture(fixture))
            : KitLocation(kit: TestSupport.fixture(fixture))
        let (kept, released) = (await KitLoader.load(location, treeBudget: .max), await KitLoader.load(location, treeBudget: 0))
        #expect(released.releasedTrees.count > 0 || kept.pages.isEmpty, "\(fixture) kept every tree")
        #expect(kept.diagnostics == released.diagnostics)
    }

    /// Past the budget, a page nothing includes keeps no tree; an included page and an include keep theirs.
    @Test func onlyTheTreesOfPagesNothingIncludesGo() async throws {
        try await TestSupport.withTemporaryFolder { root in
            try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n\n[!INCLUDE [a](guide/a.md)]\n",
                                   "Content/guide/a.md": "---\ndescription: A.\n---\n# A\n\nShared.\n",
                                   "Content/guide/b.md": "---\ndescription: B.\n---\n# B\n\n[!INCLUDE [n](../includes/note.md)]\n",
                                   "Content/includes/note.md": "A note.\n"], under: root)
            let kit = await KitLoader.load(KitLocation(kit: root), treeBudget: 0)
            #expect(!kit.diagnostics.hasErrors, "\(kit.diagnostics)")
            #expect(Set(kit.releasedTrees.keys) == ["index.md", "guide/b.md"])
            #expect(Set(kit.documents.keys) == ["guide/a.md", "includes/note.md"])
            // Parsed again, a page's tree is the one the first parse made.
            let again = try kit.tree(of: try #require(kit.page(at: "guide/b.md"))).get()
            let kept = await KitLoader.load(KitLocation(kit: root), treeBudget: .max)
            #expect(kept.releasedTrees.isEmpty)
            #expect(again.nodes == kept.documents["guide/b.md"]?.nodes && again.textPool == kept.documents["guide/b.md"]?.textPool)
        }
    }

    /// A page edited between the load and its render fails the build with its path; nothing is
    /// written, and the site that was there stays.
    @Test func aPageThatChangesWhileTheBuildRunsFailsIt() async throws {
        try await TestSupport.withTemporaryFolder { root in
            try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n",
                                   "Content/guide/a.md": "---\ndescription: A.\n---\n# A\n\nFirst.\n"], under: root)
            let location = KitLocation(kit: root), output = root.appendingPathComponent("_site")
            #expect(await BuildAction(location: location).run().succeeded)
            let before = try Self.files(in: output)
            let kit = await KitLoader.load(location, treeBudget: 0)
            try TestSupport.write(["Content/guide/a.md": "---\ndescription: A.\n---\n# A\n\nSecond.\n"], under: root)
            let problems = await SiteWriter(output: output, location: location).write(kit)
            #expect(problems.map(\.id) == [.unreadable])
            #expect(problems.first?.location?.path.hasSuffix("Content/guide/a.md") == true)
            #expect(problems.first?.message.contains("changed") == true)
            #expect(try Self.files(in: output) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("adoptkit-") }.isEmpty)
        }
    }
}
