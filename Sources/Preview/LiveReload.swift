import Diagnostics
import Foundation
import Rendering

/// What the preview adds to HTML pages (and only there; built sites never carry it): a script
/// that reloads on rebuild, and an overlay listing the problems of a failed rebuild.
enum LiveReload {
    static let eventsPath = "/_adoptkit/events"

    static let script = """
        <script>
        // adoptkit serve: reload when this page changed or a rebuild failed (Server-Sent Events).
        (function () {
          var source = new EventSource("\(eventsPath)?page=" + encodeURIComponent(location.pathname));
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function () { location.reload(); });
        })();
        </script>
        """

    /// The output path a page's event stream asks about (`?page=/guide/` → `guide/index.html`);
    /// nil when the stream names none (it then hears of every rebuild).
    static func page(inEventsTarget target: String) -> String? {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("page=") {
            guard var path = String(pair.dropFirst(5)).removingPercentEncoding else { return nil }
            while path.hasPrefix("/") { path.removeFirst() }
            return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        }
        return nil
    }

    /// The overlay's colours: every element sets its own text and background colour, so the
    /// page's theme (light or dark, `pre` backgrounds) cannot change them. Each text colour
    /// reaches at least 4.5:1 on `background` (a test holds them to it).
    static let overlayBackground = "#141418"
    static let overlayText = "#f5f5f5", overlayTitle = "#ff9b9b", overlayHint = "#c8c8c8"

    /// The failed rebuild's diagnostics, escaped, over the last good page.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let text = DiagnosticFormatter.text(diagnostics) + DiagnosticFormatter.summary(diagnostics)
        let box = "background:\(overlayBackground);border:0;padding:0;box-shadow:none"
        return """
            <div id="adoptkit-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;color-scheme:dark;background:\(overlayBackground);color:\(overlayText);font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px">
            <h2 style="margin:0 0 12px;font:700 18px system-ui,sans-serif;\(box);color:\(overlayTitle)">The last rebuild failed: showing the last good version underneath</h2>
            <pre style="white-space:pre-wrap;margin:0;font:inherit;\(box);color:\(overlayText)">\(HTMLEscaping.escape(text))</pre>
            <p style="font-family:system-ui,sans-serif;\(box);color:\(overlayHint)">Fix the file and save: this page reloads by itself.</p>
            </div>
            """
    }

    /// `html` with the reload script (and the overlay, if any) placed before `</body>`.
    static func inject(into html: String, failures: [Diagnostic]) -> String {
        let addition = (failures.isEmpty ? "" : overlay(failures)) + script
        if let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: addition + "\n")
        }
        return html + addition
    }
}
