import Foundation
import KitConfig
import Rendering
import Templating

/// Where every output of a kit is registered. Generated outputs (posters, share pages, index
/// pages, assets) come first, because links may point at them; content outputs follow once
/// the navigation is known, since a page depends on the titles its navigation shows.
extension BuildPlan {
    /// What the plan is made from: the kit's parts before the plan exists.
    package struct Parts: Sendable {
        let location: KitLocation
        let config: KitConfig
        let pages: [Page]
        let assets: [String]
        let templates: TemplateSet
        let posters: [PosterTemplate]
        let instances: [PosterInstance]
        let tocFiles: [String]
        let languages: SiteLanguages
        /// Each other language's own TOC files, by tag.
        let languageTOCFiles: [String: [String]]
        var tocPath: String? { tocFiles.first }

        /// The string table files of `language` (nil: the default): inputs of whatever prints its words.
        func strings(_ language: String?) -> [PlanInput] {
            (languages.tableFiles[languages.language(language).tag] ?? []).map(PlanInput.file)
        }

        var hasIndexPage: Bool { pages.contains(where: \.isHome) }
        var homeSource: String { pages.first(where: \.isHome)?.source ?? "index.md" }
        var flavors: [ChatFlavor] { OutputPaths.flavors(config) }
        /// `adoptkit.yml` and the groups file it names: what the config is read from.
        var configFiles: [PlanInput] {
            [.file(location.displayPath(location.config))] + (groupsFile.map { [.file(location.displayPath($0))] } ?? [])
        }
        var groupsFile: URL? { config.groupsFile.map { location.kit.appendingPathComponent($0).standardizedFileURL } }
        var tocFile: [PlanInput] { tocFiles.map { .file(location.displayPath(content: $0)) } }
        var logoFile: [PlanInput] { config.organization.logo.map { [.file(location.displayPath(location.kit.appendingPathComponent($0)))] } ?? [] }

        func templateFiles(_ names: String...) -> [PlanInput] {
            names.flatMap { templates.files(of: $0) }.map(PlanInput.file)
        }

        /// `contents.html`, unless a page or copied file is called that.
        var contentsPath: String {
            let taken = Set(pages.map(\.output) + assets)
            return ["contents.html", "all-pages.html", "site-contents.html"].first { !taken.contains($0) } ?? "adoptkit-contents.html"
        }

        /// `search.html`, unless a page or copied file is called that.
        var searchPath: String {
            let taken = Set(pages.map(\.output) + assets)
            return ["search.html", "site-search.html"].first { !taken.contains($0) } ?? "adoptkit-search.html"
        }
    }

    /// Pages per search sections file (`sections-N.js`): a query loads only the files of the
    /// pages it shows.
    package static let searchPagesPerChunk = 100
    /// Pages per search terms file (`terms-N.js`): the sorted terms are cut into this many
    /// files of about equal size, and a word loads only the file its terms fall in.
    package static let searchPagesPerTermsFile = 500

    /// How many terms files a language of `pageCount` pages gets (at least one).
    package static func searchTermsFiles(pageCount: Int) -> Int { max(1, pageCount / searchPagesPerTermsFile) }

    /// The index files of a language with `pageCount` pages (its stand-ins counted), as
    /// `Producer.searchIndex` names them.
    package static func searchIndexParts(pageCount: Int) -> [String] {
        let chunks = max(1, (pageCount + searchPagesPerChunk - 1) / searchPagesPerChunk)
        return ["index"] + (0..<chunks).map { "sections-\($0)" } + (0..<searchTermsFiles(pageCount: pageCount)).map { "terms-\($0)" }
    }

    /// Outputs that do not come from a content file, known before navigation exists.
    static func generatedOutputs(_ parts: Parts) -> [PlannedOutput] {
        let outputs = defaultLanguageOutputs(parts)
        let defaultStrings = parts.strings(nil)
        var translated: [PlannedOutput] = []
        for language in parts.languages.others {
            let prefix = parts.languages.prefix(language.tag)
            let ownHome = parts.pages.contains { [prefix + "index.md", prefix + "index.yml"].contains($0.source) }
            let toc = (parts.languageTOCFiles[language.tag] ?? []).map { PlanInput.file(parts.location.displayPath(content: $0)) }
            for output in outputs where output.producer.isTranslated && !(output.producer == .home && ownHome) {
                translated.append(output.translated(into: language.tag, prefix: prefix, replacing: defaultStrings,
                                                    with: parts.strings(language.tag) + (output.kind == .index ? toc : [])))
            }
        }
        return outputs + translated
    }

    /// The outputs of the default language (every output of a one-language kit).
    private static func defaultLanguageOutputs(_ parts: Parts) -> [PlannedOutput] {
        let strings = parts.strings(nil)
        let layout = parts.templateFiles(OutputPaths.layoutTemplate) + strings
        let allTitles = parts.pages.map { PlanInput.title($0.source) }
        let tocFile = parts.tocFile
        let navigationSource = parts.tocPath.map { parts.location.manifestPath(content: $0) } ?? parts.location.manifestPath(parts.location.content)
        var outputs: [PlannedOutput] = [
            PlannedOutput(path: parts.contentsPath, kind: .index, format: "html", producer: .contents, source: navigationSource,
                          inputs: parts.configFiles + layout + tocFile + allTitles),
        ]
        if !parts.hasIndexPage {
            outputs.append(PlannedOutput(path: "index.html", kind: .index, format: "html", producer: .home, source: navigationSource,
                                         inputs: parts.configFiles + layout + tocFile + allTitles))
        }
        outputs.append(PlannedOutput(path: parts.searchPath, kind: .index, format: "html", producer: .searchPage, source: navigationSource,
                                     inputs: parts.configFiles + layout + tocFile))
        if let logo = OutputPaths.logo(parts.config) {
            outputs.append(PlannedOutput(path: logo, kind: .asset, format: ContentPath.fileExtension(logo), producer: .logo,
                                         source: parts.location.manifestPath(parts.location.kit.appendingPathComponent(parts.config.organization.logo!)),
                                         inputs: parts.logoFile))
        }
        for asset in parts.templates.assets {
            outputs.append(PlannedOutput(path: "assets/" + asset.name, kind: .asset, format: ContentPath.fileExtension(asset.name),
                                         producer: .templateAsset(asset.name), source: asset.displayPath, inputs: [.file(asset.displayPath)]))
        }
        outputs += posterOutputs(parts, layout: layout)
        return outputs
    }

    private static func posterOutputs(_ parts: Parts, layout: [PlanInput]) -> [PlannedOutput] {
        guard !parts.instances.isEmpty else { return [] }
        let shared = parts.configFiles + parts.logoFile + parts.strings(nil)
        let configSource = parts.location.manifestPath(parts.location.config)
        var outputs = [PlannedOutput(path: OutputPaths.postersIndex, kind: .index, format: "html", producer: .postersIndex, source: configSource,
                                     inputs: shared + layout + parts.templates.files(under: TemplateSet.postersFolder).map(PlanInput.file)
                                         + [.title(parts.homeSource)])]
        for (number, instance) in parts.instances.enumerated() {
            let html = OutputPaths.poster(instance.poster, group: instance.group, format: .html)
            let htmlInputs = shared + parts.templateFiles(instance.poster.htmlTemplate)
            let textInputs = shared + parts.templateFiles(instance.poster.textTemplate)
            func poster(_ path: String, _ format: String, _ producer: Producer, _ template: String, _ inputs: [PlanInput]) -> PlannedOutput {
                PlannedOutput(path: path, kind: .poster, format: format, producer: producer,
                              source: parts.templates.displayPath(of: template) ?? template, inputs: inputs,
                              poster: instance.poster.name, group: instance.group?.name)
            }
            outputs.append(poster(html, "html", .posterHTML(instance: number), instance.poster.htmlTemplate, htmlInputs))
            outputs.append(poster(OutputPaths.posterTextPage(instance.poster, group: instance.group), "html", .posterTextPage(instance: number),
                                  instance.poster.textTemplate, textInputs))
            // Printed from the same HTML, so they go stale with it.
            for format in parts.config.posters.export {
                outputs.append(poster(OutputPaths.posterExport(instance.poster, group: instance.group, format: format), format.rawValue,
                                      .posterExport(instance: number, format: format.rawValue), instance.poster.htmlTemplate, htmlInputs))
            }
            for flavor in [ChatFlavor.plain] + parts.flavors.filter({ $0 != .plain }) {
                let path = flavor == .plain ? OutputPaths.poster(instance.poster, group: instance.group, format: .text)
                                            : OutputPaths.chatText(besides: html, flavor: flavor)
                outputs.append(poster(path, flavor.rawValue, .posterText(instance: number, flavor: flavor.rawValue),
                                      instance.poster.textTemplate, textInputs))
            }
        }
        if parts.config.posters.export.contains(.pdf) {
            outputs.append(PlannedOutput(path: OutputPaths.allPostersPDF, kind: .poster, format: "pdf", producer: .allPostersPDF, source: configSource,
                                         inputs: shared + parts.templates.files(under: TemplateSet.postersFolder).map(PlanInput.file)))
        }
        if let invite = parts.posters.first(where: { $0.name == OutputPaths.invitePoster }) {
            let textTemplate = parts.templates.displayPath(of: invite.textTemplate) ?? invite.textTemplate
            let textInputs = shared + parts.templateFiles(invite.textTemplate)
            let htmlInputs = textInputs + parts.templateFiles(OutputPaths.shareTemplate)
            let emailInputs = shared + parts.templateFiles(OutputPaths.emailHTMLTemplate, OutputPaths.emailTextTemplate, OutputPaths.emailSubjectTemplate)
            let emailSource = parts.templates.displayPath(of: OutputPaths.emailHTMLTemplate) ?? OutputPaths.emailHTMLTemplate
            for (number, group) in parts.config.groups.enumerated() {
                let emails: [(String, Producer)] = [("html", .emailHTML(group: number)), ("txt", .emailText(group: number)), ("eml", .emailMessage(group: number))]
                for (format, producer) in emails {
                    outputs.append(PlannedOutput(path: OutputPaths.email(group, format: format), kind: .email, format: format, producer: producer,
                                                 source: emailSource, inputs: emailInputs, group: group.name))
                }
                outputs.append(PlannedOutput(path: OutputPaths.shareHTML(group), kind: .share, format: "html", producer: .shareHTML(group: number),
                                             source: parts.templates.displayPath(of: OutputPaths.shareTemplate) ?? OutputPaths.shareTemplate,
                                             inputs: htmlInputs, group: group.name))
                outputs.append(PlannedOutput(path: OutputPaths.shareText(group), kind: .share, format: ChatFlavor.plain.rawValue,
                                             producer: .shareText(group: number), source: textTemplate, inputs: textInputs, group: group.name))
            }
            if !parts.config.groups.isEmpty {
                // Every group with its share page, posters and WhatsApp link, for mail merges.
                let source = parts.groupsFile.map(parts.location.manifestPath) ?? configSource
                outputs.append(PlannedOutput(path: OutputPaths.groupsExport, kind: .index, format: "csv", producer: .groupsExport,
                                             source: source, inputs: textInputs))
            }
        }
        return outputs
    }

    /// The titles a page's HTML shows besides its own, through navigation: its branch,
    /// previous and next, breadcrumbs and the home page. The only inputs of a page that
    /// navigation decides.
    static func titlesShown(on source: String, navigation: Navigation, homeSource: String) -> [PlanInput] {
        let neighbours = [navigation.previous(of: source), navigation.next(of: source), homeSource].compactMap { $0 }
        return Set(navigation.titleSources(shownOn: source) + neighbours).subtracting([source]).sorted().map(PlanInput.title)
    }

    /// Pages (HTML and chat text) and copied content files.
    static func contentOutputs(_ parts: Parts, navigation navigationFor: (String) -> Navigation, includes: IncludeGraph,
                               outlines: [String: DocumentOutline]) -> [PlannedOutput] {
        let layout = parts.templateFiles(OutputPaths.layoutTemplate)
        let tocFile = parts.tocFile
        // Worked out once: each is a scan of every page or a few URL operations, and per page
        // they made planning quadratic.
        let (homeSource, configFiles, flavors) = (parts.homeSource, parts.configFiles, parts.flavors)
        var outputs: [PlannedOutput] = []
        let defaultTag = parts.languages.defaultLanguage.tag
        let strings = Dictionary(uniqueKeysWithValues: parts.languages.languages.map { ($0.tag, parts.strings($0.tag)) })
        // Per language, the files its search index reads: its pages' (a stand-in's is the
        // default page's file), their includes and code files, each once, in order.
        var searchFiles: [String: [PlanInput]] = [:], searchSeen: [String: Set<PlanInput>] = [:], searchPages: [String: Int] = [:]
        let navigations = Dictionary(uniqueKeysWithValues: parts.languages.languages.map { ($0.tag, navigationFor($0.tag)) })
        // Each page's outputs are worked out on every core (a kit may have 100,000 pages), then
        // joined in page order.
        let perPage = ConcurrentMap.map(parts.pages) { page -> (tag: String, read: [PlanInput], outputs: [PlannedOutput]) in
            // A stand-in for a page its language lacks reads the default language's file.
            let file = page.fallback ?? page.source
            let tag = parts.languages.language(ofSource: page.source).tag
            let language = tag == defaultTag ? nil : tag
            let languageHome = parts.languages.prefix(language) + homeSource
            let source = parts.location.manifestPath(content: file)
            // The page, what it includes, and the config its placeholders read.
            // Code files count whether the page or one of its includes shows them.
            let included = includes.transitiveIncludes(of: file).sorted()
            let codeFiles = Set(([file] + included).flatMap { outlines[$0]?.codeFiles ?? [] }).sorted()
            let read = ([file] + included + codeFiles).map { PlanInput.file(parts.location.displayPath(content: $0)) }
            let text = [read[0]] + configFiles + read.dropFirst()
            // The HTML also shows navigation: titles of its branch, previous/next, breadcrumbs.
            let languageTOC = (language.flatMap { parts.languageTOCFiles[$0] } ?? []).map { PlanInput.file(parts.location.displayPath(content: $0)) }
            var html = PlannedOutput(path: page.output, kind: .page, format: "html", producer: .pageHTML(source: page.source),
                                     source: source, inputs: text + layout + (strings[tag] ?? []) + tocFile + languageTOC
                                         + titlesShown(on: page.source, navigation: navigations[tag]!, homeSource: languageHome))
            html.language = language
            var outputs = [html]
            for flavor in flavors {
                var chat = PlannedOutput(path: OutputPaths.chatText(besides: page.output, flavor: flavor), kind: .page, format: flavor.rawValue,
                                         producer: .pageText(source: page.source, flavor: flavor.rawValue), source: source, inputs: text)
                chat.language = language
                outputs.append(chat)
            }
            return (tag, read, outputs)
        }
        for (tag, read, pageOutputs) in perPage {
            searchPages[tag, default: 0] += 1
            for input in read where searchSeen[tag, default: []].insert(input).inserted { searchFiles[tag, default: []].append(input) }
            outputs += pageOutputs
        }
        // Each language's search index reads the text and titles of that language's pages, the
        // stand-ins included, and sits beside its search page (`fr/assets/search/`), where the
        // search script looks for it. An edit reaches only the indexes of the languages that show it.
        let navigationSource = parts.tocPath.map { parts.location.manifestPath(content: $0) } ?? parts.location.manifestPath(parts.location.content)
        for language in parts.languages.languages {
            let tag = language.tag
            // One array for every file of the index: neighbours with the same inputs are one run in `serve`'s index.
            let inputs = configFiles + (searchFiles[tag] ?? [])
            for part in searchIndexParts(pageCount: searchPages[tag] ?? 0) {
                var index = PlannedOutput(path: parts.languages.prefix(tag) + OutputPaths.searchFolder + part + ".js", kind: .index, format: "js",
                                          producer: .searchIndex(part), source: navigationSource, inputs: inputs)
                index.language = tag == defaultTag ? nil : tag
                outputs.append(index)
            }
        }
        for asset in parts.assets {
            let display = parts.location.displayPath(content: asset)
            outputs.append(PlannedOutput(path: asset, kind: .asset, format: ContentPath.fileExtension(asset), producer: .contentFile(asset),
                                         source: parts.location.manifestPath(content: asset), inputs: [.file(display)]))
        }
        return outputs
    }
}
