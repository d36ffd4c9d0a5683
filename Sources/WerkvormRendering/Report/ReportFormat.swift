import Werkvorm

/// The formats a report can be rendered in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal, 80 columns wide.
    case text
    /// GitHub-flavoured Markdown.
    case md
    /// A self-contained HTML document with SVG pictures.
    case html
}
