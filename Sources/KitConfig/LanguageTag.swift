import Diagnostics
import Yams

/// A site language from `site.languages`: a BCP 47 tag (`en`, `fr`, `pt-BR`, `zh-Hant`) and
/// where it is written, for findings about it (a missing string table).
public struct SiteLanguage: Sendable, Hashable {
    /// The tag as written; it names the content folder (`Content/fr/`), the output folder
    /// (`fr/`) and the string table (`Templates/i18n/fr.yml`).
    public let tag: String
    public let location: SourceLocation?

    public init(tag: String, location: SourceLocation?) {
        (self.tag, self.location) = (tag, location)
    }

    /// Scripts written right to left: Arabic, Hebrew, Persian, Urdu and the other languages
    /// usually written in those scripts, or any tag that names such a script.
    public var isRightToLeft: Bool { LanguageTag.isRightToLeft(tag) }
    /// `rtl` or `ltr`, for `dir=""`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }
}

/// The shape of a language tag, checked the way BCP 47 spells one: a 2–3 letter language,
/// an optional 4-letter script, an optional 2-letter or 3-digit region, then variants.
/// Extensions and private use (`-x-…`) are refused: they name no folder anyone expects.
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy(isLetter) { rest = rest.dropFirst() }
        if let region = rest.first,
           (region.count == 2 && region.allSatisfy(isLetter)) || (region.count == 3 && region.allSatisfy(isDigit)) {
            rest = rest.dropFirst()
        }
        for variant in rest {
            let alphanumeric = variant.allSatisfy { isLetter($0) || isDigit($0) }
            guard alphanumeric, (5...8).contains(variant.count) || (variant.count == 4 && variant.first.map(isDigit) == true) else { return false }
        }
        return true
    }

    static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static let rightToLeftLanguages: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps", "sd", "ug", "ur", "yi"]
    static let rightToLeftScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"]

    public static func isRightToLeft(_ tag: String) -> Bool {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        guard let language = parts.first else { return false }
        if let script = parts.dropFirst().first(where: { $0.count == 4 }) { return rightToLeftScripts.contains(script) }
        return rightToLeftLanguages.contains(language)
    }
}

extension ConfigReader {
    /// `site.languages`: tags, each valid and listed once (letter case aside, as folder names
    /// on some systems ignore it). `site.language`, when also set, must name the first.
    mutating func languages(_ node: Node, language: Node?) -> [SiteLanguage]? {
        guard case .sequence(let items) = node else {
            error(.configType, "'site.languages' must be a list of language tags such as [en, fr], not \(Self.describe(node))", at: node)
            return nil
        }
        guard !items.isEmpty else {
            error(.configType, "'site.languages' must name at least one language; the first is the default", at: node)
            return nil
        }
        var result: [SiteLanguage] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let tag = text(item, named: "site.languages") else { continue }
            let at = location(item)
            guard LanguageTag.isValid(tag) else {
                error(.configLanguage, "'\(tag)' in 'site.languages' is not a language tag; write one such as en, fr, pt-BR or zh-Hant", at: item)
                continue
            }
            if let first = seen[tag.lowercased()] {
                error(.configDuplicateLanguage, "language '\(tag)' is listed twice in 'site.languages'", at: item,
                      notes: ["first listed at \(first.path):\(first.line):\(first.column)"])
                continue
            }
            seen[tag.lowercased()] = at
            result.append(SiteLanguage(tag: tag, location: at))
        }
        if let language, let tag = text(language, named: "site.language"), let first = result.first, tag != first.tag {
            error(.configLanguageMismatch, "'site.language' is '\(tag)' but the first of 'site.languages' (the default) is '\(first.tag)'", at: language,
                  notes: ["remove 'site.language' (it follows 'site.languages'), or put '\(tag)' first"])
        }
        return result.isEmpty ? nil : result
    }
}
