import Diagnostics
import Foundation
import FuzzDriver
import Markdown
import Rendering

// The chat renderer and splitter. The first byte picks the flavour, the second the message
// budget (100 to 1,120 units); the rest is a Markdown file rendered as chat text, which is
// split, and then split again as raw text. Every message must fit the budget, and the parts
// must rejoin to the text.
runFuzzer { bytes in
    guard bytes.count >= 2 else { return }
    let flavor = ChatFlavor.allCases[Int(bytes[bytes.startIndex]) % ChatFlavor.allCases.count]
    let budget = 100 + Int(bytes[bytes.startIndex + 1]) * 4
    guard case .success(let source) = SourceText.decode(bytes.dropFirst(2), path: "Content/fuzz.md") else { return }
    let rendered = ChatTextRenderer(flavor: flavor).render(MarkdownParser.parse(source, path: "fuzz.md")).text
    for text in [rendered, source.text] {
        let messages = ChatSplitter.split(text, flavor: flavor, budget: budget)
        precondition(messages.map(\.part).joined() == text, "the parts do not rejoin to the text")
        guard messages.count > 1 else { continue }
        for message in messages {
            precondition(flavor.length(of: message.text) <= budget,
                         "message \(message.number)/\(message.total) is \(flavor.length(of: message.text)) long, over the budget \(budget)")
        }
    }
}
