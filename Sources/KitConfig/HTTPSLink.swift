import Diagnostics
import Foundation

/// An absolute https link from `adoptkit.yml`, checked and encoded per RFC 3986 before it
/// becomes a QR payload, an `href` or a `wa.me` text: a non-ASCII host becomes its IDNA form
/// (`café.example` → `xn--caf-dma.example`), non-ASCII in the path, query and fragment is
/// percent-encoded as UTF-8 (after NFC), and anything a URL cannot hold is refused.
public struct HTTPSLink: Sendable, Hashable {
    /// The encoded, ASCII-only link.
    public var url: String
    /// A host label that mixes scripts (Cyrillic letters among Latin ones, as in `kаіza.la`),
    /// which is how look-alike hosts are made.
    public var mixedScriptLabel: String?

    /// The link, or why `text` is not an acceptable absolute https URL.
    public static func parse(_ text: String) -> Result<HTTPSLink, Problem> {
        if text.unicodeScalars.contains(where: { $0.value <= 0x20 || TextHygiene.isInvisible($0) }) { return .failure(.init("must not contain spaces or control characters")) }
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter,
              text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return .failure(.init("is not a valid URL")) }
        guard text[..<colon].lowercased() == "https" else { return .failure(.init("must be an https:// URL")) }
        let afterScheme = text[text.index(after: colon)...]
        guard afterScheme.hasPrefix("//") else { return .failure(.init("must have a host name")) }
        let rest = afterScheme.dropFirst(2)
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains("@") { return .failure(.init("must not contain user information")) }
        let host: Host
        switch Host.parse(authority) {
        case .success(let parsed): host = parsed
        case .failure(let problem): return .failure(problem)
        }
        let tail: String
        switch encodePathQueryFragment(rest[authorityEnd...]) {
        case .success(let encoded): tail = encoded
        case .failure(let problem): return .failure(problem)
        }
        let url = "https://" + host.ascii + host.port.map { ":\($0)" }.orEmpty + tail
        guard URLComponents(string: url)?.host?.isEmpty == false else { return .failure(.init("is not a valid URL")) }
        return .success(HTTPSLink(url: url, mixedScriptLabel: host.mixedScriptLabel))
    }

    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// Path, query and fragment: ASCII that RFC 3986 allows is kept, `%XX` escapes are kept,
    /// non-ASCII is percent-encoded; any other character is refused.
    static func encodePathQueryFragment(_ text: Substring) -> Result<String, Problem> {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?".unicodeScalars)
        var result = ""
        var inFragment = false
        let scalars = Array(String(text).precomposedStringWithCanonicalMapping.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            defer { i += 1 }
            if allowed.contains(scalar) { result.unicodeScalars.append(scalar); continue }
            if scalar == "#", !inFragment { inFragment = true; result += "#"; continue }
            if scalar == "%" {
                guard i + 2 < scalars.count, scalars[i + 1].properties.isASCIIHexDigit, scalars[i + 2].properties.isASCIIHexDigit else {
                    return .failure(.init("has a '%' that does not start a %XX escape"))
                }
                result += "%"
                continue
            }
            guard scalar.value >= 0x80 else { return .failure(.init("must not contain '\(Character(scalar))'; percent-encode it")) }
            for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
        }
        return .success(result)
    }
}

extension HTTPSLink {
    /// A URL's host and port, with the host in its ASCII (IDNA) form.
    struct Host {
        var ascii: String
        var port: Int?
        var mixedScriptLabel: String?

        static func parse(_ authority: Substring) -> Result<Host, Problem> {
            var hostPart = authority, portPart: Substring?
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { return .failure(.init("has an unclosed IPv6 address")) }
                hostPart = authority[...close]
                let after = authority[authority.index(after: close)...]
                if !after.isEmpty {
                    guard after.hasPrefix(":") else { return .failure(.init("has text after its IPv6 address")) }
                    portPart = after.dropFirst()
                }
                guard hostPart.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), hostPart.count > 2 else {
                    return .failure(.init("has an invalid IPv6 address"))
                }
            } else if let colon = authority.lastIndex(of: ":") {
                hostPart = authority[..<colon]
                portPart = authority[authority.index(after: colon)...]
            }
            var port: Int?
            if let portPart {
                guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy(\.isASCII), let number = Int(portPart), (1...65535).contains(number) else {
                    return .failure(.init("has an invalid port '\(portPart)' (a number from 1 to 65535)"))
                }
                port = number
            }
            guard !hostPart.isEmpty else { return .failure(.init("must have a host name")) }
            if hostPart.hasPrefix("[") { return .success(Host(ascii: hostPart.lowercased(), port: port)) }
            return labels(of: hostPart).map { Host(ascii: $0.ascii, port: port, mixedScriptLabel: $0.mixed) }
        }

        /// IDNA: the host mapped (NFKC, lowercase; the ideographic full stops are dots), each
        /// non-ASCII label as `xn--` Punycode.
        static func labels(of host: Substring) -> Result<(ascii: String, mixed: String?), Problem> {
            let mapped = String(host).precomposedStringWithCompatibilityMapping.lowercased()
                .replacingOccurrences(of: "\u{3002}", with: ".").replacingOccurrences(of: "\u{FF0E}", with: ".")
                .replacingOccurrences(of: "\u{FF61}", with: ".")
            var labels = mapped.split(separator: ".", omittingEmptySubsequences: false)
            if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
            var ascii: [String] = []
            var mixed: String?
            for label in labels {
                guard !label.isEmpty else { return .failure(.init("has an empty label in its host name")) }
                guard label.unicodeScalars.allSatisfy(isHostScalar)
                else { return .failure(.init("has a character a host name cannot hold in '\(label)'")) }
                if label.unicodeScalars.allSatisfy(\.isASCII) {
                    ascii.append(String(label))
                    continue
                }
                guard let encoded = Punycode.encode(String(label)) else { return .failure(.init("has a host name that cannot be encoded")) }
                ascii.append("xn--" + encoded)
                if mixed == nil, HostScript.isMixed(label) { mixed = String(label) }
            }
            let result = ascii.joined(separator: ".")
            guard ascii.allSatisfy({ $0.count <= 63 }), result.count <= 253 else { return .failure(.init("has a host name that is too long")) }
            return .success((result, mixed))
        }

        /// Letters, digits, `-` and `_` in ASCII; letters, marks and digits beyond.
        static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .decimalNumber: return true
            default: return scalar.properties.isAlphabetic
            }
        }
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}
