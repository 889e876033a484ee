import Testing
@testable import Diagnostics

@Suite struct UTF8OrderTests {
    /// The same order as comparing the UTF-8 bytes one by one, for prefixes, empty strings and
    /// multibyte text. (Strings here are native; the byte-by-byte fallback is for bridged ones.)
    @Test func agreesWithTheBytesOrder() {
        let texts = ["", "a", "a/", "a/b", "a/b.html", "a-b", "a0", "A", "ä", "ä/x", "z", "zz", "\u{1F600}", "é", "e\u{301}",
                     "docs/fr/page.html", "docs/page.html", "docs/page.html.txt"]
        for left in texts {
            for right in texts {
                #expect(left.utf8Precedes(right) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
            }
        }
        #expect(texts.sorted { $0.utf8Precedes($1) } == texts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
