import Foundation
import KitConfig
import Markdown
import Rendering
import SiteModel

/// Answers a renderer's questions for one page: links become URLs relative to that page, and
/// includes come from the kit's parsed files.
package struct PageEnvironment: MarkdownEnvironment {
    let pageOutput: String
    let resolver: LinkResolver
    let documents: [String: MarkdownDocument]
    package let variables: [String: String]
    /// Block placeholders (`groups`) as HTML with URLs relative to the site root.
    let blocks: [String: @Sendable (String, String) -> String]
    /// The same placeholders for chat text.
    let chatBlocks: [String: [(text: String, url: String?)]]
    /// `site.base_url`; chat text needs absolute links.
    let baseURL: String?
    /// Local files that `:::code source="…":::` shows, by content-relative path.
    let codeFiles: [String: String]
    var imageSizes: ImageSizeCache? = nil
    var content: URL? = nil
    /// A stand-in page's language folder (`fr/`): its links to pages and generated outputs go
    /// to their counterparts there when the plan has them. Empty otherwise.
    var languagePrefix = ""
    var translatedOutputs: Set<String> = []
    /// The page's language's folder (`fr/`), and its word for posters, for `{{ groups }}`.
    var languageRoot = ""
    var postersWord = "posters"
    /// The links already resolved for this page's outputs (`RenderContext.environment` makes
    /// one per page; the outputs of a page rendered together share it).
    let links = LinkMemo()

    /// What `destination`, written in `sourcePath`, points to, resolved once per page.
    private func target(_ key: LinkMemo.Key) -> LinkTarget {
        links.target(key) { resolver.resolve(key.destination, from: key.source) }
    }

    /// `path` in the page's language, when it has its own copy there.
    func inLanguage(_ path: String) -> String {
        guard !languagePrefix.isEmpty, translatedOutputs.contains(languagePrefix + path) else { return path }
        return languagePrefix + path
    }

    /// Sizes of images copied from the content folder (the scan kept them inside the kit).
    package func imageSize(for destination: String, in sourcePath: String) -> ImageSize? {
        guard let imageSizes, let content, case .asset(let path, _) = target(.init(destination: destination, source: sourcePath)) else { return nil }
        return imageSizes.size(of: path, in: content)
    }

    package func chatItems(forVariable name: String) -> [(text: String, url: String?)]? { chatBlocks[name] }

    package func absoluteURL(for destination: String, in sourcePath: String) -> String? {
        let key = LinkMemo.Key(destination: destination, source: sourcePath)
        return links.absoluteURL(key) { absoluteURL(key) }
    }

    private func absoluteURL(_ key: LinkMemo.Key) -> String? {
        let destination = key.destination
        func absolute(_ path: String) -> String? { baseURL.map { ContentPath.absoluteURL(base: $0, path: path) } }
        switch target(key) {
        case .external:
            return ExternalLink.encode(destination).url
        case .rootAbsolute(let url):
            return url
        case .page(let source, let fragment):
            return absolute(inLanguage(ContentPath.outputPath(forPage: source))).map { $0 + (fragment.map { "#" + $0 } ?? "") }
        case .asset(let path, let suffix):
            return absolute(path).map { $0 + suffix }
        case .generated(let path, let suffix):
            return absolute(inLanguage(path)).map { $0 + suffix }
        case .sameDocument(let fragment):
            return absolute(pageOutput).map { $0 + (fragment.isEmpty ? "" : "#" + fragment) }
        case .dangerous, .rootRelative, .missingPage, .missingFile, .outsideContent:
            return nil
        }
    }

    package func blockHTML(forVariable name: String) -> String? {
        blocks[name].map { $0(ContentPath.rootPrefix(for: pageOutput) + languageRoot, postersWord) }
    }

    package func url(for destination: String, in sourcePath: String, isImage: Bool) -> String {
        let key = LinkMemo.Key(destination: destination, source: sourcePath)
        return links.relativeURL(key) { url(key) }
    }

    private func url(_ key: LinkMemo.Key) -> String {
        let destination = key.destination
        switch target(key) {
        case .dangerous:
            return ""
        case .page(let source, let fragment):
            return ContentPath.relativeURL(from: pageOutput, to: inLanguage(ContentPath.outputPath(forPage: source))) + (fragment.map { "#" + $0 } ?? "")
        case .asset(let path, let suffix):
            return ContentPath.relativeURL(from: pageOutput, to: path) + suffix
        case .generated(let path, let suffix):
            return ContentPath.relativeURL(from: pageOutput, to: inLanguage(path)) + suffix
        case .rootAbsolute(let url):
            return url
        case .missingPage, .missingFile:
            // A page of the published set that this folder lacks still works on the web.
            return resolver.absoluteRootURL(destination) ?? destination
        case .external:
            return ExternalLink.encode(destination).url
        case .rootRelative, .sameDocument, .outsideContent:
            return destination
        }
    }

    package func codeFile(_ path: String, in sourcePath: String) -> String? {
        ContentPath.includeTarget(path, from: sourcePath).flatMap { codeFiles[$0] }
    }

    package func includedDocument(_ path: String, in sourcePath: String) -> MarkdownDocument? {
        ContentPath.includeTarget(path, from: sourcePath).flatMap { documents[$0] }
    }
}
