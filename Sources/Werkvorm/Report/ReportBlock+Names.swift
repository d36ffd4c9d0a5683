extension ReportBlock {
    /// The block with every text that is a participant's id replaced by `placeholder`: what a
    /// projector shows of a step that does not show names.
    public func masking(_ names: Set<String>, with placeholder: BilingualText) -> ReportBlock {
        func mask(_ text: BilingualText) -> BilingualText {
            names.contains(text.nl) || names.contains(text.en) ? placeholder : text
        }
        switch self {
        case .heading(let text): return .heading(mask(text))
        case .paragraph(let text): return .paragraph(mask(text))
        case .list(let items): return .list(items.map(mask))
        case .table(let columns, let rows): return .table(columns: columns, rows: rows.map { $0.map(mask) })
        case .barChart(let title, let bars):
            return .barChart(title: title, bars: bars.map { Bar(label: mask($0.label), value: $0.value, highlight: $0.highlight) })
        case .twoColumns(let left, let right):
            return .twoColumns(left: Column(title: left.title, items: left.items.map(mask)), right: Column(title: right.title, items: right.items.map(mask)))
        case .positionMap(let left, let right, let points):
            return .positionMap(left: left, right: right, points: points.map { Point(x: $0.x, y: $0.y, label: mask($0.label), count: $0.count) })
        case .wordCloud(let words):
            return .wordCloud(words.filter { !names.contains($0.word) })
        }
    }
}
