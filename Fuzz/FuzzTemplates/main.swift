import Foundation
import FuzzDriver
import KitConfig
import SiteProducers
import Templating

// The bytes as a kit's `Templates/page.mustache` over the built-in templates: text hygiene,
// tag scan, depth limit, swift-mustache's parser and the strict checker against the page
// data's shape. A template the checker passes is rendered.
runFuzzer { bytes in
    let (set, problems) = TemplateSet.load(kitFiles: [("page.mustache", bytes)])
    let config = KitConfig()
    let found = set.check("page", against: PageViewModel.shape(config: config))
    if !problems.contains(where: { $0.severity == .error }), found.isEmpty {
        _ = set.render("page", PageViewModel.sample(config: config))
    }
}
