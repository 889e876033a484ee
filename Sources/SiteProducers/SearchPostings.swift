/// The search index's postings: for one term, the sections it occurs in and whether it occurs
/// in their title or heading, written as text a script file can hold and the search script
/// decodes (`Templates/search.js` reads the same format).
///
/// Each entry is `gap * 2 + inHeading`, where `gap` is the distance from the previous section
/// minus one (the first counts from -1). Entries are Exp-Golomb codes of order `k`: the value
/// shifted right by `k`, plus one, in Elias gamma code (as many zeros as it has bits after the
/// first, then its bits), then the low `k` bits. One `k` per term, picked to make its list
/// shortest, is written first as a letter `A`–`Z`; the bits follow, most significant first,
/// six to a character of `digits`, the last character padded with zeros. Common terms cost a
/// bit or two per section, rare ones about `log2(sections / occurrences)` plus a few.
package enum SearchPostings {
    /// Six bits per character; `A`–`Z` also appear, but only after the `k` letter.
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let largestOrder = 25

    /// One term's entries while the index is made: the gap from the entry before as a LEB128
    /// number (seven bits a byte), a byte or two where `[UInt32]` took four. A common term has
    /// an entry in most sections, and every term's list is alive until the index is written.
    package struct List: Sendable {
        private var bytes: [UInt8] = []
        private var last: UInt32 = 0

        /// Adds `entry` (`section << 1 | inHeading`), after every entry added before it.
        package mutating func append(_ entry: UInt32) {
            var gap = entry - last
            last = entry
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }

        package var entries: [UInt32] {
            var result: [UInt32] = []
            forEachEntry { result.append($0) }
            return result
        }

        /// Calls `body` with each entry in order, without making an array of them.
        package func forEachEntry(_ body: (UInt32) -> Void) {
            var value: UInt32 = 0, shift: UInt32 = 0, previous: UInt32 = 0
            for byte in bytes {
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 {
                    previous += value
                    body(previous)
                    (value, shift) = (0, 0)
                } else {
                    shift += 7
                }
            }
        }
    }

    /// `entries` are `section << 1 | inHeading`, sections ascending and each at most once.
    package static func encode(_ entries: [UInt32]) -> String {
        var values: [UInt32] = []
        values.reserveCapacity(entries.count)
        var previous: Int64 = -1
        for entry in entries {
            let section = Int64(entry >> 1)
            values.append(UInt32((section - previous - 1) * 2) | (entry & 1))
            previous = section
        }
        let k = order(for: values)
        var writer = BitWriter()
        for value in values {
            let quotient = UInt64(value >> UInt32(k)) + 1
            let width = 64 - quotient.leadingZeroBitCount
            writer.write(0, bits: width - 1)
            writer.write(quotient, bits: width)
            writer.write(UInt64(value) & ((1 << UInt64(k)) - 1), bits: k)
        }
        return String(UnicodeScalar(UInt8(ascii: "A") + UInt8(k))) + writer.finish()
    }

    /// The order that makes `values` shortest, searched near the bit width of their mean.
    static func order(for values: [UInt32]) -> Int {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(UInt64(0)) { $0 + UInt64($1) } / UInt64(values.count)
        let guess = 64 - mean.leadingZeroBitCount
        var best = (k: 0, bits: UInt64.max)
        for k in min(max(0, guess - 3), largestOrder)...min(largestOrder, guess + 2) {
            var bits: UInt64 = 0
            for value in values {
                let quotient = UInt64(value >> UInt32(k)) + 1
                bits += UInt64(2 * (64 - quotient.leadingZeroBitCount) - 1 + k)
            }
            if bits < best.bits { best = (k, bits) }
        }
        return best.k
    }

    /// Bits, most significant first, six to a character of `digits`.
    struct BitWriter {
        private var bytes: [UInt8] = []
        private var pending: UInt64 = 0
        private var count = 0

        mutating func write(_ value: UInt64, bits: Int) {
            var left = bits
            while left > 0 {
                let take = min(left, 6 - count)
                left -= take
                pending = pending << UInt64(take) | ((value >> UInt64(left)) & ((1 << UInt64(take)) - 1))
                count += take
                if count == 6 {
                    bytes.append(digits[Int(pending)])
                    pending = 0
                    count = 0
                }
            }
        }

        mutating func finish() -> String {
            if count > 0 { bytes.append(digits[Int(pending << UInt64(6 - count))]) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
