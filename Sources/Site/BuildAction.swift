import Diagnostics
import Foundation

/// `build`: load and check the kit, render it, write it atomically. Refuses to write when
/// anything is an error.
public struct BuildAction: Sendable {
    public var location: KitLocation
    public var output: URL
    /// Treat warnings as errors.
    public var strict: Bool
    public var configRequired: Bool

    public init(location: KitLocation, output: URL? = nil, strict: Bool = false, configRequired: Bool = false) {
        self.location = location
        self.output = (output ?? location.kit.appendingPathComponent("_site")).standardizedFileURL
        self.strict = strict
        self.configRequired = configRequired
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var tree: OutputTree?
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Renders without writing (`serve` and tests use this).
    public func render() async -> Result {
        let writer = SiteWriter(output: output, location: location)
        if let refusal = writer.refusal() { return Result(diagnostics: [refusal], tree: nil) }
        let kit = await KitLoader.load(location, configRequired: configRequired)
        var diagnostics = strict ? kit.diagnostics.promotingWarnings() : kit.diagnostics
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, tree: nil) }
        let (tree, problems) = await SiteRenderer.render(kit)
        diagnostics += problems
        return Result(diagnostics: diagnostics, tree: diagnostics.hasErrors ? nil : tree)
    }

    public func run() async -> Result {
        var result = await render()
        guard result.succeeded, let tree = result.tree else { return result }
        result.diagnostics += SiteWriter(output: output, location: location).write(tree)
        return result
    }
}
