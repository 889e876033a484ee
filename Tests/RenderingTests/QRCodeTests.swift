import Foundation
import Rendering
import Testing

/// QR codes decoded back by a real decoder (zbarimg from Debian's zbar-tools).
@Suite struct QRCodeTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Reads the module matrix back out of our SVG path (`M x y h n v1 h-n z` runs).
    func modules(fromSVG svg: String, size: Int) -> [Bool] {
        var modules = [Bool](repeating: false, count: size * size)
        for match in svg.matches(of: /M(\d+) (\d+)h(\d+)v1h-\d+z/) {
            let x = Int(match.1)! - QRCode.quietZone, y = Int(match.2)! - QRCode.quietZone, run = Int(match.3)!
            for dx in 0..<run { modules[y * size + x + dx] = true }
        }
        return modules
    }

    func decode(_ pbm: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try Data(pbm.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.zbarimg!)
        process.arguments = ["--quiet", "--raw", "-Sbinary", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: zbarimg != nil, "zbarimg is missing: make test installs zbar-tools"), arguments: [
        "https://aka.ms/kaizala-invite/Contoso-AllEmployees",
        "https://login.microsoftonline.com/?whr=contoso.com&x=1#frag",
        "https://example.com/grüße/\u{1F600}?q=a%20b",
    ])
    func svgRoundTripsThroughARealDecoder(_ link: String) throws {
        let code = try #require(QRCode(link))
        let svg = code.svg(label: "QR code")
        #expect(modules(fromSVG: svg, size: code.size) == code.modules)
        #expect(try decode(code.pbm()) == link)
    }

    @Test func svgIsStandaloneAndLabelled() throws {
        let svg = try #require(QRCode("https://example.com/a\"b<c>")).svg(label: "Scan to join \"Sales\" <East>")
        #expect(svg.hasPrefix("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("aria-label=\"Scan to join &quot;Sales&quot; &lt;East&gt;\""))
        #expect(!svg.contains("href"))
    }

    @Test func sameLinkSameSymbol() {
        #expect(QRCode("https://example.com/x") == QRCode("https://example.com/x"))
        #expect(QRCode("") == nil)
    }
}
