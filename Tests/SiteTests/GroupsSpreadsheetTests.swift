import Diagnostics
import Foundation
@testable import KitConfig
import Site
import SiteModel
@testable import SiteProducers
import Testing

/// `groups_file: groups.csv` in a real kit: read through the kit's boundary, an input of the
/// plan, and the `groups.csv` export beside the site.
@Suite struct GroupsSpreadsheetTests {
    static let config = """
        site: {title: Guide, base_url: "https://adopt.fabrikam.com/"}
        organization: {name: Fabrikam}
        groups_file: lists/groups.csv
        groups:
          - {name: Inline team, invite_link: "https://kaiza.la/g/inline"}

        """
    static let page = ["Content/index.md": "---\ndescription: Home.\n---\n# Home\n"]

    @Test func groupsFromTheFileBuildWithTheInlineOnesAndAreExported() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(Self.page.merging([
                "adoptkit.yml": Self.config,
                "lists/groups.csv": "\u{FEFF}Name;Invite link;Description;Admins\r\n"
                    + "Sales, East;https://kaiza.la/g/east;\"Deals;\r\nreports\";Ann\r\n"
                    + "\"=HYPERLINK(\"\"x\"\")\";https://kaiza.la/g/formula;;\r\n",
            ]) { $1 }, under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.diagnostics.isEmpty, "\(TestSupport.summary(result.diagnostics))")
            let tree = try #require(result.tree)
            #expect(tree["posters/sales-east/share.html"] != nil && tree["posters/inline-team/share.html"] != nil)
            let plan = try #require(result.plan)
            let export = try #require(plan["groups.csv"])
            #expect(export.kind == .index && export.format == "csv" && export.source == "lists/groups.csv")
            // An edit of the spreadsheet makes the groups' outputs stale, pages included (they may show `{{ groups }}`).
            let stale = Set(plan.outputs(dependingOn: [.file("lists/groups.csv")]).map(\.path))
            #expect(stale.isSuperset(of: ["groups.csv", "posters/sales-east/share.html", "posters/sales-east/invite-link.html", "index.html"]))

            let bytes = try #require(try tree["groups.csv"]?.contents.data())
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}name,invite_link,description,admins,share_page,posters,whatsapp_link\r\n"))
            // Read back with the reader: one row per group, in order, inline ones first.
            let rows = CSVReader.read(text, path: "groups.csv").records.map { $0.map(\.value) }
            #expect(rows.count == 4)
            #expect(rows[1].prefix(5) == ["Inline team", "https://kaiza.la/g/inline", "", "", "https://adopt.fabrikam.com/posters/inline-team/share.html"])
            #expect(rows[2][0] == "Sales, East" && rows[2][2] == "Deals;\nreports" && rows[2][3] == "Ann")
            #expect(rows[2][5] == "https://adopt.fabrikam.com/posters/sales-east/invite-link.html https://adopt.fabrikam.com/posters/sales-east/org-mapping.html")
            // The WhatsApp link decodes to the share page's text.
            let whatsapp = try #require(rows[2][6].split(separator: "=", maxSplits: 1).last?.removingPercentEncoding)
            #expect(whatsapp == TestSupport.text(tree, "posters/sales-east/share.txt"))
            // A name a spreadsheet would run as a formula stays text.
            #expect(rows[3][0] == "'=HYPERLINK(\"x\")")
        }
    }

    @Test func problemsPointIntoTheFileAndTheBuildWritesNothing() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(Self.page.merging([
                "adoptkit.yml": Self.config,
                "lists/groups.csv": "name,invite_link\nInline team,https://kaiza.la/g/again\n\"Open,https://kaiza.la/g/open\n",
            ]) { $1 }, under: kit)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(TestSupport.summary(result.diagnostics) == ["config.duplicate-group lists/groups.csv:2:1", "csv.syntax lists/groups.csv:3:1"])
            #expect(result.tree == nil)
        }
    }

    @Test(arguments: [
        // Missing, Latin-1 (old Excel "CSV"), UTF-16 (Excel "Unicode text").
        (nil as [UInt8]?, "config.groups-file adoptkit.yml:3:14"),
        (Array("name,invite_link\nCaf".utf8) + [0xE9] + Array(",https://kaiza.la/g/c\n".utf8), "source.invalid-utf8 lists/groups.csv:2:4"),
        ([0xFF, 0xFE, 0x6E, 0x00], "config.groups-file adoptkit.yml:3:14"),
    ])
    func unreadableFilesAreErrors(bytes: [UInt8]?, expected: String) async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(Self.page.merging(["adoptkit.yml": Self.config]) { $1 }, under: kit)
            if let bytes {
                try FileManager.default.createDirectory(at: kit.appendingPathComponent("lists"), withIntermediateDirectories: true)
                try Data(bytes).write(to: kit.appendingPathComponent("lists/groups.csv"))
            }
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(TestSupport.summary(result.diagnostics) == [expected])
        }
    }

    /// A groups file linked from outside the kit is refused before a byte of it is read.
    @Test func aFileOutsideTheKitIsRefused() async throws {
        try await TestSupport.withTemporaryFolder { folder in
            let kit = folder.appendingPathComponent("kit")
            try TestSupport.write(Self.page.merging(["adoptkit.yml": Self.config]) { $1 }, under: kit)
            try TestSupport.write(["secret.csv": "name,invite_link\nSECRET,https://kaiza.la/g/s\n"], under: folder)
            try FileManager.default.createDirectory(at: kit.appendingPathComponent("lists"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: kit.appendingPathComponent("lists/groups.csv"), withDestinationURL: folder.appendingPathComponent("secret.csv"))
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(TestSupport.summary(result.diagnostics) == ["config.groups-file adoptkit.yml:3:14"])
            #expect(!result.diagnostics.contains { $0.message.contains("SECRET") })
        }
    }

    /// `serve` watches the file the config names.
    @Test func theLiveSiteWatchesTheGroupsFile() async throws {
        try await TestSupport.withTemporaryFolder { kit in
            try TestSupport.write(Self.page.merging(["adoptkit.yml": Self.config, "lists/groups.csv": "name,invite_link\n"]) { $1 }, under: kit)
            let site = LiveSite(location: KitLocation(kit: kit))
            _ = await site.update(changedFiles: nil)
            #expect(await site.watchedFiles.map(\.lastPathComponent).contains("groups.csv"))
            try TestSupport.write(["lists/groups.csv": "name,invite_link\nNew team,https://kaiza.la/g/new\n"], under: kit)
            let update = await site.update(changedFiles: [kit.appendingPathComponent("lists/groups.csv").standardizedFileURL.path])
            #expect(update.succeeded)
            #expect(update.stale.contains("posters/new-team/share.html"))
        }
    }
}

/// `GroupsExport.row`: RFC 4180 quoting as spreadsheets read it, on values a hostile kit may hold.
@Suite struct GroupsExportRowTests {
    @Test(arguments: [
        (["plain", "two words"], "plain,two words\r\n"),
        (["a,b"], "\"a,b\"\r\n"),
        // A comma, quote or semicolon with a combining mark after it is still that byte to a reader.
        (["a,\u{301}b"], "\"a,\u{301}b\"\r\n"),
        (["say \"\u{301}hi\""], "\"say \"\"\u{301}hi\"\"\"\r\n"),
        (["x;\u{301}"], "\"x;\u{301}\"\r\n"),
        (["line\r\nbreak", "lone\nfeed"], "\"line\r\nbreak\",\"lone\r\nfeed\"\r\n"),
        ([" padded", "end "], "\" padded\",\"end \"\r\n"),
        // The reader trims tabs as it trims spaces.
        (["\tindented", "tab\t"], "\"\tindented\",\"tab\t\"\r\n"),
        // A space with a combining mark after it is still a space the reader would trim.
        ([" \u{301}x"], "\" \u{301}x\"\r\n"),
        (["=1+1", "-x", "@y", "+z"], "'=1+1,'-x,'@y,'+z\r\n"),
        (["", "é"], ",é\r\n"),
    ])
    func quotesWhatASpreadsheetWouldSplit(values: [String], expected: String) {
        #expect(GroupsExport.row(values) == expected)
        let read = CSVReader.read("\u{FEFF}" + GroupsExport.row(values.indices.map { "c\($0)" }) + GroupsExport.row(values), path: "t.csv")
        #expect(read.records.last?.map(\.value) == values.map { $0.hasPrefix("=") || $0.hasPrefix("-") || $0.hasPrefix("@") || $0.hasPrefix("+") ? "'" + $0 : $0.replacingOccurrences(of: "\r\n", with: "\n") })
    }
}
