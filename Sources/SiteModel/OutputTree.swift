import Diagnostics
import Foundation

/// Everything a build produces, in memory, before anything touches the disk: the writer
/// writes it, the preview server serves it, `poster` prints from it.
public struct OutputTree: Sendable {
    public typealias Kind = OutputKind

    public enum Contents: Sendable, Hashable {
        case bytes(Data)
        /// A file copied as it is, read only when written or served.
        case copy(of: URL)
        /// A poster for the browser to print (PDF or PNG); only `build` has one print it.
        case printed(PrintJob)
        /// A page whose file could not be parsed again where it rendered (see `Kit.tree(of:)`).
        case unreadable(Diagnostic)

        public func data() throws -> Data {
            switch self {
            case .bytes(let data): return data
            case .copy(let url): return try Data(contentsOf: url)
            case .printed(let job): throw PrintJob.NotPrinted(format: job.format)
            case .unreadable(let problem): throw problem
            }
        }
    }

    public struct File: Sendable, Hashable {
        /// Relative to the output folder, with `/`.
        public var path: String
        public var contents: Contents
        public var kind: Kind
        /// `html`, or the extension of a copied file.
        public var format: String
        /// Where it came from, relative to the kit (or as given on the command line).
        public var source: String
        /// For posters: the template name (`invite-link`).
        public var poster: String? = nil
        /// For per-group posters: the group's name exactly as written in `adoptkit.yml`.
        public var group: String? = nil
        /// The language, when not the site's default.
        public var language: String? = nil

        init(path: String, contents: Contents, kind: Kind, format: String, source: String, poster: String? = nil, group: String? = nil) {
            (self.path, self.contents, self.kind, self.format, self.source, self.poster, self.group) = (path, contents, kind, format, source, poster, group)
        }

        package init(_ output: PlannedOutput, contents: Contents) {
            self.init(path: output.path, contents: contents, kind: output.kind, format: output.format, source: output.source,
                      poster: output.poster, group: output.group)
            self.language = output.language
        }
    }

    /// Sorted by path; paths are unique.
    public let files: [File]
    private let index: [String: Int]

    public init(files: [File]) {
        self.files = files.sorted { $0.path < $1.path }
        self.index = Dictionary(self.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(path: String) -> File? { index[path].map { files[$0] } }


    /// The manifest of these files, as `BuildPlan.manifestJSON()` writes it for a build.
    public func manifestJSON() -> Data {
        BuildPlan.manifestJSON(files.map { .init(path: $0.path, kind: $0.kind, format: $0.format, source: $0.source, poster: $0.poster, group: $0.group,
                                                 language: $0.language) })
    }

    public static let manifestName = BuildPlan.manifestName
}
