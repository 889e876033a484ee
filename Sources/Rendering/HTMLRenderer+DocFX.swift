import Markdown

/// Markup for the DocFX containers and `:::code:::`. Tabs, zones and monikers show every choice
/// one after another, each labelled, so a page reads fully with no script, on paper and in chat
/// text.
extension HTMLRenderer.State {
    static func containerOpening(_ container: DocFXContainer) -> String {
        switch container {
        case .row: return "<div class=\"docfx-row\">\n"
        case .column: return "<div class=\"docfx-column\">\n"
        case .zone:
            return "<section class=\"docfx-zone\">\n<p class=\"docfx-label\">\(HTMLEscaping.escape(container.label ?? ""))</p>\n"
        case .moniker:
            return "<div class=\"docfx-moniker\">\n" + (container.label.map { "<p class=\"docfx-label\">\(HTMLEscaping.escape($0))</p>\n" } ?? "")
        case .tabs: return "<div class=\"docfx-tabs\">\n"
        case .tab: return "<section class=\"docfx-tab\">\n<p class=\"docfx-label\">\(HTMLEscaping.escape(container.label ?? ""))</p>\n"
        case .division(let classes):
            // The classes were limited to letters, digits, `-` and `_` when parsed.
            return classes.isEmpty ? "<div>\n" : "<div class=\"\(classes.joined(separator: " "))\">\n"
        }
    }

    static func containerClosing(_ container: DocFXContainer) -> String {
        switch container {
        case .zone, .tab: return "</section>\n"
        default: return "</div>\n"
        }
    }

    /// A code block's opening tags. On the site a long line scrolls inside the block, so the
    /// block takes keyboard focus to be scrolled, as the table boxes do.
    func codeBlockStart(language: String) -> String {
        let focus = options.siteMarkup ? " tabindex=\"0\"" : ""
        return language.isEmpty ? "<pre\(focus)><code>" : "<pre\(focus)><code class=\"language-\(HTMLEscaping.escape(language))\">"
    }

    /// The file's text as a code block when it is local, a link to it otherwise.
    mutating func renderCode(_ reference: CodeReference, in doc: MarkdownDocument) {
        guard let text = environment.codeFile(reference.source, in: doc.path) else {
            let href = HTMLEscaping.escapeHref(environment.url(for: reference.source, in: doc.path, isImage: false))
            html += "<p class=\"code-link\"><a href=\"\(href)\">\(HTMLEscaping.escape(reference.source))</a></p>\n"
            return
        }
        let language = reference.language.split(separator: " ").first.map(String.init) ?? ""
        html += codeBlockStart(language: language)
        html += HTMLEscaping.escape(reference.excerpt(of: text))
        html += "</code></pre>\n"
    }
}
