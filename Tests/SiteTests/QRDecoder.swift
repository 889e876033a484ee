import Foundation

/// zbarimg (Debian's zbar-tools), a decoder that is not ours.
enum QRDecoder {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The payload zbarimg reads, run off the cooperative pool and killed after 30 s.
    static func decode(pbm: String) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try Data(pbm.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await decode(file: file)
    }

    /// Any image file zbarimg reads (PBM, PNG, …), run off the cooperative pool and killed after 30 s.
    static func decode(file: URL) async throws -> String {
        try await TestProcess.run(zbarimg!, ["--quiet", "--raw", "-Sbinary", file.path], timeout: 30).output
    }
}
