/// Where a template's output lands in the HTML around it, which decides whether escaping
/// protects it: escaped text is safe in element content and quoted attributes, not in scripts,
/// styles, event handlers, unquoted attributes or as the start of a URL.
enum HTMLContext: Sendable, Hashable {
    case text
    case comment
    /// Inside `<script>` or `<style>` content.
    case rawText(element: String)
    /// Inside an attribute value; `atStart` when nothing literal precedes it in the value.
    case attribute(name: String, quoted: Bool, atStart: Bool)
    /// Inside a tag but not in an attribute value (`<div {{x}}>`).
    case insideTag
}

/// A small HTML tokenizer, enough to know the context at each Mustache tag. It reads only the
/// template's literal text; each Mustache tag counts as one opaque character of output.
struct HTMLContextScanner {
    private enum State: Equatable {
        case data
        case tagOpen
        case tagName(String, closing: Bool)
        case insideTag(element: String)
        case attributeName(element: String, name: String)
        case afterAttributeName(element: String, name: String)
        case beforeValue(element: String, name: String)
        case value(element: String, name: String, quote: Character?, empty: Bool)
        case rawText(element: String, pending: String)
        case comment(pending: String)
        case markup(pending: String)
    }

    private var state: State = .data

    var context: HTMLContext {
        switch state {
        case .data, .markup: return .text
        case .tagOpen: return .insideTag
        case .comment: return .comment
        case .rawText(let element, _): return .rawText(element: element)
        case .tagName, .insideTag, .attributeName, .afterAttributeName: return .insideTag
        case .beforeValue(_, let name): return .attribute(name: name, quoted: false, atStart: true)
        case let .value(_, name, quote, empty): return .attribute(name: name, quoted: quote != nil, atStart: empty)
        }
    }

    /// A Mustache tag's output: it fills an attribute value or text but never ends a tag, and
    /// (as it may be empty) leaves the value's start where it was.
    mutating func consumePlaceholder() {
        switch state {
        case let .beforeValue(element, name): state = .value(element: element, name: name, quote: nil, empty: true)
        case .tagOpen: state = .tagName("x", closing: false)
        default: break
        }
    }

    mutating func consume(_ c: Character) {
        switch state {
        case .data:
            if c == "<" { state = .tagOpen }
        case .tagOpen:
            if c == "!" { state = .markup(pending: "") }
            else if c == "/" { state = .tagName("", closing: true) }
            else if c.isLetter { state = .tagName(String(c).lowercased(), closing: false) }
            else { state = .data }
        case .markup(let pending):
            let next = pending + String(c)
            if next == "--" { state = .comment(pending: "") }
            else if "--".hasPrefix(next) { state = .markup(pending: next) }
            else if c == ">" { state = .data }
            else { state = .markup(pending: "x") }
        case .comment(let pending):
            let tail = String((pending + String(c)).suffix(3))
            state = tail == "-->" ? .data : .comment(pending: tail)
        case let .tagName(name, closing):
            if c.isWhitespace { state = closing ? .data : .insideTag(element: name) }
            else if c == ">" { state = closing ? .data : afterOpenTag(name) }
            else if c == "/" && !closing { state = .insideTag(element: name) }
            else { state = .tagName(name + String(c).lowercased(), closing: closing) }
        case .insideTag(let element):
            if c == ">" { state = afterOpenTag(element) }
            else if c.isWhitespace || c == "/" { break }
            else { state = .attributeName(element: element, name: String(c).lowercased()) }
        case let .attributeName(element, name):
            if c == "=" { state = .beforeValue(element: element, name: name) }
            else if c == ">" { state = afterOpenTag(element) }
            else if c.isWhitespace { state = .afterAttributeName(element: element, name: name) }
            else { state = .attributeName(element: element, name: name + String(c).lowercased()) }
        case let .afterAttributeName(element, name):
            if c == "=" { state = .beforeValue(element: element, name: name) }
            else if c == ">" { state = afterOpenTag(element) }
            else if !c.isWhitespace { state = .attributeName(element: element, name: String(c).lowercased()) }
        case let .beforeValue(element, name):
            if c == "\"" || c == "'" { state = .value(element: element, name: name, quote: c, empty: true) }
            else if c == ">" { state = afterOpenTag(element) }
            else if !c.isWhitespace { state = .value(element: element, name: name, quote: nil, empty: false) }
        case let .value(element, name, quote, empty):
            if let quote, c == quote { state = .insideTag(element: element) }
            else if quote == nil, c.isWhitespace { state = .insideTag(element: element) }
            else if quote == nil, c == ">" { state = afterOpenTag(element) }
            // Browsers strip leading spaces from URL values: they do not end "the start".
            else { state = .value(element: element, name: name, quote: quote, empty: empty && c.isWhitespace) }
        case let .rawText(element, pending):
            let closing = "</" + element
            let next = String((pending + String(c).lowercased()).suffix(closing.count))
            state = next == closing ? .tagName(element, closing: true) : .rawText(element: element, pending: next)
        }
    }

    private func afterOpenTag(_ element: String) -> State {
        ["script", "style"].contains(element) ? .rawText(element: element, pending: "") : .data
    }
}
