import Markdown
import Rendering
import Testing

@Suite struct HTMLRendererTests {
    func html(_ markdown: String, allowRawHTML: Bool = false, environment: MarkdownEnvironment = PlainEnvironment()) -> String {
        HTMLRenderer(options: .init(allowRawHTML: allowRawHTML)).render(MarkdownParser.parse(markdown), environment: environment)
    }

    @Test func rawHTMLIsSanitisedUnlessTheKitOptsIn() {
        let input = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n"
        let safe = html(input)
        #expect(!safe.contains("<script") && !safe.contains("alert"))
        #expect(safe.contains("Text <b>bold</b>"))
        #expect(!safe.contains("onclick"))
        let opted = html(input, allowRawHTML: true)
        // Even when allowed, GFM's tag filter neutralises <script>.
        #expect(opted.contains("&lt;script>"))
        #expect(opted.contains("<b onclick"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:x", "vbscript:x", "file:///etc/passwd", "data:text/html;base64,PHA+"])
    func dangerousLinksLoseTheirTarget(_ url: String) {
        let output = html("[x](\(url)) ![y](\(url))\n")
        #expect(output.contains("<a href=\"\">"))
        #expect(output.contains("<img src=\"\""))
    }

    /// cmark's rule, ASCII letters in either case: the scheme alone decides, and only common
    /// image types pass as `data:`.
    @Test(arguments: [
        ("javascript:alert(1)", true), ("JavaScript:x", true), ("VBSCRIPT:x", true), ("File:///etc/passwd", true),
        ("data:text/html;base64,PHA+", true), ("data:image/svg+xml,<svg/>", true), ("DATA:IMAGE/PNG;base64,iVBO", false),
        ("data:image/webp;base64,UklG", false), ("data:image/jpeg,x", false), ("https://x.com/javascript:", false),
        ("javascript", false), ("java", false), ("", false), ("guide/file:x.md", false), ("jävascript:x", false),
    ])
    func dangerousSchemesAreToldFromOthers(_ url: String, _ dangerous: Bool) {
        #expect(URLSafety.isDangerous(url) == dangerous)
    }

    @Test func alertMarkup() {
        let output = html("> [!WARNING]\n> Do not share the link publicly.\n")
        #expect(output.contains("<div class=\"alert alert-warning\" role=\"note\">"))
        #expect(output.contains("<svg class=\"alert-icon\" aria-hidden=\"true\""))
        #expect(output.contains("Warning</p>\n<p>Do not share the link publicly.</p>\n</div>"))
        #expect(!output.contains("[!WARNING]"))
    }

    @Test func videoEmbedsKnownPlayersAndLinksOthers() {
        let embedded = html("> [!VIDEO https://www.microsoft.com/videoplayer/embed/RE3aku3]\n")
        #expect(embedded.contains("<iframe src=\"https://www.microsoft.com/videoplayer/embed/RE3aku3\" title=\"Video player\""))
        // A plain link too, for print and offline reading.
        #expect(embedded.contains("<a href=\"https://www.microsoft.com/videoplayer/embed/RE3aku3\">Watch the video</a>"))
        #expect(html("> [!VIDEO https://example.com/movie.mp4]\n")
            .contains("<a href=\"https://example.com/movie.mp4\">Watch the video</a>"))
        // Only the players' own hosts are embedded, however the URL is dressed up.
        for spoof in ["https://evil.example/?youtube.com/embed/x", "https://www.youtube.com.evil.example/embed/x", "https://user@www.youtube.com/embed/x"] {
            #expect(!html("> [!VIDEO \(spoof)]\n").contains("<iframe"), "\(spoof)")
        }
    }

    @Test func figures() {
        let output = html(":::image type=\"complex\" source=\"a.png\" alt-text=\"Chart of <users>\":::\n   Grows 10% a week.\n:::image-end:::\n")
        #expect(output.contains("<figure class=\"image image-complex\"><img src=\"a.png\" alt=\"Chart of &lt;users&gt;\""))
        #expect(output.contains("<details><summary>Description</summary><p>Grows 10% a week.</p></details>"))
    }

    struct Includes: MarkdownEnvironment {
        let files: [String: MarkdownDocument]
        func url(for destination: String, in sourcePath: String, isImage: Bool) -> String { "\(sourcePath)::\(destination)" }
        func includedDocument(_ path: String, in sourcePath: String) -> MarkdownDocument? { files[path] }
    }

    @Test func includesExpandAndLinksResolveAgainstTheIncludedFile() {
        let note = MarkdownParser.parse(("> [!NOTE]\n> See [this](other.md).\n"), path: "includes/note.md")
        let phone = MarkdownParser.parse(("**555-0100**\n"), path: "includes/phone.md")
        let loop = MarkdownParser.parse(("[!INCLUDE [loop](loop.md)]\n"), path: "loop.md")
        let env = Includes(files: ["includes/note.md": note, "includes/phone.md": phone, "loop.md": loop])
        let output = html("[!INCLUDE [n](includes/note.md)]\n\nCall [!INCLUDE [p](includes/phone.md)] now.\n\n[!INCLUDE [l](loop.md)]\n", environment: env)
        #expect(output.contains("<div class=\"alert alert-note\""))
        #expect(output.contains("href=\"includes/note.md::other.md\""))
        #expect(output.contains("<p>Call <strong>555-0100</strong> now.</p>"))
    }

    @Test func deeplyNestedBlockquoteRenders() {
        let depth = 100_000
        let output = html(String(repeating: ">", count: depth) + " deep\n")
        #expect(output.hasPrefix("<blockquote>\n<blockquote>"))
        #expect(output.contains("<p>deep</p>"))
    }
}

