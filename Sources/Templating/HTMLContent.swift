import Diagnostics
import Mustache

/// How HTML templates escape values: by UTF-8 byte, `&<>"'` as swift-mustache writes them.
/// swift-mustache's own escaper compares whole Characters, so a quote followed by a combining
/// mark (`"\u{301}`) is one Character, is not escaped, and still ends an attribute value in the
/// browser; it also looks every Character up in a dictionary, which made escaping a tenth of a
/// page's render. Registered once, selected by the pragma `TemplateSet` puts first in every
/// HTML template.
struct HTMLContent: MustacheContentType {
    static let name = "ADOPTKIT_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"
    static let registered: Void = MustacheContentTypes.register(HTMLContent(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String { HTMLBytes.escape(text, apostrophe: apos) }

    private static let apos = Array("&#39;".utf8)
}
