import ArgumentParser
import Foundation
import Site
import SiteModel

/// Where the kit is: shared by every command that reads one.
struct KitOptions: ParsableArguments {
    @Argument(help: "The kit folder (holds adoptkit.yml, Content/, Templates/).", completion: .directory)
    var kit: String = "."

    @Option(help: ArgumentHelp("The Markdown folder.", valueName: "dir"), completion: .directory)
    var content: String?

    @Option(help: ArgumentHelp("The templates folder; built-in templates fill in what it lacks.", valueName: "dir"), completion: .directory)
    var templates: String?

    @Option(help: ArgumentHelp("The config file (default: KIT/adoptkit.yml; optional unless given).", valueName: "file"), completion: .file())
    var config: String?

    var location: KitLocation {
        KitLocation(kit: Self.url(kit), content: content.map(Self.url), templates: templates.map(Self.url), config: config.map(Self.url))
    }

    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL
    }
}
