import Diagnostics
import Markdown
import Rendering

/// What the document rules read of one Markdown file, gathered in the walk that makes its
/// outline: the links and images it points to, its code references, placeholders and raw HTML,
/// and the few facts of its shape the page rules ask about. The rules (`KitChecks` in the
/// SiteChecks target) turn these into findings against the kit, so no check walks a tree, and
/// a kit need not keep its trees to be checked again.
package struct DocumentUses: Sendable {
    /// A link or image target, as written.
    package struct Link: Sendable {
        package let destination: String
        package let isImage: Bool
        package let location: SourceLocation
    }

    /// A `:::code source="…":::` reference to a file (not a URL).
    package struct CodeUse: Sendable {
        package let reference: CodeReference
        package let location: SourceLocation
    }

    /// A `{{ name }}` in text, where it starts, and whether it is the whole of its paragraph
    /// (where a block placeholder such as `{{ groups }}` belongs).
    package struct Placeholder: Sendable {
        package let name: String
        package let location: SourceLocation
        package let standsAlone: Bool
    }

    /// Raw HTML the sanitiser cuts down when the kit does not let raw HTML through: where the
    /// first such piece is, how many pieces lose something, and how many tags or attributes.
    package struct CutHTML: Sendable {
        package let first: SourceLocation
        package let pieces: Int
        package let dropped: Int
    }

    /// A heading whose id was made unique because an earlier heading has the same text.
    package struct RepeatedHeading: Sendable {
        package let anchor: String
        package let slug: String
        package let firstLine: Int
        package let location: SourceLocation
    }

    package private(set) var links: [Link] = []
    package private(set) var codeUses: [CodeUse] = []
    package private(set) var placeholders: [Placeholder] = []
    package private(set) var cutHTML: CutHTML?
    /// Text holding `[!INCLUDE` that is not a complete include.
    package private(set) var brokenIncludes: [SourceLocation] = []
    /// A `## key: value` heading at the top of a file without front matter: front matter that
    /// lost its opening `---`.
    package private(set) var frontMatterLookalike: SourceLocation?
    package private(set) var repeatedHeadings: [RepeatedHeading] = []
    /// Whether the file opens a level-1 heading (a page's title when front matter has none).
    package private(set) var hasTitleHeading = false
    package private(set) var hasFrontMatter = false

    package init() {}

    /// Gathers what node `id` of `document` uses. The outline's flat pass calls this for every
    /// node in document order (the sanitiser carries over from one piece of raw HTML to the
    /// next, as it does when the page renders), then `finish` once.
    mutating func add(_ id: NodeID, of document: MarkdownDocument, sanitizer: inout HTMLSanitizer) {
        let node = document[id]
        switch node.kind {
        case .link(let destination, _):
            links.append(Link(destination: destination, isImage: false, location: document.location(of: id)))
        case .inlineImage(let destination, _):
            links.append(Link(destination: destination, isImage: true, location: document.location(of: id)))
        case .image(let block):
            let location = document.location(of: id)
            links.append(Link(destination: block.source, isImage: true, location: location))
            if let lightbox = block.lightbox { links.append(Link(destination: lightbox, isImage: true, location: location)) }
        case .codeReference(let reference) where !reference.source.contains("://"):
            codeUses.append(CodeUse(reference: reference, location: document.location(of: id)))
        case .htmlBlock(let literal), .htmlInline(let literal):
            // Only what the allow-list leaves out is lost; `<br>`, `<sup>`, … are kept.
            let before = sanitizer.dropped
            _ = sanitizer.sanitize(String(document[literal]))
            guard sanitizer.dropped > before else { break }
            cutHTML = CutHTML(first: cutHTML?.first ?? document.location(of: id), pieces: (cutHTML?.pieces ?? 0) + 1,
                              dropped: (cutHTML?.dropped ?? 0) + sanitizer.dropped - before)
        case .text(let span):
            if Self.containsIncludeMarker(document[span]) { brokenIncludes.append(document.location(of: id)) }
            guard span.containsDoubleBrace else { break }
            let text = String(document[span])
            let sole = DocVariables.soleReference(in: text)
            let onlyChild = node.parent.map { document.children(of: $0).first == id && node.nextSibling == nil } == true
            for reference in DocVariables.references(in: text) {
                var location = document.location(of: id)
                if node.range.isKnown { location.column += reference.offset }
                placeholders.append(Placeholder(name: reference.name, location: location, standsAlone: onlyChild && sole == reference.name))
            }
        default:
            break
        }
    }

    /// The facts of the file's shape: its headings and its top.
    mutating func finish(_ document: MarkdownDocument) {
        hasFrontMatter = document.frontMatter.isPresent
        hasTitleHeading = document.firstHeadingText != nil
        var first: [String: Int] = [:]
        for heading in document.headings {
            let slug = HeadingIDGenerator.slug(document.plainText(of: heading.id))
            let location = document.location(of: heading.id)
            if let line = first[slug], heading.anchor != slug {
                repeatedHeadings.append(RepeatedHeading(anchor: heading.anchor, slug: slug, firstLine: line, location: location))
            } else if first[slug] == nil {
                first[slug] = location.line
            }
        }
        frontMatterLookalike = Self.frontMatterLookalike(document)
    }

    /// True when `text` holds `[!INCLUDE` in any letter case (a byte scan: this runs on every
    /// text node of the kit).
    static func containsIncludeMarker(_ text: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let marker: StaticString = "[!include"
            let length = marker.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            let letters = UnsafeBufferPointer(start: marker.utf8Start, count: length)
            for start in 0...(bytes.count - length) where bytes[start] == UInt8(ascii: "[") && bytes[start + 1] == UInt8(ascii: "!") {
                if (2..<length).allSatisfy({ bytes[start + $0] | 0x20 == letters[$0] }) { return true }
            }
            return false
        }
        // Native strings are contiguous: no copy on this hot path.
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// `title: Invite people` then `---` at the top of a file without an opening `---` is a
    /// Markdown heading, not front matter.
    static func frontMatterLookalike(_ document: MarkdownDocument) -> SourceLocation? {
        guard !document.frontMatter.isPresent, let first = document.children(of: document.root).first,
              case .heading(level: 2, _) = document[first].kind, document.location(of: first).line <= 2,
              // A setext heading (text underlined by `---`) spans two lines or more; `## a: b` does not.
              document[first].range.endLine > document[first].range.start.line else { return nil }
        let text = document.plainText(of: first)
        guard let colon = text.firstIndex(of: ":"), !text[..<colon].isEmpty,
              text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) else { return nil }
        return document.location(of: first)
    }
}
