import Foundation

extension String {
    /// Whether `self` sorts before `other` byte by byte in UTF-8 (the order output paths and
    /// file names are listed in, the same on every machine): `utf8.lexicographicallyPrecedes`,
    /// with `memcmp` over native strings' contiguous bytes, since a plan sorts tens of thousands
    /// of paths on one core.
    package func utf8Precedes(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right -> Bool in
                let common = Swift.min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        if let fast = fast ?? nil { return fast }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
