/// A chat app's text dialect: how emphasis, lists, quotes, code and links are written, what
/// must be escaped, and how long one message may be.
public enum ChatFlavor: String, Sendable, Hashable, CaseIterable, Codable {
    /// No markup at all.
    case plain
    /// `*bold*`, `_italic_`, `~strike~`, ``` monospace ```, `- ` lists, `> ` quotes.
    case whatsapp
    /// Slack mrkdwn: `<url|text>` links, `&`, `<`, `>` escaped.
    case slack
    /// Telegram MarkdownV2, with its backslash escaping.
    case telegram
    /// The Markdown subset Microsoft Teams renders.
    case teams

    /// What a message is measured in.
    public enum Unit: String, Sendable { case characters, utf16, utf8Bytes }

    /// The documented per-message limit. `plain` uses the kit's `chat.limit`.
    public func budget(plainLimit: Int) -> Int {
        switch self {
        case .plain: return plainLimit
        case .whatsapp: return 4096
        case .slack: return 4000
        case .telegram: return 4096
        case .teams: return 28_000
        }
    }

    public var unit: Unit {
        switch self {
        case .plain, .slack: return .characters
        case .whatsapp, .telegram: return .utf16
        case .teams: return .utf8Bytes
        }
    }

    /// Length the way the channel counts it. Telegram counts the text after entity parsing,
    /// so escapes and formatting markers do not count.
    public func length(of text: String) -> Int {
        let measured = self == .telegram ? Self.telegramVisibleText(text) : text
        switch unit {
        case .characters: return Self.characterCount(measured)
        case .utf16: return Self.utf16Count(measured)
        case .utf8Bytes: return measured.utf8.count
        }
    }

    /// Characters, counted by bytes when every one is an ASCII character other than a line
    /// feed after a carriage return (the one ASCII pair that is a single character). The splitter
    /// measures every piece of every text it cuts, and most are plain ASCII.
    static func characterCount(_ text: String) -> Int {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x80 || (byte == 0x0A && previous == 0x0D) { return text.count }
            previous = byte
        }
        return text.utf8.count
    }

    /// UTF-16 code units from the UTF-8 bytes: one per scalar, two for those past U+FFFF (a
    /// four-byte sequence). `utf16.count` of a non-ASCII native string builds an index first.
    static func utf16Count(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }

    /// MarkdownV2 with escapes resolved and markers (`*_~` and link syntax) removed.
    public static func telegramVisibleText(_ text: String) -> String {
        var result = ""
        var escaped = false
        var inLinkURL = false
        var previous: Character = " "
        for character in text {
            if escaped {
                if !inLinkURL { result.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if inLinkURL {
                if character == ")" { inLinkURL = false }
            } else if character == "(" && previous == "]" {
                inLinkURL = true
            } else if "*_~[]`|>".contains(character) {
                // formatting markers
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }

    /// Escapes plain text so the app shows it literally.
    public func escape(_ text: String) -> String {
        switch self {
        case .plain, .whatsapp:
            return text
        case .slack:
            return Self.entityEscape(text)
        case .telegram:
            return Self.backslashEscape(text, marks: Self.telegramMarks)
        case .teams:
            return Self.backslashEscape(text, marks: Self.teamsMarks)
        }
    }

    /// Whether `escape` would change `text`.
    func escapes(_ text: Substring) -> Bool {
        switch self {
        case .plain, .whatsapp: false
        case .slack: text.utf8.contains(where: Self.slackEntities.contains)
        case .telegram: text.utf8.contains(where: Self.telegramMarks.contains)
        case .teams: text.utf8.contains(where: Self.teamsMarks.contains)
        }
    }

    private static let slackEntities = ASCIISet("&<>")
    private static let telegramMarks = ASCIISet("_*[]()~`>#+-=|{}.!\\")
    private static let teamsMarks = ASCIISet("\\`*_~[]<>#")

    /// Telegram: inside `code` and ```pre``` only `` ` `` and `\` are escaped.
    func escapeCode(_ text: String) -> String {
        switch self {
        case .telegram: return Self.backslashEscape(text, special: "`\\")
        case .slack: return escape(text)
        default: return text
        }
    }

    /// A `\` before every ASCII character of `special`, byte by byte: the chat apps read the
    /// marks as code units, so a `.` that a combining accent follows is escaped too. Text with
    /// nothing to escape comes back as it is.
    static func backslashEscape(_ text: String, special: StaticString) -> String {
        backslashEscape(text, marks: ASCIISet(special))
    }

    static func backslashEscape(_ text: String, marks: ASCIISet) -> String {
        guard text.utf8.contains(where: marks.contains) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if marks.contains(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A set of ASCII bytes as a 128-bit mask: built and asked without allocating.
    struct ASCIISet {
        private var low: UInt64 = 0, high: UInt64 = 0

        init(_ members: StaticString) {
            members.withUTF8Buffer { buffer in
                for byte in buffer where byte < 128 {
                    if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
                }
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }
    }

    /// Slack's three entities, in one pass.
    static func entityEscape(_ text: String) -> String {
        guard text.utf8.contains(where: slackEntities.contains) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ChatFlavor {
    /// The flavour's name as a reader knows it.
    public var displayName: String {
        switch self {
        case .plain: "Plain text"
        case .whatsapp: "WhatsApp"
        case .slack: "Slack"
        case .telegram: "Telegram"
        case .teams: "Microsoft Teams"
        }
    }
}
