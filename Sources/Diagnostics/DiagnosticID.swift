/// A stable rule id such as `link.missing-page`. Ids never change meaning; the README lists them.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticID {
    // Files and folders
    public static let contentMissing: DiagnosticID = "io.content-missing"
    public static let unreadable: DiagnosticID = "io.unreadable"
    public static let invalidUTF8: DiagnosticID = "source.invalid-utf8"
    /// A file, or a link to one, that resolves outside the kit folder or is not a regular file.
    public static let outsideKit: DiagnosticID = "io.outside-kit"
    /// Two files whose names are the same after Unicode (NFC) normalisation.
    public static let nameCollision: DiagnosticID = "io.name-collision"
    public static let linkCycle: DiagnosticID = "io.link-cycle"
    public static let fileTooLarge: DiagnosticID = "io.too-large"
    /// A control, bidirectional or zero-width character in Markdown or YAML text; it is removed.
    public static let textControlCharacter: DiagnosticID = "text.control-character"

    // Output
    public static let outputCollision: DiagnosticID = "output.collision"
    public static let outputTooLarge: DiagnosticID = "output.too-large"
    public static let outputUnsafe: DiagnosticID = "output.unsafe"
    public static let outputWrite: DiagnosticID = "output.write-failed"

    // Front matter
    public static let frontMatterNotMapping: DiagnosticID = "front-matter.not-mapping"
    public static let frontMatterSyntax: DiagnosticID = "front-matter.syntax"
    public static let frontMatterType: DiagnosticID = "front-matter.type"
    public static let frontMatterUnterminated: DiagnosticID = "front-matter.unterminated"

    // DocFX dialect
    public static let alertMarkerText: DiagnosticID = "alert.marker-text"
    public static let alertUnknownKind: DiagnosticID = "alert.unknown-kind"
    public static let contentUnknownVariable: DiagnosticID = "content.unknown-variable"
    public static let imageMissingAlt: DiagnosticID = "image.missing-alt"
    public static let imageSyntax: DiagnosticID = "image.syntax"
    public static let includeCycle: DiagnosticID = "include.cycle"
    public static let includeMissing: DiagnosticID = "include.missing"
    public static let includeOutsideContent: DiagnosticID = "include.outside-content"
    public static let includeTooLarge: DiagnosticID = "include.too-large"
    public static let includeMalformed: DiagnosticID = "include.malformed"
    public static let rawHTMLDropped: DiagnosticID = "markdown.raw-html-dropped"
    public static let frontMatterMissingOpening: DiagnosticID = "front-matter.missing-opening"
    public static let tableTooLarge: DiagnosticID = "markdown.table-too-large"
    public static let markdownTooDeep: DiagnosticID = "markdown.too-deep"
    public static let videoNotHTTPS: DiagnosticID = "video.not-https"
    /// A `:::name:::` block adoptkit does not know; its content renders without it.
    public static let unknownBlock: DiagnosticID = "markdown.unknown-block"
    /// `docfx.json` that is not JSON or has no `build` object; it is ignored.
    public static let docfxSyntax: DiagnosticID = "docfx.syntax"
    /// An `index.yml` landing page whose YAML cannot be read.
    public static let landingSyntax: DiagnosticID = "landing.syntax"

    // Links, navigation and page structure
    public static let headingDuplicateID: DiagnosticID = "heading.duplicate-id"
    /// A `javascript:`, `vbscript:`, `file:` or `data:` link target, which is emptied.
    public static let linkDangerous: DiagnosticID = "link.dangerous"
    /// An `xref:` link, which needs DocFX's cross-reference maps; it shows as text.
    public static let linkCrossReference: DiagnosticID = "link.xref"
    public static let linkInsecure: DiagnosticID = "link.insecure"
    public static let linkMixedScriptHost: DiagnosticID = "link.mixed-script-host"
    public static let linkMissingAnchor: DiagnosticID = "link.missing-anchor"
    public static let linkMissingFile: DiagnosticID = "link.missing-file"
    public static let linkMissingPage: DiagnosticID = "link.missing-page"
    public static let linkPreview: DiagnosticID = "link.preview"
    public static let linkRootRelative: DiagnosticID = "link.root-relative"
    public static let pageMissingDescription: DiagnosticID = "page.missing-description"
    public static let pageMissingTitle: DiagnosticID = "page.missing-title"
    public static let tocMissingTarget: DiagnosticID = "toc.missing-target"
    public static let tocSyntax: DiagnosticID = "toc.syntax"
    public static let tocUnreachablePage: DiagnosticID = "toc.unreachable-page"

    // Config
    public static let configAnchor: DiagnosticID = "config.anchor"
    public static let configDuplicateGroup: DiagnosticID = "config.duplicate-group"
    public static let configDuplicateInviteLink: DiagnosticID = "config.duplicate-invite-link"
    public static let configDuplicateKey: DiagnosticID = "config.duplicate-key"
    public static let configGroupFileCollision: DiagnosticID = "config.group-file-collision"
    public static let configInvalidURL: DiagnosticID = "config.invalid-url"
    public static let configLogo: DiagnosticID = "config.logo"
    /// A link's host mixes scripts (`kаіza.la` with Cyrillic letters): a look-alike address.
    public static let configMixedScriptHost: DiagnosticID = "config.mixed-script-host"
    public static let configSyntax: DiagnosticID = "config.syntax"
    public static let configTooLarge: DiagnosticID = "config.too-large"
    public static let configType: DiagnosticID = "config.type"
    public static let configUnknownKey: DiagnosticID = "config.unknown-key"
    public static let configUnknownPoster: DiagnosticID = "config.unknown-poster"
    /// `groups_file` names a file that is missing, outside the kit or too large.
    public static let configGroupsFile: DiagnosticID = "config.groups-file"
    /// A `site.languages` entry that is not a language tag (`english`, `en_US`).
    public static let configLanguage: DiagnosticID = "config.language"
    public static let configDuplicateLanguage: DiagnosticID = "config.duplicate-language"
    /// `site.language` names another language than the first of `site.languages`.
    public static let configLanguageMismatch: DiagnosticID = "config.language-mismatch"

    // Languages
    /// A page of the default language that another language lacks: the default's is shown.
    public static let languageFallback: DiagnosticID = "i18n.fallback-page"
    /// A string table without a string the site prints, or no table for a listed language.
    public static let stringMissing: DiagnosticID = "i18n.missing-string"
    /// A string table that is not a mapping of names to one-line texts.
    public static let stringTableSyntax: DiagnosticID = "i18n.syntax"
    /// A name in a string table that no built-in table has: a typo, or a string nothing prints.
    public static let stringUnknown: DiagnosticID = "i18n.unknown-string"

    // The groups file (CSV)
    /// An unclosed quoted value, a quote inside an unquoted one, text after a closing quote.
    public static let csvSyntax: DiagnosticID = "csv.syntax"
    public static let csvMissingColumn: DiagnosticID = "csv.missing-column"
    public static let csvDuplicateColumn: DiagnosticID = "csv.duplicate-column"
    /// A header a letter or two away from a known column name; the column is not read.
    public static let csvUnknownColumn: DiagnosticID = "csv.unknown-column"
    /// A row with more values than the header has columns (an unquoted separator in a value).
    public static let csvRowWidth: DiagnosticID = "csv.row-width"

    // Templates
    public static let templateMissing: DiagnosticID = "template.missing"
    public static let templateNotText: DiagnosticID = "template.not-text"
    public static let templatePartialCycle: DiagnosticID = "template.partial-cycle"
    public static let templateSyntax: DiagnosticID = "template.syntax"
    public static let templateTooDeep: DiagnosticID = "template.too-deep"
    public static let templateUnescapedData: DiagnosticID = "template.unescaped-data"
    public static let templateUnknownName: DiagnosticID = "template.unknown-name"
    public static let templateUnsafeContext: DiagnosticID = "template.unsafe-context"

    // Posters
    public static let posterDefinition: DiagnosticID = "poster.definition"
    public static let posterQR: DiagnosticID = "poster.qr"
    public static let posterQRTooDense: DiagnosticID = "poster.qr-too-dense"
    public static let posterOverflow: DiagnosticID = "poster.overflow"
    public static let posterExport: DiagnosticID = "poster.export"
    public static let configColorContrast: DiagnosticID = "config.color-contrast"
    public static let unknownPoster: DiagnosticID = "poster.unknown"
    public static let unknownGroup: DiagnosticID = "poster.unknown-group"
    public static let unknownLanguage: DiagnosticID = "poster.unknown-language"

    // Chat text
    public static let chatRelativeLinks: DiagnosticID = "chat.relative-links"
}
