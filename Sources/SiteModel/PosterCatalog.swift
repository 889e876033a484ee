import Diagnostics
import Foundation
import KitConfig
import Templating

/// A poster a kit can print: `Templates/posters/NAME/` (or the built-in one of that name) with a
/// `poster.yml` (title, scope, description), `poster.html.mustache` and `poster.txt.mustache`.
public struct PosterTemplate: Sendable, Hashable {
    public enum Scope: String, Sendable, Hashable { case group, organization }

    public let name: String
    public let title: String
    public let description: String
    public let scope: Scope

    package init(name: String, title: String, description: String, scope: Scope) {
        (self.name, self.title, self.description, self.scope) = (name, title, description, scope)
    }

    package var htmlTemplate: String { "\(TemplateSet.postersFolder)/\(name)/poster.html" }
    package var textTemplate: String { "\(TemplateSet.postersFolder)/\(name)/poster\(TemplateSet.textSuffix)" }
}

package enum PosterCatalog {
    /// Reads every poster definition in the template set; problems are positioned in poster.yml.
    static func load(_ templates: TemplateSet) -> ([PosterTemplate], [Diagnostic]) {
        var posters: [PosterTemplate] = []
        var diagnostics: [Diagnostic] = []
        let prefix = TemplateSet.postersFolder + "/"
        var names = Set<String>()
        for file in templates.files where file.name.hasPrefix(prefix) {
            let parts = ContentPath.components(String(file.name.dropFirst(prefix.count)))
            if parts.count == 2 { names.insert(String(parts[0])) }
        }
        for name in templates.names(under: TemplateSet.postersFolder) {
            let parts = ContentPath.components(String(name.dropFirst(prefix.count)))
            if parts.count == 2 { names.insert(String(parts[0])) }
        }
        for name in names.sorted() {
            guard let definition = templates.files.first(where: { $0.name == "\(prefix)\(name)/poster.yml" }) else {
                diagnostics.append(.error(.posterDefinition, "poster '\(name)' has templates but no poster.yml (title and scope)",
                                          at: SourceLocation(path: "\(TemplateSet.postersFolder)/\(name)/poster.yml", line: 1, column: 1)))
                continue
            }
            let (fields, problems) = PosterDefinitionDecoder.decode(String(decoding: definition.contents, as: UTF8.self), path: definition.displayPath)
            diagnostics += problems
            guard let fields else { continue }
            let poster = PosterTemplate(name: name, title: fields.title, description: fields.description,
                                        scope: fields.scope == "organization" ? .organization : .group)
            for template in [poster.htmlTemplate, poster.textTemplate] where !templates.contains(template) {
                diagnostics.append(.error(.posterDefinition, "poster '\(name)' lacks its template '\(template).mustache'",
                                          at: SourceLocation(path: definition.displayPath, line: 1, column: 1)))
            }
            posters.append(poster)
        }
        return (posters, diagnostics)
    }
}
