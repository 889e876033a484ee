import Diagnostics
import Foundation
import FuzzDriver
import KitConfig

// The bytes of an `adoptkit.yml` through UTF-8 validation, the YAML loader (duplicate keys,
// anchors, text hygiene) and the config reader. Every link the reader accepts must come out as
// printable ASCII, since it becomes a QR payload.
runFuzzer { bytes in
    guard case .success(let source) = SourceText.decode(bytes, path: "adoptkit.yml") else { return }
    let (config, _) = KitConfig.decode(source.text, path: "adoptkit.yml")
    let links = [config.site.baseURL, config.app.downloadURL, config.signIn.url, config.support.url].compactMap { $0 }
        + config.groups.map(\.inviteLink)
    for link in links {
        precondition(link.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }, "an accepted link is not printable ASCII: \(link)")
    }
}
