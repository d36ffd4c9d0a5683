import Foundation
import Synchronization

extension ReportBlock {
    /// What stands where a participant's id would, in a step that does not show names:
    /// "een deelnemer".
    public static let namePlaceholder = BilingualText(nl: "een deelnemer", en: "a participant")

    /// The blocks with every participant's id replaced by `placeholder` wherever it stands as a
    /// word of its own (`An: Ik dacht...` becomes `een deelnemer: Ik dacht...`): what a
    /// projector shows of a step that does not show names.
    public static func masking(_ blocks: [ReportBlock], names: [String], with placeholder: BilingualText) -> [ReportBlock] {
        guard let pattern = NamePattern.matching(names) else { return blocks }
        func mask(_ text: String, _ replacement: String) -> String {
            pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
        }
        func mask(_ text: BilingualText) -> BilingualText {
            let nl = mask(text.nl, placeholder.nl)
            // a participant's own text is the same in both languages: masked once
            let en = text.en == text.nl && placeholder.en == placeholder.nl ? nl : mask(text.en, placeholder.en)
            return BilingualText(nl: nl, en: en)
        }
        let set = Set(names)
        return blocks.map { block in
            switch block {
            case .section(let text): return .section(mask(text))
            case .heading(let text): return .heading(mask(text))
            case .paragraph(let text): return .paragraph(mask(text))
            case .list(let items): return .list(items.map(mask))
            case .table(let columns, let rows): return .table(columns: columns, rows: rows.map { $0.map(mask) })
            case .barChart(let title, let bars):
                return .barChart(title: title, bars: bars.map { Bar(label: mask($0.label), value: $0.value, highlight: $0.highlight) })
            case .twoColumns(let left, let right):
                return .twoColumns(left: Column(title: left.title, items: left.items.map(mask)), right: Column(title: right.title, items: right.items.map(mask)))
            case .positionMap(let left, let right, let points, let arrows):
                return .positionMap(left: left, right: right, points: points.map { Point(x: $0.x, y: $0.y, label: mask($0.label), count: $0.count) }, arrows: arrows)
            case .wordCloud(let words):
                return .wordCloud(words.filter { !set.contains($0.word) })
            }
        }
    }
}

/// The expression that finds any of a session's names standing alone, kept while the names stay
/// the same: a live projector masks every update with it, and compiling it for a thousand
/// names costs more than using it.
enum NamePattern {
    private final class Compiled: @unchecked Sendable {  // immutable once made; NSRegularExpression is safe to share
        let names: [String]
        let pattern: NSRegularExpression

        init(names: [String], pattern: NSRegularExpression) {
            self.names = names
            self.pattern = pattern
        }
    }

    private static let last = Mutex<Compiled?>(nil)

    /// The expression for `names`, or nil when there are none.
    static func matching(_ names: [String]) -> NSRegularExpression? {
        if let kept = last.withLock({ $0 }), kept.names == names { return kept.pattern }
        let alternatives = names.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
        guard !alternatives.isEmpty,
            let pattern = try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}_-])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}_-])")
        else { return nil }
        last.withLock { $0 = Compiled(names: names, pattern: pattern) }
        return pattern
    }
}
