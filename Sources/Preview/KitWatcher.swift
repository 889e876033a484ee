import Foundation
import Site
import SiteModel

/// Notices edits to a kit by polling: a fingerprint of every file's path, size and modification
/// time under `Content/`, `Templates/`, the config file and `files` (the logo, the groups
/// file). Polling works on every file system (including network and container mounts where
/// inotify stays silent).
struct KitWatcher: Sendable {
    let location: KitLocation
    let interval: Duration
    let files: [URL]

    init(location: KitLocation, interval: Duration = .milliseconds(200), files: [URL] = []) {
        self.location = location
        self.interval = interval
        self.files = files
    }

    struct Fingerprint: Hashable, Sendable {
        var entries: [String: [Double]]
    }

    func fingerprint() -> Fingerprint {
        var entries: [String: [Double]] = [:]
        let fm = FileManager.default
        func record(_ url: URL) {
            guard let attributes = try? fm.attributesOfItem(atPath: url.path) else { return }
            let size = (attributes[.size] as? NSNumber)?.doubleValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries[url.path] = [size, modified]
        }
        record(location.config)
        files.forEach(record)
        for root in [location.content, location.templates] {
            guard let enumerator = fm.enumerator(atPath: root.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                    let size = (enumerator.fileAttributes?[.size] as? NSNumber)?.doubleValue ?? -1
                    let modified = (enumerator.fileAttributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    entries[root.path + "/" + relative] = [size, modified]
                }
            }
        }
        return Fingerprint(entries: entries)
    }

    /// Calls `onChange` after every change since `baseline` (a fingerprint taken before the
    /// caller said it was ready, so no edit after that is missed), until the task is cancelled.
    func watch(from baseline: Fingerprint, onChange: @Sendable () async -> Void) async {
        var last = baseline
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = fingerprint()
            if current != last {
                last = current
                await onChange()
            }
        }
    }
}
