import Foundation
import Testing
@testable import Diagnostics

@Suite struct TrimmingTests {
    /// The pure-Swift trims agree with Foundation's on every edge case, including Unicode spaces.
    @Test(arguments: ["", " ", "\n\t ", "a", "  a b  ", "\u{00A0}x\u{3000}", "\u{2028}x\u{85}", "\r\nline\r\n",
                      "é ", " \u{1F600} ", "\u{200B}zero-width\u{200B}", "x\u{2029}", "\u{000B}\u{000C}v"])
    func agreesWithFoundation(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        let sub = text[...]
        #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
