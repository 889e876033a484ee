import Dispatch
import Foundation
import Markdown
import Rendering
import SiteModel

/// A language's offline search index, made once per build from its pages' text and written as
/// script files (`assets/search/*.js`; `fr/assets/search/*.js` for French) that the search box
/// of that language's pages loads with `<script>` tags, so it works from `file://` where `fetch`
/// does not. Each file calls `adoptkitSearch.receive(name, data)` (`SearchIndex+Files` writes them):
///
/// - `index.js`: how many sections there are, where each sections file starts, and the first
///   term of each terms file; a few kilobytes whatever the kit's size;
/// - `sections-N.js`: the pages of one slice of `BuildPlan.searchPagesPerChunk`, each with its
///   title, URL and sections (heading, link target and snippet);
/// - `terms-N.js`: a slice of the sorted terms, each with its postings (`SearchPostings`).
package struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var title: String
        var url: String
        /// The text before the first `##` heading first (it shows under the page's title, so it
        /// has no heading or link target of its own), then one section per heading.
        var sections: [Section]
    }

    struct Section: Sendable {
        var anchor: String
        var heading: String
        var snippet: String
    }

    var entries: [Entry] = []
    var sectionCount = 0
    /// The first section number of each sections file.
    var chunkStarts: [Int] = []
    /// Every term with its encoded postings, in UTF-16 order (the order JavaScript compares in).
    var terms: [(term: String, postings: String)] = []
    /// Where each terms file starts in `terms`: one per file that has terms (the rest are empty).
    var shardStarts: [Int] = []
    /// Per terms file that has terms, the sections whose display data it carries
    /// (`SearchIndex+Shown`); none in a kit whose sections the script loads whole.
    var shown: [[Int]] = []
    /// The first section number of each entry.
    var firstSections: [Int] = []
    let shardCount: Int
    /// How long making the index took, in seconds of wall time (`--timings`).
    package private(set) var buildSeconds: Double = 0

    /// Pages whose terms are extracted together (in parallel) before they are folded in.
    static let pagesPerBatch = 512

    /// Sections files the search script loads whole before the first key (`PRELOAD_SECTIONS`).
    static let sectionsLoadedWhole = 4

    /// Characters of text kept per section as its snippet.
    static let snippetLength = 64

    /// The index of `context`'s language: its own pages and its stand-ins for the default
    /// language's pages it lacks (a reader searching the French site finds every page that site
    /// has, under its French address), in source order, as the plan counts them
    /// (`BuildPlan.searchIndexParts`).
    package init(kit: Kit, context: RenderContext) {
        let started = DispatchTime.now()
        let tag = context.language.tag
        let own = kit.pages.filter { kit.languages.language(ofSource: $0.source).tag == tag }
        let standIns = kit.fallbackPages.filter { kit.languages.language(ofSource: $0.source).tag == tag }
        let pages = standIns.isEmpty ? own : (own + standIns).sorted { $0.source < $1.source }
        shardCount = BuildPlan.searchTermsFiles(pageCount: pages.count)
        // Text and terms come from every page, on every core, a batch of pages at a time: each
        // batch's term sets are folded into the postings and dropped before the next, so memory
        // holds the postings, never every page's terms at once.
        var postings: [String: SearchPostings.List] = [:]
        var number = 0
        for batch in stride(from: 0, to: pages.count, by: Self.pagesPerBatch) {
            let extracted = ConcurrentMap.map(Array(pages[batch..<min(batch + Self.pagesPerBatch, pages.count)])) { page in
                // A page whose file cannot be read again fails its own outputs; it adds no text here.
                Self.extract(page, document: try? kit.tree(of: page).get(),
                             environment: context.environment(for: page.output, fallback: page.fallback != nil))
            }
            for page in extracted {
                if number % BuildPlan.searchPagesPerChunk == 0 { chunkStarts.append(sectionCount) }
                number += 1
                entries.append(page.entry)
                firstSections.append(sectionCount)
                for (heading, body) in page.terms {
                    let id = UInt32(sectionCount) << 1
                    for term in heading { postings[term, default: SearchPostings.List()].append(id | 1) }
                    for term in body { postings[term, default: SearchPostings.List()].append(id) }
                    sectionCount += 1
                }
            }
        }
        if chunkStarts.isEmpty { chunkStarts = [0] }
        let sorted = postings.keys.sorted(by: Self.precedes)
        let lists = postings
        let encoded = ConcurrentMap.map(sorted, chunk: 256) { SearchPostings.encode(lists[$0]!.entries) }
        terms = Array(zip(sorted, encoded))
        shardStarts = Self.shardStarts(terms, files: shardCount)
        if chunkStarts.count > Self.sectionsLoadedWhole {
            shown = Self.shownSections(terms: sorted, shardStarts: shardStarts, postings: lists, sectionCount: sectionCount)
        }
        buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }

    struct Extracted: Sendable {
        var entry: Entry
        /// Per section: the terms of its title or heading, and those of its text that are not in
        /// the heading.
        var terms: [(heading: Set<String>, body: Set<String>)]
    }

    static func extract(_ page: Page, document: MarkdownDocument?, environment: MarkdownEnvironment) -> Extracted {
        var sections = document.map { SearchText.sections($0, environment: environment) } ?? []
        if sections.first?.anchor.isEmpty != true { sections.insert(SearchText.Section(anchor: "", heading: "", text: ""), at: 0) }
        var terms: [(heading: Set<String>, body: Set<String>)] = []
        var kept: [Section] = []
        for (offset, section) in sections.enumerated() {
            // Sized for about a term per eight bytes of text (a long section's distinct terms
            // stop growing long before its text does), so a set seldom grows.
            var heading = Set<String>(), body = Set<String>(minimumCapacity: min(section.text.utf8.count / 8, 4096))
            // The page's `#` heading is in the first section's heading: it counts as the title.
            if offset == 0 { SearchText.forEachTerm(in: page.title) { heading.insert($0) } }
            SearchText.forEachTerm(in: section.heading) { heading.insert($0) }
            SearchText.forEachTerm(in: section.text) { body.insert($0) }
            // A heading has a few terms, the text many: the heading's leave the text's set.
            body.subtract(heading)
            terms.append((heading, body))
            kept.append(Section(anchor: section.anchor, heading: offset == 0 ? "" : section.heading, snippet: snippet(section.text)))
        }
        return Extracted(entry: Entry(title: page.title, url: page.output, sections: kept), terms: terms)
    }

    /// The start of `text`, cut at a word, with an ellipsis when cut.
    static func snippet(_ text: String) -> String {
        // Counts no further than it needs: a section's text may be long.
        guard text.prefix(snippetLength + 1).count > snippetLength else { return text }
        var cut = text.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// Cuts the sorted terms into at most `files` runs of about equal size in bytes: each run
    /// ends once it holds its share of what the runs before it left. A term larger than a share
    /// (a common word's postings) ends its run at once.
    static func shardStarts(_ terms: [(term: String, postings: String)], files: Int) -> [Int] {
        guard !terms.isEmpty else { return [] }
        let sizes = terms.map { $0.term.utf8.count + $0.postings.utf8.count + 1 }
        let total = sizes.reduce(0, +)
        var starts = [0], sum = 0, runStart = 0
        for (number, size) in sizes.enumerated() {
            if number > starts.last!, starts.count < files, (sum - runStart) * (files - starts.count + 1) >= total - runStart {
                starts.append(number)
                runStart = sum
            }
            sum += size
        }
        return starts
    }
}

/// Each language's index, made the first time one of its files is rendered (or `prepare`
/// asks) and then shared by the rest. Each language has its own lock, so indexes are made side
/// by side and a made one is read without waiting for another to be made.
package final class SearchIndexCache: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        // Guarded by `lock`; made once.
        var index: SearchIndex?
        let lock = NSLock()
    }
    // Guarded by `lock`.
    private var slots: [String: Slot] = [:]
    private let lock = NSLock()

    /// The index of `context`'s language.
    func index(kit: Kit, context: RenderContext) -> SearchIndex {
        let tag = context.language.tag
        let slot = lock.withLock {
            if let slot = slots[tag] { return slot }
            let slot = Slot()
            slots[tag] = slot
            return slot
        }
        return slot.lock.withLock {
            if let index = slot.index { return index }
            let index = SearchIndex(kit: kit, context: context)
            slot.index = index
            return index
        }
    }

    /// Starts making the index of each language `plan` has search files for, each on a thread
    /// of its own, so the other outputs render beside it: made on first use, its serial parts
    /// (folding terms, sorting them) kept one core waiting. A file that needs an index still
    /// being made waits for it.
    package func prepare(for plan: BuildPlan, kit: Kit, context: RenderContext) {
        let languages = Set(plan.outputs.compactMap { output -> String? in
            if case .searchIndex = output.producer { output.language ?? kit.languages.defaultLanguage.tag } else { nil }
        })
        for tag in languages.sorted() {
            let localized = context.localized(tag)
            Thread.detachNewThread { _ = self.index(kit: kit, context: localized) }
        }
    }

    /// How long the indexes took to make, together, or nil when nothing asked for one.
    package var buildSeconds: Double? {
        let made = lock.withLock { Array(slots.values) }.compactMap { slot in slot.lock.withLock { slot.index } }
        return made.isEmpty ? nil : made.reduce(0) { $0 + $1.buildSeconds }
    }
}
