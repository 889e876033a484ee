import Foundation
import Testing

/// The binary stands alone (`make install`): its built-in templates are compiled in, so a copy
/// outside the build folder, run from another folder, still builds a kit.
extension CommandLineTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func aCopiedBinaryBuildsAKitWithTheBuiltInTemplates() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let binary = folder.appendingPathComponent("bin/adoptkit")
            try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.executable, to: binary)
            try FileManager.default.copyItem(at: TestSupport.fixture("valid-kit"), to: folder.appendingPathComponent("kit"))
            let work = folder.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

            let help = try await run(["--help"], in: work, executable: binary)
            #expect(help.status == 0, "\(help.stderr)")
            #expect(help.stdout.contains("SUBCOMMANDS:") && help.stdout.contains("build"))

            // Relative paths from the other folder; the kit has only its own page.mustache.
            let result = try await run(["build", "../kit", "--output", "../site"], in: work, executable: binary)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Wrote 6 pages, 6 chat texts, 4 poster files and 7 other files"))
            let site = folder.appendingPathComponent("site")
            let manifest = try String(contentsOf: site.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"(built-in)/adoptkit.css\""))
            #expect(manifest.contains("\"(built-in)/posters/office365-sign-in/poster.html.mustache\""))
            // The embedded bytes are the repository's Templates/ files, unchanged.
            let css = try Data(contentsOf: site.appendingPathComponent("assets/adoptkit.css"))
            #expect(css == (try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Templates/adoptkit.css"))))
            let poster = try String(contentsOf: site.appendingPathComponent("posters/office365-sign-in.html"), encoding: .utf8)
            #expect(poster.hasPrefix("<!DOCTYPE html>") && poster.contains("<h1 data-fit=\"headline\">Sign in to Kaizala with <span class=\"accent\">Office 365"))

            // `init` writes the starter kit from the copy too: it is compiled in as well.
            let started = try await run(["init", "../started"], in: work, executable: binary)
            #expect(started.status == 0, "\(started.stderr)")
            let starter = try String(contentsOf: folder.appendingPathComponent("started/Content/index.md"), encoding: .utf8)
            #expect(starter == (try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Starter/Content/index.md"), encoding: .utf8)))
        }
    }

    /// A copy still finds a resource bundle through the absolute build path SwiftPM compiles into
    /// `Bundle.module`, so the run above would pass with a bundle too, until `.build/` is
    /// deleted. The binary must therefore name no bundle at all (SwiftPM names them
    /// `PACKAGE_TARGET.resources`), whichever target or dependency would bring one.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func theBinaryReadsNoResourceBundle() throws {
        let bytes = try Data(contentsOf: Self.executable)
        #expect(bytes.range(of: Data(".resources".utf8)) == nil,
                "the binary refers to a resource bundle in the build folder; embed the files instead (see Plugins/EmbedTemplates)")
    }
}
