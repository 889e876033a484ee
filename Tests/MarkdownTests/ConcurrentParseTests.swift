import Foundation
@testable import Markdown
import Testing

/// libcmark-gfm has process-wide state, so only the parse itself holds a lock and the walk
/// into Swift values runs in parallel. This test parses many documents that use every
/// extension on all cores at once and requires the same trees as a serial parse; CI also runs
/// it under ThreadSanitizer (`make tsan`), which reports any unguarded access.
@Suite struct ConcurrentParseTests {
    static func document(_ number: Int) -> String {
        """
        # Heading \(number)

        Some *emphasis*, **strong**, ~~struck~~ and `code`, a link to https://example.com/\(number) and <b>html</b>.

        | Column \(number) | Left | Right |
        |:--|:-:|--:|
        | a\(number) | b | c |
        | d | e | f |

        - [x] done \(number)
        - [ ] open

        > [!NOTE]
        > A note with ~strike~ and www.example.org/\(number).

        ```swift
        let x = \(number)
        ```
        """
    }

    /// Feeding takes the lock only with a library whose table extension parses inlines while
    /// feeding (before 0.29), read from libcmark-gfm's packed version number.
    @Test func feedingIsLockedOnlyForLibrariesBefore029() {
        #expect(CmarkConverter.feedingChangesSharedState(version: 0x001C_0314))  // 0.28.3.gfm.20
        #expect(!CmarkConverter.feedingChangesSharedState(version: 0x001D_0006))  // 0.29.0.gfm.6
        #expect(!CmarkConverter.feedingChangesSharedState(version: 0x001D_000D))  // 0.29.0.gfm.13
        #expect(!CmarkConverter.feedingChangesSharedState(version: 0x0100_0000))  // 1.0.0
    }

    @Test func parallelParsesMatchSerialParses() async {
        let texts = (0..<400).map(Self.document)
        let serial = texts.map { MarkdownParser.parse($0).nodes }
        let parallel = await withTaskGroup(of: (Int, [MarkdownNode]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, MarkdownParser.parse(text).nodes) }
            }
            var results = [[MarkdownNode]](repeating: [], count: texts.count)
            for await (index, nodes) in group { results[index] = nodes }
            return results
        }
        #expect(parallel == serial)
        // The extensions really ran: a table, a strikethrough, an autolink and a task item.
        let kinds = serial[7].map(\.kind)
        #expect(kinds.contains { if case .table = $0 { true } else { false } })
        #expect(kinds.contains(.strikethrough))
        #expect(kinds.contains { if case .link(let d, _) = $0 { d == "https://example.com/7" } else { false } })
        #expect(kinds.contains(.item(task: true)))
    }
}
