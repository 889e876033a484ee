import Foundation

/// Writes `manifest.json` byte by byte, in exactly the layout `JSONEncoder` gives with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` (a test holds the two equal).
///
/// A 10,000-page kit has over 40,000 outputs; `JSONEncoder` builds a tree of boxed values for
/// them first, which cost more time and memory than streaming the 10 MB to the file.
enum ManifestJSON {
    static func encode(_ entries: [BuildPlan.ManifestEntry]) -> Data {
        var data = Data()
        write(entries) { data.append(contentsOf: $0) }
        return data
    }

    /// The manifest in pieces of about 64 KiB, so a build can stream it to its file instead of
    /// holding all of it next to the whole kit.
    static func write(_ entries: [BuildPlan.ManifestEntry], to sink: ([UInt8]) throws -> Void) rethrows {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.pieceSize + 4096)
        bytes += "{\n  \"outputs\" : [".utf8
        if entries.isEmpty {
            bytes += "\n\n  ]\n}\n".utf8
            return try sink(bytes)
        }
        for (number, entry) in entries.enumerated() {
            bytes += (number == 0 ? "\n    {\n" : ",\n    {\n").utf8
            // Keys in sorted order; absent optionals are left out, as `Encodable` does. Appended
            // as UTF-8 views, not arrays of them: 40,000 entries made a million small arrays.
            var fields: [(String, String)] = [("format", entry.format)]
            if let group = entry.group { fields.append(("group", group)) }
            fields.append(("kind", entry.kind.rawValue))
            if let language = entry.language { fields.append(("language", language)) }
            fields.append(("path", entry.path))
            if let poster = entry.poster { fields.append(("poster", poster)) }
            fields.append(("source", entry.source))
            for (index, (key, value)) in fields.enumerated() {
                bytes += "      \"".utf8
                bytes += key.utf8
                bytes += "\" : ".utf8
                appendString(value, to: &bytes)
                if index < fields.count - 1 { bytes += ",\n".utf8 }
            }
            bytes += "\n    }".utf8
            if bytes.count >= Self.pieceSize {
                try sink(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        bytes += "\n  ]\n}\n".utf8
        try sink(bytes)
    }

    static let pieceSize = 1 << 16

    /// A JSON string literal: quotes, backslashes and control characters escaped, `/` and
    /// everything else as UTF-8.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += "\\u00".utf8
                bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
