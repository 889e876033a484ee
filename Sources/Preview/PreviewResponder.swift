import Foundation
import Site
import SiteModel

/// A response before it is turned into Hummingbird's types, so request handling is a plain
/// function tests can call directly.
struct PreviewResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: Data
    /// True for the Server-Sent Events stream (the server streams instead of sending `body`).
    var isEventStream = false
    /// The output path whose changes the event stream reports (nil: every rebuild).
    var eventPage: String? = nil
}

/// Answers one request from the current snapshot: method and Host checks, path resolution,
/// content types, and the live-reload additions to HTML.
struct PreviewResponder: Sendable {
    let hosts: HostPolicy

    func respond(method: String, target: String, host: String?, snapshot: PreviewState.Snapshot) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return plain(405, "Only GET and HEAD are allowed.\n", extra: [("Allow", "GET, HEAD")])
        }
        // HTTP/1.1 requires a Host header (RFC 9112, section 3.2): without one, or with an
        // empty one, the request is malformed rather than from the wrong site.
        guard let host, !host.trimmingCharacters(in: .whitespaces).isEmpty else {
            return plain(400, "Bad request: the Host header is missing or empty.\n")
        }
        guard hosts.allows(host) else {
            return plain(403, "Host '\(host)' is not allowed; open the preview through localhost or the address adoptkit printed.\n")
        }
        if target.hasPrefix(LiveReload.eventsPath) {
            return PreviewResponse(status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")],
                                   body: Data(), isEventStream: true, eventPage: LiveReload.page(inEventsTarget: target))
        }
        let (path, trailingSlash): (String, Bool)
        switch RequestPath.resolve(target) {
        case .badRequest(let reason): return plain(400, "Bad request: \(reason).\n")
        case let .file(p, slash): (path, trailingSlash) = (p, slash)
        }
        guard let site = snapshot.site else {
            // Nothing ever built: show the problems.
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>adoptkit serve</title></head><body></body></html>"
            return html(503, LiveReload.inject(into: page, failures: snapshot.failures))
        }
        var lookup = path
        if path.isEmpty || trailingSlash { lookup = path.isEmpty ? "index.html" : path + "/index.html" }
        guard let file = site.file(at: lookup) else {
            // A folder with an index page: redirect so relative links resolve. No listings.
            if !trailingSlash, !path.isEmpty, site.contains(path + "/index.html") {
                let location = "/" + path.split(separator: "/").map { ContentPathEncoding.segment(String($0)) }.joined(separator: "/") + "/"
                return PreviewResponse(status: 301, headers: [("Location", location), ("X-Content-Type-Options", "nosniff"), ("Content-Length", "0")],
                                       body: Data())
            }
            return plain(404, "Not found: /\(path)\n")
        }
        guard var data = try? file.contents.data() else { return plain(500, "Cannot read /\(lookup).\n") }
        let type = MediaTypes.type(for: lookup)
        if type.hasPrefix("text/html") {
            data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), failures: snapshot.failures).utf8)
        }
        return PreviewResponse(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store"),
                                                      ("X-Content-Type-Options", "nosniff"), ("Content-Length", String(data.count))],
                               body: method == "HEAD" ? Data() : data)
    }

    private func plain(_ status: Int, _ text: String, extra: [(String, String)] = []) -> PreviewResponse {
        PreviewResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                                                  ("X-Content-Type-Options", "nosniff"), ("Content-Length", String(text.utf8.count))] + extra,
                        body: Data(text.utf8))
    }

    private func html(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                                                  ("X-Content-Type-Options", "nosniff"), ("Content-Length", String(text.utf8.count))],
                        body: Data(text.utf8))
    }
}
