import CCmarkGFM
import Foundation
import Markdown
import Rendering
import Testing

/// Our HTML renderer against cmark's own, on CommonMark and GFM input without DocFX syntax.
@Suite struct CmarkDifferentialTests {
    static let samples: [String] = [
        "# Heading *one*\n\nSome _emphasis_, **strong**, `code` and a [link](https://example.com \"Title\").\n",
        "Hard  \nbreak and soft\nbreak.\n",
        "- tight\n- list\n  - nested\n\n1. one\n2. two\n",
        "3) three\n4) four\n\n- loose\n\n- list\n",
        "> quote\n> > nested\n\n---\n",
        "```swift\nlet x = 1 < 2 && \"a\"\n```\n\n    indented code\n",
        "![alt *text* `code`](img.png \"t\") and ![](x.png)\n",
        "<div>raw</div>\n\ninline <b>html</b> & entities &amp; &copy; &#35;\n",
        "[bad](javascript:alert(1)) [data](data:text/html,x) [ok img](data:image/png;base64,AA)\n",
        "Link with spaces <https://example.com/a b> and [q](https://x.y/?a=1&b='2'[3]{4}|5^6`7\\\\8)\n",
        "| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n| 3 |\n",
        "| only | header |\n|---|---|\n",
        "- [x] done\n- [ ] todo\n",
        "www.example.com and https://example.org/path?q=1.\n",
        "Setext\n======\n\n###### Six\n",
        "* a\n\n  b\n* c\n",
        "Non-ASCII: café – “quotes” → ünïcødé\n",
        "[ref]\n\n[ref]: /url 'title \"x\"'\n",
    ]

    @Test(arguments: samples)
    func matchesCmark(_ input: String) {
        let ours = HTMLRenderer(options: .init(rawHTML: .omitted, headingIDs: false)).render(MarkdownParser.parse(input))
        #expect(ours == Self.cmarkHTML(input))
    }

    static func cmarkHTML(_ input: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, input, input.utf8.count)
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return String(cString: html)
    }
}
