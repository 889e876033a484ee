import Diagnostics

/// A group as read from `adoptkit.yml`'s list or a row of the groups file, before it is
/// compared with the others.
struct GroupCandidate {
    var name: String
    var nameLocation: SourceLocation
    /// Nil when missing or not a valid link (already reported); the name still counts for
    /// duplicates, so one run reports both problems.
    var inviteLink: String?
    var linkLocation: SourceLocation
    var description = ""
    var admins: [String] = []
    var posters: [String]?
    var postersLocation: SourceLocation?
    /// Where the entry (or row) starts.
    var location: SourceLocation
}

/// Takes groups in order, from the YAML list and then the groups file, and reports names,
/// poster folders and invite links that repeat across both.
struct GroupRoster {
    private(set) var groups: [Group] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var seenNames: [String: SourceLocation] = [:]
    private var seenSlugs: [String: (name: String, location: SourceLocation)] = [:]
    private var seenLinks: [String: Group] = [:]

    mutating func add(_ candidate: GroupCandidate) {
        let name = candidate.name
        let identity = Group.identity(name)
        let slug = Group.slug(for: name)
        if let first = seenNames[identity] {
            diagnostics.append(.error(.configDuplicateGroup, "group '\(name)' is listed twice", at: candidate.nameLocation,
                                      notes: ["first listed at \(Self.describe(first, from: candidate.location))"]))
            return
        }
        seenNames[identity] = candidate.location
        if let first = seenSlugs[slug] {
            diagnostics.append(.error(.configGroupFileCollision, "groups '\(first.name)' and '\(name)' would both write posters/\(slug)/; rename one",
                                      at: candidate.nameLocation, notes: ["first listed at \(Self.describe(first.location, from: candidate.location))"]))
            return
        }
        seenSlugs[slug] = (name, candidate.location)
        guard let link = candidate.inviteLink else { return }
        let group = Group(name: name, inviteLink: link, description: candidate.description, admins: candidate.admins,
                          posters: candidate.posters, postersLocation: candidate.postersLocation, location: candidate.location, slug: slug)
        var located = group
        located.inviteLinkLocation = candidate.linkLocation
        if let first = seenLinks[link] {
            diagnostics.append(.warning(.configDuplicateInviteLink, "group '\(name)' uses the same invite link as '\(first.name)'",
                                        at: candidate.linkLocation, notes: ["first used at \(Self.describe(first.location, from: candidate.location))"]))
        }
        seenLinks[link] = seenLinks[link] ?? located
        groups.append(located)
    }

    /// `line 12` in the same file, `groups.csv:12` in another.
    static func describe(_ first: SourceLocation, from here: SourceLocation) -> String {
        first.path == here.path ? "line \(first.line)" : "\(first.path):\(first.line)"
    }
}
