/// Renders parsed templates over `TemplateValue`s into one string, with Mustache's rules as
/// swift-mustache applied them: a list section renders once per item, `true` once, any other
/// value once with it as the current value; an inverted section renders for `false`, an empty
/// list or a missing name. Names are looked up without casts or string splitting, which made
/// template rendering a sixth of a build.
struct TemplateRenderer {
    let templates: [String: ParsedTemplate]

    /// The state of one render, threaded through it in place: sections push onto `stack` and
    /// pop when done, partials and blocks restore what they changed, so tokens do not copy it
    /// (a partial with overrides still copies the overrides).
    struct Context {
        var stack: [TemplateValue]
        var indentation = ""
        var overrides: [String: [TemplateToken]] = [:]
        /// HTML templates escape text; text templates (`*.txt.mustache`) escape nothing.
        var escapesHTML: Bool
    }

    func render(_ tokens: [TemplateToken], _ context: inout Context, into out: inout String) {
        guard !context.indentation.isEmpty else {
            for token in tokens { render(token, &context, into: &out) }
            return
        }
        // A partial's lines are indented: each token whose output starts a line (this render's
        // output so far ends with "\n") gets the indentation before it.
        let start = out.utf8.count
        for token in tokens {
            let before = out.utf8.count
            let atLineStart = Self.endsWithNewline(out, from: start, to: before)
            render(token, &context, into: &out)
            if atLineStart, out.utf8.count > before {
                out.insert(contentsOf: context.indentation, at: out.utf8.index(out.utf8.startIndex, offsetBy: before))
            }
        }
    }

    private func render(_ token: TemplateToken, _ context: inout Context, into out: inout String) {
        switch token {
        case .text(let text):
            out += text
        case let .variable(name, escaped):
            switch lookup(name, context) {
            case .text(let text)?, .url(let text)?, .token(let text)?, .html(let text)?:
                out += escaped && context.escapesHTML ? HTMLContent.escape(text) : text
            case .bool(let flag)?:
                out += flag ? "true" : "false"
            case .list?, .object?, nil:
                break // the checker refuses lists and objects here
            }
        case let .section(name, tokens):
            switch lookup(name, context) {
            case .list(let items)?:
                for item in items { render(tokens, pushing: item, &context, into: &out) }
            case .bool(let flag)?:
                if flag { render(tokens, &context, into: &out) }
            case let value?:
                render(tokens, pushing: value, &context, into: &out)
            case nil:
                break
            }
        case let .inverted(name, tokens):
            switch lookup(name, context) {
            case .list(let items)? where items.isEmpty: render(tokens, pushing: .list([]), &context, into: &out)
            case .bool(false)?, nil: render(tokens, &context, into: &out)
            default: break
            }
        case let .partial(name, indentation, overrides):
            guard let template = templates[name] else { return }
            let saved = (context.indentation, context.overrides, context.escapesHTML)
            context.indentation += indentation ?? ""
            // The outer template's overrides win over those of a parent it uses.
            if let overrides { context.overrides.merge(overrides) { outer, _ in outer } }
            context.escapesHTML = !template.isText
            render(template.tokens, &context, into: &out)
            (context.indentation, context.overrides, context.escapesHTML) = saved
        case let .block(name, fallback, indentation):
            let tokens = context.overrides[name] ?? fallback
            guard let indentation, !indentation.isEmpty else { return render(tokens, &context, into: &out) }
            let saved = context.indentation
            context.indentation += indentation
            render(tokens, &context, into: &out)
            context.indentation = saved
        }
    }

    private func render(_ tokens: [TemplateToken], pushing value: TemplateValue, _ context: inout Context, into out: inout String) {
        context.stack.append(value)
        render(tokens, &context, into: &out)
        context.stack.removeLast()
    }

    private func lookup(_ name: TemplateName, _ context: Context) -> TemplateValue? {
        switch name.scope {
        case .current:
            return context.stack.last
        case .innermost:
            return context.stack.last.flatMap { Self.child(name.parts[...], of: $0) }
        case .stack:
            guard let first = name.parts.first else { return context.stack.last }
            for value in context.stack.reversed() {
                if case .object(let fields) = value, let found = fields[first] {
                    return Self.child(name.parts.dropFirst(), of: found)
                }
            }
            return nil
        }
    }

    private static func child(_ parts: ArraySlice<String>, of value: TemplateValue) -> TemplateValue? {
        var value = value
        for part in parts {
            guard case .object(let fields) = value, let next = fields[part] else { return nil }
            value = next
        }
        return value
    }

    /// Whether `out[start..<end]` ends with the Character "\n" (not "\r\n", which is one).
    private static func endsWithNewline(_ out: String, from start: Int, to end: Int) -> Bool {
        guard end > start else { return false }
        let utf8 = out.utf8
        let last = utf8.index(utf8.startIndex, offsetBy: end - 1)
        guard utf8[last] == UInt8(ascii: "\n") else { return false }
        return end - 1 == start || utf8[utf8.index(before: last)] != UInt8(ascii: "\r")
    }
}

/// One template, parsed once.
struct ParsedTemplate: Sendable {
    let tokens: [TemplateToken]
    let isText: Bool
}
