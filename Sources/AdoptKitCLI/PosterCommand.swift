import ArgumentParser
import Foundation
import Rendering
import Site
import SiteModel

extension PosterFormat: ExpressibleByArgument {}
extension ChatFlavor: ExpressibleByArgument {}

struct PosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poster",
        abstract: "Print one poster to standard output.",
        discussion: """
            Renders poster NAME (invite-link, office365-sign-in, org-mapping, or one of the kit's own) \
            for one group, as HTML (print-ready, standalone) or as text for pasting into a chat. \
            Organisation-wide posters take no --group. --language prints it in another of the kit's \
            languages (site.languages); the default is the first. Examples:
              adoptkit poster invite-link --group "Contoso – Sales" --format text
              adoptkit poster invite-link --group "Contoso – Sales" --language fr
            """
    )

    @Argument(help: "The poster template name.")
    var name: String

    @Option(help: ArgumentHelp("The group, as written in adoptkit.yml.", valueName: "name"))
    var group: String?

    @Option(help: "html or text.")
    var format: PosterFormat = .html

    @Option(help: "With --format text: plain (default), whatsapp, slack, telegram or teams.")
    var flavor: ChatFlavor = .plain

    @Option(help: ArgumentHelp("One of site.languages (default: the first).", valueName: "tag"))
    var language: String?

    @OptionGroup var kit: KitOptions

    func run() async throws {
        let action = PosterAction(location: kit.location, poster: name, group: group, format: format, flavor: flavor,
                                  configRequired: kit.config != nil, language: language)
        switch await action.run() {
        case let .rendered(text, warnings):
            Report.diagnostics(warnings, location: kit.location)
            FileHandle.standardOutput.write(Data(text.utf8))
        case .failed(let diagnostics):
            Report.diagnostics(diagnostics, location: kit.location)
            throw ExitCode(1)
        }
    }
}
