import Foundation

/// One tab of a `HeadlessBrowser`: load a standalone HTML page, then print it or photograph it.
public struct BrowserPage: Sendable {
    public let browser: HeadlessBrowser
    let session: String
    let targetID: String

    public func send(_ method: String, _ params: [String: Any] = [:], timeout: Double? = nil) async throws -> HeadlessBrowser.Reply {
        try await browser.send(method, params, session: session, timeout: timeout)
    }

    /// Replaces the tab's document with `html` and waits until its fonts and images are ready.
    public func load(html: String) async throws {
        let tree = try await send("Page.getFrameTree")
        guard let frame = (tree.result["frameTree"] as? [String: Any])?["frame"] as? [String: Any], let frameID = frame["id"] as? String else {
            throw HeadlessBrowser.Failure.command("Page.getFrameTree", "no main frame")
        }
        _ = try await send("Page.setDocumentContent", ["frameId": frameID, "html": html])
        _ = try await evaluate("Promise.all([document.fonts.ready, ...Array.from(document.images).map(i => i.decode().catch(() => null))]).then(() => true)")
    }

    /// Runs `expression` in the page (promises awaited) and returns its JSON value.
    @discardableResult
    public func evaluate(_ expression: String) async throws -> Any? {
        let reply = try await send("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = reply.result["exceptionDetails"] as? [String: Any] {
            throw HeadlessBrowser.Failure.command("Runtime.evaluate", (exception["exception"] as? [String: Any])?["description"] as? String ?? "exception")
        }
        return (reply.result["result"] as? [String: Any])?["value"]
    }

    /// Emulates print media (what a printer sees: print-only text, no screen-only bar) or screen.
    public func emulate(print: Bool) async throws {
        _ = try await send("Emulation.setEmulatedMedia", ["media": print ? "print" : "screen"])
    }

    /// The page as PDF, on sheets of the size its CSS `@page` rules name, with backgrounds.
    public func pdf(timeout: Double? = nil) async throws -> Data {
        let reply = try await send("Page.printToPDF", [
            "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false,
            "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
        ], timeout: timeout)
        guard let base64 = reply.result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw HeadlessBrowser.Failure.command("Page.printToPDF", "no data")
        }
        return data
    }

    /// A viewport of `width` × `height` CSS pixels, `pixelWidth` device pixels wide; nil goes
    /// back to the browser's own. Set before loading, so the page is laid out once, at that size.
    public func viewport(width: Int, height: Int, pixelWidth: Int) async throws {
        let scale = Double(pixelWidth) / Double(width)
        _ = try await send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": scale, "mobile": false])
    }

    public func defaultViewport() async throws {
        _ = try await send("Emulation.clearDeviceMetricsOverride")
    }

    /// A PNG of the area `width` × `height` CSS pixels at the top left, at the viewport's scale.
    public func png(width: Int, height: Int) async throws -> Data {
        let reply = try await send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": false,
            "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
        ])
        guard let base64 = reply.result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw HeadlessBrowser.Failure.command("Page.captureScreenshot", "no data")
        }
        return data
    }

    public func close() async {
        _ = try? await browser.send("Target.closeTarget", ["targetId": targetID], timeout: 5)
    }
}
