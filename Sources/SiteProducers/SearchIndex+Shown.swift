import Markdown
import SiteModel

/// The best results of short word starts, carried by the terms files.
///
/// A word of two or three letters ("co") adds up the weights of up to 40 terms it starts, so its
/// eight best results are spread over the whole kit and would wait for as many sections files
/// after the word's terms file has come. The build ranks every word start of up to
/// `shownPrefixLength` characters the way the search script ranks a one-word query, and each
/// terms file carries the display data of the best results of the starts whose terms begin in
/// it, the file the script loads for that word anyway: those results show without a sections
/// file. The script still ranks for itself; a result it finds in no file here waits for its
/// sections file as before, so this only ever saves a wait.
///
/// Starts are many where the vocabulary is large, so the terms files carry at most one section
/// in `carriedShare`, filled with the shortest starts first and, among starts of one length,
/// those whose terms reach the most sections (the commonest, whose results are the most spread).
extension SearchIndex {
    /// Word starts up to this long carry their best results.
    static let shownPrefixLength = 4
    /// Results a word start carries: the header box shows eight.
    static let shownResults = 8
    /// The search script's limits for one word (`MAX_EXPANSIONS`, `MAX_FILES_PER_WORD`,
    /// `MAX_DECODED`) and weights (`HEADING_WEIGHT`, `EXACT_WEIGHT`).
    static let maxExpansions = 40, maxFilesPerWord = 3, maxDecoded = 20_000
    static let headingWeight = 10, exactWeight = 2
    /// The terms files carry the display data of at most one section in this many.
    static let carriedShare = 16

    /// Per terms file, the sections (ascending) whose display data it carries.
    static func shownSections(terms: [String], shardStarts: [Int], postings: [String: SearchPostings.List], sectionCount: Int) -> [[Int]] {
        guard !terms.isEmpty else { return [] }
        let firsts = shardStarts.map { terms[$0] }
        var prefixes = Set<String>()
        // Starts as the script sees a typed word: UTF-16 units, compared unit by unit.
        for term in terms {
            let units = Array(term.utf16)
            for length in 1...min(shownPrefixLength, units.count) where length > 1 || units.count == 1 {
                let prefix = String(decoding: units[..<length], as: UTF16.self)
                // Not halfway through a surrogate pair: nobody types half a character.
                if prefix.utf16.elementsEqual(units[..<length]) { prefixes.insert(prefix) }
            }
        }
        let sorted = prefixes.sorted(by: precedes)
        // A run of starts to a task, each task with one score array for all of its starts (a
        // run of at least an eighth of them, so a large vocabulary does not clear many arrays).
        let run = max(64, sorted.count / 8)
        let runs = stride(from: 0, to: sorted.count, by: run).map { $0..<min($0 + run, sorted.count) }
        let best = ConcurrentMap.map(runs, chunk: 1) { run in
            var scores = Scores(sectionCount: sectionCount)
            return run.map { number in
                let start = sorted[number], home = max(0, upperBound(firsts, start, by: precedes) - 1)
                let ranked = rank(start, home: home, terms: terms, firsts: firsts, shardStarts: shardStarts, postings: postings, scores: &scores)
                return (start: start, home: home, sections: ranked.sections, reach: ranked.reach)
            }
        }
        let order = best.joined().sorted {
            ($0.start.utf16.count, -$0.reach) < ($1.start.utf16.count, -$1.reach)
        }
        var shown = Array(repeating: Set<Int>(), count: shardStarts.count), carried = 0
        for start in order {
            let added = start.sections.filter { !shown[start.home].contains($0) }
            guard carried + added.count <= sectionCount / carriedShare else { continue }
            shown[start.home].formUnion(added)
            carried += added.count
        }
        return shown.map { $0.sorted() }
    }

    /// The best `shownResults` sections of the one-word query `word`, as `addWord` and `select`
    /// in the search script find them: the terms `word` starts, from its place in the sorted
    /// terms, in at most `maxFilesPerWord` files from `home`, until `maxExpansions` terms or
    /// `maxDecoded` entries; a word of one letter matches only itself. Best score first, ties
    /// to the earlier section. `reach`: the entries read.
    static func rank(_ word: String, home: Int, terms: [String], firsts: [String], shardStarts: [Int],
                     postings: [String: SearchPostings.List], scores: inout Scores) -> (sections: [Int], reach: Int) {
        var files = 1
        let oneLetter = word.utf16.count == 1
        while !oneLetter, files < maxFilesPerWord, home + files < firsts.count, starts(firsts[home + files], word) { files += 1 }
        let end = home + files < shardStarts.count ? shardStarts[home + files] : terms.count
        let limit = oneLetter ? 1 : maxExpansions
        var expansions = 0, decoded = 0
        var at = max(shardStarts[home], lowerBound(terms, word, by: precedes))
        while at < end, starts(terms[at], word), !oneLetter || terms[at].utf16.count == 1 {
            let weight = terms[at].utf16.count == word.utf16.count ? exactWeight : 1
            postings[terms[at]]?.forEachEntry { entry in
                scores.add(Int(entry >> 1), entry & 1 == 1 ? headingWeight * weight : weight)
                decoded += 1
            }
            expansions += 1
            if expansions >= limit || decoded >= maxDecoded { break }
            at += 1
        }
        return (scores.best(shownResults), decoded)
    }

    /// One word's score per section, reused from word to word: only the sections reached are
    /// read and cleared.
    struct Scores {
        private var score: [Int32]
        private var touched: [Int] = []

        init(sectionCount: Int) { score = Array(repeating: 0, count: sectionCount) }

        mutating func add(_ section: Int, _ weight: Int) {
            if score[section] == 0 { touched.append(section) }
            score[section] += Int32(weight)
        }

        /// The best `count` sections, best first, ties to the earlier one; clears every score.
        mutating func best(_ count: Int) -> [Int] {
            var best: [(section: Int, score: Int32)] = []
            for section in touched {
                let entry = (section: section, score: score[section])
                score[section] = 0
                guard best.count < count || entry.score > best[best.count - 1].score
                    || (entry.score == best[best.count - 1].score && section < best[best.count - 1].section) else { continue }
                let place = best.firstIndex { entry.score > $0.score || (entry.score == $0.score && section < $0.section) } ?? best.count
                best.insert(entry, at: place)
                if best.count > count { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
            return best.map(\.section)
        }
    }

    /// Whether `term` starts with `word`, unit by unit as the script's `starts` (Swift's
    /// `hasPrefix` compares characters, so it would differ on combining marks).
    static func starts(_ term: String, _ word: String) -> Bool { term.utf16.starts(with: word.utf16) }

    /// Whether `a` sorts before `b` as JavaScript compares strings: by UTF-16 units.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// The first of `list` (ascending by `precedes`) not before `key`, as the script's `lowerBound`.
    static func lowerBound<T>(_ list: [T], _ key: T, by precedes: (T, T) -> Bool) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(list[mid], key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first of `list` after `key`, as the script's `upperBound`.
    static func upperBound<T>(_ list: [T], _ key: T, by precedes: (T, T) -> Bool) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(key, list[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
