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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
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
        .target(name: "Markdown", dependencies: ["Diagnostics", "CCmarkGFM"]),
        .target(name: "KitConfig", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Templating",
            dependencies: ["Diagnostics", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("BuiltinTemplates")]
        ),
        .target(name: "Rendering", dependencies: ["Markdown", "Diagnostics", "CQRencode"]),
        .target(name: "Site", dependencies: ["Diagnostics", "Markdown", "KitConfig", "Templating", "Rendering"]),
        .target(name: "AdoptKitCLI", dependencies: ["Site", "Diagnostics", "Rendering", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "adoptkit", dependencies: ["AdoptKitCLI"]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM"]),
        .testTarget(name: "KitConfigTests", dependencies: ["KitConfig"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "Diagnostics"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Markdown", "CCmarkGFM"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "AdoptKitCLI", "KitConfig", "Rendering"]),
    ],
    swiftLanguageModes: [.v6]
)
