import Foundation

/// A generated kit of docs-like pages for the search index: sentences drawn (with a fixed seed)
/// from a vocabulary where a few words are common and most are rare, product codes and numbers
/// that occur on one page each, accented words, bold and links, several `##` sections a page.
/// Page 3 repeats a heading (its second id gets `-1`), page 5 has a heading with punctuation
/// and one with a dash and German, page 7 starts with a `##` heading and has no text before it.
enum SearchKit {
    static let common = ["the", "to", "a", "and", "of", "in", "for", "your", "you", "can", "is", "on", "with", "group", "app", "admins"]
    static let domain = """
        account activity adoption alert announcement approval archive audit backup badge broadcast bulk calendar channel \
        checklist compliance connector contact conversation customize dashboard delete deploy device directory download \
        enable enroll export feature feedback guest identity import install invite keyword license location manage \
        member message migrate mobile notification onboard organization partner password permission phone policy portal \
        preview privacy profile provision quota reaction receipt region report retention review role schedule security \
        service setting share sign storage subscription survey sync team template tenant tracking training update upload \
        user verify version webhook workflow réunion équipe übersicht größe straße
        """.split(separator: " ").map(String.init)

    /// A small deterministic generator (SplitMix64), so the kit is the same on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static func files(pages: Int) -> [String: String] {
        var random = Random(state: 12)
        func word(_ page: Int) -> String {
            switch random.below(10) {
            case 0...3: return common[random.below(common.count)]
            case 4...8: return domain[min(random.below(domain.count), random.below(domain.count))]
            default: return ["KB\(5_000_000 + page * 7 + random.below(7))", "v\(page % 40).\(random.below(30))", "site\(page)", "\(1_000 + random.below(9_000))"][random.below(4)]
            }
        }
        func sentence(_ page: Int) -> String {
            var words = (0..<(8 + random.below(12))).map { _ in word(page) }
            if random.below(4) == 0 { words[1] = "**\(words[1])**" }
            if random.below(5) == 0 { words[2] = "[\(words[2])](page-\(String(format: "%05d", random.below(pages))).md)" }
            return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        }
        func heading(_ page: Int) -> String {
            (0..<(2 + random.below(3))).map { _ in domain[random.below(domain.count)] }.joined(separator: " ").capitalized
        }
        var files: [String: String] = [:]
        for page in 0..<pages {
            let name = String(format: "%05d", page)
            var text = "---\ntitle: \(heading(page)) \(name)\ndescription: Page \(name).\n---\n"
            if page != 7 { text += "# \(heading(page)) \(name)\n\n\(sentence(page)) \(sentence(page))\n" }
            var headings = (0..<(2 + random.below(4))).map { _ in heading(page) }
            if page == 3 { headings += ["Next steps", "Next steps"] }
            if page == 5 { headings += ["Step 1: Set up (then restart)", "Step 2 – Übersicht der Größen"] }
            for title in headings {
                text += "\n## \(title)\n\n" + (0..<(1 + random.below(3))).map { _ in (0..<(2 + random.below(3))).map { _ in sentence(page) }.joined(separator: " ") }.joined(separator: "\n\n") + "\n"
                if random.below(3) == 0 { text += "\n" + (0..<3).map { _ in "- " + sentence(page) }.joined(separator: "\n") + "\n" }
            }
            files["Content/guide/page-\(name).md"] = text
        }
        return files
    }
}
