import Foundation

/// Everything a build produces, in memory, before anything touches the disk: the writer
/// writes it, the preview server serves it, `poster` prints from it.
public struct OutputTree: Sendable {
    public enum Kind: String, Sendable, Codable { case page, asset, index, poster, share }

    public enum Contents: Sendable, Hashable {
        case bytes(Data)
        /// A file copied as it is, read only when written or served.
        case copy(of: URL)

        public func data() throws -> Data {
            switch self {
            case .bytes(let data): return data
            case .copy(let url): return try Data(contentsOf: url)
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
    }

    /// Sorted by path; paths are unique.
    public let files: [File]
    private let index: [String: Int]

    public init(files: [File]) {
        self.files = files.sorted { $0.path < $1.path }
        self.index = Dictionary(self.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(path: String) -> File? { index[path].map { files[$0] } }

    public static let manifestName = "manifest.json"

    /// `{"outputs": [...]}`: every file of the build with its kind, format and source, sorted
    /// by path. Keys are sorted too, so the bytes are the same on every run.
    public func manifestJSON() -> Data {
        struct Entry: Encodable {
            let path, kind, format, source: String
            let poster, group: String?
        }
        struct Manifest: Encodable { let outputs: [Entry] }
        let manifest = Manifest(outputs: files.map {
            Entry(path: $0.path, kind: $0.kind.rawValue, format: $0.format, source: $0.source, poster: $0.poster, group: $0.group)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(manifest)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// Paths listed in a manifest written by an earlier build.
    static func paths(inManifest data: Data) -> Set<String>? {
        struct Entry: Decodable { let path: String }
        struct Manifest: Decodable { let outputs: [Entry] }
        return (try? JSONDecoder().decode(Manifest.self, from: data)).map { Set($0.outputs.map(\.path)) }
    }
}
