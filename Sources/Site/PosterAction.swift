import Diagnostics
import Foundation
import KitConfig
import Rendering
import SiteChecks
import SiteModel
import SiteProducers

/// `poster`: one poster for one group, in one of the kit's languages, rendered from the same
/// checked kit as `build`.
public struct PosterAction: Sendable {
    public var location: KitLocation
    public var poster: String
    public var group: String?
    public var format: PosterFormat
    public var flavor: ChatFlavor
    public var configRequired: Bool
    /// One of the kit's languages (`site.languages`, or `site.language` in a one-language kit),
    /// letter case aside; nil is the default language.
    public var language: String?

    public init(location: KitLocation, poster: String, group: String?, format: PosterFormat, flavor: ChatFlavor = .plain,
                configRequired: Bool = false, language: String? = nil) {
        self.location = location
        self.poster = poster
        self.group = group
        self.format = format
        self.flavor = flavor
        self.configRequired = configRequired
        self.language = language
    }

    public enum Outcome: Sendable {
        case rendered(String, warnings: [Diagnostic])
        case failed([Diagnostic])
    }

    public func run() async -> Outcome {
        let kit = await KitLoader.load(location, configRequired: configRequired)
        guard !kit.diagnostics.hasErrors else { return .failed(kit.diagnostics) }
        let warnings = kit.diagnostics
        var tag: String?
        if let typed = language {
            let tags = kit.languages.languages.map(\.tag)
            guard let known = tags.first(where: { $0.lowercased() == typed.lowercased() }) else {
                return .failed([.error(.unknownLanguage, "there is no language '\(typed)' in this kit", at: nil,
                                       notes: [(kit.languages.isMultilingual ? "languages (site.languages): " : "its one language (site.language): ")
                                               + tags.joined(separator: ", ")])])
            }
            tag = known
        }
        guard let template = kit.posters.first(where: { $0.name == poster }) else {
            return .failed([.error(.unknownPoster, "there is no poster '\(poster)'", at: nil,
                                   notes: Self.closeMatches(poster, among: kit.posters.map(\.name), label: "posters"))])
        }
        var chosen: Group?
        switch (template.scope, group) {
        case (.organization, nil):
            break
        case (.organization, let name?):
            return .failed([.error(.unknownGroup, "poster '\(poster)' is organisation-wide; drop --group \"\(name)\"", at: nil)])
        case (.group, nil):
            return .failed([.error(.unknownGroup, "poster '\(poster)' is made per group; choose one with --group", at: nil,
                                   notes: ["groups: " + kit.config.groups.map(\.name).joined(separator: ", ")])])
        case (.group, let name?):
            // Exact (trimmed, NFC) first; then ignoring letter case when that is unambiguous.
            let identity = Group.identity(name)
            let exact = kit.config.groups.first { Group.identity($0.name) == identity }
            let loose = kit.config.groups.filter { Group.identity($0.name).lowercased() == identity.lowercased() }
            guard let match = exact ?? (loose.count == 1 ? loose.first : nil) else {
                return .failed([.error(.unknownGroup, "there is no group '\(name)' in \(KitConfig.fileName)", at: nil,
                                       notes: Self.closeMatches(name, among: kit.config.groups.map(\.name), label: "groups"))])
            }
            chosen = match
        }
        let instance = PosterInstance(poster: template, group: chosen)
        let context = RenderContext(kit: kit).localized(tag)
        let text = format == .html ? PosterPages.html(instance, context: context) : PosterPages.text(instance, context: context)
        guard format == .text, flavor != .plain else { return .rendered(text, warnings: warnings) }
        return .rendered(String(decoding: ChatPages.contents(flavor.escape(text), flavor: flavor, config: kit.config), as: UTF8.self),
                         warnings: warnings)
    }

    /// Names that contain what was typed, or are a few edits away from it.
    static func closeMatches(_ typed: String, among names: [String], label: String) -> [String] {
        let lowered = typed.lowercased()
        var matches = names.filter { $0.lowercased().contains(lowered) || lowered.contains($0.lowercased()) }
        if let close = Suggestions.closest(to: typed, in: names), !matches.contains(close) { matches.insert(close, at: 0) }
        if matches.isEmpty { return ["\(label): " + names.joined(separator: ", ")] }
        return ["did you mean " + matches.prefix(5).map { "'\($0)'" }.joined(separator: " or ") + "?"]
    }
}
