#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs a program the tests need (the `adoptkit` binary, zbarimg, Chromium) the way a test
/// should: on a thread of its own, never blocking the cooperative pool that async tests and the
/// code under test share; with both pipes drained at once, so a chatty program cannot stall on
/// a full pipe; and under a deadline, after which the program is killed and the test fails
/// instead of hanging.
enum TestProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
        var output: String { String(decoding: stdout, as: UTF8.self) }
        var errors: String { String(decoding: stderr, as: UTF8.self) }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var description: String { "\(command) did not finish within \(seconds) s and was killed" }
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
                    timeout seconds: Double = 60) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result {
                    try blockingRun(executable, arguments, in: folder, environment: environment, timeout: seconds)
                })
            }.start()
        }
    }

    private static func blockingRun(_ executable: String, _ arguments: [String], in folder: URL?, environment: [String: String]?,
                                    timeout seconds: Double) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Drain both pipes on their own threads while the program runs.
        let drained = DispatchGroup()
        let stdout = Drain(), stderr = Drain()
        for (pipe, sink) in [(out, stdout), (err, stderr)] {
            drained.enter()
            Thread { sink.data = pipe.fileHandleForReading.readDataToEndOfFile(); drained.leave() }.start()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            // Chromium starts helpers of its own: end its process group too, if it leads one.
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        // A killed program's children may hold the pipes open; do not wait for them forever.
        _ = drained.wait(timeout: .now() + 5)
        let result = Result(status: process.terminationStatus, stdout: stdout.data, stderr: stderr.data, timedOut: timedOut)
        if timedOut { throw TimedOut(command: ([executable] + arguments).joined(separator: " "), seconds: seconds) }
        return result
    }

    /// What one pipe delivered; written by its reader thread before the group is left.
    private final class Drain: @unchecked Sendable { var data = Data() }
}
