import CCmarkGFM
import CmarkArena
import Foundation
@testable import Markdown
import Testing

/// cmark allocates from a per-thread arena during a parse (`CmarkArena`): blocks larger than
/// a chunk, buffers grown in place and moved, and a thread parsing one document after another
/// must all give the text cmark read.
@Suite struct CmarkArenaTests {
    private func literal(_ document: MarkdownDocument, where match: (NodeKindOf<String>) -> String?) -> [String] {
        document.nodes.compactMap { match(document.literal($0.kind)) }
    }

    /// The allocator itself, as cmark calls it: no block overlaps another, whatever grew.
    @Test func blocksNeverOverlap() throws {
        let mem = try #require(adoptkit_arena_allocator()).pointee
        defer { adoptkit_arena_reset() }
        func fill(_ block: UnsafeMutableRawPointer, _ count: Int, _ byte: UInt8) { block.initializeMemory(as: UInt8.self, repeating: byte, count: count) }
        func holds(_ block: UnsafeMutableRawPointer, _ count: Int, _ byte: UInt8) -> Bool {
            UnsafeRawBufferPointer(start: block, count: count).allSatisfy { $0 == byte }
        }
        // The newest block grows in place; the next block starts after its new end.
        let first = try #require(mem.calloc(1, 100))
        #expect(mem.realloc(first, 200) == first)
        let second = try #require(mem.calloc(1, 8))
        #expect(second >= first + 200)
        var blocks: [(block: UnsafeMutableRawPointer, count: Int, byte: UInt8)] = []
        var random = PlainContentCopyTests.Seeded(state: 5)
        for step in 0..<1_500 {
            let byte = UInt8(truncatingIfNeeded: step % 251 + 1)
            if !blocks.isEmpty, Bool.random(using: &random) {
                // Grow (often the newest block, which grows in place) or shrink one.
                let index = Bool.random(using: &random) ? blocks.count - 1 : Int.random(in: 0..<blocks.count, using: &random)
                let old = blocks[index]
                let count = Int.random(in: 0...3, using: &random) == 0 ? max(1, old.count / 2) : old.count + Int.random(in: 1...100_000, using: &random)
                let moved = try #require(mem.realloc(old.block, count))
                #expect(holds(moved, min(count, old.count), old.byte), "realloc kept the bytes")
                fill(moved, count, byte)
                blocks[index] = (moved, count, byte)
            } else {
                let count = Int.random(in: 0...3, using: &random) == 0 ? Int.random(in: 60_000...400_000, using: &random) : Int.random(in: 1...300, using: &random)
                let block = try #require(mem.calloc(1, count))
                #expect(holds(block, count, 0), "calloc zeroes")
                fill(block, count, byte)
                blocks.append((block, count, byte))
            }
        }
        for (block, count, byte) in blocks { #expect(holds(block, count, byte)) }
        adoptkit_arena_reset()
        // Reused chunks hold old bytes: calloc still zeroes.
        for _ in 0..<200 {
            let block = try #require(mem.calloc(64, 16))
            #expect(holds(block, 1024, 0))
        }
    }

    /// Past the arena's cap (32 MiB in one parse) blocks come from malloc, and are freed when
    /// cmark frees them: a hostile page cannot keep every dropped block until its parse ends.
    @Test func blocksPastTheCapComeFromTheHeap() throws {
        let mem = try #require(adoptkit_arena_allocator()).pointee
        adoptkit_arena_reset()
        defer { adoptkit_arena_reset() }
        var blocks: [UnsafeMutableRawPointer] = []
        for number in 0..<40 {
            let block = try #require(mem.calloc(1, 1 << 20))
            block.storeBytes(of: UInt8(number), as: UInt8.self)
            blocks.append(block)
        }
        #expect(adoptkit_arena_used_heap() != 0)
        #expect(blocks.enumerated().allSatisfy { $1.load(as: UInt8.self) == UInt8($0) })
        // A heap block grows with realloc and keeps its bytes; freeing it frees it.
        let grown = try #require(mem.realloc(blocks[39], 2 << 20))
        #expect(grown.load(as: UInt8.self) == 39)
        mem.free(grown)
        adoptkit_arena_reset()
        #expect(adoptkit_arena_used_heap() == 0)
        // A paragraph the table extension scans again at each line (2 columns against 3):
        // it parses, and its blocks past the cap are freed by cmark.
        let hostile = (0..<4_000).map { $0 % 2 == 0 ? "a|b" : "-|-|-" }.joined(separator: "\n")
        let document = MarkdownParser.parse(hostile)
        #expect(document.nodes.contains { if case .paragraph = $0.kind { true } else { false } })
    }

    @Test func blocksLargerThanAChunkKeepTheirText() {
        // A code block of about a MiB grows its buffer far past a chunk (256 KiB).
        let line = "let value = \"0123456789abcdefghijklmnopqrstuvwxyz\" // a line of code\n"
        let code = String(repeating: line, count: 16_000)
        let document = MarkdownParser.parse("# Big\n\n```swift\n" + code + "```\n\nAfter.\n")
        let blocks = literal(document) { if case let .codeBlock(_, text) = $0 { text } else { nil } }
        #expect(blocks == [code])
        #expect(literal(document) { if case .text(let text) = $0 { text } else { nil } } == ["Big", "After."])
    }

    @Test func manySmallBlocksAndGrownBuffersKeepTheirText() {
        // Thousands of nodes, and paragraphs whose text buffers grow while other blocks are made.
        let paragraphs = (0..<3_000).map { "Paragraph \($0) with *emphasis \($0)* and a [link](page-\($0).md)." }
        let document = MarkdownParser.parse(paragraphs.joined(separator: "\n\n"))
        let links = literal(document) { if case .link(let destination, _) = $0 { destination } else { nil } }
        #expect(links == (0..<3_000).map { "page-\($0).md" })
        let emphasis = literal(document) { if case .text(let text) = $0, text.hasPrefix("emphasis") { text } else { nil } }
        #expect(emphasis == (0..<3_000).map { "emphasis \($0)" })
    }

    @Test func parsesOneAfterAnotherOnEveryThreadAgree() async {
        // Each thread reuses its chunks: a parse must not see a previous parse's bytes.
        let texts = (0..<64).map { n in (0...n % 7).map { "Line \(n)-\($0) ~~struck~~ | cell |\n|---|\n| \(n) |" }.joined(separator: "\n\n") }
        let serial = texts.map { MarkdownParser.parse($0).plainText(of: NodeID(0)) }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, MarkdownParser.parse(text).plainText(of: NodeID(0))) } }
            var found = [String](repeating: "", count: texts.count)
            for await (index, text) in group { found[index] = text }
            return found
        }
        #expect(parallel == serial)
    }
}
