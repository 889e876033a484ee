import Foundation
import SiteModel
import SiteProducers

/// One version of a site in memory whose outputs are rendered when first asked for and kept:
/// `serve` is ready as soon as the kit is checked, and holds only what browsers opened.
public final class RenderedSite: @unchecked Sendable {
    let kit: Kit
    let context: RenderContext
    // Guarded by `lock`. Rendering runs outside it, so requests render in parallel.
    private var rendered: [String: OutputTree.Contents]
    private let lock = NSLock()

    init(kit: Kit, context: RenderContext, carrying rendered: [String: OutputTree.Contents] = [:]) {
        self.kit = kit
        self.context = context
        self.rendered = rendered
    }

    /// Every output the site has, with its inputs.
    package var plan: BuildPlan { kit.plan }

    /// True when the site has a file at `path`; nothing is rendered.
    public func contains(_ path: String) -> Bool { kit.plan[path] != nil }

    /// The file at `path`, rendered now if no one asked for it before.
    public func file(at path: String) -> OutputTree.File? {
        guard let output = kit.plan[path] else { return nil }
        if let known = lock.withLock({ rendered[path] }) { return OutputTree.File(output, contents: known) }
        let contents = SiteRenderer.contents(of: output, context: context)
        lock.withLock { rendered[path] = contents }
        return OutputTree.File(output, contents: contents)
    }

    /// What has been rendered so far, by path.
    var renderedOutputs: [String: OutputTree.Contents] { lock.withLock { rendered } }
}
