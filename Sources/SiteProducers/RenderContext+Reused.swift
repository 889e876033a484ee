import SiteModel

extension RenderContext {
    /// A context for `kit`, an edit of `previous.kit` that kept its config, logo, templates and
    /// set of outputs (`serve` patched only Markdown): what is made from those carries over,
    /// QR codes included, instead of being worked out again on every edit.
    package init(kit: Kit, sameConfigAs previous: RenderContext) {
        self.kit = kit
        variables = previous.variables
        blocks = previous.blocks
        chatBlocks = previous.chatBlocks
        contentsPath = previous.contentsPath
        searchPath = previous.searchPath
        logoPath = previous.logoPath
        palette = previous.palette
        qrCodes = previous.qrCodes
        posterFields = previous.posterFields
        instancesByGroup = previous.instancesByGroup
    }
}
