import KitConfig

/// A poster page for a browser to print: its HTML (standalone, nothing fetched), the file to
/// make of it and the sheet it is laid out for. The producers make jobs; `build` hands them to
/// headless Chromium (`PosterPrinter`).
public struct PrintJob: Sendable, Hashable {
    public typealias Format = KitConfig.PosterSettings.ExportFormat
    public let html: String
    public let format: Format
    public let paper: KitConfig.Paper

    package init(html: String, format: Format, paper: KitConfig.Paper) {
        (self.html, self.format, self.paper) = (html, format, paper)
    }

    /// Raised when something asks for a print job's bytes without printing it.
    public struct NotPrinted: Error, CustomStringConvertible {
        public let format: Format
        public var description: String { "a poster \(format.rawValue) is made only by 'adoptkit build', in a browser" }
    }
}
