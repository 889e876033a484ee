import Foundation
import KitConfig
import Markdown
import Rendering

/// Chat text next to every page and poster: one file per flavour the kit asks for, split into
/// numbered messages where a text is longer than the flavour's budget.
enum ChatPages {
    /// `guide/invite.html` → `guide/invite.txt` (plain) or `guide/invite.whatsapp.txt`.
    static func path(besides htmlPath: String, flavor: ChatFlavor) -> String {
        let base = htmlPath.hasSuffix(".html") ? String(htmlPath.dropLast(5)) : htmlPath
        return flavor == .plain ? base + ".txt" : base + ".\(flavor.rawValue).txt"
    }

    static func flavors(_ config: KitConfig) -> [ChatFlavor] {
        config.chat.flavors.compactMap(ChatFlavor.init(rawValue:))
    }

    /// The file's contents: the messages to paste, in order, a blank line apart.
    static func contents(_ text: String, flavor: ChatFlavor, config: KitConfig) -> Data {
        let messages = ChatSplitter.split(text, flavor: flavor, budget: flavor.budget(plainLimit: config.chat.limit))
        return Data(messages.map(\.text).joined(separator: "\n").utf8)
    }

    static func pageFiles(_ page: Page, environment: PageEnvironment, config: KitConfig, source: String) -> [OutputTree.File] {
        flavors(config).map { flavor in
            let text = ChatTextRenderer(flavor: flavor).render(page.document, environment: environment).text
            return OutputTree.File(path: path(besides: page.output, flavor: flavor), contents: .bytes(contents(text, flavor: flavor, config: config)),
                                   kind: .page, format: flavor.rawValue, source: source)
        }
    }

    /// A poster's text form (plain, from its template) in every other flavour: escaped so each
    /// app shows it literally.
    static func posterFiles(text: String, htmlPath: String, config: KitConfig, template: OutputTree.File) -> [OutputTree.File] {
        flavors(config).filter { $0 != .plain }.map { flavor in
            var file = template
            file.path = path(besides: htmlPath, flavor: flavor)
            file.format = flavor.rawValue
            file.contents = .bytes(contents(flavor.escape(text), flavor: flavor, config: config))
            return file
        }
    }
}
