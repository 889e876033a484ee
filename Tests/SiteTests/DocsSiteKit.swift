import Foundation

/// A small kit without `index.md`, made for the docs site's features: accented French and
/// German text, a wide table, a long code line, a PNG screenshot, a logo and a brand colour too
/// light for text.
enum DocsSiteKit {
    /// A 1×1 PNG whose header says 640×360 (only the header is read for the size).
    static let png: Data = {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 0x02, 0x80, 0, 0, 0x01, 0x68, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes)
    }()

    static let files: [String: String] = [
        "adoptkit.yml": """
            site:
              title: Fabrikam guide
            organization:
              name: Fabrikam
              logo: brand/logo.svg
              color: "#FFB900"
            groups:
              - name: Fabrikam – Équipe Paris
                invite_link: https://kaiza.la/g/fabrikam-paris
            """,
        "brand/logo.svg": ##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="#FFB900"/></svg>"##,
        "Content/start/index.md": """
            ---
            title: Getting started
            description: Install the app and sign in on your phone.
            ---
            # Getting started

            Start here.

            ## Install the app

            Download it from the store.

            ## Sign in

            Use your work account.
            """,
        "Content/start/tables.md": """
            ---
            title: Who joins which group
            description: A wide table of groups.
            ---
            # Who joins which group

            | Group | New people join as | Admins | Region | Language | Retention | Notes about the group |
            |---|---|---|---|---|---|---|
            | Sales East | Members after approval by a regional lead | Ann, Bob | East | English | 365 days | Weekly announcements and the quarterly plan |
            | Sales West | Members after approval by a regional lead | Cid, Dee | West | English | 365 days | Weekly announcements and the quarterly plan |

            ![The group info screen](../media/screen.png)

            ![A second screenshot](../media/screen.png)

            - [x] Read the guide
            - [ ] Invite your team

            A code block with a line too long for a phone, which scrolls inside its box:

                Set-KaizalaGroupPolicy -Group "Sales East" -NewMembers ApprovalByRegionalLead -Retention 365 -Announcements Weekly
            """,
        "Content/equipes/index.md": """
            ---
            title: Réunions d'équipe
            description: Wie die Übersicht der Gruppen funktioniert.
            ---
            # Réunions d'équipe

            Les réunions ont lieu chaque lundi.

            ## Übersicht der Gruppen

            Jede Gruppe hat eine Verantwortliche. Straße und Größe sind Beispiele.
            """,
    ]

    /// Writes the kit, with its binary image, under `root`.
    static func write(under root: URL) throws {
        try TestSupport.write(files, under: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/media"), withIntermediateDirectories: true)
        try png.write(to: root.appendingPathComponent("Content/media/screen.png"))
    }
}
