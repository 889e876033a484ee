import Diagnostics
@testable import KitConfig
import Testing

/// The RFC 4180 reader's corners, each with the positions it reports.
@Suite struct CSVReaderTests {
    func values(_ text: String) -> [[String]] { CSVReader.read(text, path: "g.csv").records.map { $0.map(\.value) } }
    func positions(_ text: String) -> [[String]] {
        CSVReader.read(text, path: "g.csv").records.map { $0.map { "\($0.line):\($0.column)" } }
    }
    func problems(_ text: String) -> [String] {
        CSVReader.read(text, path: "g.csv").diagnostics.map { "\($0.id.rawValue) \($0.location!.line):\($0.location!.column)" }
    }

    @Test func plainRowsWithEveryLineEnd() {
        for end in ["\n", "\r\n", "\r"] {
            let text = "a,b,c\(end)1,2,3\(end)"
            #expect(values(text) == [["a", "b", "c"], ["1", "2", "3"]], "\(end.debugDescription)")
            #expect(positions(text) == [["1:1", "1:3", "1:5"], ["2:1", "2:3", "2:5"]])
            #expect(problems(text).isEmpty)
        }
        // No line break at the end, and an empty last value.
        #expect(values("a,b\n1,") == [["a", "b"], ["1", ""]])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstHeader() {
        let table = CSVReader.read("\u{FEFF}name,invite_link\nx,y\n", path: "g.csv")
        #expect(table.records[0].map(\.value) == ["name", "invite_link"])
        #expect(table.records[0][1].column == 6)
    }

    @Test func quotedValuesKeepSeparatorsQuotesAndLineBreaks() {
        let text = "name,description\n\"Sales, East\",\"Line one\r\nline \"\"two\"\"\"\nnext,row\n"
        #expect(values(text) == [["name", "description"], ["Sales, East", "Line one\nline \"two\""], ["next", "row"]])
        // The row after a two-line value starts on line 4.
        #expect(positions(text) == [["1:1", "1:6"], ["2:1", "2:15"], ["4:1", "4:6"]])
        #expect(CSVReader.read(text, path: "g.csv").records[1][0].quoted)
    }

    /// A quote or separator with a combining mark after it is one character to Swift, but a
    /// spreadsheet reads the quote or separator: so does the reader. Columns still count
    /// characters (the mark, or a scalar joined by a zero-width joiner, adds none).
    @Test func quotesAndSeparatorsAreReadByScalar() {
        let text = "name,note\n\"say \"\"\u{301}hi\"\"\",x,\u{301}y\né👩\u{200D}💻,z\nहिंदी🇫🇷,a\u{200D}b,c\n"
        #expect(values(text) == [["name", "note"], ["say \"\u{301}hi\"", "x", "\u{301}y"], ["é👩\u{200D}💻", "z"], ["हिंदी🇫🇷", "a\u{200D}b", "c"]])
        // Devanagari's spacing marks and a flag's two scalars are one column each; a joiner
        // between letters joins nothing (`b` is a character of its own).
        #expect(positions(text) == [["1:1", "1:6"], ["2:1", "2:14", "2:16"], ["3:1", "3:4"], ["4:1", "4:5", "4:8"]])
        #expect(problems(text).isEmpty)
    }

    @Test func separatorsAreFoundFromTheHeaderRow() {
        #expect(CSVReader.read("name;invite_link;description\na;b;c, d\n", path: "g.csv").separator == ";")
        #expect(values("name;invite_link;description\na;b;c, d\n")[1] == ["a", "b", "c, d"])
        #expect(CSVReader.read("name\tinvite_link\n", path: "g.csv").separator == "\t")
        // A separator inside a quoted header does not count.
        #expect(CSVReader.read("\"a;b;c\",d\n", path: "g.csv").separator == ",")
        #expect(CSVReader.read("name\n", path: "g.csv").separator == ",")
    }

    /// Excel's `sep=;` line names the separator and is not a record; lines count from it.
    @Test func excelSeparatorLine() {
        let table = CSVReader.read("sep=;\r\nname;invite_link\r\nSales, East;x\r\n", path: "g.csv")
        #expect(table.separator == ";")
        #expect(table.records.map { $0.map(\.value) } == [["name", "invite_link"], ["Sales, East", "x"]])
        #expect(table.records[1][1].line == 3 && table.records[1][1].column == 13)
    }

    @Test func spacesAroundUnquotedValuesAndBeforeQuotesAreReadPast() {
        #expect(values("a , b,  \"c d\" ,e\n") == [["a", "b", "c d", "e"]])
        #expect(positions("a , b,  \"c d\" ,e\n") == [["1:1", "1:5", "1:9", "1:16"]])
        // Inside quotes, spaces are kept.
        #expect(values("\" a \",b\n") == [[" a ", "b"]])
    }

    @Test func blankLinesAndRowsOfEmptyCellsAreNoRecords() {
        #expect(values("a,b\n\n,\n  \n1,2\n,,\n") == [["a", "b"], ["1", "2"]])
        // A quoted empty value is a value.
        #expect(values("a,b\n\"\",\n") == [["a", "b"], ["", ""]])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let text = "name,description\nok,\"never closed\nmore,rows\n"
        #expect(problems(text) == ["csv.syntax 2:4"])
        // The record that swallowed the rest of the file is dropped.
        #expect(values(text) == [["name", "description"]])
    }

    @Test func strayQuotesAreReportedAtTheQuote() {
        #expect(problems("name,x\n5\" screens,y\n") == ["csv.syntax 2:2"])
        #expect(values("name,x\n5\" screens,y\n")[1] == ["5\" screens", "y"])
        #expect(problems("name,x\n\"Sales\" East,y\n") == ["csv.syntax 2:9"])
        // One finding per value; the next value is checked again.
        #expect(problems("a\"b\"c,d\"e\n") == ["csv.syntax 1:2", "csv.syntax 1:8"])
    }

    /// Columns count characters, not bytes.
    @Test func columnsCountCharacters() {
        #expect(positions("Café – 営業,x\n") == [["1:1", "1:11"]])
        #expect(problems("naïve,é\"\n") == ["csv.syntax 1:8"])
    }
}

/// Groups from a spreadsheet: header aliases, every problem at `file:line:column`, duplicates
/// across the inline list and the file.
@Suite struct GroupsFileTests {
    func decode(_ yaml: String, csv: String) -> (KitConfig, [Diagnostic]) {
        KitConfig.decode(yaml, path: "adoptkit.yml") { file, _ in .text(csv, path: file) }
    }
    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id.rawValue) \($0.location!.path):\($0.location!.line):\($0.location!.column)" }
    }

    @Test func commonHeaderNamesAndListCells() {
        let (config, diagnostics) = decode("groups_file: groups.csv\n", csv: """
            \u{FEFF}Group Name;Invite Link;About;Owners;Poster;Member count
            Sales (East);https://kaiza.la/g/east;"Deals and
            field reports";Ann; Bob;invite-link;12
            Finance;https://kaiza.la/g/finance;;"Cy, Di
            Ed";;3
            """.replacingOccurrences(of: "; Bob", with: ", Bob"))
        #expect(diagnostics.isEmpty, "\(summary(diagnostics))")
        #expect(config.groupsFile == "groups.csv")
        #expect(config.groups.map(\.name) == ["Sales (East)", "Finance"])
        #expect(config.groups[0].description == "Deals and\nfield reports")
        #expect(config.groups[0].admins == ["Ann", "Bob"])
        #expect(config.groups[0].posters == ["invite-link"])
        #expect(config.groups[0].location == SourceLocation(path: "groups.csv", line: 2, column: 1))
        #expect(config.groups[1].admins == ["Cy", "Di", "Ed"])
        #expect(config.groups[1].posters == nil)
        #expect(config.groups[1].location.line == 4)
    }

    @Test func everyProblemOfTheFileIsReportedInOneRun() {
        let (config, diagnostics) = decode("""
            groups_file: groups.csv
            groups:
              - name: Sales
                invite_link: https://kaiza.la/g/sales
            """, csv: """
            name,invite_link,descripton,admins
            Sales,https://kaiza.la/g/other,,
            ,https://kaiza.la/g/no-name,,
            No link,,,
            Bad link,http://kaiza.la/g/x,,
            Wide,https://kaiza.la/g/w,a,b,extra
            "Two
            lines",https://kaiza.la/g/two,,
            Same link,https://kaiza.la/g/sales,,
            Esc\u{1B}ape,https://kaiza.la/g/esc,,
            Good,https://kaiza.la/g/good,,
            """)
        #expect(summary(diagnostics) == [
            "csv.unknown-column groups.csv:1:18",
            "config.duplicate-group groups.csv:2:1",
            "config.type groups.csv:3:1",
            "config.type groups.csv:4:9",
            "config.invalid-url groups.csv:5:10",
            "csv.row-width groups.csv:6:31",
            "config.type groups.csv:7:1",
            "config.duplicate-invite-link groups.csv:9:11",
            "text.control-character groups.csv:10:1",
        ])
        #expect(diagnostics.first { $0.id == .configDuplicateGroup }?.notes == ["first listed at adoptkit.yml:3"])
        #expect(diagnostics.first { $0.id == .csvUnknownColumn }?.message.contains("did you mean 'description'?") == true)
        #expect(config.groups.map(\.name) == ["Sales", "Wide", "Same link", "Escape", "Good"])
    }

    @Test func headerProblems() {
        #expect(summary(decode("groups_file: g.csv\n", csv: "name,link,Invite URL\n").1) == ["csv.duplicate-column g.csv:1:11"])
        #expect(summary(decode("groups_file: g.csv\n", csv: "title,description\nA,b\n").1) == ["csv.missing-column g.csv:1:1"])
        #expect(summary(decode("groups_file: g.csv\n", csv: "").1) == ["csv.missing-column g.csv:1:1"])
        // A header row alone is a file of no groups.
        #expect(decode("groups_file: g.csv\n", csv: "name,invite_link\r\n").1.isEmpty)
    }

    @Test func theFileIsReportedWhenItCannotBeRead() {
        let problem = Diagnostic.error(.configGroupsFile, "groups file 'g.csv' does not exist", at: SourceLocation(path: "adoptkit.yml", line: 1, column: 14))
        let (config, diagnostics) = KitConfig.decode("groups_file: g.csv\ngroups:\n  - {name: A, invite_link: \"https://kaiza.la/g/a\"}\n",
                                                     path: "adoptkit.yml") { _, _ in .unreadable([problem]) }
        #expect(diagnostics == [problem])
        #expect(config.groups.map(\.name) == ["A"])
        #expect(summary(decode("groups_file: [a, b]\n", csv: "").1) == ["config.type adoptkit.yml:1:14"])
    }
}
