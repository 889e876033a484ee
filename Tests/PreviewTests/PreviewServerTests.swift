import Foundation
import Preview
import Rendering
import Site
import SiteModel
import Synchronization
import Testing

/// A real preview server on an ephemeral loopback port, spoken to with real HTTP.
@Suite(.serialized) struct PreviewServerTests {
    /// Each element of the overlay sets its own text colour on the overlay's own background,
    /// so neither theme's CSS (a light `pre` background, say) reaches it, and each pair is
    /// at least 4.5:1.
    static func expectReadableOverlay(_ body: String) {
        guard let start = body.range(of: "<div id=\"adoptkit-overlay\""), let end = body[start.lowerBound...].range(of: "</div>") else {
            Issue.record("no overlay")
            return
        }
        let overlay = body[start.lowerBound..<end.upperBound]
        let tags = overlay.matches(of: /<(div|h2|pre|p) [^>]*style="([^"]*)"/).map { (String($0.output.1), String($0.output.2)) }
        #expect(tags.map(\.0) == ["div", "h2", "pre", "p"])
        for (tag, style) in tags {
            let background = style.firstMatch(of: /background:(#[0-9a-fA-F]{6})/).flatMap { BrandColor(hex: String($0.output.1)) }
            let text = style.firstMatch(of: /(?:^|;)color:(#[0-9a-fA-F]{6})/).flatMap { BrandColor(hex: String($0.output.1)) }
            #expect(background != nil && text != nil, "<\(tag)> does not set both colours: \(style)")
            if let background, let text { #expect(text.contrast(with: background) >= 4.5, "<\(tag)>: \(text.contrast(with: background)):1") }
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Copies the example kit to a temporary folder (so tests can edit it), starts the server
    /// and hands `body` a client for it.
    /// `prepare` edits the copy before the server starts.
    /// `onRebuild` hears of every rebuild after the first.
    func withServer(prepare: (URL) throws -> Void = { _ in }, onRebuild: @escaping @Sendable (LiveSite.Update) -> Void = { _ in },
                    _ body: (RawHTTP, URL) async throws -> Void) async throws {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: kit) }
        for item in ["Content", "adoptkit.yml", "brand"] {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent(item), to: kit.appendingPathComponent(item))
        }
        try prepare(kit)
        let server = PreviewServer(location: KitLocation(kit: kit), options: .init(port: 0, pollInterval: .milliseconds(50)))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(onReady: { port, _ in continuation.yield(port) }, onRebuild: onRebuild) }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(RawHTTP(port: port), kit)
        task.cancel()
        _ = await task.result
    }

    @Test func servesPagesAssetsAndTypes() async throws {
        try await withServer { http, _ in
            let home = try await http.request("GET", "/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<h1 id=\"contoso-adoption-guide-for-kaizala\">"))
            // Only preview pages carry the reload script.
            #expect(home.body.contains("new EventSource(\"/_adoptkit/events?page=\" + encodeURIComponent(location.pathname))"))
            let css = try await http.request("GET", "/assets/adoptkit.css")
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("EventSource"))
            #expect(try await http.request("GET", "/media/group-info.svg").headers["content-type"] == "image/svg+xml")
            #expect(try await http.request("GET", "/champions.txt").headers["content-type"] == "text/plain; charset=utf-8")
            let head = try await http.request("HEAD", "/index.html")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.headers["content-length"] ?? "") == home.body.utf8.count)
            // Folders: redirect to the index, never a listing.
            let folder = try await http.request("GET", "/posters")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/posters/")
            #expect(try await http.request("GET", "/posters/").status == 200)
            #expect(try await http.request("GET", "/media/").status == 404)
            #expect(try await http.request("GET", "/no-such-page.html").status == 404)
        }
    }

    /// The site is in memory, but copied files are read from the kit when served: a path that
    /// escaped the site would read a kit file or one beside the kit. Both hold a marker (and so
    /// does a page, which proves the check can see it); no traversal may return it.
    @Test(arguments: [
        ("/../secret.txt", 400), ("/%2e%2e/secret.txt", 400), ("/%2E%2E%2Fsecret.txt", 400), ("/guide/..%2f..%2fsecret.txt", 400),
        ("/%252e%252e/secret.txt", 404), ("/..\\secret.txt", 400), ("/%5c..%5csecret.txt", 400), ("/secret.txt%00.html", 400),
        ("/../../outside-secret.txt", 400), ("/%2e%2e/%2e%2e/outside-secret.txt", 400), ("/media/../../secret.txt", 400),
        ("/../adoptkit.yml", 400), ("/%zz", 400), ("/./secret.txt", 404), ("/secret.txt", 404),
    ])
    func hostilePathsNeverLeaveTheSite(_ target: String, _ status: Int) async throws {
        let marker = "MARKER-\(UUID().uuidString)"
        try await withServer(prepare: { kit in
            try Data(marker.utf8).write(to: kit.appendingPathComponent("secret.txt"))
            try Data(marker.utf8).write(to: kit.appendingPathComponent("../outside-secret.txt").standardizedFileURL)
            try Data((try String(contentsOf: kit.appendingPathComponent("adoptkit.yml"), encoding: .utf8) + "# \(marker)\n").utf8)
                .write(to: kit.appendingPathComponent("adoptkit.yml"))
            try Data("# Visible\n\n\(marker)\n".utf8).write(to: kit.appendingPathComponent("Content/visible.md"))
        }) { http, kit in
            defer { try? FileManager.default.removeItem(at: kit.appendingPathComponent("../outside-secret.txt").standardizedFileURL) }
            #expect(try await http.request("GET", "/visible.html").body.contains(marker), "the marker is seen where it is published")
            let response = try await http.request("GET", target)
            #expect(response.status == status, "\(target)")
            #expect(!response.body.contains(marker), "\(target) returned a file from outside the site")
        }
    }

    @Test func methodsAndHostsAreChecked() async throws {
        try await withServer { http, _ in
            let post = try await http.request("POST", "/")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
            #expect(try await http.request("DELETE", "/index.html").status == 405)
            #expect(try await http.request("GET", "/", host: "evil.example").status == 403)
            // A missing or empty Host is a malformed request, not a foreign site.
            #expect(try await http.request("GET", "/", host: "").status == 400)
            #expect(try await http.request("GET", "/", host: "  ").status == 400)
            #expect(try await http.request("GET", "/", host: nil).status == 400)
            #expect(try await http.request("GET", "/", host: "evil.example:\(http.port)").status == 403)
            #expect(try await http.request("GET", "/", host: "localhost:\(http.port)").status == 200)
            #expect(try await http.request("GET", "/", host: "[::1]:\(http.port)").status == 200)
        }
    }

    @Test func editingAFileSendsAReloadEventAndAFailureShowsAnOverlay() async throws {
        try await withServer { http, kit in
            let events = try await http.open("GET", "/_adoptkit/events")
            defer { close(events) }
            let greeting = await RawHTTP.read(events, until: ": connected", seconds: 30)
            #expect(greeting.contains("text/event-stream"))
            let page = kit.appendingPathComponent("Content/champions.md")
            let original = try String(contentsOf: page, encoding: .utf8)
            try Data((original + "\nA brand-new sentence.\n").utf8).write(to: page)
            let reload = await RawHTTP.read(events, until: "event: reload", seconds: 30)
            #expect(reload.contains("event: reload"))
            #expect(try await http.request("GET", "/champions.html").body.contains("A brand-new sentence."))

            // A broken include: the last good page stays, with the problem on top, escaped.
            try Data((original + "\n[!INCLUDE [x](gone&lost.md)]\n").utf8).write(to: page)
            #expect(await RawHTTP.read(events, until: "event: failed", seconds: 30).contains("event: failed"))
            let failed = try await http.request("GET", "/champions.html")
            #expect(failed.status == 200)
            #expect(failed.body.contains("id=\"adoptkit-overlay\""))
            #expect(failed.body.contains("[include.missing]"))
            #expect(failed.body.contains("gone&amp;lost.md") && !failed.body.contains("gone&lost.md"), "the overlay escapes what it shows")
            #expect(failed.body.contains("A brand-new sentence."), "the last good build is still served")
            Self.expectReadableOverlay(failed.body)

            // Fixing the file clears the overlay.
            try Data(original.utf8).write(to: page)
            #expect(await RawHTTP.read(events, until: "event: reload", seconds: 30).contains("event: reload"))
            #expect(!(try await http.request("GET", "/champions.html").body.contains("adoptkit-overlay")))
        }
    }

    /// A browser reloads only when the bytes of the page it shows changed.
    @Test func onlyBrowsersShowingAChangedPageReload() async throws {
        try await withServer { http, kit in
            // Browsers open a page, then its event stream.
            _ = try await http.request("GET", "/champions.html")
            _ = try await http.request("GET", "/sign-in-office-365.html")
            let champions = try await http.open("GET", "/_adoptkit/events?page=%2Fchampions.html")
            defer { close(champions) }
            let other = try await http.open("GET", "/_adoptkit/events?page=%2Fsign-in-office-365.html")
            defer { close(other) }
            _ = await RawHTTP.read(champions, until: ": connected", seconds: 30)
            _ = await RawHTTP.read(other, until: ": connected", seconds: 30)
            let page = kit.appendingPathComponent("Content/champions.md")
            let original = try String(contentsOf: page, encoding: .utf8)
            try Data((original + "\nOnly this page changes.\n").utf8).write(to: page)
            #expect(await RawHTTP.read(champions, until: "event: reload", seconds: 30).contains("event: reload"))
            // The same rebuild told the other page nothing (its event would have come first).
            let quiet = await RawHTTP.read(other, until: "event: reload", seconds: 1)
            #expect(!quiet.contains("event: reload"))
        }
    }

    /// An idle server does no work: no rebuild comes without an edit, and one edit is one
    /// rebuild (inotify reports it; nothing polls).
    @Test func anIdleServerRebuildsNothing() async throws {
        let rebuilds = Mutex(0)
        try await withServer(onRebuild: { _ in rebuilds.withLock { $0 += 1 } }) { http, kit in
            _ = try await http.request("GET", "/champions.html")
            let events = try await http.open("GET", "/_adoptkit/events?page=%2Fchampions.html")
            defer { close(events) }
            _ = await RawHTTP.read(events, until: ": connected", seconds: 30)
            // Several times the polling fallback's interval, with a browser listening.
            try await Task.sleep(for: .seconds(1))
            #expect(rebuilds.withLock { $0 } == 0)
            let page = kit.appendingPathComponent("Content/champions.md")
            try Data((try String(contentsOf: page, encoding: .utf8) + "\nOne edit.\n").utf8).write(to: page)
            #expect(await RawHTTP.read(events, until: "event: reload", seconds: 30).contains("event: reload"))
            try await Task.sleep(for: .seconds(1))
            #expect(rebuilds.withLock { $0 } == 1)
        }
    }

    @Test func neverWritesTheSiteFolder() async throws {
        try await withServer { http, kit in
            _ = try await http.request("GET", "/")
            #expect(!FileManager.default.fileExists(atPath: kit.appendingPathComponent("_site").path))
        }
    }
}

extension PreviewServerTests {
    @Test func folderRedirectsAreEncoded() async throws {
        try await withServer { http, kit in
            // Subscribe before the edit, so the rebuild it causes cannot be missed.
            let events = try await http.open("GET", "/_adoptkit/events")
            defer { close(events) }
            #expect(await RawHTTP.read(events, until: ": connected", seconds: 30).contains(": connected"))
            try FileManager.default.createDirectory(at: kit.appendingPathComponent("Content/50% off"), withIntermediateDirectories: true)
            try Data("---\ndescription: x\n---\n# Sale\n".utf8).write(to: kit.appendingPathComponent("Content/50% off/index.md"))
            #expect(await RawHTTP.read(events, until: "event: reload", seconds: 30).contains("event: reload"))
            let redirect = try await http.request("GET", "/50%25%20off")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/50%25%20off/")
            #expect(redirect.headers["x-content-type-options"] == "nosniff")
            #expect(try await http.request("GET", "/50%25%20off/").status == 200)
        }
    }
}
