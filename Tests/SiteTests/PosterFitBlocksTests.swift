import Foundation
import Testing
@testable import SiteProducers

/// Reading a poster's measured text back from its HTML.
@Suite struct PosterFitBlocksTests {
    /// One pass over the text decodes as replacing each entity in turn, `&amp;` last, did: an
    /// escaped entity stays one (`&amp;lt;` is the text `&lt;`), a bare `&` stays, and an entity
    /// is decoded with a combining mark after it, as a browser does (Foundation's string search
    /// would not find it there, so the reference replaces bytes).
    @Test(arguments: ["", "plain", "&", "a & b", "&lt;b&gt;", "&amp;lt;", "&amp;amp;", "&&lt;", "&am&lt;p;", "Tom&#39;s &#x27;x&#x27;",
                      "&quot;quoted&quot;", "no&nbsp;break", "&unknown; &lt", "&#39", "é&amp;ü", "\u{1F600}&gt;\u{1F600}",
                      "&lt;\u{301}", "&\u{301}lt;", "x&amp;\u{308}"])
    func entitiesDecodeAsReplacingEachInTurn(_ text: String) {
        var replaced = Array(text.utf8)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"), ("&nbsp;", "\u{A0}"), ("&amp;", "&")] {
            replaced = Self.replacing(Array(entity.utf8), with: Array(character.utf8), in: replaced)
        }
        #expect(Array(PosterFitBlocks.decodeEntities(text).utf8) == replaced)
    }

    private static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [], index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: pattern) {
                result += replacement
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
