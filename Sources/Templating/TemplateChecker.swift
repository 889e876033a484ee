import Diagnostics

/// Strict checks over a template set: every name a template uses must exist in the data's
/// shape, partials must exist and not form cycles, and only adoptkit's own markup may be placed
/// unescaped. Mustache itself would render a missing name as an empty hole.
struct TemplateChecker {
    let templates: [String: LoadedTemplate]
    private(set) var diagnostics: [Diagnostic] = []
    /// (template, partial chain) pairs already checked, so shared partials are checked once per use.
    private var visiting: [String] = []

    init(templates: [String: LoadedTemplate]) { self.templates = templates }

    mutating func check(_ name: String, against shape: TemplateShape) {
        check(name, scopes: [shape])
    }

    private mutating func check(_ name: String, scopes initial: [TemplateShape?]) {
        guard let template = templates[name] else { return }
        if let start = visiting.firstIndex(of: name) {
            let chain = (visiting[start...] + [name]).joined(separator: " → ")
            diagnostics.append(.error(.templatePartialCycle, "partial cycle: \(chain)", at: template.location(line: 1, column: 1)))
            return
        }
        visiting.append(name)
        defer { visiting.removeLast() }
        var scopes = initial
        for tag in template.tags {
            let location = template.location(line: tag.line, column: tag.column)
            if [.variable, .unescaped, .section, .inverted].contains(tag.kind), tag.name.contains(where: { $0 == "(" || $0 == ")" }) {
                diagnostics.append(.error(.templateSyntax, "'\(tag.name)': transforms such as uppercased(…) are not supported in adoptkit templates",
                                          at: location, notes: ["use the name alone: {{\(Self.withoutTransforms(tag.name))}}"]))
                if tag.kind == .section || tag.kind == .inverted { scopes.append(nil) }
                continue
            }
            switch tag.kind {
            case .variable, .unescaped:
                guard let shape = resolve(tag.name, in: scopes) else {
                    diagnostics.append(unknownName(tag.name, location: location, scopes: scopes))
                    continue
                }
                if case .list = shape {
                    diagnostics.append(.error(.templateNotText, "'\(tag.name)' is a list; in {{ }} it would print nothing", at: location,
                                              notes: ["go through its items with {{#\(tag.name)}}…{{/\(tag.name)}}"]))
                    continue
                }
                if case .object = shape {
                    diagnostics.append(.error(.templateNotText, "'\(tag.name)' is a group of values; in {{ }} it would print nothing", at: location,
                                              notes: ["name one of its values: {{\(tag.name).NAME}}"]))
                    continue
                }
                // Text templates escape nothing anyway; only HTML ones can be injected into.
                guard !name.hasSuffix(TemplateSet.textSuffix) else { continue }
                if tag.kind == .unescaped, shape != .html {
                    diagnostics.append(.error(.templateUnescapedData,
                                              "'\(tag.name)' is data from the kit; placing it unescaped with {{{ }}} or {{& }} would let it inject markup",
                                              at: location, notes: ["use {{\(tag.name)}} so it is escaped"]))
                } else if let problem = Self.contextProblem(tag.context, shape: shape) {
                    diagnostics.append(.error(.templateUnsafeContext, "'\(tag.name)' \(problem)", at: location,
                                              notes: ["HTML escaping protects text and quoted attribute values only"]))
                }
            case .section, .inverted, .block:
                if tag.kind == .block { scopes.append(nil); continue }
                guard let shape = resolve(tag.name, in: scopes) else {
                    diagnostics.append(unknownName(tag.name, location: location, scopes: scopes))
                    scopes.append(nil)
                    continue
                }
                switch (tag.kind, shape) {
                case (.section, .list(let element)): scopes.append(element)
                case (.section, .object): scopes.append(shape)
                default: scopes.append(nil)
                }
            case .close:
                if scopes.count > 1 { scopes.removeLast() }
            case .partial, .parent:
                let isText = name.hasSuffix(TemplateSet.textSuffix)
                if templates[tag.name] == nil {
                    diagnostics.append(.error(.templateMissing, "partial '\(tag.name)' does not exist", at: location,
                                              notes: Suggestions.note(tag.name, among: Array(templates.keys))))
                } else if tag.name.hasSuffix(TemplateSet.textSuffix) != isText {
                    // A text partial escapes nothing; an HTML partial escapes what text must keep.
                    diagnostics.append(.error(.templateUnsafeContext,
                                              "partial '\(tag.name)' is a \(isText ? "HTML" : "text") template used in a \(isText ? "text" : "HTML") template",
                                              at: location, notes: ["HTML templates may only use HTML partials, text templates only text partials"]))
                } else if !isText, tag.context != .text {
                    diagnostics.append(.error(.templateUnsafeContext, "partial '\(tag.name)' is placed inside a tag, attribute, script or style",
                                              at: location, notes: ["partials may only stand in element content"]))
                } else {
                    check(tag.name, scopes: scopes)
                }
                if tag.kind == .parent { scopes.append(nil) }
            case .delimiters:
                diagnostics.append(.error(.templateSyntax, "changing delimiters is not supported in adoptkit templates", at: location))
            case .pragma:
                // adoptkit decides escaping by file name (.txt.mustache); a pragma could turn it off.
                diagnostics.append(.error(.templateSyntax, "pragmas ({{% … }}) are not allowed in adoptkit templates", at: location,
                                          notes: ["name a template *.txt.mustache to render text without HTML escaping"]))
            case .comment:
                break
            }
        }
    }

    /// Attributes whose value is fetched or followed as a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "cite", "background",
                                             "srcset", "xlink:href", "data", "manifest", "ping", "longdesc", "codebase"]

    /// Why placing a value of `shape` in `context` is unsafe, or nil when escaping protects it.
    static func contextProblem(_ context: HTMLContext, shape: TemplateShape) -> String? {
        switch context {
        case .text, .comment:
            return nil
        case .rawText(let element):
            return "is placed inside <\(element)>, where HTML escaping does not protect it"
        case .insideTag:
            return [.token, .bool].contains(shape) ? nil : "is placed inside a tag, outside any attribute value"
        case let .attribute(attribute, quoted, atStart):
            if shape == .html { return "is markup placed inside the attribute '\(attribute)'" }
            if attribute.hasPrefix("on") { return "is placed in the event-handler attribute '\(attribute)'" }
            if attribute == "srcdoc" { return "is placed in 'srcdoc', whose value is parsed as HTML" }
            if attribute == "style", shape != .token { return "is placed in a style attribute" }
            if !quoted, ![.token, .bool].contains(shape) { return "is placed in the unquoted attribute '\(attribute)'" }
            if urlAttributes.contains(attribute), atStart, ![.url, .token].contains(shape) {
                return "starts the URL in '\(attribute)' but is not a checked URL (it could be javascript:)"
            }
            return nil
        }
    }

    /// `uppercased(name)` → `name`.
    static func withoutTransforms(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "(" || $0 == ")" }).last ?? "")
    }

    /// Mustache name lookup: the first segment through the scope stack, the rest inside it.
    private func resolve(_ name: String, in scopes: [TemplateShape?]) -> TemplateShape? {
        if name == "." { return scopes.last.flatMap { $0 } ?? .text }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for scope in scopes.reversed() {
            guard case .object(let fields)? = scope, var shape = fields[first] else { continue }
            for part in parts.dropFirst() {
                guard case .object(let inner) = shape, let next = inner[part] else { return nil }
                shape = next
            }
            return shape
        }
        return nil
    }

    private func unknownName(_ name: String, location: SourceLocation, scopes: [TemplateShape?]) -> Diagnostic {
        // Every dotted path reachable from the open scopes, so `page.titel` suggests `page.title`.
        var known: [String] = []
        var pending: [(String, TemplateShape)] = []
        for case .object(let fields)? in scopes { pending += fields.map { ($0.key, $0.value) } }
        while let (path, shape) = pending.popLast() {
            known.append(path)
            if case .object(let fields) = shape, path.split(separator: ".").count < 4 {
                pending += fields.map { ("\(path).\($0.key)", $0.value) }
            }
        }
        return .error(.templateUnknownName, "'\(name)' is not available here; the template would print nothing", at: location,
                      notes: Suggestions.note(name, among: known))
    }
}

