import Diagnostics
import Foundation
import KitConfig
import Site
import SiteModel
import StarterKit
import Testing

/// `adoptkit init`: the starter kit builds clean at once, and nothing is ever overwritten.
@Suite struct InitTests {
    @Test func theStarterKitChecksCleanAndBuilds() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("new/kit")
            let written = try InitAction(folder: kit, names: .init(organization: "Fabrikam", app: "Kaizala")).run()
            #expect(written == ["Content/TOC.md", "Content/create-a-group.md", "Content/index.md", "Content/invite-with-a-link.md",
                                "Content/map-to-organization.md", "adoptkit.yml", "groups.csv"])
            let loaded = await KitLoader.load(KitLocation(kit: kit))
            #expect(loaded.diagnostics.isEmpty, "\(TestSupport.summary(loaded.diagnostics))")
            #expect(loaded.pages.count == 4)
            #expect(loaded.config.organization.name == "Fabrikam")
            let result = await TestSupport.render(KitLocation(kit: kit), strict: true)
            #expect(result.succeeded)
            let home = TestSupport.text(result.tree, "index.html")
            #expect(home.contains("Fabrikam is moving work conversations"))
            #expect(result.tree?["posters/office365-sign-in.html"] != nil)
            // A row added to the spreadsheet is a group with its posters, share page and e-mail.
            try TestSupport.write(["groups.csv": "name,invite_link,description,admins,posters\nSales,https://kaiza.la/g/sales,,Ann,\n"], under: kit)
            let grown = await TestSupport.render(KitLocation(kit: kit), strict: true)
            #expect(grown.succeeded, "\(TestSupport.summary(grown.diagnostics))")
            #expect(grown.tree?["posters/sales/invite-email.eml"] != nil && grown.tree?["groups.csv"] != nil)
            // No staging folder is left beside the kit.
            #expect(try FileManager.default.contentsOfDirectory(atPath: kit.deletingLastPathComponent().path) == ["kit"])
        }
    }

    /// Names land in a double-quoted YAML string: quotes, backslashes, `#`, `: ` and non-ASCII
    /// come back exactly, and the site title is made from both names.
    @Test(arguments: ["Contoso \"East\" \\ Ltd", "Société Générale – Nord", "R&D: #1 team", "営業部"])
    func namesAreWrittenSoTheConfigReadsThemBack(name: String) async throws {
        try await TestSupport.withTemporaryFolder { folder in
            try InitAction(folder: folder, names: .init(organization: name, app: "Teams \"work\"")).run()
            let loaded = await KitLoader.load(KitLocation(kit: folder))
            #expect(loaded.diagnostics.isEmpty, "\(TestSupport.summary(loaded.diagnostics))")
            #expect(loaded.config.organization.name == name)
            #expect(loaded.config.app.name == "Teams \"work\"")
            #expect(loaded.config.site.title == "\(name) Teams \"work\" adoption guide")
        }
    }

    @Test func namesWithLineBreaksOrControlCharactersAreRefused() {
        #expect(StarterKit.problem(with: "Contoso") == nil)
        #expect(StarterKit.problem(with: "  ") == "must not be empty")
        #expect(StarterKit.problem(with: "a\nb:\n  evil: true")?.contains("U+A") == true)
        #expect(StarterKit.problem(with: "a\u{202E}b") != nil)
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit")
            try TestSupport.write([".keep": "mine"], under: kit)
            #expect(throws: InitAction.Failure.notEmpty("kit")) {
                try InitAction(folder: kit, names: .init(), shownAs: "kit").run()
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: kit.path) == [".keep"])
            #expect(try String(contentsOf: kit.appendingPathComponent(".keep"), encoding: .utf8) == "mine")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kit"])
        }
    }

    @Test func aFileIsRefused() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            try TestSupport.write(["adoptkit.yml": "site: {}\n"], under: folder)
            let file = folder.appendingPathComponent("adoptkit.yml")
            #expect(throws: InitAction.Failure.notAFolder(file.path)) { try InitAction(folder: file, names: .init()).run() }
            #expect(try String(contentsOf: file, encoding: .utf8) == "site: {}\n")
        }
    }

    /// An empty folder, and a link to one, are filled; the link stays a link.
    @Test func anEmptyFolderOrALinkToOneIsFilled() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let target = folder.appendingPathComponent("real")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let link = folder.appendingPathComponent("link")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            try InitAction(folder: link, names: .init()).run()
            #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("Content/index.md").path))
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil)
            let loaded = await KitLoader.load(KitLocation(kit: target))
            #expect(loaded.diagnostics.isEmpty, "\(TestSupport.summary(loaded.diagnostics))")
            #expect(loaded.config.organization.name == "Your organization")
        }
    }

    /// The written kit is the repository's `Starter/` folder, byte for byte where nothing is filled in.
    @Test func theEmbeddedFilesAreTheStarterFolder() throws {
        let starter = TestSupport.repositoryRoot.appendingPathComponent("Starter")
        for file in StarterKit.files(.init()) where !file.path.hasSuffix(".yml") {
            #expect(file.data == (try Data(contentsOf: starter.appendingPathComponent(file.path))), "\(file.path)")
        }
    }
}

extension CommandLineTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func initWritesAKitAndPrintsTheNextSteps() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let first = try await run(["init", "my kit", "--organization", "Fabrikam"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("Created a kit for Fabrikam in my kit (7 files):\n"))
            #expect(first.stdout.contains("cd 'my kit' && adoptkit serve"))
            let check = try await run(["check", "my kit", "--warnings-as-errors"], in: folder)
            #expect(check.status == 0, "\(check.stderr)")
            let again = try await run(["init", "my kit"], in: folder)
            #expect(again.status == 1)
            #expect(again.stderr == "adoptkit: error: 'my kit' is not empty; init writes only into a new or empty folder, and nothing was written\n")
            let bad = try await run(["init", "other", "--app", "a\u{1B}[31mb"], in: folder)
            #expect(bad.status == 64)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
        }
    }

    /// `build`, `check` and `serve` in a folder without a kit say so and point at `init`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func commandsWithoutAKitSuggestInit() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            for command in [["build"], ["check"], ["serve", "--port", "0"]] {
                let result = try await run(command, in: folder)
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr.hasPrefix("""
                    adoptkit: error: there is no kit in '.': it has no adoptkit.yml and no Content/ folder [io.content-missing]
                        note: to start one, run `adoptkit init`; it writes a kit that builds at once
                    """), "\(command): \(result.stderr)")
            }
            let elsewhere = try await run(["check", "nowhere", "--format", "json"], in: folder)
            #expect(elsewhere.stdout.contains("adoptkit init nowhere"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func versionIsPrinted() async throws {
        let result = try await run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}
