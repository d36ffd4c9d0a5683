import Foundation
import Werkvorm

/// Renders report blocks as plain text, Markdown or HTML with SVG pictures, in one language.
/// The output depends only on the blocks and the language: the same input gives the same bytes.
public struct ReportRenderer: Sendable {
    /// The language texts are picked in.
    public let language: Language

    /// A renderer that writes in `language`.
    public init(language: Language) {
        self.language = language
    }

    /// The blocks in `format`: text, Markdown, or a complete HTML document titled `title`.
    public func render(_ blocks: [ReportBlock], as format: ReportFormat, title: String) -> String {
        switch format {
        case .text: return text(blocks)
        case .md: return markdown(blocks)
        case .html: return htmlDocument(title: title, blocks: blocks)
        }
    }

    /// The text in the renderer's language.
    func pick(_ text: BilingualText) -> String {
        text.text(language)
    }

    /// One of two fixed texts, by the renderer's language.
    func say(nl: String, en: String) -> String {
        language == .nl ? nl : en
    }

    /// A number as the renderer's language writes it: 4.5 in English, 4,5 in Dutch.
    func number(_ value: Double) -> String {
        let text = ReportNumber.format(value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// What a chart or cloud without any data says.
    var noData: String { say(nl: "(geen gegevens)", en: "(no data)") }

    /// Words most frequent first, ties in the order of the words themselves.
    static func sorted(_ words: [ReportBlock.Word]) -> [ReportBlock.Word] {
        words.enumerated().sorted { first, second in
            if first.element.count != second.element.count { return first.element.count > second.element.count }
            if first.element.word != second.element.word {
                return Array(first.element.word.utf8).lexicographicallyPrecedes(second.element.word.utf8)
            }
            return first.offset < second.offset
        }.map(\.element)
    }

    /// Whether a table cell reads as a number, so its column can be aligned to the right.
    static func isNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 24 else { return false }
        let allowed = Set("0123456789.,-+% ")
        return trimmed.contains(where: \.isNumber) && trimmed.allSatisfy { allowed.contains($0) }
    }

    /// The length in cells of a bar for `value` when `largest` fills `space` cells; a positive value
    /// always gets at least one cell.
    static func barLength(_ value: Double, largest: Double, space: Int) -> Int {
        guard largest > 0, value > 0, value.isFinite else { return 0 }
        return min(space, max(1, Int((value / largest * Double(space)).rounded())))
    }
}
