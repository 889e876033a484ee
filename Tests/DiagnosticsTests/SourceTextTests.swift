import Diagnostics
import Foundation
import Testing

@Suite struct SourceTextTests {
    @Test func invalidUTF8ReportsLineAndCharacterColumn() {
        var bytes = Array("line one\nçà \u{1F600} x".utf8)
        bytes.append(0xFF)
        bytes += Array(" tail\n".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(Data(bytes), path: "f.md") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.id == .invalidUTF8)
        // "çà 😀 x" is 6 characters, so the bad byte is the 7th.
        #expect(diagnostic.location == SourceLocation(path: "f.md", line: 2, column: 7))
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func overlongSurrogateAndTruncatedSequencesAreInvalid(_ bad: [UInt8]) {
        guard case .failure = SourceText.decode(Data(Array("ok ".utf8) + bad), path: "f") else {
            Issue.record("accepted invalid UTF-8 \(bad)")
            return
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let source = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("# Hi\n".utf8)), path: "f").get()
        #expect(source.text == "# Hi\n")
    }

    @Test func byteColumnsBecomeCharacterColumns() {
        let source = SourceText(path: "f", text: "plain\nÜnï – x\n")
        #expect(source.characterColumn(line: 1, byteColumn: 4) == 4)
        // "Ünï – " is 6 characters and 10 bytes: byte column 11 is character column 7.
        #expect(source.characterColumn(line: 2, byteColumn: 11) == 7)
        #expect(source.columnMap(line: 2)[10] == 7)
        #expect(source.line(2) == "Ünï – x")
    }

    @Test func diagnosticsPrintLikeACompiler() {
        let diagnostic = Diagnostic.error(.includeMissing, "included file 'a.md' does not exist",
                                          at: SourceLocation(path: "Content/x.md", line: 3, column: 1), notes: ["check the path"])
        #expect(diagnostic.description == "Content/x.md:3:1: error: included file 'a.md' does not exist [include.missing]\n    note: check the path")
        let summary = DiagnosticFormatter.summary([diagnostic, .warning(.linkMissingPage, "w", at: SourceLocation(path: "b.md", line: 1, column: 1))])
        #expect(summary == "1 error, 1 warning in 2 files")
    }

    @Test func suggestionsFindCloseNames() {
        #expect(Suggestions.closest(to: "organisation", in: ["site", "organization", "markdown"]) == "organization")
        #expect(Suggestions.closest(to: "zzz", in: ["site", "organization"]) == nil)
    }

    /// The column table counts grapheme clusters whichever way it is built (a quick scalar walk
    /// for Latin text and common punctuation, grapheme breaking otherwise).
    @Test func columnMapsCountCharactersOnEveryKindOfLine() {
        func reference(_ line: String) -> [Int] {
            var map = [Int](repeating: 0, count: line.utf8.count + 2)
            var column = 1, offset = 0
            for character in line {
                for k in 0..<character.utf8.count { map[offset + k] = column }
                offset += character.utf8.count
                column += 1
            }
            for k in offset..<map.count { map[k] = column + (k - offset) }
            return map
        }
        let alphabet = ["a", " ", "é", "ß", "Ø", "\u{2013}", "\u{201C}", "\u{2026}", "\u{301}", "\u{200D}", "😀", "🇫🇷", "\r",
                        "\u{2028}", "\u{202E}", "\u{AD}", "\u{1100}\u{1161}", "ÿ", "\u{2FF}", "\u{300}", "\u{205E}", "\u{205F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let source = SourceText(path: "f.md", text: "x\n" + line + "\nlast")
            #expect(source.columnMap(line: 2) == reference(line + "\n"), "\(line.debugDescription)")
        }
    }
}

