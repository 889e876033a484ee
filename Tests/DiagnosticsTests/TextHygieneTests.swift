@testable import Diagnostics
import Foundation
import Testing

@Suite struct TextHygieneTests {
    @Test(arguments: [
        ("a\u{1B}[31mred\u{1B}[0m", "ared", 2),
        ("bell\u{07}, bs\u{08}, vt\u{0B}, ff\u{0C}, del\u{7F}, nul\u{00}, c1\u{85}", "bell, bs, vt, ff, del, nul, c1", 7),
        ("rlo\u{202E}x lri\u{2066}y pdi\u{2069}", "rlox lriy pdi", 3),
        ("zero\u{200B}width, B\u{FEFF}OM, word\u{2060}joiner, lrm\u{200E}", "zerowidth, BOM, wordjoiner, lrm", 4),
        // A joiner between Latin letters hides a break; in emoji and Indic text it belongs.
        ("pay\u{200D}pal", "paypal", 1),
        ("👩\u{200D}💻 क्\u{200D}ष", "👩\u{200D}💻 क्\u{200D}ष", 0),
        // An OSC-8 terminal link goes as a whole, its URL included.
        ("see \u{1B}]8;;https://evil.example/\u{1B}\\here\u{1B}]8;;\u{07} now", "see here now", 2),
        // CRLF is a line break; a lone CR becomes a space.
        ("a\r\nb\rc", "a\r\nb c", 1),
        ("tab\tand\nnewline", "tab\tand\nnewline", 0),
    ] as [(String, String, Int)])
    func invisibleRunsAreRemoved(_ input: String, _ cleaned: String, _ runs: Int) {
        #expect(TextHygiene.clean(input) == cleaned)
        #expect(TextHygiene.scan(input).count == runs)
    }

    @Test func runsNameTheirCodePointsAndOffsets() {
        let runs = TextHygiene.scan("ab\u{1B}[1mc\u{202E}\u{200B}d")
        #expect(runs.map(\.utf8Range) == [2..<6, 7..<13])
        #expect(runs.map(\.codePoints) == ["U+001B (ESC)", "U+202E (RIGHT-TO-LEFT OVERRIDE), U+200B (ZERO WIDTH SPACE)"])
        let diagnostic = TextHygiene.diagnostic(runs[0], at: SourceLocation(path: "a.md", line: 1, column: 3))
        #expect(diagnostic.id == .textControlCharacter)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "terminal escape sequence U+001B (ESC) removed")
    }

    @Test func anUnterminatedSequenceStopsAtTheEndOfTheLine() {
        #expect(TextHygiene.clean("a\u{1B}]8;;https://x.example/ text\nnext line") == "a\nnext line")
        #expect(TextHygiene.clean("end\u{1B}") == "end")
    }

    /// The byte test that lets text skip `scan` answers yes for every character `scan` removes
    /// and no for every other (so ’, – and … cost no scan), whatever its UTF-8 length.
    @Test func theQuickTestIsExactForEveryCharacter() {
        let scalars = (0...0x3000).compactMap(Unicode.Scalar.init) + ["\u{FEFF}", "\u{FFFD}", "\u{1F469}"]
        for scalar in scalars {
            let text = "a" + String(scalar) + "b"
            let removed = TextHygiene.isInvisible(scalar) || scalar == "\r" || scalar == "\u{200C}" || scalar == "\u{200D}"
            #expect(TextHygiene.mayNeedCleaning(text.utf8) == removed, "U+\(String(scalar.value, radix: 16))")
            #expect(TextHygiene.scan(text).isEmpty == !removed)
        }
        #expect(!TextHygiene.mayNeedCleaning("a\r\nb\r\n".utf8))
        #expect(TextHygiene.mayNeedCleaning("a\r".utf8))
        #expect(TextHygiene.mayNeedCleaning("a\r\r\nb".utf8))
        #expect(!TextHygiene.mayNeedCleaning("It’s — “quoted” … – ok".utf8))
    }

    /// Eight printable ASCII bytes at a time must answer as the byte loop does, wherever the
    /// patterns (CR, controls, E2 80 8B, C2 85, EF BB BF) fall against the eight-byte words.
    @Test func theWordAtATimeTestAgreesWithTheByteLoop() {
        let alphabet: [UInt8] = [0x61, 0x20, 0x7E, 0x0A, 0x0D, 0x09, 0x00, 0x1B, 0x7F, 0xE2, 0x80, 0x81, 0x8B, 0xA0, 0xC2, 0x85, 0xEF, 0xBB, 0xBF]
        let patterns: [[UInt8]] = [[0xE2, 0x80, 0x8B], [0xE2, 0x81, 0xA6], [0xC2, 0x85], [0xEF, 0xBB, 0xBF], [0x0D, 0x0A], [0x0D, 0x61]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            var bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8(ascii: "a") }
            for _ in 0..<Int.random(in: 0...3, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            }
            // Whole patterns too, which single bytes seldom make: U+200B, U+0085, U+FEFF, CRLF.
            if Bool.random(using: &generator), let pattern = patterns.randomElement(using: &generator), bytes.count >= pattern.count {
                let at = Int.random(in: 0...(bytes.count - pattern.count), using: &generator)
                bytes.replaceSubrange(at..<(at + pattern.count), with: pattern)
            }
            let fast = bytes.withUnsafeBufferPointer { TextHygiene.mayNeedCleaning(buffer: $0) }
            #expect(fast == TextHygiene.mayNeedCleaning(bytes: bytes), "\(bytes)")
        }
        let triple: [UInt8] = Array(repeating: 0x61, count: 7) + [0xE2, 0x80, 0x8B] + Array(repeating: 0x61, count: 9)
        #expect(triple.withUnsafeBufferPointer { TextHygiene.mayNeedCleaning(buffer: $0) })
        #expect(TextHygiene.mayNeedCleaning((String(repeating: "a", count: 15) + "\r" + String(repeating: "b", count: 8)).utf8))
    }
}

@Suite struct TerminalTextTests {
    @Test func controlsBecomeVisibleEscapes() {
        #expect(TerminalText.escape("a\u{1B}[31mb\u{07}\r\u{202E}\u{200B}\u{9B}") == "a\\u{1B}[31mb\\u{7}\\u{D}\\u{202E}\\u{200B}\\u{9B}")
        #expect(TerminalText.escape("tab\tline\nnext") == "tab\tline\\u{A}next")
        #expect(TerminalText.escape("tab\tline\nnext", keepNewlines: true) == "tab\tline\nnext")
        #expect(TerminalText.escape("Café – 营销 ✓") == "Café – 营销 ✓")
    }

    static let hostile = Diagnostic.warning(.linkMissingPage, "link to 'x\u{1B}]8;;https://evil/\u{07}y.md'", at: SourceLocation(path: "Content/\u{1B}[2Ja.md", line: 1, column: 8),
                                            notes: ["did you mean '\u{202E}b.md'?"])

    @Test func textOutputNeverCarriesRawControls() {
        let text = DiagnosticFormatter.text([Self.hostile]) { _, _ in "a\u{1B}[1mb\tcd" }
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        // The caret still stands under the 8th character: escapes are counted at their width.
        #expect(text == "Content/\\u{1B}[2Ja.md:1:8: warning: link to 'x\\u{1B}]8;;https://evil/\\u{7}y.md' [link.missing-page]\n"
                + "    a\\u{1B}[1mb\tcd\n" + "    " + String(repeating: " ", count: 11) + "\t^\n"
                + "    note: did you mean '\\u{202E}b.md'?\n")
        #expect(!Self.hostile.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func githubAndJSONOutputStayValidAndInert() throws {
        let github = DiagnosticFormatter.github([Self.hostile])
        #expect(!github.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(github.contains("file=Content/\\u{1B}[2Ja.md"))
        let json = DiagnosticFormatter.json([Self.hostile, .error(.configType, "c1 \u{9B}31m del \u{7F}", at: nil)])
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x7F || $0.value == 0x9B || $0.value == 0x202E })
        #expect(json.contains("\\u001b") && json.contains("\\u009b") && json.contains("\\u202e"))
        // Still valid JSON, meaning exactly the same text.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let messages = (object["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
        #expect(messages == ["c1 \u{9B}31m del \u{7F}", Self.hostile.message])
    }
}
