import Diagnostics
import Foundation
import Markdown

/// Renders a parsed document to an HTML fragment. CommonMark and GFM nodes come out byte for
/// byte as cmark's own renderer writes them (a test holds us to that); DocFX nodes get our
/// accessible markup.
public struct HTMLRenderer {
    public struct Options: Sendable {
        /// What becomes of raw HTML in Markdown.
        public enum RawHTML: Sendable {
            /// Replaced by `<!-- raw HTML omitted -->`, as cmark does.
            case omitted
            /// Only the allow-listed elements and attributes, checked (`HTMLSanitizer`).
            case sanitized
            /// Passed through with GFM's tag filter: the kit opted in (`markdown.raw_html`).
            case allowed
        }
        public var rawHTML: RawHTML
        /// Write `id` attributes on headings.
        public var headingIDs: Bool
        /// The site's markup on top of cmark's: a permalink in each heading, tables in a box
        /// that scrolls sideways, images with their size, lazy loading after the first and a
        /// link to the full image, and task-list boxes with an accessible name. Off, the output
        /// is cmark's own (a differential test holds it there).
        public var siteMarkup: Bool
        /// Alert labels and the site markup's names, in the page's language.
        public var words = RenderWords()

        public init(allowRawHTML: Bool = false, headingIDs: Bool = true, siteMarkup: Bool = false, words: RenderWords = RenderWords()) {
            self.init(rawHTML: allowRawHTML ? .allowed : .sanitized, headingIDs: headingIDs, siteMarkup: siteMarkup)
            self.words = words
        }

        public init(rawHTML: RawHTML, headingIDs: Bool = true, siteMarkup: Bool = false) {
            self.rawHTML = rawHTML
            self.headingIDs = headingIDs
            self.siteMarkup = siteMarkup
        }
    }

    /// A heading of the rendered page, for its "On this page" list.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var id: String
        public var text: String

        public init(level: Int, id: String, text: String) {
            (self.level, self.id, self.text) = (level, id, text)
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func render(_ document: MarkdownDocument, environment: MarkdownEnvironment = PlainEnvironment()) -> String {
        renderPage(document, environment: environment).html
    }

    /// The HTML and the headings (with ids) it holds, in order.
    public func renderPage(_ document: MarkdownDocument, environment: MarkdownEnvironment = PlainEnvironment()) -> (html: String, headings: [Heading]) {
        var state = State(options: options, environment: environment)
        for event in ExpandedWalk(document, environment: environment) {
            if event.isEntering { state.enter(event) } else { state.exit(event) }
        }
        state.closeSanitizedElements()
        return (state.html, state.headings)
    }

    struct State {
        let options: Options
        let environment: MarkdownEnvironment
        var html = ""
        /// >0 while inside an image's alt text, where only text is written.
        var plainDepth = 0
        /// Per open table: whether `<tbody>` was opened.
        var tableBodies: [Bool] = []
        let variables: [String: String]
        /// A paragraph replaced by a block variable: its subtree is skipped.
        var skipping: NodeID?
        var skippingDepth = 0
        var headings: [Heading] = []
        /// The text of the heading being written, while inside one.
        var headingText: String?
        /// Images written so far: the first loads at once, later ones lazily.
        var imageCount = 0
        /// >0 inside a link, where an image is not wrapped in a link of its own.
        var linkDepth = 0
        /// The outermost inline image being written: its source, and the UTF-8 offsets in `html`
        /// where its link (if any), its `<img` and its alt text start.
        var openImage: (source: String, linkStart: Int?, imageStart: Int, altStart: Int)?

        /// Raw HTML sanitisers by the node holding the raw pieces: elements one piece opens stay
        /// open for its siblings and are closed when their parent ends.
        var sanitizers: [SanitizerKey: HTMLSanitizer] = [:]

        struct SanitizerKey: Hashable {
            var document: String
            var parent: Int
        }

        init(options: Options, environment: MarkdownEnvironment) {
            self.options = options
            self.environment = environment
            self.variables = environment.variables
            html.reserveCapacity(16_384)
        }

        /// `{{ groups }}` alone in a paragraph becomes the block the environment provides.
        private func blockVariable(_ event: ExpandedWalk.Event) -> String? {
            let doc = event.document
            guard let only = doc.children(of: event.id).first, doc[only].nextSibling == nil,
                  case .text(let text) = doc[only].kind, let name = DocVariables.soleReference(in: String(doc[text])) else { return nil }
            return environment.blockHTML(forVariable: name)
        }

        mutating func cr() {
            if let last = html.utf8.last, last != UInt8(ascii: "\n") { html += "\n" }
        }

        mutating func text(_ s: Substring) {
            if s.utf8.contains(where: { HTMLBytes.needsEscape($0) }) { html += HTMLEscaping.escape(String(s)) } else { html.append(contentsOf: s) }
            headingText?.append(contentsOf: s)
        }

        /// A text node's text, its `{{ name }}` placeholders filled in.
        mutating func literal(_ span: TextSpan, in doc: MarkdownDocument) {
            if variables.isEmpty || !span.containsDoubleBrace { text(doc[span]) } else { text(DocVariables.substitute(String(doc[span]), values: variables)[...]) }
        }

        /// ` width="…" height="…"` when the environment knows the image's size.
        private func sizeAttributes(_ source: String, in doc: MarkdownDocument) -> String {
            guard options.siteMarkup, let size = environment.imageSize(for: source, in: doc.path) else { return "" }
            return " width=\"\(size.width)\" height=\"\(size.height)\""
        }

        /// The first image of a page loads at once; the rest wait until they near the screen.
        private mutating func loadingAttribute() -> String {
            imageCount += 1
            return imageCount > 1 ? " loading=\"lazy\"" : ""
        }

        mutating func enter(_ event: ExpandedWalk.Event) {
            if skipping != nil { skippingDepth += 1; return }
            let doc = event.document
            if plainDepth > 0 {
                switch event.kind {
                case .text(let s): literal(s, in: doc)
                case .code(let s), .htmlInline(let s): text(doc[s])
                case .softBreak, .lineBreak: html += " "
                case .inlineImage: plainDepth += 1
                default: break
                }
                return
            }
            switch event.kind {
            case .document: break
            case .blockQuote: cr(); html += "<blockquote>\n"
            case let .list(ordered, start, _, _):
                cr()
                if !ordered { html += "<ul>\n" } else if start == 1 { html += "<ol>\n" } else { html += "<ol start=\"\(start)\">\n" }
            case .item(let task):
                cr(); html += "<li>"
                if let checked = task {
                    let label = options.siteMarkup ? " aria-label=\"\(HTMLEscaping.escape(options.words.done))\"" : ""
                    html += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\"\(label) /> " : "<input type=\"checkbox\" disabled=\"\"\(label) /> "
                }
            case let .codeBlock(info, literal):
                cr()
                let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                html += codeBlockStart(language: language)
                text(literal[...])
                html += "</code></pre>\n"
            case .htmlBlock(let literal):
                cr()
                html += rawHTML(String(doc[literal]), event)
                cr()
            case .paragraph:
                if let block = blockVariable(event) {
                    cr(); html += block; cr()
                    skipping = event.id
                    skippingDepth = 1
                    return
                }
                if !isTight(event) { cr(); html += "<p>" }
            case let .heading(level, id):
                cr()
                html += options.headingIDs && !id.isEmpty ? "<h\(level) id=\"\(HTMLEscaping.escape(id))\">" : "<h\(level)>"
                headingText = ""
            case .thematicBreak: cr(); html += "<hr />\n"
            case .table:
                cr()
                // Focusable, so keyboard users can scroll a table wider than the screen.
                if options.siteMarkup { html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTMLEscaping.escape(options.words.table))\">\n" }
                html += "<table>\n"; tableBodies.append(false)
            case .tableRow(let header):
                cr()
                if header {
                    html += "<thead>\n<tr>\n"
                } else {
                    if tableBodies.last == false { html += "<tbody>\n"; tableBodies[tableBodies.count - 1] = true }
                    html += "<tr>\n"
                }
            case let .tableCell(alignment, header):
                cr()
                html += header ? "<th" : "<td"
                switch alignment {
                case .none: break
                case .left: html += " align=\"left\""
                case .center: html += " align=\"center\""
                case .right: html += " align=\"right\""
                }
                html += ">"
            case .alert(let kind):
                cr()
                html += "<div class=\"alert alert-\(kind.rawValue)\" role=\"note\">\n"
                html += "<p class=\"alert-title\">\(AlertIcons.svg(kind))\(HTMLEscaping.escape(options.words.alert(kind)))</p>\n"
            case .video(let url):
                cr()
                renderVideo(url, in: doc)
            case .image(let image):
                cr()
                renderImageBlock(image, in: doc)
            case .include, .inlineInclude:
                break // expanded by ExpandedWalk
            case .text(let s): literal(s, in: doc)
            case .softBreak: html += "\n"
            case .lineBreak: html += "<br />\n"
            case .code(let s): html += "<code>"; text(doc[s]); html += "</code>"
            case .htmlInline(let s): html += rawHTML(String(doc[s]), event)
            case .container(let container):
                cr()
                html += Self.containerOpening(container)
            case .codeReference(let reference):
                cr()
                renderCode(reference, in: doc)
            case .emphasis: html += "<em>"
            case .strong: html += "<strong>"
            case .strikethrough: html += "<del>"
            case let .link(destination, title):
                linkDepth += 1
                html += "<a href=\"" + HTMLEscaping.escapeHref(environment.url(for: destination, in: doc.path, isImage: false)) + "\""
                if !title.isEmpty { html += " title=\"" + HTMLEscaping.escape(title) + "\"" }
                html += ">"
            case .inlineImage(let source, _):
                let src = HTMLEscaping.escapeHref(environment.url(for: source, in: doc.path, isImage: true))
                let linkStart = html.utf8.count
                let linked = options.siteMarkup && linkDepth == 0 && !src.isEmpty
                if linked { html += "<a class=\"image-link\" href=\"\(src)\">" }
                let imageStart = html.utf8.count
                html += "<img src=\"" + src + "\" alt=\""
                openImage = (source, linked ? linkStart : nil, imageStart, html.utf8.count)
                plainDepth += 1
            }
        }

        mutating func exit(_ event: ExpandedWalk.Event) {
            if skipping != nil {
                skippingDepth -= 1
                if skippingDepth == 0 { skipping = nil }
                return
            }
            if !sanitizers.isEmpty, let closing = sanitizers.removeValue(forKey: SanitizerKey(document: event.document.path, parent: event.id.index)) {
                var sanitizer = closing
                html += sanitizer.close()
            }
            if plainDepth > 0 {
                guard case .inlineImage(_, let title) = event.kind else { return }
                plainDepth -= 1
                if plainDepth == 0 {
                    html += "\""
                    if !title.isEmpty { html += " title=\"" + HTMLEscaping.escape(title) + "\"" }
                    guard let image = openImage else { html += " />"; return }
                    openImage = nil
                    if options.siteMarkup { html += sizeAttributes(image.source, in: event.document) + loadingAttribute() }
                    html += " />"
                    if let linkStart = image.linkStart {
                        // An image without alt text would make a link with no name: no link then.
                        if html.utf8.dropFirst(image.altStart).first == UInt8(ascii: "\"") {
                            let utf8 = html.utf8
                            let start = utf8.index(utf8.startIndex, offsetBy: linkStart)
                            html.removeSubrange(start..<utf8.index(start, offsetBy: image.imageStart - linkStart))
                        } else {
                            html += "</a>"
                        }
                    }
                }
                return
            }
            switch event.kind {
            case .blockQuote: cr(); html += "</blockquote>\n"
            case let .list(ordered, _, _, _): cr(); html += ordered ? "</ol>\n" : "</ul>\n"
            case .item: html += "</li>\n"
            case .paragraph: if !isTight(event) { html += "</p>\n" }
            case let .heading(level, id):
                if let text = headingText, !id.isEmpty {
                    let title = text.trimmingSpaces()
                    headings.append(Heading(level: level, id: id, text: title))
                    if options.siteMarkup && options.headingIDs && level >= 2 {
                        let escaped = HTMLEscaping.escape(id)
                        html += " <a class=\"heading-anchor\" href=\"#\(escaped)\" aria-label=\"\(HTMLEscaping.escape(options.words.linkToSection + title))\"></a>"
                    }
                }
                headingText = nil
                html += "</h\(level)>\n"
            case .table:
                cr()
                if tableBodies.removeLast() { html += "</tbody>\n" }
                html += "</table>\n"
                if options.siteMarkup { html += "</div>\n" }
            case .tableRow(let header):
                cr(); html += header ? "</tr>\n</thead>\n" : "</tr>\n"
            case .tableCell(_, let header):
                html += header ? "</th>" : "</td>"; cr()
            case .alert: cr(); html += "</div>\n"
            case .container(let container): cr(); html += Self.containerClosing(container)
            case .emphasis: html += "</em>"
            case .strong: html += "</strong>"
            case .strikethrough: html += "</del>"
            case .link: html += "</a>"; linkDepth -= 1
            default: break
            }
        }

        /// Raw HTML as the options say: sanitised with the page's link resolution, passed through,
        /// or omitted.
        mutating func rawHTML(_ literal: String, _ event: ExpandedWalk.Event) -> String {
            switch options.rawHTML {
            case .omitted: return "<!-- raw HTML omitted -->"
            case .allowed: return HTMLEscaping.tagFilter(literal)
            case .sanitized:
                let key = SanitizerKey(document: event.document.path, parent: event.node.parent?.index ?? -1)
                let environment = environment, path = event.document.path
                var sanitizer = sanitizers[key] ?? HTMLSanitizer { url, isImage in environment.url(for: url, in: path, isImage: isImage) }
                let output = sanitizer.sanitize(literal)
                sanitizers[key] = sanitizer
                return output
            }
        }

        /// Elements raw HTML left open at the end (in an included file's top level).
        mutating func closeSanitizedElements() {
            for key in sanitizers.keys.sorted(by: { ($0.document, $0.parent) > ($1.document, $1.parent) }) {
                html += sanitizers[key]!.close()
            }
            sanitizers = [:]
        }

        /// Paragraphs directly inside items of a tight list are written without `<p>`.
        func isTight(_ event: ExpandedWalk.Event) -> Bool {
            let doc = event.document
            guard let parent = event.node.parent, let grandparent = doc[parent].parent,
                  case let .list(_, _, tight, _) = doc[grandparent].kind else { return false }
            return tight
        }

        mutating func renderVideo(_ url: String, in doc: MarkdownDocument) {
            let href = HTMLEscaping.escapeHref(environment.url(for: url, in: doc.path, isImage: false))
            if VideoEmbedding.isEmbeddable(url) {
                // The link keeps the video reachable offline and on paper, where the player is empty.
                html += "<div class=\"video\"><iframe src=\"\(href)\" title=\"Video player\" loading=\"lazy\" allowfullscreen></iframe></div>\n"
                html += "<p class=\"video-link\"><a href=\"\(href)\">\(HTMLEscaping.escape(options.words.watchVideo))</a></p>\n"
            } else {
                html += "<p class=\"video-link\"><a href=\"\(href)\">\(HTMLEscaping.escape(options.words.watchVideo))</a></p>\n"
            }
        }

        private mutating func renderImageBlock(_ image: ImageBlock, in doc: MarkdownDocument) {
            let src = HTMLEscaping.escapeHref(environment.url(for: image.source, in: doc.path, isImage: true))
            html += "<figure class=\"image image-\(image.kind.rawValue)\">"
            let lightbox = image.lightbox.map { HTMLEscaping.escapeHref(environment.url(for: $0, in: doc.path, isImage: true)) }
            if let lightbox { html += "<a href=\"\(lightbox)\">" }
            if image.kind == .icon {
                html += "<img src=\"\(src)\" alt=\"\" role=\"presentation\" />"
            } else if options.siteMarkup {
                let img = "<img src=\"\(src)\" alt=\"\(HTMLEscaping.escape(image.altText))\"\(sizeAttributes(image.source, in: doc))\(loadingAttribute()) />"
                // A lightbox already links to the large image; otherwise link to this one.
                html += image.altText.isEmpty || src.isEmpty || linkDepth > 0 || lightbox != nil ? img : "<a class=\"image-link\" href=\"\(src)\">\(img)</a>"
            } else {
                html += "<img src=\"\(src)\" alt=\"\(HTMLEscaping.escape(image.altText))\" loading=\"lazy\" />"
            }
            if lightbox != nil { html += "</a>" }
            if image.kind == .complex, !image.longDescription.isEmpty {
                html += "<figcaption><details><summary>Description</summary><p>\(HTMLEscaping.escape(image.longDescription))</p></details></figcaption>"
            }
            html += "</figure>\n"
        }
    }
}

/// Which video URLs can be embedded in an `<iframe>`; others become a plain link.
public enum VideoEmbedding {
    /// Host → path prefix of the players that may go in an `<iframe>`.
    static let players: [String: String] = [
        "www.microsoft.com": "/videoplayer/embed/", "www.youtube.com": "/embed/", "youtube.com": "/embed/",
        "www.youtube-nocookie.com": "/embed/", "player.vimeo.com": "/video/",
    ]

    public static func isEmbeddable(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
              components.user == nil, components.port == nil,
              let host = components.host?.lowercased(), let prefix = players[host] else { return false }
        return components.path.hasPrefix(prefix)
    }
}
