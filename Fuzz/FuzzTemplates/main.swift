import Foundation
import FuzzDriver
import KitConfig
import SiteModel
import SiteProducers
import Templating

// The bytes as a kit's `Templates/page.mustache` over the built-in templates: text hygiene,
// tag scan, depth limit, swift-mustache's parser and the strict checker against the page
// data's shape. A template the checker passes is rendered.
// The built-in English strings, as the check of a one-language kit sees them.
let config = KitConfig()
let strings = SiteLanguages.load(config, templates: TemplateSet.load(kitFiles: []).0).0.strings(nil)
runFuzzer { bytes in
    let (set, problems) = TemplateSet.load(kitFiles: [("page.mustache", bytes)])
    let found = set.check("page", against: PageViewModel.shape(config: config, strings: strings))
    if !problems.contains(where: { $0.severity == .error }), found.isEmpty {
        _ = set.render("page", PageViewModel.sample(config: config, strings: strings))
    }
}
