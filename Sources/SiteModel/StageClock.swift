import Dispatch

/// Wall-clock laps for `--timings`; never part of the output.
package struct StageClock {
    package init() {}

    private var last = DispatchTime.now()
    package private(set) var laps: [(stage: String, seconds: Double)] = []

    package mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// A part of a lap, timed on its own (it does not move the clock on).
    package mutating func note(_ part: String, seconds: Double) {
        laps.append((part, seconds))
    }
}
