import ArgumentParser

/// The `adoptkit` command. Subcommands parse flags and hand off to actions in `Site`.
public struct AdoptKit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "adoptkit",
        abstract: "Turn a work-chat adoption kit into a website, posters and chat-ready text.",
        discussion: """
            A kit is a folder with adoptkit.yml, Content/ (Markdown in the Microsoft Docs dialect) \
            and optionally Templates/. Exit codes: 0 success, 1 the kit has errors, 64 usage error.
            """,
        subcommands: [Build.self, Check.self, PosterCommand.self, Serve.self]
    )

    public init() {}
}

extension AdoptKit {
    /// Entry point for the executable. Spelled out because a call to `main()` from outside an
    /// `@main` type resolves to ParsableCommand's synchronous overload.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
