import Diagnostics
import Foundation
import Rendering
import Site
import SiteModel
import Testing

/// Invitation e-mails: the `.eml` parsed back by a real MIME parser (Python's `email` package),
/// the QR image read by a real decoder, header values that cannot inject headers.
@Suite struct InvitationEmailTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Parses `eml` with Python's `email` package (the modern policy) and returns what it saw.
    static func parse(_ eml: Data) async throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString).eml")
        try eml.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import base64, email, email.policy, json, sys
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            parts = [p.get_content_type() for p in m.walk()]
            image = next(p for p in m.walk() if p.get_content_maintype() == 'image')
            print(json.dumps({
              'subject': str(m['Subject']), 'headers': list(m.keys()), 'type': m.get_content_type(),
              'start_type': m.get_param('type'), 'parts': parts, 'defects': [str(d) for p in m.walk() for d in p.defects],
              # Quoted-printable line breaks are CRLF, the canonical form; the files use LF.
              'text': m.get_body(('plain',)).get_content().replace('\\r\\n', '\\n'),
              'html': m.get_body(('html',)).get_content().replace('\\r\\n', '\\n'),
              'charsets': [p.get_content_charset() for p in m.walk() if p.get_content_maintype() == 'text'],
              'cid': image['Content-ID'], 'disposition': image.get_content_disposition(), 'filename': image.get_filename(),
              'image': base64.b64encode(image.get_content()).decode()}))
            """
        let run = try await TestProcess.run(python!, ["-c", script, file.path], timeout: 60)
        #expect(run.status == 0, "\(run.errors)")
        let data = run.stdout
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static let name = "Café – Ventes \"Nord\" =?UTF-8?B?eA==?= & <b>"
    static let files = [
        "adoptkit.yml": """
            site: {title: Guide, base_url: "https://adopt.fabrikam.com/"}
            organization: {name: Fabrikam, color: "#0F62AE"}
            support: {contact: IT desk}
            groups:
              - {name: '\(name)', invite_link: "https://kaiza.la/g/ventes-nord", description: "Les ventes du nord."}

            """,
        "Content/index.md": "---\ndescription: Home.\n---\n# Home\n",
    ]

    @Test(.enabled(if: python != nil, "python3 is not installed; the .eml is not parsed back"))
    func theMessageParsesBackWithItsParts() async throws {
        let result = try await TestSupport.render(files: Self.files)
        #expect(result.diagnostics.isEmpty, "\(TestSupport.summary(result.diagnostics))")
        let tree = try #require(result.tree)
        let slug = "cafe-ventes-nord-utf-8-b-ea-b"
        let eml = try #require(try tree["posters/\(slug)/invite-email.eml"]?.contents.data())
        let parsed = try await Self.parse(eml)
        #expect(parsed["defects"] as? [String] == [])
        #expect(parsed["subject"] as? String == "Join \(Self.name) on Kaizala")
        #expect(parsed["type"] as? String == "multipart/related")
        #expect(parsed["start_type"] as? String == "multipart/alternative")
        #expect(parsed["parts"] as? [String] == ["multipart/related", "multipart/alternative", "text/plain", "text/html", "image/png"])
        #expect(parsed["charsets"] as? [String] == ["utf-8", "utf-8"])
        #expect(Set(parsed["headers"] as? [String] ?? []) == ["MIME-Version", "Message-ID", "Subject", "X-Unsent", "Content-Type"])
        // The parts are the text and HTML files, the HTML pointing at the image part.
        let text = TestSupport.text(tree, "posters/\(slug)/invite-email.txt")
        #expect(parsed["text"] as? String == text)
        #expect(text.contains("Join \(Self.name) on Kaizala\n\nLes ventes du nord.\n"))
        let html = try #require(parsed["html"] as? String)
        #expect(parsed["cid"] as? String == "<invite-qr@adoptkit>" && html.contains("src=\"cid:invite-qr@adoptkit\""))
        #expect(parsed["disposition"] as? String == "inline" && parsed["filename"] as? String == "invite-qr.png")
        #expect(html.contains("Join Café – Ventes &quot;Nord&quot; =?UTF-8?B?eA==?= &amp; &lt;b&gt; on Kaizala"))
        let png = try #require(Data(base64Encoded: parsed["image"] as? String ?? ""))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // The standalone HTML file is the same HTML with the image embedded.
        let file = TestSupport.text(tree, "posters/\(slug)/invite-email.html")
        #expect(file == html.replacingOccurrences(of: "cid:invite-qr@adoptkit", with: "data:image/png;base64," + png.base64EncodedString()))
    }

    /// CRLF everywhere, short lines, no Date, a Message-ID from the content: the same kit
    /// writes the same bytes.
    @Test func theMessageIsWellFormedAndDeterministic() async throws {
        let first = try #require(try await TestSupport.render(files: Self.files).tree)
        let second = try #require(try await TestSupport.render(files: Self.files).tree)
        let path = "posters/cafe-ventes-nord-utf-8-b-ea-b/invite-email.eml"
        let eml = try #require(try first[path]?.contents.data())
        #expect(eml == (try second[path]?.contents.data()))
        let bytes = [UInt8](eml)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        }
        let text = String(decoding: eml, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.filter { $0.utf8.count > 78 })")
        #expect(bytes.allSatisfy { $0 < 0x80 }, "a message body is 7-bit after quoted-printable and base64")
        let headers = lines.prefix { !$0.isEmpty }
        #expect(!headers.contains { $0.hasPrefix("Date:") })
        #expect(headers.contains("X-Unsent: 1"))
        #expect(headers.contains { $0.hasPrefix("Message-ID: <") && $0.hasSuffix(".invite@adopt.fabrikam.com>") })
        // The subject is encoded words of whole characters, folded.
        #expect(headers.contains { $0.hasPrefix("Subject: =?UTF-8?B?") })
    }

    /// A subject with line breaks (from a kit's template) stays one header.
    @Test(.enabled(if: python != nil, "python3 is not installed; the .eml is not parsed back"))
    func noValueCanAddAHeader() async throws {
        let message = MIMEMessage(subject: "Hello\r\nBcc: victim@example.com\nX-Evil: 1", text: "a = b  \nlong " + String(repeating: "é", count: 100),
                                  html: "<p>x</p>", images: [.init(contentID: "a@b\r\nX: y", mediaType: "image/png", fileName: "q\".png", data: Data([1, 2, 3]))],
                                  domain: "example.com>\r\nBcc: x")
        let parsed = try await Self.parse(message.eml())
        #expect(parsed["defects"] as? [String] == [])
        #expect(Set(parsed["headers"] as? [String] ?? []) == ["MIME-Version", "Message-ID", "Subject", "X-Unsent", "Content-Type"])
        #expect(parsed["subject"] as? String == "Hello Bcc: victim@example.com X-Evil: 1")
        // Quoted-printable keeps trailing spaces, `=` and long lines exactly.
        #expect(parsed["text"] as? String == "a = b  \nlong " + String(repeating: "é", count: 100))
        #expect(parsed["cid"] as? String == "<a@bXy>" && parsed["filename"] as? String == "q.png")
    }

    @Test func quotedPrintableAndHeaderCorners() {
        #expect(MIMEEncoding.quotedPrintable("a=b \nc\t") == "a=3Db=20\r\nc=09")
        let long = MIMEEncoding.quotedPrintable(String(repeating: "x", count: 200))
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(long.replacingOccurrences(of: "=\r\n", with: "") == String(repeating: "x", count: 200))
        #expect(MIMEEncoding.header("Subject", "Join  Sales\ton Kaizala") == "Subject: Join Sales on Kaizala")
        // Non-ASCII, or text that reads like an encoded word, is encoded.
        #expect(MIMEEncoding.header("Subject", "Café") == "Subject: =?UTF-8?B?Q2Fmw6k=?=")
        #expect(MIMEEncoding.header("Subject", "=?x?") == "Subject: =?UTF-8?B?PT94Pw==?=")
    }

    /// The image is a real PNG of the invite link: a decoder that is not ours reads it back.
    @Test(.enabled(if: QRDecoder.zbarimg != nil, "zbarimg (zbar-tools) is not installed"))
    func theQRImageDecodesToTheInviteLink() async throws {
        let png = try #require(QRCode("https://kaiza.la/g/ventes-nord")).png()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        try png.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try await QRDecoder.decode(file: file) == "https://kaiza.la/g/ventes-nord")
    }

    /// Registered in the plan, linked from the share page, HTML with no external fetches.
    @Test func emailsAreInThePlanAndLinkedFromTheSharePage() async throws {
        let result = try await TestSupport.render(files: Self.files)
        let plan = try #require(result.plan)
        let emails = plan.outputs.filter { $0.kind == .email }
        #expect(emails.map(\.path) == ["eml", "html", "txt"].map { "posters/cafe-ventes-nord-utf-8-b-ea-b/invite-email.\($0)" })
        #expect(emails.map(\.format) == ["eml", "html", "txt"])
        #expect(emails.allSatisfy { $0.group == Self.name && $0.source == "(built-in)/email/invite.html.mustache" })
        #expect(emails[0].inputs.contains(.file("(built-in)/email/invite-subject.txt.mustache")))
        let share = TestSupport.text(result.tree, "posters/cafe-ventes-nord-utf-8-b-ea-b/share.html")
        #expect(share.contains("<a href=\"invite-email.eml\" download>"))
        let html = TestSupport.text(result.tree, "posters/cafe-ventes-nord-utf-8-b-ea-b/invite-email.html")
        #expect(!html.contains("<link") && !html.contains("<script") && !html.contains("<style"))
        let sources = html.matches(of: /src="([^"]*)"/).map { String($0.1) }
        #expect(sources.count == 1 && sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") })
    }

    @Test func aKitsEmailTemplateIsCheckedStrictly() async throws {
        let result = try await TestSupport.render(files: Self.files.merging([
            "Templates/email/invite-subject.txt.mustache": "Join {{group.nme}}\n",
            "Templates/email/invite.html.mustache": "<p style=\"{{group.name}}\">x</p>\n",
        ]) { $1 })
        #expect(TestSupport.summary(result.diagnostics) == ["template.unknown-name Templates/email/invite-subject.txt.mustache:1:6",
                                                           "template.unsafe-context Templates/email/invite.html.mustache:1:11"])
    }
}
