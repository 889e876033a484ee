/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    public static func closest(to word: String, in candidates: [String], maximumDistance: Int = 3) -> String? {
        candidates
            .map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= min(maximumDistance, max(1, $0.0.count / 2)) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// A note for a diagnostic, or nothing when no candidate is close.
    public static func note(_ word: String, among candidates: [String]) -> [String] {
        closest(to: word, in: candidates).map { ["did you mean '\($0)'?"] } ?? []
    }

    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
