import Diagnostics
import Foundation
import FuzzDriver
import Markdown
import Rendering

// One Markdown file through the whole page pipeline: parse with the DocFX passes, then HTML and
// every chat flavour. Beyond not crashing or hanging: raw HTML is off, so no input may put a
// script element or a `javascript:` URL into the HTML.
runFuzzer { bytes in
    guard case .success(let source) = SourceText.decode(bytes, path: "Content/fuzz.md") else { return }
    let document = MarkdownParser.parse(source, path: "fuzz.md")
    let html = HTMLRenderer().render(document).lowercased()
    precondition(!html.contains("<script"), "raw HTML is off, yet the HTML holds a script element")
    precondition(!html.contains("href=\"javascript:") && !html.contains("src=\"javascript:"), "a javascript: URL reached the HTML")
    for flavor in ChatFlavor.allCases {
        _ = ChatTextRenderer(flavor: flavor).render(document).text
    }
}
