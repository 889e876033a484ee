import Foundation
import Rendering
import Testing

/// The real-decoder round trip lives in SiteTests (`PosterTests`); here, the SVG itself.
@Suite struct QRCodeTests {
    /// The memo gives the code a fresh encode gives, remembers a refusal too, and keeps
    /// answering after it forgets (past its limit).
    @Test func memoizedCodesAreTheCodesEncoded() {
        let link = "https://chat.contoso.com/join/memo-\(UInt64.random(in: 0...UInt64.max))"
        #expect(QRCode.memoized(link) == QRCode(link) && QRCode.memoized(link) != nil)
        let tooLong = String(repeating: "x", count: 3000)
        #expect(QRCode.memoized(tooLong) == nil && QRCode.memoized(tooLong) == nil)
        for n in 0...QRCode.memoLimit { _ = QRCode.memoized("m\(n)") }
        #expect(QRCode.memoized(link) == QRCode(link))
    }

    @Test(arguments: ["https://aka.ms/kaizala-invite/Contoso-AllEmployees", "https://example.com/grüße/\u{1F600}?q=a%20b"])
    func svgHoldsExactlyTheSymbol(_ link: String) throws {
        let code = try #require(QRCode(link))
        #expect(QRCode(svg: code.svg(label: "QR code")) == code)
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0) // a valid QR version size
    }

    @Test func svgIsStandaloneAndLabelled() throws {
        let svg = try #require(QRCode("https://example.com/a\"b<c>")).svg(label: "Scan to join \"Sales\" <East>")
        #expect(svg.hasPrefix("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("aria-label=\"Scan to join &quot;Sales&quot; &lt;East&gt;\""))
        #expect(svg.contains("<rect width=\"\(QRCode("https://example.com/a\"b<c>")!.size + 8)\""))
        #expect(!svg.contains("href"))
    }

    @Test func sameLinkSameSymbol() {
        #expect(QRCode("https://example.com/x") == QRCode("https://example.com/x"))
        #expect(QRCode("") == nil)
        #expect(QRCode(String(repeating: "x", count: 8000)) == nil)
    }
}
