import Markdown

/// The markers each flavour writes.
struct ChatMarkup {
    let flavor: ChatFlavor

    var strong: String {
        switch flavor {
        case .plain: ""
        case .whatsapp, .slack, .telegram: "*"
        case .teams: "**"
        }
    }

    var emphasis: String {
        switch flavor {
        case .plain: ""
        case .whatsapp, .slack, .telegram, .teams: "_"
        }
    }

    var strike: String {
        switch flavor {
        case .plain: ""
        case .whatsapp, .slack, .telegram: "~"
        case .teams: "~~"
        }
    }

    var headingOpen: String { strong }
    var headingClose: String { strong }

    var bullet: String {
        switch flavor {
        case .whatsapp, .teams: "- "
        case .plain, .slack, .telegram: "• "
        }
    }

    var quotePrefix: String {
        switch flavor {
        case .plain: "    "
        default: "> "
        }
    }

    func number(_ n: Int) -> String {
        flavor == .telegram ? "\(n)\\. " : "\(n). "
    }

    func inlineCode(_ code: String) -> String {
        switch flavor {
        case .plain: code
        case .whatsapp: "```" + code + "```"
        case .slack, .teams: "`" + flavor.escapeCode(code) + "`"
        case .telegram: "`" + flavor.escapeCode(code) + "`"
        }
    }

    func codeBlock(_ literal: String) -> [String] {
        let body = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        switch flavor {
        case .plain:
            return body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        default:
            return ["```"] + flavor.escapeCode(body).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["```"]
        }
    }

    /// `text (url)`, or the bare URL when text and URL are the same; flavour link syntax where
    /// the app has one. `url` nil (a relative link without `site.base_url`) keeps the text.
    func link(text: String, url: String?) -> String {
        guard let url, !url.isEmpty else { return text }
        let visible = flavor == .telegram ? ChatFlavor.telegramVisibleText(text) : text
        switch flavor {
        case .plain, .whatsapp:
            return visible == url || text.isEmpty ? url : "\(text) (\(url))"
        case .slack:
            let escaped = flavor.escape(url).replacingOccurrences(of: "|", with: "%7C")
            return text.isEmpty || text == flavor.escape(url) ? "<\(escaped)>" : "<\(escaped)|\(text)>"
        case .telegram:
            let escaped = ChatFlavor.backslashEscape(url, special: ")\\")
            return "[\(text.isEmpty ? flavor.escape(url) : text)](\(escaped))"
        case .teams:
            let escaped = url.replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: " ", with: "%20")
            return "[\(text.isEmpty ? flavor.escape(url) : text)](\(escaped))"
        }
    }

    /// `label` is the alert's name in the page's language (`RenderWords`), escaped for the flavour.
    func alertLabel(_ kind: AlertKind, label: String) -> String {
        let emoji: String
        let slackEmoji: String
        switch kind {
        case .note: emoji = "ℹ️"; slackEmoji = ":information_source:"
        case .tip: emoji = "💡"; slackEmoji = ":bulb:"
        case .important: emoji = "❗"; slackEmoji = ":exclamation:"
        case .caution, .warning: emoji = "⚠️"; slackEmoji = ":warning:"
        }
        let label = flavor.escape(label)
        switch flavor {
        case .plain: return "\(label): "
        case .whatsapp, .telegram: return "\(emoji) *\(label):* "
        case .slack: return "\(slackEmoji) *\(label):* "
        case .teams: return "\(emoji) **\(label):** "
        }
    }
}
