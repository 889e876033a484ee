// swift-tools-version:6.0
// Targets follow the pipeline: config → markdown → templates → rendering → site → CLI.
// Dependencies point one way; see README "Architecture".
import PackageDescription

let package = Package(
    name: "adoptkit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "adoptkit", targets: ["adoptkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Only the Preview target compiles the HTTP server (and SwiftNIO under it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // libcmark-gfm (core + GFM extensions) from the system, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libqrencode from the system, for offline QR codes.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "Diagnostics"),
        // Reads inside the kit's boundary: links are followed only when they stay inside.
        .target(name: "KitFiles"),
        // A per-thread arena for cmark's allocations during a parse (C: cmark calls it).
        .target(name: "CmarkArena", dependencies: ["CCmarkGFM"]),
        .target(name: "Markdown", dependencies: ["Diagnostics", "CCmarkGFM", "CmarkArena"]),
        .target(name: "KitConfig", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),
        // Built-in templates are the top-level Templates/ folder, compiled in by the plugin: the
        // binary reads nothing from the build folder, so it runs when copied anywhere.
        // Sources/Templating/Templates is a link to that folder, excluded from the sources: it puts
        // the folder in the target's file tree, so SwiftPM plans the build again (and asks the
        // plugin for its inputs again) when a template is added or removed.
        .target(
            name: "Templating",
            dependencies: ["Diagnostics", "KitFiles"],
            exclude: ["Templates"],
            plugins: ["EmbedTemplates"]
        ),
        // The kit `adoptkit init` writes: the top-level Starter/ folder, compiled in the same way.
        .target(name: "StarterKit", exclude: ["Starter"], plugins: ["EmbedTemplates"]),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        .target(name: "Rendering", dependencies: ["Markdown", "Diagnostics", "CQRencode"]),
        // The site stage, split along the flow: the kit model and its build plan, the
        // producers that render planned outputs, the checks, then the actions and the writer.
        .target(name: "SiteModel", dependencies: ["Diagnostics", "KitFiles", "Markdown", "KitConfig", "Templating", "Rendering"]),
        .target(name: "SiteProducers", dependencies: ["SiteModel", "Diagnostics", "Markdown", "KitConfig", "Templating", "Rendering"]),
        .target(name: "SiteChecks", dependencies: ["SiteModel", "SiteProducers", "Diagnostics", "Markdown", "KitConfig", "Templating", "Rendering"]),
        // Headless Chromium over the DevTools protocol (a pipe, no port), for PDF and PNG posters.
        .target(name: "BrowserExport"),
        .target(name: "Site", dependencies: ["SiteModel", "SiteProducers", "SiteChecks", "Diagnostics", "KitFiles", "KitConfig", "Rendering", "BrowserExport", "StarterKit"]),
        .target(
            name: "Preview",
            dependencies: ["Site", "SiteModel", "Diagnostics", "Rendering", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .target(name: "AdoptKitCLI", dependencies: ["Site", "SiteModel", "Preview", "KitConfig", "Diagnostics", "KitFiles", "Rendering", "StarterKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "adoptkit", dependencies: ["AdoptKitCLI"]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM", "CmarkArena"]),
        .testTarget(name: "KitConfigTests", dependencies: ["KitConfig"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "Diagnostics"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Markdown", "CCmarkGFM", "BrowserExport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site", "SiteModel", "Rendering"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "SiteModel", "SiteChecks", "KitFiles", "AdoptKitCLI", "KitConfig", "Rendering", "BrowserExport", "SiteProducers", "StarterKit"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (`make fuzz`, scripts/fuzz.sh), declared only when ADOPTKIT_FUZZ names
// libFuzzer's `fuzzer_no_main` runtime, so the normal build and tests never see them. Only
// adoptkit's own stages are instrumented: `swift build --sanitize=fuzzer` would also link
// libFuzzer's `main` into the template embedder the build runs.
if let fuzzerRuntime = Context.environment["ADOPTKIT_FUZZ"] {
    let sanitize = "-sanitize=fuzzer,address"
    for target in package.targets where target.type == .regular {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags([sanitize])]
    }
    // cmark's blocks stay separate mallocs, so AddressSanitizer sees each one's bounds.
    package.targets.first { $0.name == "CmarkArena" }?.cSettings = [.define("ADOPTKIT_ARENA_SEPARATE_BLOCKS")]
    let link: [LinkerSetting] = [.unsafeFlags(["-sanitize=address", "-Xlinker", "--whole-archive", "-Xlinker", fuzzerRuntime,
                                               "-Xlinker", "--no-whole-archive", "-lstdc++"])]
    func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(name: name, dependencies: ["FuzzDriver"] + dependencies, path: "Fuzz/\(name)",
                          swiftSettings: [.unsafeFlags([sanitize])], linkerSettings: link)
    }
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        fuzzTarget("FuzzMarkdown", ["Markdown", "Rendering", "Diagnostics"]),
        fuzzTarget("FuzzConfig", ["KitConfig", "Diagnostics"]),
        fuzzTarget("FuzzTemplates", ["Templating", "SiteModel", "SiteProducers", "KitConfig"]),
        fuzzTarget("FuzzChat", ["Markdown", "Rendering", "Diagnostics"]),
    ]
}
