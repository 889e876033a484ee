import Foundation
import KitConfig
import Markdown
import Rendering
import SiteModel

/// Chat text next to every page and poster: one file per flavour the kit asks for, split into
/// numbered messages where a text is longer than the flavour's budget.
package enum ChatPages {
    /// The file's contents: the messages to paste, in order, a blank line apart.
    package static func contents(_ text: String, flavor: ChatFlavor, config: KitConfig) -> Data {
        let messages = ChatSplitter.split(text, flavor: flavor, budget: flavor.budget(plainLimit: config.chat.limit))
        return Data(messages.map(\.text).joined(separator: "\n").utf8)
    }

    /// A page's chat text in one flavour, split into messages.
    static func pageText(_ document: MarkdownDocument, flavor: ChatFlavor, environment: PageEnvironment, config: KitConfig, words: RenderWords = RenderWords()) -> Data {
        contents(ChatTextRenderer(flavor: flavor, words: words).render(document, environment: environment).text, flavor: flavor, config: config)
    }
}
