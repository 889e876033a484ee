import ArgumentParser
import Diagnostics
import Foundation
import Site
import StarterKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new kit that builds at once.",
        discussion: """
            Writes adoptkit.yml (commented), Content/ with the three core pages and a table of \
            contents into DIR, which must be new or empty: nothing is ever overwritten. Needs no \
            network.
            """
    )

    @Argument(help: "The folder to create the kit in (new or empty).", completion: .directory)
    var folder: String = "."

    @Option(help: ArgumentHelp("The organisation's name, as posters show it (default: Your organization).", valueName: "name"))
    var organization: String?

    @Option(help: ArgumentHelp("The work-chat app's name (default: Kaizala).", valueName: "name"))
    var app: String?

    func validate() throws {
        for (option, value) in [("--organization", organization), ("--app", app)] {
            if let value, let problem = StarterKit.problem(with: value) { throw ValidationError("\(option) \(problem)") }
        }
    }

    func run() throws {
        let names = StarterKit.Names(organization: organization, app: app)
        do {
            let written = try InitAction(folder: KitOptions.url(folder), names: names, shownAs: folder).run()
            print(Self.nextSteps(folder: folder, written: written, names: names, organizationGiven: organization != nil))
        } catch {
            FileHandle.standardError.write(Data("adoptkit: error: \(TerminalText.escape(error.description))\n".utf8))
            throw ExitCode(1)
        }
    }

    static func nextSteps(folder: String, written: [String], names: StarterKit.Names, organizationGiven: Bool) -> String {
        let shown = TerminalText.escape(folder)
        let cd = folder == "." ? "" : "cd \(shown.contains(" ") ? "'\(shown)'" : shown) && "
        var steps = ["Edit adoptkit.yml: " + (organizationGiven ? "" : "set organization.name, ") + "check the sign-in details."]
        steps += [
            "Add a row per chat group to groups.csv (name, invite_link, …), or save your spreadsheet over it as CSV UTF-8.",
            "Edit the pages in Content/; TOC.md orders them.",
            "\(cd)adoptkit serve    preview in a browser; it reloads as you edit.",
            "\(cd)adoptkit check    find every problem; then adoptkit build writes the site to _site/.",
        ]
        return "Created a kit for \(TerminalText.escape(names.organization)) in \(shown) (\(written.count) files):\n"
            + written.map { "  \($0)\n" }.joined()
            + "\nNext steps:\n"
            + steps.enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined()
    }
}
