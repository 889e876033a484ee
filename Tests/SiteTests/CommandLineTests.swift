import Foundation
import Testing

/// Runs the real `adoptkit` executable (built next to the test bundle by `swift build`).
@Suite struct CommandLineTests {
    static let executable: URL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("adoptkit")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the binary off the cooperative pool, killed after 120 s (see `TestProcess`).
    func run(_ arguments: [String], in folder: URL? = nil, executable: URL = Self.executable) async throws -> Run {
        let result = try await TestProcess.run(executable.path, arguments, in: folder, timeout: 120)
        return Run(status: result.status, stdout: result.output, stderr: result.errors)
    }

    @Test func executableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "run `swift build` before `swift test` (make test does)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func buildSucceedsAndWritesTheSite() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("site")
            let result = try await run(["build", TestSupport.fixture("valid-kit").path, "--output", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Wrote 6 pages, 6 chat texts, 4 poster files and 7 other files"))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("guide/start.html").path))
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func brokenKitPrintsEveryProblemAndExitsOne() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("site")
            let result = try await run(["build", TestSupport.fixture("broken-kit").path, "-o", output.path], in: TestSupport.fixture("broken-kit"))
            #expect(result.status == 1)
            #expect(result.stderr.contains("Content/latin1.md:3:4: error: file is not valid UTF-8 (byte 0xE9) [source.invalid-utf8]\n"))
            // The source line and a caret under the column.
            #expect(result.stderr.contains("""
                adoptkit.yml:5:1: error: unknown key 'organisation' in 'adoptkit.yml'; did you mean 'organization'? [config.unknown-key]
                    organisation:
                    ^
                    note: known keys:
                """))
            #expect(result.stderr.contains("""
                Content/index.md:8:35: warning: link to 'other.md#nope': 'other.md' has no heading with id 'nope' [link.missing-anchor]
                    See [a missing page](missing.md), [a missing anchor](other.md#nope) and ![a missing image](media/none.png).
                                                      ^
                """))
            #expect(result.stderr.hasSuffix("11 errors, 13 warnings in 12 files\n"))
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func checkTimingsNameTheStagesOfTheLoad() async throws {
        let kit = TestSupport.fixture("valid-kit").path
        let timed = try await run(["check", "--timings", kit])
        #expect(timed.status == 0, "\(timed.stderr)")
        // The last lines: one per stage, `stage: N ms`.
        let laps = timed.stderr.split(separator: "\n").suffix(4).map { $0.split(separator: ": ", maxSplits: 1) }
        #expect(laps.map { String($0[0]) } == ["config, templates, scan", "read and parse", "kit model and plan", "checks"], "\(timed.stderr)")
        #expect(laps.allSatisfy { $0.count == 2 && $0[1].hasSuffix(" ms") && Int($0[1].dropLast(3)) != nil })
        let plain = try await run(["check", kit])
        #expect(!plain.stderr.contains(" ms\n"), "\(plain.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func usageErrorsExitWith64() async throws {
        let result = try await run(["build", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
        let help = try await run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
    }
}

extension CommandLineTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func posterPrintsOnePosterToStandardOutput() async throws {
        let kit = TestSupport.fixture("poster-kit").path
        let text = try await run(["poster", "welcome-pack", "--group", "Fabrikam – Office", "--format", "text", kit])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "Welcome to Fabrikam – Office! Join here: https://kaiza.la/g/office\n")
        let html = try await run(["poster", "invite-link", "--group", "Fabrikam – Field Team", kit])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<svg class=\"qr\""))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func posterErrorsListCloseMatches() async throws {
        let kit = TestSupport.fixture("poster-kit").path
        let group = try await run(["poster", "invite-link", "--group", "Field Team", kit])
        #expect(group.status == 1)
        #expect(group.stderr.contains("error: there is no group 'Field Team' in adoptkit.yml [poster.unknown-group]"))
        #expect(group.stderr.contains("note: did you mean 'Fabrikam – Field Team'?"))
        let poster = try await run(["poster", "invite-lnk", "--group", "Fabrikam – Office", kit])
        #expect(poster.status == 1)
        #expect(poster.stderr.contains("note: did you mean 'invite-link'?"))
        let format = try await run(["poster", "invite-link", "--format", "pdf", kit])
        #expect(format.status == 64)
    }

    /// Arguments are echoed in errors; escape sequences in them must not reach the terminal.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.executable.path)))
    func argumentsEchoedInErrorsAreEscaped() async throws {
        let kit = TestSupport.fixture("poster-kit").path
        let group = try await run(["poster", "invite-link", "--group", "Field\u{1B}]8;;https://evil/\u{7}Team\u{202E}", kit])
        #expect(group.status == 1)
        #expect(group.stderr.contains("there is no group 'Field\\u{1B}]8;;https://evil/\\u{7}Team\\u{202E}'"))
        let flag = try await run(["build", "--bad\u{1B}[2J", kit])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("--bad\\u{1B}[2J"))
        for output in [group.stderr, flag.stderr, group.stdout, flag.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
    }
}
