import Diagnostics
import Foundation
import KitConfig
import Markdown

/// YAML landing pages (`### YamlMime:Landing` or `Hub`) as pages: each becomes a document of
/// headings, summaries and link lists inside card containers, so navigation, links, checks,
/// the layout and chat text treat it like a Markdown page.
package enum LandingPages {
    /// Reads the candidates the scan found; files that are not landing pages are left alone
    /// (they stay copied files, or nothing when `docfx.json` says so).
    static func read(_ paths: [String], location: KitLocation, skipping markdown: Set<String>)
        -> (pages: [(path: String, document: MarkdownDocument, metadata: Metadata)], diagnostics: [Diagnostic]) {
        var pages: [(String, MarkdownDocument, Metadata)] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            // `index.md` beside `index.yml` is the page; the YAML one would write the same file.
            guard !markdown.contains(String(path.dropLast(ContentPath.fileExtension(path).count + 1)) + ".md") else { continue }
            let display = location.displayPath(content: path)
            guard let data = try? location.boundary.read(location.content.appendingPathComponent(path), limit: ContentScanner.maximumFileBytes).get(),
                  case .success(let source) = SourceText.decode(data, path: display),
                  LandingPageDecoder.isLandingPage(source.text[...]) else { continue }
            let (landing, problems) = LandingPageDecoder.decode(source.text, path: display)
            diagnostics += problems
            guard let landing else { continue }
            pages.append((path, document(landing, path: path, displayPath: display), landing.metadata.inheriting(
                landing.metadata["title"] == nil && !landing.title.isEmpty ? [Metadata.Entry(key: "title", value: .string(landing.title))] : [])))
        }
        return (pages, diagnostics)
    }

    /// The page: its title and summary, then each section's heading and a card per entry.
    static func document(_ page: LandingPage, path: String, displayPath: String) -> MarkdownDocument {
        func range(_ location: SourceLocation) -> SourceRange {
            SourceRange(start: .init(line: location.line, column: location.column), endLine: location.line)
        }
        var builder = DocumentBuilder(at: range(page.location))
        if !page.title.isEmpty { builder.heading(level: 1, text: page.title, at: range(page.location)) }
        if !page.summary.isEmpty { builder.paragraph(page.summary, at: range(page.location)) }
        for section in page.sections {
            let at = range(section.location)
            if !section.title.isEmpty { builder.heading(level: 2, text: section.title, at: at) }
            if !section.summary.isEmpty { builder.paragraph(section.summary, at: at) }
            builder.open(.container(.division(classes: ["cards"])), at: at)
            for card in section.cards {
                let cardAt = range(card.location)
                builder.open(.container(.division(classes: ["card"])), at: cardAt)
                if !card.title.isEmpty { builder.heading(level: section.title.isEmpty ? 2 : 3, text: card.title, url: card.url, at: cardAt) }
                if !card.summary.isEmpty { builder.paragraph(card.summary, at: cardAt) }
                if !card.links.isEmpty {
                    builder.open(.list(ordered: false, start: 1, tight: true, delimiter: .period), at: cardAt)
                    for link in card.links {
                        let linkAt = range(link.location)
                        builder.open(.item(task: nil), at: linkAt)
                        builder.open(.paragraph, at: linkAt)
                        builder.open(.link(destination: link.url, title: ""), at: linkAt)
                        builder.append(.text(link.text), at: linkAt)
                        builder.close(); builder.close(); builder.close()
                    }
                    builder.close()
                }
                builder.close()
            }
            builder.close()
        }
        return builder.document(path: path, displayPath: displayPath)
    }
}
