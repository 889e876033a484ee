import Markdown
@testable import Rendering
import Testing

/// The site's markup on top of cmark's (`HTMLRenderer.Options.siteMarkup`), and the search
/// text it shares the walk with.
@Suite struct SiteMarkupTests {
    struct Sized: MarkdownEnvironment {
        func url(for destination: String, in sourcePath: String, isImage: Bool) -> String { destination }
        func includedDocument(_ path: String, in sourcePath: String) -> MarkdownDocument? { nil }
        func imageSize(for destination: String, in sourcePath: String) -> ImageSize? {
            destination == "a.png" ? ImageSize(width: 30, height: 20) : nil
        }
    }

    func render(_ markdown: String) -> (html: String, headings: [HTMLRenderer.Heading]) {
        HTMLRenderer(options: .init(siteMarkup: true)).renderPage(MarkdownParser.parse(markdown), environment: Sized())
    }

    @Test func headingsGetAPermalinkAndAreListed() {
        let page = render("# Title\n\n## Set *up* `x`\n\n### Deeper\n")
        #expect(page.html.contains("<h2 id=\"set-up-x\">Set <em>up</em> <code>x</code> <a class=\"heading-anchor\" href=\"#set-up-x\" aria-label=\"Link to this section: Set up x\"></a></h2>"))
        #expect(page.html.contains("<h1 id=\"title\">Title</h1>"), "the title gets no permalink")
        #expect(page.headings.map(\.text) == ["Title", "Set up x", "Deeper"])
        #expect(page.headings.map(\.level) == [1, 2, 3])
    }

    @Test func imagesGetSizesLazyLoadingAfterTheFirstAndALink() {
        let html = render("![one](a.png) ![two](b.png) [![three](a.png)](https://x.example/) ![](a.png)").html
        #expect(html.contains("<a class=\"image-link\" href=\"a.png\"><img src=\"a.png\" alt=\"one\" width=\"30\" height=\"20\" /></a>"))
        #expect(html.contains("<a class=\"image-link\" href=\"b.png\"><img src=\"b.png\" alt=\"two\" loading=\"lazy\" /></a>"))
        #expect(html.contains("<a href=\"https://x.example/\"><img src=\"a.png\" alt=\"three\" width=\"30\" height=\"20\" loading=\"lazy\" /></a>"), "no link inside a link")
        #expect(html.hasSuffix("<img src=\"a.png\" alt=\"\" width=\"30\" height=\"20\" loading=\"lazy\" /></p>\n"), "an image with no alt text is not a link")
    }

    @Test func tablesScrollInTheirOwnBoxAndTaskBoxesHaveAName() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n").html
        #expect(html.hasPrefix("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n<table>\n"))
        #expect(html.contains("</table>\n</div>\n"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Done\" /> open"))
    }

    /// A long line scrolls inside its code block; the keyboard must reach it to scroll it (axe's
    /// scrollable-region-focusable found one on the Kaizala docs' set-up-directory page).
    @Test func codeBlocksTakeKeyboardFocus() {
        let html = render("```swift\nlet x = 1\n```\n\n    indented\n").html
        #expect(html == "<pre tabindex=\"0\"><code class=\"language-swift\">let x = 1\n</code></pre>\n<pre tabindex=\"0\"><code>indented\n</code></pre>\n")
    }

    @Test func withoutSiteMarkupTheOutputStaysCmarks() {
        let html = HTMLRenderer().render(MarkdownParser.parse("## A\n\n| a |\n|---|\n| 1 |\n\n![x](a.png)\n\n    code\n"), environment: Sized())
        #expect(html == "<h2 id=\"a\">A</h2>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<p><img src=\"a.png\" alt=\"x\" /></p>\n<pre><code>code\n</code></pre>\n")
    }

    @Test func searchTextIsCutAtHeadingsAndTermsLoseTheirAccents() {
        let sections = SearchText.sections(MarkdownParser.parse("# Réunions\n\nIntro **text**.\n\n## Übersicht\n\nJede `Gruppe`.\n"), environment: Sized())
        #expect(sections == [.init(anchor: "", heading: "Réunions", text: "Intro text."),
                             .init(anchor: "übersicht", heading: "Übersicht", text: "Jede Gruppe.")])
        #expect(SearchText.terms("Équipe d'ÜBERSICHT, 2024 — ΟΔΟΣ") == ["equipe", "d", "ubersicht", "2024", "οδοσ"])
    }

    /// Terms read from the bytes are those read scalar by scalar: every UTF-8 length (Latin,
    /// Greek, CJK, emoji), decomposed accents, marks and digits of other scripts, text cut at
    /// any point.
    @Test func termsFromBytesAreTermsFromScalars() {
        func byScalars(_ text: String) -> [String] {
            var terms: [String] = [], current = ""
            func flush() { if !current.isEmpty { terms.append(current); current = "" } }
            for scalar in text.unicodeScalars {
                let word = scalar.properties.generalCategory.isWordLike
                guard word else { flush(); continue }
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(part.value) {
                    for lower in part.properties.lowercaseMapping.unicodeScalars {
                        if lower.properties.generalCategory.isWordLike { current.unicodeScalars.append(lower) } else { flush() }
                    }
                }
            }
            flush()
            return terms
        }
        let spaced = " a\u{00A0}\u{00A0}b\u{2003}\n\tc\u{3000}é\u{301} \u{1F600}  \u{85}d\u{2028} "
        let words = spaced.unicodeScalars.split { $0.properties.isWhitespace }.map { String(String.UnicodeScalarView($0)) }
        #expect(SearchText.collapseSpaces(spaced) == words.joined(separator: " "))
        let text = "Équipe e\u{301}te\u{301} ÜBER-sicht 2024 — ΟΔΟΣ 東京タワー 😀ok١٢٣ ﬁne Straße İstanbul ǅungla a\u{200D}b x_y"
        #expect(SearchText.terms(text) == byScalars(text))
        for cut in stride(from: 0, to: text.unicodeScalars.count, by: 3) {
            let part = String(String.UnicodeScalarView(text.unicodeScalars.prefix(cut)))
            #expect(SearchText.terms(part) == byScalars(part), "\(part.debugDescription)")
        }
    }
}

private extension Unicode.GeneralCategory {
    /// `[\p{L}\p{M}\p{N}]`, as the search script has it.
    var isWordLike: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}

