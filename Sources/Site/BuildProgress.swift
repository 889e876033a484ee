import Foundation
import SiteChecks
import SiteModel
import SiteProducers

/// Done/total and time left for a long build, redrawn on one terminal line of standard error
/// at most ten times a second. The command creates one only when standard error is a terminal.
public final class BuildProgress: @unchecked Sendable {
    // `done`, `total`, `stage`, `started` and `lastDraw` are guarded by `lock`.
    private let lock = NSLock()
    private var done = 0, total = 0
    private var stage = ""
    private var started = DispatchTime.now()
    private var lastDraw: UInt64 = 0
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.write = write
    }

    public func begin(_ stage: String, total: Int) {
        lock.lock()
        (self.stage, self.total, done, started, lastDraw) = (stage, total, 0, .now(), 0)
        lock.unlock()
    }

    func advance() {
        lock.lock()
        done += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let line: String? = now - lastDraw > 100_000_000 || done == total ? Self.line(stage, done, total, elapsed: now - started.uptimeNanoseconds) : nil
        if line != nil { lastDraw = now }
        lock.unlock()
        if let line { write("\r\u{1B}[2K" + line) }
    }

    /// Clears the line so the summary that follows starts clean.
    public func finish() { write("\r\u{1B}[2K") }

    static func line(_ stage: String, _ done: Int, _ total: Int, elapsed: UInt64) -> String {
        let seconds = Double(elapsed) / 1e9
        let left = done > 0 && done < total ? seconds / Double(done) * Double(total - done) : 0
        let percent = total > 0 ? done * 100 / total : 100
        return "\(stage): \(done)/\(total) (\(percent) %)" + (left >= 1 ? String(format: ", about %.0f s left", left) : "")
    }
}
