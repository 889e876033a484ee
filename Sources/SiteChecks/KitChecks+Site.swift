import Diagnostics
import Foundation
import KitConfig
import Markdown
import Rendering
import SiteModel
import SiteProducers

/// Checks on the site as a whole: what the build will write, QR codes, and the structure of
/// pages. They run in `check` and `build` alike, so a kit that passes `check` builds.
extension KitChecks {
    /// Two sources that would write the same file (`a.md` and a copied `a.html`), read off the plan.
    static func checkOutputs(_ kit: Kit) -> [Diagnostic] {
        kit.plan.collisions.map { path, sources in
            .error(.outputCollision, "'\(path)' would be written by more than one source: " + sources.joined(separator: ", "),
                   at: collisionLocation(sources, kit: kit))
        }
    }

    /// Each page a language lacks, shown in the default language instead: one warning per page
    /// and language, at the default page's file.
    static func checkFallbacks(_ kit: Kit) -> [Diagnostic] {
        kit.fallbackPages.compactMap { page in
            guard let original = page.fallback.flatMap(kit.page(at:)) else { return nil }
            let language = kit.languages.language(ofSource: page.source).tag
            return .warning(.languageFallback, "page '\(original.source)' has no '\(language)' version ('\(page.source)'); '\(page.output)' shows the '\(kit.languages.defaultLanguage.tag)' page",
                            at: SourceLocation(path: original.displayPath, line: 1, column: 1),
                            notes: ["translate it as \(kit.location.displayPath(content: page.source))"])
        }
    }

    /// A file that takes part in a collision, to point at: a content file first (the one to
    /// rename), else the config or a template; nil when only generated outputs clash.
    private static func collisionLocation(_ sources: [String], kit: Kit) -> SourceLocation? {
        let files = sources.map { kit.location.kit.appendingPathComponent($0).standardizedFileURL }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let content = kit.location.content.path + "/"
        guard let chosen = files.first(where: { $0.path.hasPrefix(content) }) ?? files.first else { return nil }
        return SourceLocation(path: kit.location.displayPath(chosen), line: 1, column: 1)
    }

    /// Every link that becomes a QR code must fit in one.
    static func checkQRCodes(_ kit: Kit) -> [Diagnostic] {
        guard !kit.posterInstances.isEmpty else { return [] }
        var links = kit.config.groups.map { ($0.inviteLink, $0.location as SourceLocation?) }
        if let url = kit.config.signIn.url { links.append((url, nil)) }
        return links.filter { QRCode.symbolSize($0.0) == nil }.map { link, location in
            .error(.posterQR, "link is too long for a QR code (\(link.utf8.count) bytes)", at: location)
        }
    }

    /// A page missing from the TOC, without title or description, with repeated headings, or
    /// with unknown placeholders in its front matter.
    static func checkPage(_ page: Page, uses: DocumentUses, kit: Kit, known: Set<String>) -> [Diagnostic] {
        var diagnostics = checkFrontMatterVariables(page, known: known)
        do {
            let top = SourceLocation(path: page.displayPath, line: 1, column: 1)
            let language = kit.languages.language(ofSource: page.source).tag
            let isHome = ["index.md", "index.yml"].contains(kit.languages.pathInLanguage(page.source))
            if let toc = kit.toc(for: language), !kit.navigation(for: language).contains(page.source), !isHome {
                diagnostics.append(.warning(.tocUnreachablePage, "page '\(page.source)' is in no table of contents entry; readers cannot navigate to it",
                                            at: top, notes: ["add it to \(kit.languages.prefix(language).isEmpty || kit.languageTOCs[language] != nil ? toc.path : kit.toc?.path ?? toc.path)"]))
            }
            // Front matter that failed to parse was reported already; its keys are unknown.
            let unreadable = uses.hasFrontMatter && page.metadata.entries.isEmpty
            if !unreadable, page.metadata["title"]?.string?.isEmpty ?? true, !uses.hasTitleHeading {
                diagnostics.append(.warning(.pageMissingTitle, "page has no title: no 'title:' in front matter and no '# heading'", at: top))
            }
            if !unreadable, page.description.isEmpty {
                diagnostics.append(.warning(.pageMissingDescription, "page has no 'description:' in front matter; search results and link previews show none",
                                            at: top))
            }
            for heading in uses.repeatedHeadings {
                diagnostics.append(.warning(.headingDuplicateID, "heading repeats one on line \(heading.firstLine); its id became '\(heading.anchor)', and links to '#\(heading.slug)' go to the first",
                                            at: heading.location))
            }
        }
        return diagnostics
    }

    /// Links that work today but should not be published: preview hosts and `?branch=`, and
    /// plain `http:`; and hosts that mix scripts, as look-alike addresses do.
    static func checkExternal(_ destination: String, what: String, at location: SourceLocation) -> [Diagnostic] {
        let encoded = ExternalLink.encode(destination)
        let mixed = encoded.mixedScriptLabel.map {
            Diagnostic.warning(.linkMixedScriptHost, "\(what) to '\(destination)' has a host name that mixes scripts ('\($0)'), as look-alike addresses do",
                               at: location, notes: ["it is written as \(encoded.url); check that the address is the one intended"])
        }
        return [mixed, publishable(destination, what: what, at: location)].compactMap { $0 }
    }

    static func publishable(_ destination: String, what: String, at location: SourceLocation) -> Diagnostic? {
        // Bytes, not Characters or Foundation's search: this runs for every external link.
        let lowered = Array(destination.lowercased().utf8)
        guard let schemeEnd = firstOffset(of: "://", in: lowered[...]) else { return nil }
        let afterScheme = lowered[(schemeEnd + 3)...]
        let host = afterScheme.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let query = afterScheme.drop { $0 != UInt8(ascii: "?") }.prefix { $0 != UInt8(ascii: "#") }
        if host.starts(with: "review.".utf8) || firstOffset(of: ".review.", in: host) != nil || firstOffset(of: "preview.", in: host) != nil
            || firstOffset(of: "branch=", in: query) != nil {
            return .warning(.linkPreview, "\(what) to '\(destination)' points at a preview or branch build, which readers cannot open",
                            at: location, notes: ["link to the published page instead"])
        }
        // The host without user information (`user@`) or port; an IPv6 address keeps its
        // brackets (`[::1]:8080`), and one without its closing bracket names no host.
        let authority = host.lastIndex(of: UInt8(ascii: "@")).map { host[($0 + 1)...] } ?? host
        let hostName: String
        if authority.first == UInt8(ascii: "[") {
            hostName = authority.firstIndex(of: UInt8(ascii: "]")).map { String(decoding: authority[...$0], as: UTF8.self) } ?? ""
        } else {
            hostName = String(decoding: authority.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
        }
        if lowered.starts(with: "http://".utf8), !["localhost", "127.0.0.1", "[::1]"].contains(hostName) {
            return .warning(.linkInsecure, "\(what) to '\(destination)' uses http:; use https:", at: location)
        }
        return nil
    }

    /// Where `needle` (ASCII) first starts in `bytes`, as an index of `bytes`.
    private static func firstOffset(of needle: StaticString, in bytes: ArraySlice<UInt8>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count else { return nil }
        return needle.withUTF8Buffer { pattern in
            (bytes.startIndex...(bytes.endIndex - count)).first { start in
                bytes[start] == pattern[0] && bytes[start..<(start + count)].elementsEqual(pattern)
            }
        }
    }
}
