/// Data handed to a template. Text is escaped where it lands; `html` is markup adoptkit made
/// itself (rendered Markdown, navigation) and is the only kind a template may place unescaped.
public enum TemplateValue: Sendable, Hashable {
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

/// Template data shared between many renders (every poster sees the same organisation and
/// group list), extended per render without copying the shared values.
public struct TemplateData: Sendable {
    let fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue]) { self.fields = fields }

    /// A copy with `fields` added (or replaced).
    public func merging(_ fields: [String: TemplateValue]) -> TemplateData {
        TemplateData(self.fields.merging(fields) { _, new in new })
    }
}
