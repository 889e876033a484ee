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
}
