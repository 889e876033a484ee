import Foundation
import Diagnostics
import Markdown

/// A page's text cut at its headings, for the site's search index: each section keeps its
/// heading, the heading's id (the link target) and the words under it, includes expanded and
/// placeholders filled in, markup left out.
public enum SearchText {
    public struct Section: Sendable, Equatable {
        /// The heading's id; empty for the text before the first `##` heading.
        public var anchor: String
        public var heading: String
        public var text: String

        public init(anchor: String, heading: String, text: String) {
            (self.anchor, self.heading, self.text) = (anchor, heading, text)
        }
    }

    public static func sections(_ document: MarkdownDocument, environment: MarkdownEnvironment) -> [Section] {
        var sections = [Section(anchor: "", heading: "", text: "")]
        let variables = environment.variables
        var inHeading = false, headingLevel = 0
        var heading = "", skipDepth = 0
        func add(_ text: Substring) {
            if inHeading { heading.append(contentsOf: text) } else if skipDepth == 0 { sections[sections.count - 1].text.append(contentsOf: text) }
        }
        for event in ExpandedWalk(document, environment: environment) {
            switch event.kind {
            case let .heading(level, id):
                if event.isEntering {
                    inHeading = true; headingLevel = level; heading = ""
                } else {
                    inHeading = false
                    let title = heading.trimmingSpaces()
                    if headingLevel >= 2, !id.isEmpty {
                        sections.append(Section(anchor: id, heading: title, text: ""))
                    } else if sections.count == 1, sections[0].heading.isEmpty {
                        sections[0].heading = title
                    }
                }
            case .text(let s) where event.isEntering:
                let text = event.document[s]
                add(variables.isEmpty || !s.containsDoubleBrace ? text : DocVariables.substitute(String(text), values: variables)[...])
            case .code(let s) where event.isEntering:
                add(event.document[s])
            case .codeBlock(_, let literal) where event.isEntering:
                add((" " + literal + " ")[...])
            case .softBreak, .lineBreak:
                if event.isEntering { add(" ") }
            case .paragraph, .item, .tableCell, .blockQuote:
                if !event.isEntering { add(" ") }
            case .alert:
                if event.isEntering { add(" ") }
            case .htmlBlock, .htmlInline:
                break
            default:
                break
            }
        }
        return sections.compactMap { section in
            var section = section
            section.text = collapseSpaces(section.text)
            return section.text.isEmpty && section.anchor.isEmpty && section.heading.isEmpty ? nil : section
        }
    }

    /// `text` with each run of white space made one space, and none at the ends. Works on
    /// bytes, decoding only non-ASCII scalars, never on characters: a whole kit's text goes
    /// through here, and breaking it into grapheme clusters costs several times as much.
    static func collapseSpaces(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var pendingSpace = false
            var index = 0
            while index < source.count {
                let byte = source[index]
                let length: Int, isSpace: Bool
                if byte < 0x80 {
                    (length, isSpace) = (1, byte == 0x20 || (0x09...0x0D).contains(byte))
                } else {
                    let (scalar, count) = decodeScalar(source, at: index)
                    (length, isSpace) = (count, scalar.properties.isWhitespace)
                }
                if isSpace {
                    pendingSpace = !bytes.isEmpty
                } else {
                    if pendingSpace { bytes.append(0x20); pendingSpace = false }
                    for offset in index..<index + length { bytes.append(source[offset]) }
                }
                index += length
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// Search terms: runs of letters, digits and marks, lower-cased, accents removed (NFD, then
    /// combining marks U+0300–U+036F dropped), so `Équipe` and `equipe` are one term. The
    /// search script folds what the reader types the same way.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// The terms of `text` as `terms` gives them, handed to `body` one at a time (the search
    /// index keeps each section's in a set: no array of them on the way).
    public static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var current: [UInt8] = []
            current.reserveCapacity(32)
            func flush() {
                if !current.isEmpty { body(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
            // Bytes, not scalars: most text is ASCII, and only the rest is decoded.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) { current.append(byte) }
                    else if (0x41...0x5A).contains(byte) { current.append(byte + 32) }
                    else { flush() }
                    continue
                }
                let (scalar, length) = decodeScalar(bytes, at: index)
                index += length
                // Punctuation, symbols and spaces (’, –, …) decompose to no letter: no need to fold.
                guard isWordScalar(scalar) else { flush(); continue }
                for folded in folded(scalar) {
                    if isWordScalar(folded) { appendUTF8(folded, to: &current) } else { flush() }
                }
            }
            flush()
        }
    }

    /// The scalar whose UTF-8 sequence starts at `index` (a lead byte of valid UTF-8, which a
    /// `String`'s bytes are), and the sequence's length.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead & (0x7F >> length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// `fold` of a scalar, from a table for the Latin letters of U+0080–U+024F (most accented
    /// text), else worked out.
    static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = Int(scalar.value)
        return value < latinFolds.count ? latinFolds[value] : fold(scalar)
    }

    private static let latinFolds: [[Unicode.Scalar]] = (0..<0x250).map { value in Unicode.Scalar(UInt32(value)).map(fold) ?? [] }

    /// `scalar` decomposed (NFD), accents dropped, lower-cased, as JavaScript's
    /// `normalize("NFD")`, `replace(/[\u0300-\u036f]/g, "")` and `toLowerCase()` do.
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        var result: [Unicode.Scalar] = []
        for part in decomposed.unicodeScalars where !(0x300...0x36F).contains(part.value) {
            result.append(contentsOf: part.properties.lowercaseMapping.unicodeScalars)
        }
        return result
    }

    /// Letters, marks and numbers (`[\p{L}\p{M}\p{N}]` in the script).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}
