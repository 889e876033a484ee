import Markdown
@testable import Rendering
import Testing

@Suite struct ChatTextTests {
    func chat(_ markdown: String, _ flavor: ChatFlavor) -> String {
        ChatTextRenderer(flavor: flavor).render(MarkdownParser.parse(markdown)).text
    }

    static let sample = """
        # Join *Contoso*

        Use **bold**, _italic_, ~~strike~~, `code` and [the guide](https://example.com/a_b) or https://example.com/x.

        1. First
        2. Second
           - [x] done
        """

    @Test func everyFlavourWritesItsOwnMarkup() {
        #expect(chat(Self.sample, .plain) == """
            Join Contoso

            Use bold, italic, strike, code and the guide (https://example.com/a_b) or https://example.com/x.

            1. First
            2. Second
               • ☑ done

            """)
        #expect(chat(Self.sample, .whatsapp).contains("Use *bold*, _italic_, ~strike~, ```code``` and the guide (https://example.com/a_b) or https://example.com/x."))
        #expect(chat(Self.sample, .whatsapp).contains("2. Second\n   - ☑ done"))
        #expect(chat(Self.sample, .slack).contains("Use *bold*, _italic_, ~strike~, `code` and <https://example.com/a_b|the guide> or <https://example.com/x>."))
        #expect(chat(Self.sample, .telegram).contains("Use *bold*, _italic_, ~strike~, `code` and [the guide](https://example.com/a_b) or [https://example\\.com/x](https://example.com/x)\\."))
        #expect(chat(Self.sample, .telegram).contains("1\\. First"))
        #expect(chat(Self.sample, .teams).contains("**Join _Contoso_**"))
    }

    @Test func escapingKeepsTextLiteral() {
        let text = "Price <5 & 3*4_x [y] (z) #1 > 0!"
        #expect(chat(text, .plain) == text + "\n")
        #expect(chat(text, .slack) == "Price &lt;5 &amp; 3*4_x [y] (z) #1 &gt; 0!\n")
        #expect(chat(text, .telegram) == "Price <5 & 3\\*4\\_x \\[y\\] \\(z\\) \\#1 \\> 0\\!\n")
        #expect(ChatFlavor.telegramVisibleText(chat(text, .telegram)) == text + "\n")
        // The apps read marks as code units: a mark a combining accent follows is still one.
        #expect(ChatFlavor.telegram.escape("v1.\u{301}0 é") == "v1\\.\u{301}0 é")
        #expect(ChatFlavor.teams.escape("a_\u{301}b") == "a\\_\u{301}b")
        #expect(ChatFlavor.slack.escape("<&>\u{301}") == "&lt;&amp;&gt;\u{301}")
        #expect(ChatFlavor.teams.escape("nothing to escape") == "nothing to escape")
        // A keycap's `#` and `*` are marks too (Telegram refuses them unescaped).
        #expect(ChatFlavor.telegram.escape("#\u{FE0F}\u{20E3} *\u{FE0F}\u{20E3}") == "\\#\u{FE0F}\u{20E3} \\*\u{FE0F}\u{20E3}")
    }

    /// The quick test the renderer asks first says "changes" exactly when escaping changes the text.
    @Test func theQuickTestAgreesWithEscaping() {
        let pieces = ["a", " ", ".", "\u{301}", "&", "<", ">", "_", "*", "#", "\\", "é", "—", "|", "!", "`"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for flavor in ChatFlavor.allCases {
                #expect(flavor.escapes(Substring(text)) == (flavor.escape(text).utf8.count != text.utf8.count), "\(flavor) \(text)")
            }
        }
    }

    /// An alert says what it is even when it does not start with a paragraph.
    @Test func alertsKeepTheirLabelWithoutALeadingParagraph() {
        #expect(chat("> [!NOTE]\n> - one\n> - two\n", .plain) == "Note:\n• one\n• two\n")
        #expect(chat("> [!TIP]\n> ```\n> code\n> ```\n", .plain) == "Tip:\n    code\n")
        #expect(chat("> [!WARNING]\n", .plain) == "Warning:\n")
        #expect(chat("> [!WARNING]\n", .whatsapp).contains("*Warning:*"))
        #expect(chat("> [!NOTE]\n> > [!TIP]\n> > Text.\n", .plain) == "Note: Tip: Text.\n")
        let nested = (1...700).map { String(repeating: "> ", count: $0) + "[!NOTE]" }.joined(separator: "\n") + "\n"
        let text = chat(nested, .plain)
        #expect(text.components(separatedBy: "Note:").count - 1 == 700)
    }

    @Test func alertsQuotesTablesImagesAndBreaks() {
        let output = chat("""
            > [!TIP]
            > Use the link.

            > Quoted
            > text

            | Group | Admin |
            |---|---|
            | Sales | Ann |

            ![A phone screen](phone.png) and a hard\\
            break &amp; entities &copy;.

            <b>raw</b> html
            """, .plain)
        #expect(output == """
            Tip: Use the link.

                Quoted text

            • Group: Sales · Admin: Ann

            A phone screen and a hard
            break & entities ©.

            raw html

            """)
        #expect(chat("> [!WARNING]\n> Careful.\n", .whatsapp) == "⚠️ *Warning:* Careful.\n")
        #expect(chat("> [!NOTE]\n> Read.\n", .slack) == ":information_source: *Note:* Read.\n")
    }

    @Test func relativeLinksNeedAnAbsoluteURL() {
        // The plain environment cannot make relative links absolute: the text stays, the target goes.
        #expect(chat("See [the guide](guide.md).", .plain) == "See the guide.\n")
    }

    @Test func deeplyNestedQuotesRender() {
        let output = chat(String(repeating: ">", count: 20_000) + " deep\n", .whatsapp)
        #expect(output.hasSuffix("> deep\n"))
    }

    // MARK: Splitting

    static let long = (1...60).map { "Paragraph \($0) has a link https://example.com/\($0)/a-fairly-long-path-segment and some words to fill it." }
        .joined(separator: "\n\n") + "\n"

    @Test(arguments: ChatFlavor.allCases)
    func splitPartsFitTheirBudgetAndRejoin(_ flavor: ChatFlavor) {
        let text = flavor.escape(Self.long)
        let budget = 700
        let messages = ChatSplitter.split(text, flavor: flavor, budget: budget)
        #expect(messages.count > 1)
        #expect(messages.map(\.part).joined() == text)
        for message in messages {
            #expect(flavor.length(of: message.text.trimmingCharacters(in: .newlines)) <= budget)
            #expect(message.text.hasPrefix(flavor.escape("(\(message.number)/\(messages.count))") + "\n"))
        }
        // Never inside a URL or a word: every URL is whole in some part.
        for n in 1...60 {
            #expect(messages.contains { $0.part.contains(flavor.escape("https://example.com/\(n)/a-fairly-long-path-segment")) })
        }
    }

    @Test func oneLongParagraphSplitsBetweenWords() {
        let words = (1...400).map { "word\($0)" }.joined(separator: " ") + "\n"
        let messages = ChatSplitter.split(words, flavor: .plain, budget: 500)
        #expect(messages.map(\.part).joined() == words)
        for message in messages {
            #expect(message.text.count <= 500)
            #expect(message.part.last == " " || message.part.last == "\n")
        }
    }

    /// A word longer than a message is cut inside; each piece, with its number and its closing
    /// line break, still fits (the fuzzer found 105 units in a budget of 104).
    @Test func aWordCutInsideFitsWithItsLineBreak() {
        let text = String(repeating: "S", count: 20_000)
        for flavor in ChatFlavor.allCases {
            for budget in [100, 104, 150] {
                let messages = ChatSplitter.split(text, flavor: flavor, budget: budget)
                #expect(messages.map(\.part).joined() == text)
                #expect(messages.count > 99)
                for message in messages { #expect(flavor.length(of: message.text) <= budget) }
            }
        }
    }

    @Test func shortTextIsOneMessageWithoutNumber() {
        let messages = ChatSplitter.split("Hello\n", flavor: .whatsapp, budget: 4096)
        #expect(messages.map(\.text) == ["Hello\n"])
        #expect(messages.map(\.total) == [1])
    }

    @Test func channelsCountTheirOwnWay() {
        let text = "😀 é"
        #expect(ChatFlavor.plain.length(of: text) == 3)      // characters
        #expect(ChatFlavor.whatsapp.length(of: text) == 4)   // UTF-16 units
        #expect(ChatFlavor.teams.length(of: text) == 7)      // UTF-8 bytes
        #expect(ChatFlavor.telegram.length(of: "*bold* \\. [link](https://x.y)") == 11) // after entity parsing
    }

    /// The byte-counting fast paths agree with Swift's own counts, on ASCII (with and without
    /// CR LF, which is one character), accents, combining marks, emoji and flags.
    @Test func lengthsCountedFromBytesAgreeWithSwift() {
        let texts = ["", "plain ASCII text", "line\r\nbreak", "\r\n\r", "\n\r", "café", "e\u{301}", "😀 é", "👍🏽 ok",
                     "🇫🇷🇩🇪", "日本語", "a\r\n😀\r\n", String(repeating: "x", count: 5000) + "é"]
        for text in texts {
            #expect(ChatFlavor.plain.length(of: text) == text.count, "\(text.debugDescription)")
            #expect(ChatFlavor.slack.length(of: text) == text.count, "\(text.debugDescription)")
            #expect(ChatFlavor.whatsapp.length(of: text) == text.utf16.count, "\(text.debugDescription)")
        }
    }
}
