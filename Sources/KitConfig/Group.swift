import Diagnostics
import Foundation
import Yams

/// A chat group from `adoptkit.yml`: what its posters and share texts are made from.
public struct Group: Sendable, Hashable {
    /// Exactly as written in `adoptkit.yml`.
    public var name: String
    public var inviteLink: String
    public var description: String
    public var admins: [String]
    /// The per-group posters it wants; nil means all of them.
    public var posters: [String]?
    public var postersLocation: SourceLocation?
    /// Where the group's entry starts, for diagnostics about it.
    public var location: SourceLocation
    /// Where `invite_link` is written (the entry's start when unknown).
    public var inviteLinkLocation: SourceLocation?
    /// File-name form of the name (`Contoso – Sales (East)` → `contoso-sales-east`).
    public var slug: String

    public init(name: String, inviteLink: String, description: String = "", admins: [String] = [], posters: [String]? = nil,
                postersLocation: SourceLocation? = nil, location: SourceLocation, slug: String? = nil) {
        self.name = name
        self.inviteLink = inviteLink
        self.description = description
        self.admins = admins
        self.posters = posters
        self.postersLocation = postersLocation
        self.location = location
        self.slug = slug ?? Self.slug(for: name)
    }

    /// Lowercase ASCII letters and digits joined by single hyphens; accents are folded so
    /// `Café` and `Cafe` share a slug (and are reported as colliding).
    public static func slug(for name: String) -> String {
        let folded = name.applyingTransform(.stripDiacritics, reverse: false) ?? name
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { return "group-" + stableHash(name) }
        // File names have a limit (255 bytes); a long name keeps a readable start and a hash.
        guard slug.utf8.count > maximumSlugLength else { return slug }
        let start = slug.prefix(maximumSlugLength - 9).reversed().drop { $0 == "-" }.reversed()
        return String(start) + "-" + stableHash(name)
    }

    /// Longest folder name a group gets, well under any file system's name limit.
    public static let maximumSlugLength = 64

    /// Eight hex digits of FNV-1a over the UTF-8 bytes: the same name always gives the same
    /// folder, different names (almost always) different ones.
    public static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.precomposedStringWithCanonicalMapping.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The name compared for duplicates: trimmed and in Unicode canonical composition (NFC).
    public static func identity(_ name: String) -> String {
        name.trimmingWhitespace().precomposedStringWithCanonicalMapping
    }
}

/// The `groups:` list of `adoptkit.yml`.
enum GroupsDecoder {
    static func candidates(_ node: Node, reader: inout ConfigReader) -> [GroupCandidate] {
        guard case .sequence(let entries) = node else {
            reader.error(.configType, "'groups' must be a list of groups (lines starting with '- '), not \(ConfigReader.describe(node))", at: node)
            return []
        }
        var candidates: [GroupCandidate] = []
        for entry in entries {
            guard let fields = reader.mapping(entry, named: "groups entry", allowed: ["name", "invite_link", "description", "admins", "posters"]) else { continue }
            // The name is checked (and remembered) even when the link is bad, so one run
            // reports both problems.
            guard let name = reader.text(fields["name"], named: "name", required: true, in: entry) else {
                _ = reader.httpsURL(fields["invite_link"], named: "invite_link", required: true, in: entry)
                continue
            }
            if name.trimmingSpaces().isEmpty {
                reader.error(.configType, "a group's 'name' must not be empty", at: fields["name"] ?? entry)
                continue
            }
            let link = reader.httpsURL(fields["invite_link"], named: "invite_link", required: true, in: entry)
            let location = reader.location(entry)
            candidates.append(GroupCandidate(
                name: name, nameLocation: reader.location(fields["name"] ?? entry), inviteLink: link,
                linkLocation: reader.location(fields["invite_link"] ?? entry),
                description: reader.text(fields["description"], named: "description", multiline: true)?
                    .trimmingWhitespace() ?? "",
                admins: reader.textList(fields["admins"], named: "admins") ?? [],
                posters: reader.textList(fields["posters"], named: "posters"),
                postersLocation: fields["posters"].map(reader.location), location: location))
        }
        return candidates
    }
}
