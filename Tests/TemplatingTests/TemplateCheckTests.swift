import Diagnostics
import Foundation
import Templating
import Testing

@Suite struct TemplateCheckTests {
    static let shape = TemplateShape(of: .object([
        "title": .text("T"), "link": .url("https://example.com"), "colour": .token("#FFF"), "body": .html("<p>x</p>"),
        "flag": .bool(true), "items": .list([.object(["name": .text("n"), "url": .url("u")])]),
    ]))

    /// Checks `template` (as `Templates/page.mustache`, or `.txt` for a text template).
    func check(_ template: String, name: String = "page") throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(template.utf8).write(to: folder.appendingPathComponent("\(name).mustache"))
        let (set, problems) = TemplateSet.load(kitFolder: folder)
        return (problems + set.check(name, against: Self.shape)).map { "\($0.id.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    @Test func safePlacementsPass() throws {
        #expect(try check("""
            <a href="{{link}}" title="{{title}}" style="color: {{colour}}" data-x={{colour}}>{{title}}</a>
            <a href="https://example.com/{{title}}">x</a>{{{body}}}<!-- {{title}} -->
            {{#items}}<a href="{{url}}">{{name}}</a>{{/items}}{{#flag}}<p>on</p>{{/flag}}
            """) == [])
    }

    @Test(arguments: [
        ("<script>var t = \"{{title}}\";</script>", "template.unsafe-context 1:18"),
        ("<style>p { color: {{colour}} }</style>", "template.unsafe-context 1:19"),
        ("<p onclick=\"go('{{title}}')\">x</p>", "template.unsafe-context 1:17"),
        ("<p title={{title}}>x</p>", "template.unsafe-context 1:10"),
        ("<a href=\"{{title}}\">x</a>", "template.unsafe-context 1:10"),
        ("<img src='{{title}}'>", "template.unsafe-context 1:11"),
        ("<p style=\"{{title}}\">x</p>", "template.unsafe-context 1:11"),
        ("<p {{title}}>x</p>", "template.unsafe-context 1:4"),
        ("<p title=\"{{{body}}}\">x</p>", "template.unsafe-context 1:11"),
        ("<p>{{{title}}}</p>", "template.unescaped-data 1:4"),
        ("<p>{{titel}}</p>", "template.unknown-name 1:4"),
        ("<p>{{#items}}{{nme}}{{/items}}</p>", "template.unknown-name 1:14"),
        ("{{#items}}\n</p>", "template.syntax 2:5"),
        ("<p>{{>missing}}</p>", "template.missing 1:4"),
        ("{{=<% %>=}}", "template.syntax 1:1"),
        // From review: tricks that would slip data past the escaping.
        ("{{%CONTENT_TYPE:TEXT}}<p>{{title}}</p>", "template.syntax 1:1"),
        ("<a href=\"{{colour}}{{title}}\">x</a>", "template.unsafe-context 1:20"),
        ("<a href=\"{{#flag}}{{/flag}}{{title}}\">x</a>", "template.unsafe-context 1:28"),
        ("<a href=\" {{title}}\">x</a>", "template.unsafe-context 1:11"),
        ("<iframe srcdoc=\"{{title}}\"></iframe>", "template.unsafe-context 1:17"),
        ("<{{title}} x>", "template.unsafe-context 1:2"),
    ])
    func unsafeOrBrokenPlacementIsAnError(_ template: String, _ expected: String) throws {
        #expect(try check(template) == [expected])
    }

    @Test func partialsMustMatchTheirCallerAndStandInContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>{{>note.txt}}</p><script>{{>part}}</script><p>{{>part}}</p>".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        try Data("{{title}}".utf8).write(to: folder.appendingPathComponent("note.txt.mustache"))
        try Data("<b>{{title}}</b>".utf8).write(to: folder.appendingPathComponent("part.mustache"))
        let (set, _) = TemplateSet.load(kitFolder: folder)
        let found = set.check("page", against: Self.shape).map { "\($0.id.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(found == ["template.unsafe-context 1:4", "template.unsafe-context 1:29"])
    }

    /// Escaping works on bytes: a quote or `<` that a combining mark follows is one Character
    /// to Swift but still a quote or `<` to the browser.
    @Test func htmlTemplatesEscapeEveryQuoteAndAngleBracket() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p title=\"{{title}}\">{{title}}</p>".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        try Data("{{title}}".utf8).write(to: folder.appendingPathComponent("note.txt.mustache"))
        let (set, problems) = TemplateSet.load(kitFolder: folder)
        #expect(problems.isEmpty)
        let title = "\"\u{301} onmouseover=alert(1) x='\u{301}' <\u{338}script> & é"
        let escaped = "&quot;\u{301} onmouseover=alert(1) x=&#39;\u{301}&#39; &lt;\u{338}script&gt; &amp; é"
        #expect(set.render("page", .object(["title": .text(title)])) == "<p title=\"\(escaped)\">\(escaped)</p>")
        #expect(set.render("note.txt", .object(["title": .text(title)])) == title)
    }

    @Test func textTemplatesEscapeNothingAndMayUseTripleMustache() throws {
        #expect(try check("{{{title}}} <script>{{title}}</script>", name: "note.txt") == [])
    }

    @Test func partialCyclesAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>{{>a}}</p>".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        try Data("{{>b}}".utf8).write(to: folder.appendingPathComponent("a.mustache"))
        try Data("{{>a}}".utf8).write(to: folder.appendingPathComponent("b.mustache"))
        let (set, _) = TemplateSet.load(kitFolder: folder)
        let found = set.check("page", against: Self.shape)
        #expect(found.map(\.id) == [.templatePartialCycle])
        #expect(found.first?.message == "partial cycle: a → b → a")
    }

    @Test func renderingEscapesTextInHTMLTemplatesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>{{title}}</p>{{{body}}}".utf8).write(to: folder.appendingPathComponent("page.mustache"))
        try Data("{{title}}".utf8).write(to: folder.appendingPathComponent("page.txt.mustache"))
        let (set, problems) = TemplateSet.load(kitFolder: folder)
        #expect(problems.isEmpty)
        let value = TemplateValue.object(["title": .text("<b>&\"'</b>"), "body": .html("<i>ok</i>")])
        #expect(set.render("page", value) == "<p>&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;</p><i>ok</i>")
        #expect(set.render("page.txt", value) == "<b>&\"'</b>")
    }
}
