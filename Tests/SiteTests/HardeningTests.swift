import Diagnostics
import Foundation
import KitFiles
import Site
import SiteModel
import Testing

/// Hostile kits: each test names the hazard it guards against. Links to files outside the kit
/// cannot be committed portably, so those tests make them in a temporary copy of a kit.
@Suite struct HardeningTests {
    /// A secret outside the kit that a link tries to publish.
    static let secret = "SECRET-TOKEN-7f3a"

    /// A small valid kit with an organisation (so posters are printed) in `root/kit`, and a
    /// secret file in `root/outside/secret.png`.
    static func makeKit(in root: URL) throws -> (kit: URL, secret: URL) {
        let kit = root.appendingPathComponent("kit"), outside = root.appendingPathComponent("outside")
        try TestSupport.write([
            "adoptkit.yml": "organization:\n  name: Contoso\n  logo: brand/logo.png\ngroups:\n  - name: Sales\n    invite_link: https://kaiza.la/g/sales\n",
            "Content/index.md": "---\ntitle: Home\ndescription: Start.\n---\n# Home\n\nWelcome.\n",
            "brand/logo.png": "PNG", "brand/real.png": "PNG",
        ], under: kit)
        try TestSupport.write(["secret.png": secret, "adoptkit.yml": "site:\n  title: \(secret)\n", "Content/leak.md": "# \(secret)\n"],
                              under: outside)
        return (kit, outside)
    }

    static func link(_ path: URL, to target: URL) throws {
        try? FileManager.default.removeItem(at: path)
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: target)
    }

    static func everything(_ result: BuildAction.Result) -> String {
        let messages = result.diagnostics.map { $0.message + $0.notes.joined() }.joined(separator: "\n")
        let files = result.tree?.files.compactMap { try? $0.contents.data() }.map { String(decoding: $0, as: UTF8.self) } ?? []
        return messages + files.joined()
    }

    @Test func aFileNamedLikeAScriptURLIsLinkedAsAPath() async throws {
        // The name collision in the fixture fails its build: render the two pages on their own.
        try await TestSupport.withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            for name in ["index.md", "javascript:alert(document.domain);x.md"] {
                try FileManager.default.copyItem(at: TestSupport.fixture("hostile-names/Content/\(name)"), to: content.appendingPathComponent(name))
            }
            let result = await TestSupport.render(KitLocation(kit: root))
            let tree = try #require(result.tree, "\(result.diagnostics)")
            let index = TestSupport.text(tree, "index.html")
            #expect(index.contains("href=\"./javascript:alert(document.domain);x.html\""))
            for file in tree.files where file.format == "html" {
                let text = TestSupport.text(tree, file.path)
                #expect(!text.contains("href=\"javascript:"), "\(file.path)")
            }
        }
    }

    @Test func unicodeEquivalentFileNamesAreACollisionNotACrash() async {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("hostile-names")))
        #expect(result.tree == nil)
        let collision = result.diagnostics.filter { $0.id == .nameCollision }
        #expect(collision.count == 1)
        #expect(collision.first?.message.contains("Unicode normalisation") == true)
    }

    @Test func deeplyNestedTemplateSectionsAreRefusedNotACrash() async {
        let result = await TestSupport.render(KitLocation(kit: TestSupport.fixture("hostile-templates")))
        #expect(result.tree == nil)
        #expect(TestSupport.summary(result.diagnostics).contains("template.too-deep Templates/page.mustache:1:1501"))
    }

    @Test func aLogoLinkedToAFileOutsideTheKitIsRefused() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, outside) = try Self.makeKit(in: root)
            try Self.link(kit.appendingPathComponent("brand/logo.png"), to: outside.appendingPathComponent("secret.png"))
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.tree == nil)
            #expect(TestSupport.summary(result.diagnostics) == ["config.logo adoptkit.yml:3:9"])
            #expect(!Self.everything(result).contains(Self.secret))
            #expect(!Self.everything(result).contains(Data(Self.secret.utf8).base64EncodedString()))

            // A link that stays inside the kit is followed.
            try Self.link(kit.appendingPathComponent("brand/logo.png"), to: kit.appendingPathComponent("brand/real.png"))
            let good = await TestSupport.render(KitLocation(kit: kit))
            #expect(good.succeeded, "\(good.diagnostics)")
        }
    }

    @Test func aConfigLinkedOutsideTheKitIsNeverReadOrQuoted() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, outside) = try Self.makeKit(in: root)
            try Self.link(kit.appendingPathComponent("adoptkit.yml"), to: outside.appendingPathComponent("adoptkit.yml"))
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.tree == nil)
            #expect(result.diagnostics.map(\.id) == [.outsideKit])
            #expect(!Self.everything(result).contains(Self.secret))
        }
    }

    @Test func contentAndTemplateFoldersLinkedOutsideTheKitAreRefused() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, outside) = try Self.makeKit(in: root)
            try FileManager.default.removeItem(at: kit.appendingPathComponent("Content"))
            try Self.link(kit.appendingPathComponent("Content"), to: outside.appendingPathComponent("Content"))
            try Self.link(kit.appendingPathComponent("Templates"), to: outside)
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.tree == nil)
            #expect(result.diagnostics.filter { $0.id == .outsideKit }.count == 2, "\(result.diagnostics)")
            #expect(!Self.everything(result).contains(Self.secret))

            // Named on the command line, the same folder is built on purpose.
            let named = await TestSupport.render(KitLocation(kit: kit, content: outside.appendingPathComponent("Content"),
                                                             templates: kit.appendingPathComponent("NoTemplates")))
            #expect(named.tree?["leak.html"] != nil, "\(named.diagnostics)")
        }
    }

    @Test func linksInsideContentAreFollowedOrReported() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, outside) = try Self.makeKit(in: root)
            let content = kit.appendingPathComponent("Content")
            try TestSupport.write(["shared/guide.md": "---\ntitle: Guide\ndescription: d.\n---\n# Guide\n"], under: content)
            try Self.link(content.appendingPathComponent("guide.md"), to: content.appendingPathComponent("shared/guide.md"))
            try Self.link(content.appendingPathComponent("alias"), to: content.appendingPathComponent("shared"))
            try Self.link(content.appendingPathComponent("loop"), to: content)
            try Self.link(content.appendingPathComponent("secret.png"), to: outside.appendingPathComponent("secret.png"))
            let result = await TestSupport.render(KitLocation(kit: kit))
            #expect(result.tree == nil)
            let summary = TestSupport.summary(result.diagnostics)
            #expect(summary.contains("io.outside-kit Content/secret.png:1:1"), "\(summary)")
            #expect(summary.contains("io.link-cycle Content/loop:1:1"), "\(summary)")
            #expect(!Self.everything(result).contains(Self.secret))

            try FileManager.default.removeItem(at: content.appendingPathComponent("secret.png"))
            let good = await TestSupport.render(KitLocation(kit: kit))
            let tree = try #require(good.tree, "\(good.diagnostics)")
            #expect(tree["guide.html"] != nil && tree["alias/guide.html"] != nil && tree["shared/guide.html"] != nil)
        }
    }

    /// The writer copies bytes, never the link itself (a link in `_site/` would point anywhere).
    @Test func copiedAssetsAreFilesNotLinks() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, _) = try Self.makeKit(in: root)
            let content = kit.appendingPathComponent("Content")
            try TestSupport.write(["media/a.png": "PNG"], under: content)
            try Self.link(content.appendingPathComponent("b.png"), to: content.appendingPathComponent("media/a.png"))
            let output = root.appendingPathComponent("site")
            let result = await BuildAction(location: KitLocation(kit: kit), output: output).run()
            #expect(result.succeeded, "\(result.diagnostics)")
            let type = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("b.png").path)[.type] as? FileAttributeType
            #expect(type == .typeRegular)
        }
    }

    /// Content files are read by what the scan found, without resolving their path again; a file
    /// swapped after the scan (an editor's save, or a link put in its place) is inspected afresh.
    @Test func aFileSwappedAfterTheScanIsInspectedAgain() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let (kit, outside) = try Self.makeKit(in: root)
            let content = kit.appendingPathComponent("Content")
            let boundary = FileBoundary(roots: [kit])
            let folder = try #require(FileBoundary.realPath(content.path))
            let page = content.appendingPathComponent("index.md")
            let scanned = try boundary.inspect(entry: "index.md", inRealFolder: folder).get()
            func read() -> Result<Data, FileBoundary.Refusal> { boundary.read(scanned, path: page.path, limit: 1 << 20) }
            #expect(try String(decoding: read().get(), as: UTF8.self).contains("Welcome."))

            let saved = content.appendingPathComponent("index.md.new")
            try Data("# Saved\n".utf8).write(to: saved)
            #expect(rename(saved.path, page.path) == 0) // a new file (inode) in its place, as editors save
            #expect(try String(decoding: read().get(), as: UTF8.self) == "# Saved\n")

            try Self.link(page, to: outside.appendingPathComponent("secret.png"))
            guard case .failure(.outside) = read() else { Issue.record("a link swapped in was read: \(read())"); return }

            // A folder on the way swapped for a link out of the kit, with a file of that name there.
            try TestSupport.write(["guide/a.md": "# A\n"], under: content)
            try TestSupport.write(["guide/a.md": Self.secret], under: outside)
            let guide = content.appendingPathComponent("guide"), inGuide = guide.appendingPathComponent("a.md")
            let entry = try boundary.inspect(entry: "a.md", inRealFolder: folder + "/guide").get()
            try FileManager.default.moveItem(at: guide, to: root.appendingPathComponent("moved"))
            try Self.link(guide, to: outside.appendingPathComponent("guide"))
            guard case .failure(.outside) = boundary.read(entry, path: inGuide.path, limit: 1 << 20) else {
                Issue.record("a file behind a folder link swapped in was read"); return
            }
        }
    }

    /// A 300-letter group name and a 250-byte page name passed `check`, then `build` failed with
    /// "The file name is invalid": names are shortened to a readable start and a hash, the same
    /// way for links, the plan and the writer.
    @Test func longNamesAreShortenedSoCheckAndBuildAgree() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let kit = root.appendingPathComponent("kit")
            let longName = String(repeating: "Sales ", count: 50) + "East"
            let longPage = String(repeating: "p", count: 250)
            try TestSupport.write([
                "adoptkit.yml": "organization:\n  name: Contoso\ngroups:\n  - name: \(longName)\n    invite_link: https://kaiza.la/g/long\n",
                "Content/index.md": "---\ndescription: Home.\n---\n# Home\n\n[The long page](\(longPage).md)\n",
                "Content/\(longPage).md": "---\ndescription: Long.\n---\n# Long\n",
            ], under: kit)
            let output = root.appendingPathComponent("site")
            let result = await BuildAction(location: KitLocation(kit: kit), output: output).run()
            #expect(result.succeeded, "\(result.diagnostics)")
            let paths = try #require(result.plan).outputs.map(\.path)
            #expect(paths.allSatisfy { $0.split(separator: "/").allSatisfy { $0.utf8.count <= 255 } })
            let page = try #require(paths.first { $0.hasPrefix("ppp") && $0.hasSuffix(".html") })
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path))
            let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.contains("href=\"\(page)\""))
            #expect(paths.contains { $0.hasPrefix("posters/sales-sales-") && $0.hasSuffix("/invite-link.html") })
        }
    }

    /// Content files named like outputs the build makes itself are collisions at check time.
    @Test func contentNamedLikeGeneratedOutputsIsACollision() async throws {
        try await TestSupport.withTemporaryFolder { root in
            try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n",
                                   "Content/manifest.json": "{}", "Content/assets": "a file, not a folder"], under: root)
            let result = await TestSupport.render(KitLocation(kit: root))
            #expect(result.tree == nil)
            let collisions = result.diagnostics.filter { $0.id == .outputCollision }.map(\.message)
            #expect(collisions.count == 2, "\(collisions)")
            #expect(collisions.contains { $0.contains("'assets'") } && collisions.contains { $0.contains("'manifest.json'") })
            // Each points at the content file to rename.
            let summary = TestSupport.summary(result.diagnostics)
            #expect(summary.contains("output.collision Content/assets:1:1") && summary.contains("output.collision Content/manifest.json:1:1"), "\(summary)")
        }
    }

    /// 4,094 includes of one large file passed the include count and took minutes and a
    /// gigabyte; what a page expands to is budgeted in elements.
    @Test func includesOfLargeFilesHaveABudget() async throws {
        try await TestSupport.withTemporaryFolder { root in
            let big = (0..<3_000).map { "Paragraph \($0) with *some* **inline** `code`." }.joined(separator: "\n\n")
            let includes = String(repeating: "[!INCLUDE [big](includes/big.md)]\n\n", count: 200)
            try TestSupport.write(["Content/index.md": "---\ndescription: Home.\n---\n# Home\n\n" + includes,
                                   "Content/includes/big.md": big], under: root)
            let result = await TestSupport.render(KitLocation(kit: root))
            #expect(result.tree == nil)
            #expect(TestSupport.summary(result.diagnostics).contains("include.too-large Content/index.md:1:1"))
        }
    }
}
