import Diagnostics
@testable import Markdown
import Testing

/// libcmark-gfm pads every row to its header's width: a 2,000-cell header over short rows
/// took 38 s and 10 MB of HTML from a 6 KB page. Such pages are refused before cmark runs.
@Suite struct TableBudgetTests {
    static func table(columns: Int, rows: Int) -> String {
        let header = "|" + String(repeating: " h |", count: columns)
        let delimiter = "|" + String(repeating: "---|", count: columns)
        return ([header, delimiter] + Array(repeating: "| x |", count: rows)).joined(separator: "\n") + "\n"
    }

    @Test func aWideHeaderOverShortRowsIsRefusedBeforeParsing() {
        let text = "# Page\n\nIntro.\n\n" + Self.table(columns: 2_000, rows: 200)
        let document = MarkdownParser.parse(text)
        let problem = document.diagnostics.first { $0.id == .tableTooLarge }
        #expect(problem?.location?.line != nil)
        #expect(problem?.message.contains("200000") == true)
        #expect(document.nodes.count == 1, "the page renders empty")
    }

    @Test func realTablesPass() {
        let text = Self.table(columns: 20, rows: 5_000) + "\nText.\n\n" + Self.table(columns: 3, rows: 10)
        #expect(TableBudget.check(text, path: "a.md") == nil)
        let document = MarkdownParser.parse(Self.table(columns: 4, rows: 3))
        #expect(document.nodes.contains { if case .table = $0.kind { true } else { false } })
        #expect(!document.diagnostics.contains { $0.id == .tableTooLarge })
    }

    @Test func manyTablesAddUp() {
        let text = (0..<60).map { _ in Self.table(columns: 100, rows: 40) }.joined(separator: "\n")
        #expect(TableBudget.check(text, path: "a.md")?.id == .tableTooLarge)
        // Pipes in prose are not tables.
        #expect(TableBudget.check(String(repeating: "a | b | c\n", count: 100_000), path: "a.md") == nil)
    }
}
