import ArgumentParser
import Diagnostics
import Foundation
import Preview
import Rendering
import Site
import SiteModel

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the kit in a browser, rebuilding and reloading as you edit.",
        discussion: """
            Builds the kit in memory (never touching _site/) and serves it on 127.0.0.1. Edits to \
            Content/, Templates/ and adoptkit.yml rebuild it, and open pages reload by themselves. \
            A failed rebuild shows its problems over the last good page until you fix them. \
            Use --host 0.0.0.0 to preview on a phone on the same network: adoptkit prints the \
            address and a QR code of it. Stop with Ctrl-C.
            """
    )

    @OptionGroup var kit: KitOptions

    @Option(help: "Port to listen on (default 8000; the next free one is used if it is busy).")
    var port: Int?

    @Option(help: ArgumentHelp("Address to listen on: 127.0.0.1 (default), or 0.0.0.0 for the local network.", valueName: "addr"))
    var host = "127.0.0.1"

    @Flag(help: "After each rebuild, print how long it took, how many outputs it made stale, and how many of those browsers had open were rendered again and changed.")
    var verbose = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        // Nothing to preview or watch: say so at once rather than serve an error page.
        if let missing = ContentScanner.missingKit(kit.location) {
            Report.diagnostics([missing], location: kit.location)
            throw ExitCode(1)
        }
        let options = PreviewServer.Options(host: host, port: port ?? 8000, findFreePort: port == nil)
        let server = PreviewServer(location: kit.location, options: options)
        let location = kit.location
        let host = self.host, verbose = self.verbose
        do {
            try await server.run(onReady: { port, diagnostics in
                Report.diagnostics(diagnostics, location: location)
                Self.announce(host: host, port: port)
            }, onRebuild: { update in
                var status = update.succeeded ? "Rebuilt." : "Rebuild failed; still serving the last good build."
                if verbose, update.succeeded {
                    status = "Rebuilt in \(Int((update.seconds * 1000).rounded())) ms: \(update.stale.count) outputs stale, "
                        + "\(update.rendered) open ones rendered again, \(update.changed.count) changed."
                }
                Report.diagnostics(update.diagnostics, location: location)
                FileHandle.standardError.write(Data("\(status)\n".utf8))
            })
        } catch let failure as PreviewServer.Failure {
            FileHandle.standardError.write(Data("adoptkit: error: \(TerminalText.escape("\(failure)"))\n".utf8))
            throw ExitCode(1)
        }
    }

    static func announce(host: String, port: Int) {
        var text = "Serving on http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n"
        if host == "0.0.0.0", let lan = NetworkInterfaces.addresses().first {
            let url = "http://\(lan):\(port)/"
            text += "On your phone (same network): \(url)\n"
            if let code = QRCode(url) { text += code.terminalText() }
        } else if host != "127.0.0.1" && host != "localhost" {
            text = "Serving on http://\(TerminalText.escape(host)):\(port)/ (Ctrl-C to stop)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
