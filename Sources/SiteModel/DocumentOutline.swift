import Diagnostics
import Markdown
import Rendering

/// What the kit model reads of one Markdown file, worked out once, in the task that parsed it:
/// its includes, the anchors it defines, the code files it shows and its measure for the
/// include budgets, and what the document rules check (`uses`). The include graph, the heading
/// index, the plan, the code files and the checks read outlines, not trees, so only the
/// renderers walk a tree after the parse.
package struct DocumentOutline: Sendable {
    /// An `[!INCLUDE]`, as written, with where.
    package struct Include: Hashable, Sendable {
        package let target: String
        package let location: SourceLocation
    }

    /// Every include, in document order.
    package let includes: [Include]
    /// The file's own anchors: heading ids, and raw HTML anchors the sanitiser keeps
    /// (`<a name="BKMK_x">`, `<span id="note-1">`).
    package private(set) var anchors: Set<String>
    /// Content-relative paths of the local files its code references show, sorted.
    package let codeFiles: [String]
    /// What the document rules read.
    package private(set) var uses: DocumentUses
    let measure: FileMeasure

    package init(_ document: MarkdownDocument) {
        measure = FileMeasure(document)
        var includes: [Include] = [], anchors: Set<String> = [], codeFiles: Set<String> = []
        var uses = DocumentUses(), sanitizer = HTMLSanitizer()
        // Kinds matched in place: copying a node would retain its payload.
        for index in document.nodes.indices {
            let id = NodeID(index)
            uses.add(id, of: document, sanitizer: &sanitizer)
            switch document[id].kind {
            case .include(let target, _), .inlineInclude(let target, _):
                includes.append(Include(target: target, location: document.location(of: id)))
            case .heading(_, let anchor):
                anchors.insert(anchor)
            case .htmlBlock(let html), .htmlInline(let html):
                anchors.formUnion(HTMLSanitizer.anchors(in: String(document[html])))
            case .codeReference(let reference):
                if let path = ContentPath.includeTarget(reference.source, from: document.path) { codeFiles.insert(path) }
            default:
                continue
            }
        }
        uses.finish(document)
        (self.includes, self.anchors, self.codeFiles, self.uses) = (includes, anchors, codeFiles.sorted(), uses)
    }

    /// The outline without what only the checks read (its uses and anchors): what a build
    /// keeps while it renders.
    var forRendering: DocumentOutline {
        var lean = self
        (lean.uses, lean.anchors) = (DocumentUses(), [])
        return lean
    }

    /// Whether an edit from `other` to this keeps every other file's findings and outputs'
    /// inputs: the same includes (as written and where), anchors and code files.
    package func hasSameReach(as other: DocumentOutline) -> Bool {
        includes == other.includes && anchors == other.anchors && codeFiles == other.codeFiles
    }
}
