import Foundation
import KitConfig
import Rendering
import SiteModel
import Templating

/// What every render of one kit shares: built once per build, immutable (the QR cache is
/// filled as posters ask, under its own lock).
package struct RenderContext: Sendable {
    let kit: Kit
    let variables: [String: String]
    let blocks: [String: @Sendable (String) -> String]
    let chatBlocks: [String: [(text: String, url: String?)]]
    let contentsPath: String
    let qrCodes: QRCache
    /// Poster data every poster and share page shares.
    let posterFields: TemplateData
    /// Per-group poster instances by group slug, for the share pages.
    let instancesByGroup: [String: [PosterInstance]]
    let searchPath: String
    /// The site's logo (header, favicon), relative to the site root.
    let logoPath: String?
    let palette: SitePalette?
    package let searchIndex = SearchIndexCache()
    let imageSizes = ImageSizeCache()

    package init(kit: Kit) {
        self.kit = kit
        self.variables = KitVariables.values(kit.config)
        self.blocks = KitVariables.blocks(kit.config, hasPosters: !kit.posterInstances.isEmpty)
        self.chatBlocks = KitVariables.chatBlocks(kit.config)
        self.contentsPath = kit.plan.outputs.first { $0.producer == .contents }?.path ?? "contents.html"
        self.searchPath = kit.plan.outputs.first { $0.producer == .searchPage }?.path ?? "search.html"
        self.logoPath = kit.plan.outputs.first { $0.producer == .logo }?.path
        self.palette = kit.config.organization.name.isEmpty ? nil : SitePalette(hex: kit.config.organization.color)
        let codes = QRCache()
        self.qrCodes = codes
        self.posterFields = TemplateData(PosterModel.sharedFields(kit: kit) { link, label in codes.svg(link, label: label) })
        self.instancesByGroup = Dictionary(grouping: kit.posterInstances.filter { $0.group != nil }, by: { $0.group!.slug })
    }

    /// What a poster's templates see: the shared fields and those of `poster` for `group`,
    /// with type at the sizes `fit` chose.
    func posterData(_ poster: PosterTemplate, group: Group?, fit: PosterFit = .largest) -> TemplateData {
        posterFields.merging(PosterModel.posterFields(poster: poster, group: group, kit: kit, fit: fit) { link, label in qrCodes.svg(link, label: label) })
    }

    var hasPosters: Bool { !kit.posterInstances.isEmpty }

    func environment(for output: String) -> PageEnvironment {
        PageEnvironment(pageOutput: output, resolver: kit.resolver, documents: kit.documents, variables: variables, blocks: blocks,
                        chatBlocks: chatBlocks, baseURL: kit.config.site.baseURL, codeFiles: kit.codeFiles,
                        imageSizes: imageSizes, content: kit.location.content)
    }

    func sidebar(current source: String?, output: String) -> String {
        kit.navigation.sidebarHTML(currentSource: source, currentOutput: output, contentsOutput: contentsPath)
    }
}

/// Image sizes by content-relative path, read from each file's header once per build.
package final class ImageSizeCache: @unchecked Sendable {
    // Guarded by `lock`; reading happens outside it.
    private var sizes: [String: ImageSize?] = [:]
    private let lock = NSLock()

    func size(of path: String, in content: URL) -> ImageSize? {
        if let known = lock.withLock({ sizes[path] }) { return known }
        var size: ImageSize?
        if let handle = try? FileHandle(forReadingFrom: content.appendingPathComponent(path)) {
            size = (try? handle.read(upToCount: ImageSize.headerLength)).flatMap { ImageSize(header: $0) }
            try? handle.close()
        }
        lock.withLock { sizes[path] = size }
        return size
    }
}

/// QR codes by link, made once each however many posters show them.
package final class QRCache: @unchecked Sendable {
    // Guarded by `lock`; encoding runs outside it so codes are made in parallel.
    private var codes: [String: QRCode?] = [:]
    private let lock = NSLock()

    func svg(_ link: String, label: String) -> String {
        lock.lock()
        let known = codes[link]
        lock.unlock()
        let code: QRCode?
        if let known { code = known } else {
            code = QRCode(link)
            lock.lock()
            codes[link] = code
            lock.unlock()
        }
        return code?.svg(label: label) ?? ""
    }
}
