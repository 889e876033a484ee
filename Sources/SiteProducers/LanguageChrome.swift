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
    private(set) var siteStringsData = TemplateData([:])
    private(set) var words = RenderWords()

    init(_ strings: StringTable, config: KitConfig) {
        self.strings = strings
        self.values = ["site": config.site.title, "organization": config.organization.name, "app": config.app.name,
                       "account": config.signIn.account, "contact": config.support.contact]
        siteStrings = value([:])
        siteStringsData = TemplateData(["i18n": siteStrings])
        for kind in AlertKind.allCases { words.alerts[kind] = strings["alert_" + kind.rawValue] }
        words.done = strings["task_done"] ?? words.done
        words.table = strings["table_label"] ?? words.table
        words.linkToSection = strings["link_to_section"] ?? words.linkToSection
        words.watchVideo = strings["watch_video"] ?? words.watchVideo
    }

    func text(_ name: String, _ more: [String: String]) -> String {
        StringTable.fill(strings[name] ?? "", more.isEmpty ? values : values.merging(more) { $1 })
    }

    func value(_ more: [String: String]) -> TemplateValue {
        let all = more.isEmpty ? values : values.merging(more) { $1 }
        return .object(Dictionary(uniqueKeysWithValues: strings.strings.map { ($0.key, TemplateValue.text(StringTable.fill($0.value, all))) }))
    }
}
