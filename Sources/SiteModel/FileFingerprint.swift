import Foundation

/// A file's length and a hash of its bytes: enough to tell, within one run, whether a file
/// read again holds what it held the first time. The hash is seeded per process, so a
/// fingerprint is never stored or compared across runs.
package struct FileFingerprint: Hashable, Sendable {
    package let bytes: Int
    private let hash: Int

    package init(_ data: Data) {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        (bytes, hash) = (data.count, hasher.finalize())
    }
}
