import Diagnostics

/// How HTML templates escape values: by UTF-8 byte, `&<>"'`. Comparing whole Characters (as
/// swift-mustache's escaper did) misses a quote followed by a combining mark (`"\u{301}`), which
/// is one Character yet still ends an attribute value in the browser.
enum HTMLContent {
    static func escape(_ text: String) -> String { HTMLBytes.escape(text, apostrophe: apos) }

    private static let apos = Array("&#39;".utf8)
}
