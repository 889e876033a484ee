import Foundation

/// zbarimg (Debian's zbar-tools), a decoder that is not ours.
enum QRDecoder {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func decode(pbm: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try Data(pbm.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try decode(file: file)
    }

    /// Any image file zbarimg reads (PBM, PNG, …).
    static func decode(file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg!)
        process.arguments = ["--quiet", "--raw", "-Sbinary", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
