import Diagnostics
import Foundation

/// A link written in page content or the TOC (`[x](https://münchen.de/café)`), in the ASCII form
/// of RFC 3986 before it becomes an `href` or chat text, as `HTTPSLink` does for the config's
/// links: a non-ASCII host goes to its IDNA form, and other non-ASCII characters are
/// percent-encoded as UTF-8 after NFC. Unlike `HTTPSLink` it refuses nothing: content links
/// are checked by the site's link rules, and a host that cannot be encoded stays as written.
public enum ExternalLink {
    public struct Encoded: Hashable, Sendable {
        public var url: String
        /// A host label that mixes scripts (`kаіza.la` with Cyrillic letters), as look-alike
        /// hosts do.
        public var mixedScriptLabel: String?
    }

    public static func encode(_ url: String) -> Encoded {
        guard !url.utf8.allSatisfy({ $0 < 0x80 }) else { return Encoded(url: url) }
        guard let colon = url.firstIndex(of: ":"), url[url.index(after: colon)...].hasPrefix("//") else {
            return Encoded(url: percentEncodingNonASCII(url[...]))
        }
        let authorityStart = url.index(colon, offsetBy: 3)
        let authorityEnd = url[authorityStart...].firstIndex { "/?#".contains($0) } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        let userEnd = authority.lastIndex(of: "@")
        let userInfo = userEnd.map { authority[..<$0] }
        let hostAndPort = userEnd.map { authority[authority.index(after: $0)...] } ?? authority
        var host = hostAndPort, port: Substring = ""
        if !hostAndPort.hasPrefix("["), let portColon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<portColon]
            port = hostAndPort[portColon...]
        }
        var asciiHost = String(host), mixed: String?
        if !host.hasPrefix("["), !host.unicodeScalars.allSatisfy(\.isASCII),
           case .success(let labels) = HTTPSLink.Host.labels(of: host) {
            (asciiHost, mixed) = (labels.ascii, labels.mixed)
        }
        let encoded = String(url[..<authorityStart]) + (userInfo.map { percentEncodingNonASCII($0) + "@" } ?? "")
            + percentEncodingNonASCII(asciiHost[...]) + port + percentEncodingNonASCII(url[authorityEnd...])
        return Encoded(url: encoded, mixedScriptLabel: mixed)
    }

    /// `text` after NFC with every non-ASCII character as `%XX` UTF-8 escapes; ASCII stays.
    static func percentEncodingNonASCII(_ text: Substring) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return String(text) }
        return PercentEncoding.encode(String(text).precomposedStringWithCanonicalMapping) { $0 < 0x80 }
    }
}
