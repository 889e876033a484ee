import ArgumentParser
import Diagnostics
import Foundation

/// The `adoptkit` command. Subcommands parse flags and hand off to actions in `Site`.
public struct AdoptKit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "adoptkit",
        abstract: "Turn a work-chat adoption kit into a website, posters and chat-ready text.",
        discussion: """
            A kit is a folder with adoptkit.yml, Content/ (Markdown in the Microsoft Docs dialect) \
            and optionally Templates/; `adoptkit init` starts one. Exit codes: 0 success, 1 the \
            kit has errors, 64 usage error.
            """,
        version: AdoptKit.version,
        subcommands: [Init.self, Build.self, Check.self, PosterCommand.self, Serve.self]
    )

    /// What `adoptkit --version` prints.
    public static let version = "0.1.0"

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
            // ArgumentParser's messages quote the arguments (`Unknown option '--x'`); they are
            // printed escaped, so an argument can never drive the terminal.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((TerminalText.escape(message, keepNewlines: true) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
