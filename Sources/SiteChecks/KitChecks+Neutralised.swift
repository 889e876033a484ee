import Diagnostics
import SiteModel

/// Input that renders differently from what its author wrote, said out loud: nothing is
/// neutralised without a diagnostic.
extension KitChecks {
    static func checkNeutralised(_ uses: DocumentUses, rawHTMLAllowed: Bool) -> [Diagnostic] {
        var diagnostics = uses.brokenIncludes.map {
            Diagnostic.warning(.includeMalformed, "'[!INCLUDE' is not a complete include and is shown as text", at: $0,
                               notes: ["write it as [!INCLUDE [title](path/to/file.md)]"])
        }
        if !rawHTMLAllowed, let cut = uses.cutHTML {
            diagnostics.append(.warning(.rawHTMLDropped, "\(cut.pieces) piece(s) of raw HTML on this page lose \(cut.dropped) tag(s) or attribute(s) that are not on the allow-list",
                                        at: cut.first,
                                        notes: ["kept: text formatting (b, i, sup, kbd, …), br, span and div with class, a with a safe href, img, tables, details",
                                                "set markdown.raw_html: true in adoptkit.yml to let raw HTML through"]))
        }
        if let lookalike = uses.frontMatterLookalike {
            diagnostics.append(.warning(.frontMatterMissingOpening, "this looks like front matter without its opening '---'; it renders as a heading",
                                        at: lookalike, notes: ["add a line '---' above it"]))
        }
        return diagnostics
    }
}
