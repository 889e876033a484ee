import KitConfig
import Markdown
import Rendering
import Templating

/// One language's strings in the forms the renderers take: filled in with the site's values,
/// as template data, and as the words around a page's text.
struct LanguageChrome: Sendable {
    let strings: StringTable
    let values: [String: String]
    private(set) var siteStrings: TemplateValue = .object([:])
    private(set) var words = RenderWords()
    /// The names of the strings that hold each `{placeholder}`.
    private var namesUsing: [String: [String]] = [:]

    init(_ strings: StringTable, config: KitConfig) {
        self.strings = strings
        self.values = ["site": config.site.title, "organization": config.organization.name, "app": config.app.name,
                       "account": config.signIn.account, "contact": config.support.contact]
        siteStrings = .object(strings.strings.mapValues { .text(StringTable.fill($0, values)) })
        for (name, text) in strings.strings {
            for placeholder in Set(StringTable.placeholders(in: text)) { namesUsing[placeholder, default: []].append(name) }
        }
        for kind in AlertKind.allCases { words.alerts[kind] = strings["alert_" + kind.rawValue] }
        words.done = strings["task_done"] ?? words.done
        words.table = strings["table_label"] ?? words.table
        words.linkToSection = strings["link_to_section"] ?? words.linkToSection
        words.watchVideo = strings["watch_video"] ?? words.watchVideo
    }

    func text(_ name: String, _ more: [String: String]) -> String {
        StringTable.fill(strings[name] ?? "", more.isEmpty ? values : values.merging(more) { $1 })
    }

    /// Every string filled in with the site's values and `more`. Only the strings that name one
    /// of `more` (`{group}` on a group's posters) are filled again: this runs for every poster.
    func value(_ more: [String: String]) -> TemplateValue {
        guard case .object(var fields) = siteStrings, !more.isEmpty else { return siteStrings }
        let all = values.merging(more) { $1 }
        for name in Set(more.keys.flatMap { namesUsing[$0] ?? [] }) {
            fields[name] = .text(StringTable.fill(strings[name] ?? "", all))
        }
        return .object(fields)
    }
}
