/// Data handed to a template. Text is escaped where it lands; `html` is markup adoptkit made
/// itself (rendered Markdown, navigation) and is the only kind a template may place unescaped.
public indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    /// A URL adoptkit validated (https from config) or built (relative links): allowed in
    /// `href`/`src`. Escaped like text.
    case url(String)
    /// A short value adoptkit validated to be only letters, digits and `#-_./` (a colour, a
    /// paper size, `../`): allowed in `style` and unquoted attributes. Escaped like text.
    case token(String)
    case html(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// What swift-mustache renders: dictionaries, arrays, strings and booleans.
    var mustacheObject: Any {
        switch self {
        case .text(let s), .url(let s), .token(let s), .html(let s): return s
        case .bool(let b): return b
        case .list(let items): return items.map(\.mustacheObject)
        case .object(let fields): return fields.mapValues(\.mustacheObject)
        }
    }
}

/// The shape of template data: which names exist and what kind of value each is. Derived from
/// a value, so the checker and the renderer can never disagree.
public indirect enum TemplateShape: Sendable, Hashable {
    case text, url, token, html, bool
    case list(TemplateShape?)
    case object([String: TemplateShape])

    public init(of value: TemplateValue) {
        switch value {
        case .text: self = .text
        case .url: self = .url
        case .token: self = .token
        case .html: self = .html
        case .bool: self = .bool
        case .list(let items):
            self = .list(items.map(TemplateShape.init(of:)).reduce(nil) { merged, shape in merged.map { $0.merging(shape) } ?? shape })
        case .object(let fields): self = .object(fields.mapValues(TemplateShape.init(of:)))
        }
    }

    /// Union of two shapes, so list items with optional fields check against all fields seen.
    func merging(_ other: TemplateShape) -> TemplateShape {
        switch (self, other) {
        case let (.object(a), .object(b)): return .object(a.merging(b) { $0.merging($1) })
        case let (.list(a), .list(b)):
            switch (a, b) {
            case let (x?, y?): return .list(x.merging(y))
            default: return .list(a ?? b)
            }
        default: return self
        }
    }
}

/// Template data converted once for the renderer, to share between many renders (every poster
/// sees the same organisation and group list; converting it per poster would be quadratic).
public struct TemplateData: @unchecked Sendable {
    // Immutable dictionaries, arrays, strings and booleans only: safe to share across tasks.
    let object: [String: Any]

    public init(_ fields: [String: TemplateValue]) {
        self.object = fields.mapValues(\.mustacheObject)
    }

    /// A copy with `fields` added (or replaced); the shared part is not converted again.
    public func merging(_ fields: [String: TemplateValue]) -> TemplateData {
        TemplateData(object: object.merging(fields.mapValues(\.mustacheObject)) { _, new in new })
    }

    private init(object: [String: Any]) { self.object = object }
}
