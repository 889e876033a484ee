import Markdown

/// Small inline SVG icons for alerts (no icon font, no external fetch). `aria-hidden` because
/// the label next to the icon says the same.
enum AlertIcons {
    static func svg(_ kind: AlertKind) -> String {
        let path: String
        switch kind {
        case .note: path = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm1 8H7V7h2v5z"
        case .tip: path = "M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9zM6 13h4v1a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-1z"
        case .important: path = "M3 1h10a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H7l-4 3v-3a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1zm4 2v5h2V3H7zm0 6v2h2V9H7z"
        case .caution: path = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM7 4h2v5H7V4zm0 6h2v2H7v-2z"
        case .warning: path = "M8 1l7.5 13h-15L8 1zM7 6v4h2V6H7zm0 5v2h2v-2H7z"
        }
        return "<svg class=\"alert-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\"><path fill=\"currentColor\" d=\"\(path)\"/></svg>"
    }
}
