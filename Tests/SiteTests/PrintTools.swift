import BrowserExport
import Foundation

/// The real tools the print tests use (Debian's chromium, poppler-utils and zbar-tools;
/// `scripts/install-deps.sh --test` installs them).
enum PrintTools {
    static func find(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static let pdfinfo = find("pdfinfo"), pdftoppm = find("pdftoppm"), zbarimg = find("zbarimg")
    static let chromium = HeadlessBrowser.find()
    static var available: Bool { pdfinfo != nil && pdftoppm != nil && zbarimg != nil && chromium != nil }
    static let missing = "needs chromium, poppler-utils and zbar-tools: scripts/install-deps.sh --test installs them"

    /// Runs `tool` off the cooperative pool, killed after 120 s (see `TestProcess`), and
    /// returns its status and standard output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, output: Data) {
        let result = try await TestProcess.run(tool, arguments, environment: environment, timeout: 120)
        return (result.status, result.stdout)
    }

    /// `pdfinfo`'s page count and page size line ("594.96 x 841.92 pts (A4)").
    static func pdfInfo(_ file: URL) async throws -> (pages: Int, size: String) {
        let text = String(decoding: try await run(pdfinfo!, [file.path]).output, as: UTF8.self)
        let pages = text.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) } ?? 0
        let size = text.firstMatch(of: /Page size:\s+([^\n]+)/).map { String($0.1) } ?? ""
        return (pages, size)
    }

    /// What zbarimg reads in an image file (PNG, PGM), or "" when it finds no code.
    static func decode(_ image: URL) async throws -> String {
        String(decoding: try await run(zbarimg!, ["--quiet", "--raw", "-Sbinary", image.path]).output, as: UTF8.self)
    }

    /// The first page of `pdf` rendered by poppler at `dpi` (anti-aliased) as a grey PGM.
    static func render(_ pdf: URL, dpi: Double, to base: URL) async throws -> URL {
        try await run(pdftoppm!, ["-r", String(format: "%.3f", dpi), "-gray", "-singlefile", pdf.path, base.path])
        return base.appendingPathExtension("pgm")
    }

    /// Width and height from a PNG's header.
    static func pngSize(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
