import ArgumentParser
import Foundation
import Site
import SiteModel

extension ReportFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every problem in a kit without writing anything.",
        discussion: """
            Runs the same load and checks as build: links and anchors, the DocFX dialect, the \
            table of contents, adoptkit.yml, templates and posters. Needs no network. Exit codes: \
            0 clean (warnings allowed), 1 errors found, 64 usage error.
            """
    )

    @OptionGroup var kit: KitOptions

    @Option(help: "text (default; with source lines), json (stable schema) or github (workflow annotations).")
    var format: ReportFormat = .text

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var warningsAsErrors = false

    @Flag(help: "Print how long each stage took (to standard error).")
    var timings = false

    func run() async throws {
        let (diagnostics, laps) = await CheckAction(location: kit.location, warningsAsErrors: warningsAsErrors,
                                                    configRequired: kit.config != nil).timedRun()
        Report.diagnostics(diagnostics, format: format, location: kit.location)
        if format == .text, diagnostics.isEmpty {
            FileHandle.standardError.write(Data("No problems found.\n".utf8))
        }
        if timings { Report.timings(laps) }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
