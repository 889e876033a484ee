import Diagnostics
import Foundation
import KitConfig
import Markdown
import Rendering
import SiteModel
import Templating

/// Renders the outputs of a kit's plan. Each planned output is rendered on its own from the
/// immutable kit, so a build can render in parallel and write as it goes, and `serve` can
/// re-render just the outputs an edit made stale. Writes nothing.
public enum SiteRenderer {
    /// Renders every output of a kit whose diagnostics have no errors, in memory (`serve`,
    /// `poster` and tests; `build` streams through `SiteWriter` instead).
    public static func render(_ kit: Kit) async -> OutputTree {
        OutputTree(files: await render(kit.plan.outputs, of: kit, context: RenderContext(kit: kit)))
    }

    /// Renders `outputs` in parallel, in chunks, keeping their order.
    package static func render(_ outputs: [PlannedOutput], of kit: Kit, context: RenderContext) async -> [OutputTree.File] {
        let units = RenderUnits(outputs)
        let files = await parallelMap(Array(0..<units.count)) { number in
            let unit = units[number].map { outputs[$0] }
            return zip(units[number], contents(ofUnit: unit, context: context)).map { ($0, OutputTree.File(outputs[$0], contents: $1)) }
        }
        // Back in the outputs' order.
        var ordered = [OutputTree.File?](repeating: nil, count: outputs.count)
        for (index, file) in files.joined() { ordered[index] = file }
        return ordered.compactMap { $0 }
    }

    /// The bytes of each output of a group that `RenderUnits` made, in its order.
    package static func contents(ofUnit unit: [PlannedOutput], context: RenderContext) -> [OutputTree.Contents] {
        guard let first = unit.first, let source = first.pageSource else { return unit.map { contents(of: $0, context: context) } }
        let context = context.localized(first.language)
        guard let page = context.kit.page(at: source) else { return unit.map { _ in .bytes(Data()) } }
        // One tree for all of the page's outputs (parsed again here when the kit let it go).
        let document: MarkdownDocument
        switch context.kit.tree(of: page) {
        case .success(let tree): document = tree
        case .failure(let problem): return unit.map { _ in .unreadable(problem) }
        }
        let environment = context.environment(for: page.output, fallback: page.fallback != nil)
        return unit.map { pageContents(of: $0, page: page, document: document, environment: environment, context: context) }
    }

    /// The bytes of one output (copied files are read only when written or served).
    package static func contents(of output: PlannedOutput, context: RenderContext) -> OutputTree.Contents {
        // Every output is rendered in its own language: its strings, its folder's index pages.
        let context = context.localized(output.language)
        func bytes(_ text: String) -> OutputTree.Contents { .bytes(Data(text.utf8)) }
        switch output.producer {
        case .pageHTML, .pageText:
            return contents(ofUnit: [output], context: context)[0]
        case .home:
            return bytes(PageRenderer.home(context: context))
        case .contents:
            return bytes(PageRenderer.contents(path: output.path, context: context))
        case .postersIndex:
            return bytes(PageRenderer.postersIndex(context: context))
        case .posterHTML(let instance):
            return bytes(PosterPages.html(at: instance, context: context))
        case .posterText(let instance, let flavor):
            let text = PosterPages.text(context.kit.posterInstances[instance], context: context)
            guard let flavor = ChatFlavor(rawValue: flavor), flavor != .plain else { return bytes(text) }
            return .bytes(ChatPages.contents(flavor.escape(text), flavor: flavor, config: context.kit.config))
        case .posterExport(let instance, let format):
            let html = PosterPages.html(at: instance, context: context)
            return .printed(PrintJob(html: html, format: PrintJob.Format(rawValue: format) ?? .pdf, paper: context.kit.config.site.paper))
        case .allPostersPDF:
            return .printed(PrintJob(html: PosterPages.allPostersHTML(context: context), format: .pdf, paper: context.kit.config.site.paper))
        case .shareHTML(let group):
            return bytes(SharePages.html(context.kit.config.groups[group], context: context))
        case .shareText(let group):
            return bytes(SharePages.text(context.kit.config.groups[group], context: context))
        case .emailHTML(let group):
            return bytes(InvitationEmails.htmlFile(context.kit.config.groups[group], context: context))
        case .emailText(let group):
            return bytes(InvitationEmails.text(context.kit.config.groups[group], context: context))
        case .emailMessage(let group):
            return .bytes(InvitationEmails.message(context.kit.config.groups[group], context: context))
        case .groupsExport:
            return .bytes(GroupsExport.csv(context: context))
        case .contentFile(let path):
            return .copy(of: context.kit.location.content.appendingPathComponent(path))
        case .templateAsset(let name):
            return .bytes(context.kit.templates.assets.first { $0.name == name }?.contents ?? Data())
        case .logo:
            return context.kit.config.organization.logo.map { .copy(of: context.kit.location.kit.appendingPathComponent($0)) } ?? .bytes(Data())
        case .searchPage:
            return bytes(PageRenderer.searchPage(path: output.path, context: context))
        case .searchIndex(let part):
            return .bytes(context.searchIndex.index(kit: context.kit, context: context).file(part))
        case .posterTextPage(let instance):
            return bytes(TextPages.posterTextPage(context.kit.posterInstances[instance], path: output.path, context: context))
        }
    }

    /// A page's HTML or one of its chat texts, with `environment` (shared by the page's outputs).
    private static func pageContents(of output: PlannedOutput, page: Page, document: MarkdownDocument, environment: PageEnvironment,
                                     context: RenderContext) -> OutputTree.Contents {
        switch output.producer {
        case .pageHTML:
            return .bytes(Data(PageRenderer.html(page, document: document, environment: environment, context: context).utf8))
        case .pageText(_, let flavor):
            guard let flavor = ChatFlavor(rawValue: flavor) else { return .bytes(Data()) }
            return .bytes(ChatPages.pageText(document, flavor: flavor, environment: environment, config: context.kit.config, words: context.words))
        default:
            return contents(of: output, context: context)
        }
    }
}
