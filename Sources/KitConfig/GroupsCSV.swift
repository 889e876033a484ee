import Diagnostics

/// Reads groups from a spreadsheet (`groups_file: groups.csv`): one row per group, under a
/// header row naming the columns. Every problem is reported at its row and column.
enum GroupsCSV {
    enum Column: String, CaseIterable {
        case name, inviteLink = "invite_link", description, admins, posters
    }

    /// Header names each column is known by, compared after lowercasing and treating `_`, `-`
    /// and runs of spaces as one space. Management portals and hand-made sheets use these.
    static let aliases: [String: Column] = {
        let names: [Column: [String]] = [
            .name: ["name", "group", "group name", "groupname", "group title", "title", "display name", "chat", "chat name"],
            .inviteLink: ["invite link", "invitelink", "invite", "invite url", "invitation link", "link", "url", "join link",
                          "group link", "group invite link", "group url", "share link"],
            .description: ["description", "about", "purpose", "details", "group description", "summary"],
            .admins: ["admins", "admin", "administrators", "administrator", "owners", "owner", "group admins", "admin names", "moderators"],
            .posters: ["posters", "poster", "poster templates"],
        ]
        return Dictionary(names.flatMap { column, list in list.map { ($0, column) } }, uniquingKeysWith: { first, _ in first })
    }()

    static func normalise(_ header: String) -> String {
        header.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
    }

    /// The rows of `text` (the file's contents; `path` names it in diagnostics) as candidates.
    static func candidates(_ text: String, path: String) -> ([GroupCandidate], [Diagnostic]) {
        let table = CSVReader.read(text, path: path)
        var diagnostics = table.diagnostics
        guard let header = table.records.first else {
            diagnostics.append(.error(.csvMissingColumn, "the groups file is empty; its first row names the columns",
                                      at: SourceLocation(path: path, line: 1, column: 1),
                                      notes: ["for example: name,invite_link,description,admins,posters"]))
            return ([], diagnostics)
        }
        var columns: [Column: Int] = [:]
        for (index, field) in header.enumerated() {
            let key = normalise(TextHygiene.clean(field.value))
            guard let column = aliases[key] else {
                // Other columns of an export (ids, member counts) are read past; one a letter or
                // two away from a known name is likely a typo.
                if key.count > 4, let suggestion = Suggestions.closest(to: key, in: aliases.keys.sorted(), maximumDistance: 2) {
                    diagnostics.append(.warning(.csvUnknownColumn, "column '\(field.value)' is not read; did you mean '\(suggestion)'?",
                                                at: at(field, path), notes: ["known columns: " + Column.allCases.map(\.rawValue).joined(separator: ", ")]))
                }
                continue
            }
            if let first = columns[column] {
                diagnostics.append(.error(.csvDuplicateColumn, "column '\(field.value)' is a second '\(column.rawValue)' column",
                                          at: at(field, path), notes: ["the first is column \(first + 1), '\(header[first].value)'"]))
                continue
            }
            columns[column] = index
        }
        let missing = [Column.name, .inviteLink].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            diagnostics.append(.error(.csvMissingColumn, "the groups file has no '\(missing.map(\.rawValue).joined(separator: "' or '"))' column",
                                      at: at(header[0], path),
                                      notes: ["the first row names the columns: name,invite_link,description,admins,posters"]))
            return ([], diagnostics)
        }
        var candidates: [GroupCandidate] = []
        for row in table.records.dropFirst() {
            var cells = RowReader(row: row, columns: columns, path: path)
            if let extra = row.dropFirst(header.count).first(where: { $0.quoted || !$0.value.isEmpty }) {
                cells.diagnostics.append(.error(.csvRowWidth, "this row has \(row.count) values but the header names \(header.count) columns",
                                                at: at(extra, path),
                                                notes: ["a value holding a '\(table.separator == "\t" ? "tab" : String(table.separator))' must be in double quotes"]))
            }
            if let candidate = cells.candidate() { candidates.append(candidate) }
            diagnostics += cells.diagnostics
        }
        return (candidates, diagnostics)
    }

    static func at(_ field: CSVField, _ path: String) -> SourceLocation {
        SourceLocation(path: path, line: field.line, column: field.column)
    }

    /// The checked values of one row.
    struct RowReader {
        let row: [CSVField]
        let columns: [Column: Int]
        let path: String
        var diagnostics: [Diagnostic] = []

        var start: SourceLocation { GroupsCSV.at(row[0], path) }

        func field(_ column: Column) -> CSVField? {
            columns[column].flatMap { $0 < row.count ? row[$0] : nil }
        }

        /// The value, cleaned of control, bidirectional and zero-width characters (each run
        /// reported at the value). Nil when the cell is missing or empty.
        mutating func text(_ column: Column, multiline: Bool = false) -> (String, SourceLocation)? {
            guard let field = field(column) else { return nil }
            let at = GroupsCSV.at(field, path)
            let runs = TextHygiene.scan(field.value)
            for run in runs { diagnostics.append(TextHygiene.diagnostic(run, at: at)) }
            let value = runs.isEmpty ? field.value : TextHygiene.clean(field.value, runs: runs)
            if !multiline, let bad = value.unicodeScalars.first(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
                diagnostics.append(.error(.configType, "'\(column.rawValue)' must be on one line; it contains \(TextHygiene.describe(bad))", at: at))
                return nil
            }
            let trimmed = value.trimmingWhitespace()
            return trimmed.isEmpty ? nil : (multiline ? trimmed : value, at)
        }

        /// A list cell: items separated by commas, semicolons or line breaks.
        mutating func list(_ column: Column) -> ([String], SourceLocation)? {
            guard let (value, at) = text(column, multiline: true) else { return nil }
            let items = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            return (items, at)
        }

        mutating func candidate() -> GroupCandidate? {
            let name = text(.name)
            let link: String?
            var linkAt = start
            if let (value, at) = text(.inviteLink) {
                linkAt = at
                switch HTTPSLink.parse(value) {
                case .failure(let problem):
                    diagnostics.append(.error(.configInvalidURL, "'invite_link' \(problem.message): '\(value)'", at: at))
                    link = nil
                case .success(let parsed):
                    if let label = parsed.mixedScriptLabel {
                        diagnostics.append(.warning(.configMixedScriptHost, "'invite_link' has a host name that mixes scripts ('\(label)'), as look-alike addresses do: '\(value)'",
                                                    at: at, notes: ["it is encoded as \(parsed.url); check that the address is the one intended"]))
                    }
                    link = parsed.url
                }
            } else {
                diagnostics.append(.error(.configType, "this group has no 'invite_link'", at: field(.inviteLink).map { GroupsCSV.at($0, path) } ?? start))
                link = nil
            }
            guard let (name, nameAt) = name else {
                // A name on two lines was reported as such; an empty one is reported here.
                if (field(.name)?.value.trimmingWhitespace() ?? "").isEmpty {
                    diagnostics.append(.error(.configType, "this group has no 'name'", at: field(.name).map { GroupsCSV.at($0, path) } ?? start))
                }
                return nil
            }
            let posters = list(.posters)
            return GroupCandidate(name: name, nameLocation: nameAt, inviteLink: link, linkLocation: linkAt,
                                  description: text(.description, multiline: true)?.0 ?? "", admins: list(.admins)?.0 ?? [],
                                  posters: posters?.0, postersLocation: posters?.1, location: start)
        }
    }
}
