import Foundation

/// Looks for a run of one byte in text; `memchr` finds each candidate, so text without the
/// byte (most of it) is passed over many bytes at a time. Every text node goes through here.
package enum ByteRun {
    /// Whether `bytes` hold `times` of `byte` in a row.
    package static func contains(_ byte: UInt8, times: Int, in bytes: some Sequence<UInt8>) -> Bool {
        precondition(times > 0, "a run is at least one byte")
        if let found = bytes.withContiguousStorageIfAvailable({ contains(byte, times: times, in: $0) }) { return found }
        var run = 0
        for next in bytes {
            run = next == byte ? run + 1 : 0
            if run == times { return true }
        }
        return false
    }

    static func contains(_ byte: UInt8, times: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var offset = 0
        while offset < buffer.count, let hit = memchr(base + offset, Int32(byte), buffer.count - offset) {
            var end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let start = end
            while end < buffer.count, buffer[end] == byte { end += 1 }
            if end - start >= times { return true }
            offset = end
        }
        return false
    }
}
