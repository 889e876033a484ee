import Foundation
@testable import Rendering
import Testing

/// The real-decoder round trip lives in SiteTests (`PosterTests`); here, the SVG itself.
@Suite struct QRCodeTests {
    /// The memo gives the code a fresh encode gives, keeps a refusal too, tells links apart by
    /// their bytes (a decomposed `ü` is another link), and forgets everything at its limit.
    @Test func memoizedCodesAreTheCodesEncoded() {
        let memo = QRCode.Memo(limit: 3)
        let composed = "https://example.com/gr\u{FC}\u{DF}e", decomposed = "https://example.com/gru\u{308}\u{DF}e"
        #expect(composed == decomposed && QRCode(composed) != QRCode(decomposed))
        #expect(memo.code(for: composed) == QRCode(composed) && memo.count == 1)
        #expect(memo.code(for: decomposed) == QRCode(decomposed) && memo.count == 2)
        #expect(memo.code(for: composed) == QRCode(composed) && memo.count == 2)
        let tooLong = String(repeating: "x", count: 3000)
        #expect(memo.code(for: tooLong) == nil && memo.count == 3)
        #expect(memo.code(for: "https://example.com/4") == QRCode("https://example.com/4") && memo.count == 1)
        #expect(QRCode.memoized(composed) == QRCode(composed) && QRCode.memoized(decomposed) == QRCode(decomposed))
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

    /// The size found from the standard's capacities is the size libqrencode encodes, at each
    /// version's largest payload and one byte past it, for multi-byte text,
    /// and for a payload with a NUL (the C encoder stops there).
    @Test func symbolSizeIsTheEncodedSize() {
        // The longest payload of each version, and one byte more: a capacity off by one shows.
        let edges = QRCode.dataCodewordsM.enumerated().map { index, codewords in (8 * codewords - 4 - (index < 9 ? 8 : 16)) / 8 }
        for length in [0, 1] + edges.flatMap({ [$0, $0 + 1] }) {
            let payload = String(repeating: "a", count: length)
            #expect(QRCode.symbolSize(payload) == QRCode(payload)?.size, "length \(length)")
        }
        for payload in ["https://example.com/grüße/\u{1F600}", String(repeating: "ü", count: 700), String(repeating: "€", count: 778),
                        "https://example.com/\u{0}tail", "\u{0}"] {
            #expect(QRCode.symbolSize(payload) == QRCode(payload)?.size, "\(payload.utf8.count) bytes")
        }
    }

    /// The outline is the symbol's opening tag, the one `svg(label:)` writes, closed at once.
    @Test func outlineIsTheSymbolWithoutItsModules() throws {
        let link = "https://example.com/join/\u{FC}ber?a=1&b=\"2\""
        let svg = try #require(QRCode(link)).svg(label: "Join <Sales> & \"East\"")
        let outline = QRCode.outlineSVG(link, label: "Join <Sales> & \"East\"")
        #expect(outline.hasSuffix("></svg>") && svg.hasPrefix(String(outline.dropLast("</svg>".count))))
        #expect(QRCode.outlineSVG(String(repeating: "x", count: 3000), label: "x").isEmpty)
    }
}
