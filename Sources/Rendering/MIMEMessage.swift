import Foundation

/// An e-mail ready to open and send: `multipart/related` holding a `multipart/alternative`
/// (plain text, then HTML) and the images the HTML shows through `cid:` links (RFC 2045–2047,
/// 2387, 2392, 5322). Written deterministically: no Date (the mail client sets it when the
/// message is sent), and the Message-ID and boundaries come from a hash of the content.
public struct MIMEMessage: Sendable {
    public struct InlineImage: Sendable {
        /// Without the angle brackets; the HTML refers to it as `cid:` + this.
        public var contentID: String
        public var mediaType: String
        public var fileName: String
        public var data: Data

        public init(contentID: String, mediaType: String, fileName: String, data: Data) {
            (self.contentID, self.mediaType, self.fileName, self.data) = (contentID, mediaType, fileName, data)
        }
    }

    public var subject: String
    public var text: String
    public var html: String
    public var images: [InlineImage]
    /// The right-hand side of the Message-ID (a host name).
    public var domain: String

    public init(subject: String, text: String, html: String, images: [InlineImage], domain: String) {
        (self.subject, self.text, self.html, self.images, self.domain) = (subject, text, html, images, domain)
    }

    /// The message in Internet format, CRLF line ends throughout. `X-Unsent: 1` makes Outlook
    /// open it as a draft to send; other clients read past it.
    public func eml() -> Data {
        let textPart = MIMEEncoding.quotedPrintable(text)
        let htmlPart = MIMEEncoding.quotedPrintable(html)
        let imageParts = images.map { MIMEEncoding.base64Lines($0.data) }
        var hash = MIMEEncoding.FNV()
        for part in [subject, textPart, htmlPart] + imageParts + images.map(\.contentID) { hash.add(part); hash.add("\u{0}") }
        let digest = hash.hex
        // `=_` can occur neither in quoted-printable nor in base64 text, so no body holds it.
        let related = "=_adoptkit_related_\(digest)", alternative = "=_adoptkit_alternative_\(digest)"
        var lines = [
            "MIME-Version: 1.0",
            "Message-ID: <\(digest).invite@\(MIMEEncoding.headerToken(domain))>",
            MIMEEncoding.header("Subject", subject),
            "X-Unsent: 1",
            "Content-Type: multipart/related; type=\"multipart/alternative\";\r\n boundary=\"\(related)\"",
            "",
            "This is a message in MIME format.",
            "--\(related)",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(alternative)\"",
            "",
            "--\(alternative)",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            textPart,
            "--\(alternative)",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            htmlPart,
            "--\(alternative)--",
        ]
        for (image, body) in zip(images, imageParts) {
            lines += [
                "--\(related)",
                "Content-Type: \(MIMEEncoding.headerToken(image.mediaType))",
                "Content-Transfer-Encoding: base64",
                "Content-ID: <\(MIMEEncoding.headerToken(image.contentID))>",
                "Content-Disposition: inline; filename=\"\(MIMEEncoding.headerToken(image.fileName))\"",
                "",
                body,
            ]
        }
        lines.append("--\(related)--")
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}

/// The encodings a message needs, each producing CRLF line ends.
public enum MIMEEncoding {
    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text: lines end in CRLF, none longer than 76
    /// characters (soft breaks `=`), spaces before a line end and every byte outside printable
    /// ASCII encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 11 / 10 + 16)
        // Lines end at CR LF, LF or a lone CR; each is written with CR LF.
        var lines: [ArraySlice<UInt8>] = []
        let all = Array(text.utf8)
        var start = 0, index = 0
        while index < all.count {
            if all[index] == 0x0A || all[index] == 0x0D {
                lines.append(all[start..<index])
                index += all[index] == 0x0D && index + 1 < all.count && all[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(all[start...])
        for (number, line) in lines.enumerated() {
            var length = 0
            for (offset, byte) in zip(line.indices, line) {
                let isLast = offset == line.endIndex - 1
                let literal = ((byte == 0x20 || byte == 0x09) && !isLast) || (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                let width = literal ? 1 : 3
                // 76 characters at most, the soft break's `=` included.
                if length + width > (isLast ? 76 : 75) {
                    out += [UInt8(ascii: "="), 0x0D, 0x0A]
                    length = 0
                }
                if literal { out.append(byte) } else { out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] }
                length += width
            }
            if number < lines.count - 1 { out += [0x0D, 0x0A] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters.
    public static func base64Lines(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// `Name: value` for unstructured text such as a subject. Line breaks and other control
    /// characters become spaces, so no value can start a header of its own. ASCII text stays
    /// readable; anything else, or text that looks like an encoded word, becomes RFC 2047
    /// encoded words of whole characters, folded onto lines of their own.
    public static func header(_ name: String, _ value: String) -> String {
        let flat = value.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : String($0) }
            .joined().split(whereSeparator: { $0 == " " }).joined(separator: " ")
        let plain = flat.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !flat.contains("=?")
        if plain, name.count + 2 + flat.count <= 78 { return "\(name): \(flat)" }
        var words: [String] = []
        var chunk = ""
        for character in flat {
            // 36 bytes of UTF-8 make 48 base64 characters: 60 with the `=?UTF-8?B?…?=` around
            // them, so even the first line, after `Subject: `, stays within 78.
            if chunk.utf8.count + character.utf8.count > 36 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(chunk) }
        return "\(name): " + words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// A value placed inside a header that adoptkit builds (ids, media types, file names): only
    /// letters, digits and `.-_+/@`, everything else dropped.
    static func headerToken(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_+/@".unicodeScalars.contains($0)) }
            .map(Character.init))
    }

    /// 64-bit FNV-1a: a stable hash for ids, not for secrecy.
    struct FNV {
        private var value: UInt64 = 0xCBF2_9CE4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }
}
