import Diagnostics
import Foundation
import KitConfig
import Markdown

/// Reads a DocFX `toc.yml` into the same entries `TOC.md` gives.
package enum TOCYAML {
    static func load(location: KitLocation, path: String) -> ([TOCEntry], [Diagnostic])? {
        let display = location.displayPath(content: path)
        guard let data = try? location.boundary.read(location.content.appendingPathComponent(path), limit: ContentScanner.maximumFileBytes).get()
        else { return nil }
        switch SourceText.decode(data, path: display) {
        case .failure(let problem): return ([], [problem])
        case .success(let source):
            let (items, problems) = TOCYAMLDecoder.decode(source.text, path: display)
            return (items.map(entry), problems)
        }
    }

    private static func entry(_ item: TOCYAMLItem) -> TOCEntry {
        TOCEntry(title: item.name, href: item.href, children: item.items.map(entry), location: item.location)
    }
}
