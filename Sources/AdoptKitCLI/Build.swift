import ArgumentParser
import Diagnostics
import Foundation
import KitConfig
import Site
import SiteModel

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the kit into a static site.",
        discussion: """
            Builds into a temporary folder next to the output and swaps it in only when \
            everything succeeded, so a failed build leaves the previous site untouched. \
            Problems print as path:line:column: severity: message [rule].
            """
    )

    @OptionGroup var kit: KitOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: KIT/_site).", valueName: "dir"), completion: .directory)
    var output: String?

    @Flag(help: "Treat warnings (broken links, unknown alert kinds …) as errors.")
    var strict = false

    @Flag(help: "Print how long each stage took (to standard error).")
    var timings = false

    @Option(help: ArgumentHelp("Also print every poster with headless Chromium: pdf, png or pdf,png (instead of posters.export).", valueName: "formats"))
    var export: String?

    func validate() throws {
        _ = try exportFormats()
    }

    func exportFormats() throws -> [KitConfig.PosterSettings.ExportFormat]? {
        guard let export else { return nil }
        let names = export.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let formats = try names.map { name in
            guard let format = KitConfig.PosterSettings.ExportFormat(rawValue: name) else {
                throw ValidationError("unknown export format '\(name)'; choose pdf, png or pdf,png")
            }
            return format
        }
        return KitConfig.PosterSettings.ExportFormat.allCases.filter(formats.contains)
    }

    func run() async throws {
        let action = BuildAction(location: kit.location, output: output.map(KitOptions.url), strict: strict,
                                 configRequired: kit.config != nil, posterExport: try exportFormats())
        // Progress only for people watching a terminal; logs and pipes get the summary alone.
        let progress = isatty(STDERR_FILENO) == 1 ? BuildProgress() : nil
        let result = await action.run(progress: progress)
        Report.diagnostics(result.diagnostics, location: kit.location)
        if timings { Report.timings(result.timings) }
        guard result.succeeded, let outputs = result.plan?.outputs else { throw ExitCode(1) }
        let html = outputs.filter { ($0.kind == .page || $0.kind == .index) && $0.format == "html" }.count
        let texts = outputs.filter { $0.kind == .page && $0.format != "html" }.count
        let posters = outputs.filter { $0.kind == .poster }.count
        let others = outputs.count - html - texts - posters
        print("Wrote \(html) pages, \(texts) chat texts, \(posters) poster files and \(others) other files to \(TerminalText.escape(action.output.path))")
    }
}
