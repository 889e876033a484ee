@testable import Markdown
import Testing

/// The `memchr` scan behind `{{` and `:::` answers as a byte-by-byte count of runs does.
@Suite struct ByteRunTests {
    static func naive(_ byte: UInt8, times: Int, in bytes: [UInt8]) -> Bool {
        var run = 0
        for next in bytes {
            run = next == byte ? run + 1 : 0
            if run == times { return true }
        }
        return false
    }

    @Test func runsAreFoundWhereverTheyFall() {
        let pieces = [":", "::", ":::", "a", "é", " ", "{", "{{", "x:"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for (byte, times) in [(UInt8(ascii: ":"), 3), (UInt8(ascii: "{"), 2)] {
                #expect(ByteRun.contains(byte, times: times, in: text.utf8) == Self.naive(byte, times: times, in: Array(text.utf8)), "\(text)")
                #expect(ByteRun.contains(byte, times: times, in: Substring(text).utf8) == Self.naive(byte, times: times, in: Array(text.utf8)))
                // A sequence without contiguous storage takes the byte loop.
                #expect(ByteRun.contains(byte, times: times, in: AnySequence(text.utf8)) == Self.naive(byte, times: times, in: Array(text.utf8)))
            }
        }
        #expect(TextSpan.containsDoubleBrace("Hello {{ name }}".utf8) && !TextSpan.containsDoubleBrace("{ a } { b }".utf8))
        #expect(DocFXRewriter.hasMarker(":::zone pivot=\"a\"") && !DocFXRewriter.hasMarker("a :: b : c"))
    }
}
