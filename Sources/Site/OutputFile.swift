#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes one output file with plain system calls. A build writes tens of thousands of files:
/// `Data.write(to:)` would build a URL, stat the path and go through Foundation's options for
/// each, which took a few percent of a build.
enum OutputFile {
    /// The system's reason, as `error.localizedDescription` shows it.
    struct WriteError: LocalizedError {
        let reason: String
        var errorDescription: String? { reason }
    }

    /// Creates (or truncates) the file at `path` and writes `data` to it.
    static func save(_ data: Data, at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}
