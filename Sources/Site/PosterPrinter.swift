import BrowserExport
import Foundation
import KitConfig
import SiteModel

/// Prints poster jobs (`posters.export`) in one headless Chromium, a few tabs at once: PDF
/// through `Page.printToPDF` (vector text and QR, dates and id stripped), PNG through
/// `Page.captureScreenshot` of the sheet in print media, 1080 px wide.
enum PosterPrinter {
    /// Width of an exported PNG: what a phone shows full width in a chat.
    static let pngWidth = 1080
    /// Tabs printing at once: the browser's renderers take the cores.
    static var tabs: Int { max(2, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// The sheet in CSS pixels (96 per inch), rounded up.
    static func sheetPixels(_ paper: KitConfig.Paper) -> (width: Int, height: Int) {
        paper == .a4 ? (794, 1123) : (816, 1056)
    }

    /// Prints every job and hands each file to `write` as it is done; throws on the first failure.
    static func print(_ jobs: [(path: String, job: PrintJob)], browser: HeadlessBrowser,
                      write: @escaping @Sendable (String, Data) throws -> Void) async throws {
        let queue = JobQueue(jobs)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<min(tabs, jobs.count) {
                group.addTask {
                    while let (path, job) = queue.next() {
                        try Task.checkCancellation()
                        // A fresh tab per poster: a reused one rasterises text differently
                        // depending on what it showed before, and the bytes must not.
                        let page = try await browser.newPage()
                        let data = try await render(job, on: page)
                        await page.close()
                        try write(path, data)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    static func render(_ job: PrintJob, on page: BrowserPage) async throws -> Data {
        let sheet = sheetPixels(job.paper)
        if job.format == .png {
            try await page.viewport(width: sheet.width, height: sheet.height, pixelWidth: pngWidth)
        } else {
            try await page.defaultViewport()
        }
        try await page.emulate(print: true)
        try await page.load(html: job.html)
        switch job.format {
        case .pdf:
            // A print shop's PDF holds every poster: give it time by its size.
            let timeout = max(page.browser.timeout, Double(job.html.utf8.count) / 50_000)
            return PDFDates.strip(try await page.pdf(timeout: timeout))
        case .png:
            return try await page.png(width: sheet.width, height: sheet.height)
        }
    }

    /// Jobs handed out one at a time to the tabs.
    private final class JobQueue: @unchecked Sendable {
        // Guarded by `lock`.
        private var jobs: ArraySlice<(path: String, job: PrintJob)>
        private let lock = NSLock()
        init(_ jobs: [(path: String, job: PrintJob)]) { self.jobs = jobs[...] }
        func next() -> (String, PrintJob)? { lock.withLock { jobs.popFirst() } }
    }
}
