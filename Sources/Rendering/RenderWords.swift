import Markdown

/// The words the renderers add around a page's own text (alert labels, the permalink's and
/// the task box's names), in the page's language. The defaults are English.
public struct RenderWords: Sendable, Hashable {
    public var alerts: [AlertKind: String] = [:]
    public var done = "Done"
    public var table = "Table"
    /// Before the heading's text in the permalink's name.
    public var linkToSection = "Link to this section: "
    public var watchVideo = "Watch the video"

    public init() {}

    public func alert(_ kind: AlertKind) -> String { alerts[kind] ?? kind.label }
}
