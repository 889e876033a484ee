import Foundation
import Templating
import Testing

/// adoptkit's own Mustache reader and renderer: the spec's rules as swift-mustache applied them
/// (the golden files hold the built-in templates to byte-identical output).
@Suite struct TemplateRenderTests {
    /// Loads `files` (name → text) as a kit's templates and renders `name` with `value`.
    func render(_ files: [String: String], _ value: TemplateValue, name: String = "page") -> String {
        let (set, problems) = TemplateSet.load(kitFiles: files.map { ("\($0.key).mustache", Data($0.value.utf8)) })
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        return set.render(name, value)
    }

    static let data = TemplateValue.object([
        "title": .text("A & B"), "on": .bool(true), "off": .bool(false), "empty": .list([]),
        "items": .list([.object(["name": .text("one")]), .object(["name": .text("two"), "title": .text("inner")])]),
        "words": .list([.text("x"), .text("y")]),
        "site": .object(["title": .text("Site"), "org": .object(["name": .text("Contoso")])]),
    ])

    @Test func valuesSectionsAndInvertedSections() {
        let template = "{{title}}|{{{title}}}|{{&title}}|{{#on}}on{{/on}}{{#off}}off{{/off}}|{{^off}}not off{{/off}}{{^empty}} none{{/empty}}"
            + "|{{#items}}[{{name}} {{title}}]{{/items}}|{{#words}}{{.}}{{/words}}|{{site.org.name}}|{{#site}}{{title}}{{/site}}"
            + "|{{#items}}{{.title}}{{/items}}|{{missing}}{{^missing}}gone{{/missing}}|{{on}}"
        #expect(render(["page": template], Self.data)
                == "A &amp; B|A & B|A & B|on|not off none|[one A &amp; B][two inner]|xy|Contoso|Site|inner|gone|true")
    }

    @Test func textTemplatesEscapeNothing() {
        #expect(render(["page.txt": "{{title}} <{{site.title}}>"], Self.data, name: "page.txt") == "A & B <Site>")
    }

    /// A tag alone on its line takes the line with it, except on a template's first line (swift-mustache
    /// saw every template after a pragma of adoptkit's, which kept that line's tags from standing alone).
    @Test func standaloneLinesAreDropped() {
        let template = "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(render(["page": template], Self.data) == "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n")
        #expect(render(["page": "{{#on}}\nX\n{{/on}}\n"], Self.data) == "\nX\n")
        #expect(render(["page": "\n{{#on}}\nX\n{{/on}}\n"], Self.data) == "X\n")
        #expect(render(["page": "a\r\n  {{#on}}\r\n  b\r\n  {{/on}}\r\n"], Self.data) == "a\r\n  b\r\n")
    }

    @Test func standalonePartialsIndentEveryLine() {
        let files = ["page": "<div>\n  {{> part}}\n  <p>{{> part}}</p>\n</div>\n", "part": "<b>{{title}}</b>\n<i>{{#words}}{{.}}\n{{/words}}</i>\n"]
        #expect(render(files, Self.data) == "<div>\n  <b>A &amp; B</b>\n  <i>x\ny\n  </i>\n  <p><b>A &amp; B</b>\n<i>x\ny\n</i>\n</p>\n</div>\n")
    }

    @Test func parentsOverrideTheirBlocks() {
        let files = ["page": "\n{{< frame}}\n{{$ body}}<p>{{title}}</p>{{/ body}}\n{{/ frame}}\n",
                     "frame": "<main>{{$ body}}default{{/ body}}</main>{{$ foot}}<footer/>{{/ foot}}\n"]
        #expect(render(files, Self.data) == "<main><p>A &amp; B</p></main><footer/>\n")
    }

    @Test(arguments: [
        ("{{#items}}\n</p>", "never closed", 2, 5),
        ("<p>{{#a}}{{/b}}</p>", "closed with a different name", 1, 13),
        ("<p>\n {{title</p>", "not finished", 2, 9),
        ("<p>{{{title}}</p>", "not finished", 1, 14),
        ("{{/a}}", "closed with a different name", 1, 4),
        ("<p>{{! never closed", "not finished", 1, 7),
    ])
    func syntaxErrorsSayWhere(_ template: String, _ message: String, _ line: Int, _ column: Int) {
        let (_, problems) = TemplateSet.load(kitFiles: [("page.mustache", Data(template.utf8))])
        #expect(problems.map(\.id.rawValue) == ["template.syntax"])
        #expect(problems.first?.location?.line == line && problems.first?.location?.column == column, "\(problems.map(\.location))")
        #expect(problems.first?.message.contains(message) == true, "\(problems.map(\.message))")
    }

    @Test func transformsAndListsAsTextAreRefused() {
        let (set, _) = TemplateSet.load(kitFiles: [("page.mustache", Data("<p>{{uppercased(title)}}{{items}}{{site}}</p>".utf8))])
        let found = set.check("page", against: TemplateShape(of: Self.data))
        #expect(found.map { "\($0.id.rawValue) \($0.location?.column ?? 0)" } == ["template.syntax 4", "template.not-text 25", "template.not-text 34"])
    }
}
