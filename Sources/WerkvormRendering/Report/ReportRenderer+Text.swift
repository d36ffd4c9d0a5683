import Werkvorm

extension ReportRenderer {
    /// The width of plain text output, in columns.
    static let textWidth = 80

    /// The blocks as plain text for an 80-column terminal, blocks separated by a blank line.
    public func text(_ blocks: [ReportBlock]) -> String {
        let sectioned = blocks.contains(where: \.isSection)
        let parts = blocks.map { textLines($0, sectioned: sectioned) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return "" }
        return parts.map { $0.map(TextLayout.trimTrailing).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// One block as lines of text. In a document with sections, an exercise's headings are
    /// underlined less than the sections.
    func textLines(_ block: ReportBlock, sectioned: Bool = false) -> [String] {
        switch block {
        case .section(let text):
            return underlined(plain(text), with: "=")
        case .heading(let text):
            return underlined(plain(text), with: sectioned ? "-" : "=")
        case .paragraph(let text):
            let paragraph = TextLayout.clean(pick(text), keepLineBreaks: true)
            return paragraph.isEmpty ? [] : TextLayout.wrap(paragraph, width: Self.textWidth)
        case .list(let items):
            return items.flatMap { bulleted(plain($0)) }
        case .table(let columns, let rows):
            return textTable(columns: columns, rows: rows)
        case .barChart(let title, let bars):
            return textBarChart(title: title, bars: bars)
        case .twoColumns(let left, let right):
            return textColumn(left) + [""] + textColumn(right)
        case .positionMap(let left, let right, let points, _):
            return textPositionMap(left: left, right: right, points: points)
        case .wordCloud(let words):
            guard !words.isEmpty else { return [noData] }
            return Self.sorted(words).flatMap { word in
                TextLayout.wrap("\(TextLayout.clean(word.word)) (\(word.count))", width: Self.textWidth)
            }
        }
    }

    /// The text in the renderer's language on one line, without control characters.
    func plain(_ text: BilingualText) -> String {
        TextLayout.clean(pick(text))
    }

    /// A title wrapped to the width and underlined with `mark`; nothing for an empty title.
    func underlined(_ title: String, with mark: String) -> [String] {
        guard !title.isEmpty else { return [] }
        let lines = TextLayout.wrap(title, width: Self.textWidth)
        let width = lines.map(TextLayout.width).max() ?? 0
        return lines + [String(repeating: mark, count: width)]
    }

    /// A list item: "- " before the first line, the next lines indented to match.
    func bulleted(_ item: String) -> [String] {
        TextLayout.wrap(item, width: Self.textWidth - 2).enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }
    }

    /// A column of a two-column block: its title underlined, then its items.
    func textColumn(_ column: ReportBlock.Column) -> [String] {
        let items = column.items.flatMap { bulleted(plain($0)) }
        return underlined(plain(column.title), with: "-") + (items.isEmpty ? [say(nl: "(niets)", en: "(none)")] : items)
    }

    /// A table as aligned columns two spaces apart, numbers to the right. When the table is wider
    /// than the page, the widest columns are narrowed and their cells wrapped.
    func textTable(columns: [BilingualText], rows: [[BilingualText]]) -> [String] {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return [] }
        let header = (0..<count).map { $0 < columns.count ? plain(columns[$0]) : "" }
        let body = rows.map { row in (0..<count).map { $0 < row.count ? plain(row[$0]) : "" } }
        let numeric = (0..<count).map { column in
            body.contains { Self.isNumber($0[column]) } && body.allSatisfy { $0[column].isEmpty || Self.isNumber($0[column]) }
        }
        var widths = (0..<count).map { column in
            max(1, ([header[column]] + body.map { $0[column] }).map(TextLayout.width).max() ?? 0)
        }
        let available = Self.textWidth - 2 * (count - 1)
        let narrowest = widths.map { min($0, 10) }
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.filter({ widths[$0] > narrowest[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { TextLayout.wrap($0.element, width: widths[$0.offset]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                wrapped.enumerated().map { column, cell in
                    TextLayout.pad(line < cell.count ? cell[line] : "", to: widths[column], alignRight: numeric[column])
                }.joined(separator: "  ")
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return lines(header) + [rule] + body.flatMap(lines)
    }

    /// A bar chart: the label (at most 40 columns), a bar of "█" scaled to the largest value and
    /// the value after it; highlighted bars are marked with "*" in front.
    func textBarChart(title: BilingualText?, bars: [ReportBlock.Bar]) -> [String] {
        let heading = title.map { underlined(plain($0), with: "-") } ?? []
        guard !bars.isEmpty else { return heading + [noData] }
        let marked = bars.contains(where: \.highlight)
        let labels = bars.map { TextLayout.truncate(plain($0.label), to: 40) }
        let labelWidth = labels.map(TextLayout.width).max() ?? 0
        let values = bars.map { number($0.value) }
        let valueWidth = values.map(TextLayout.width).max() ?? 0
        let space = max(10, Self.textWidth - (marked ? 2 : 0) - labelWidth - 2 - valueWidth)
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        return heading
            + bars.enumerated().map { index, bar in
                let mark = marked ? (bar.highlight ? "* " : "  ") : ""
                let length = Self.barLength(bar.value, largest: largest, space: space)
                return mark + TextLayout.pad(labels[index], to: labelWidth) + " " + String(repeating: "█", count: length) + " " + values[index]
            }
    }

    /// The position map as a grid of 61 × 11 cells: the left pole at the left end of the ground
    /// line, the right pole at its right end (below it when the names are long), each point's count
    /// at its place, then a legend.
    func textPositionMap(left: BilingualText, right: BilingualText, points: [ReportBlock.Point]) -> [String] {
        let columns = 61, rows = 11, centre = 30
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: rows)
        var taken = Array(repeating: Array(repeating: false, count: columns), count: rows)
        for row in 0..<rows { grid[row][centre] = "┊" }
        for point in points {
            let count = Array(String(point.count))
            let column = Int(((min(1, max(-1, point.x)) + 1) / 2 * Double(columns - 1)).rounded())
            let row = Int(((1 - min(1, max(0, point.y))) * Double(rows - 1)).rounded())
            let start = min(columns - count.count, max(0, column - (count.count - 1) / 2))
            guard let (freeRow, freeStart) = Self.freeSpot(in: taken, row: row, start: start, length: count.count) else { continue }
            for (offset, digit) in count.enumerated() {
                grid[freeRow][freeStart + offset] = digit
                taken[freeRow][freeStart + offset] = true
            }
        }
        let leftPole = plain(left), rightPole = plain(right)
        let axis = "├" + String(repeating: "─", count: centre - 1) + "┼" + String(repeating: "─", count: centre - 1) + "┤"
        var lines: [String]
        if TextLayout.width(leftPole) + TextLayout.width(rightPole) + 2 + columns <= Self.textWidth {
            let indent = String(repeating: " ", count: TextLayout.width(leftPole) + 1)
            lines = grid.map { indent + String($0) } + [leftPole + " " + axis + " " + rightPole]
        } else if TextLayout.width(leftPole) + TextLayout.width(rightPole) + 1 <= columns {
            lines = grid.map { String($0) } + [axis, TextLayout.pad(leftPole, to: columns - TextLayout.width(rightPole)) + rightPole]
        } else {
            let rightName = TextLayout.truncate(rightPole, to: Self.textWidth - 2) + " →"
            lines =
                grid.map { String($0) } + [
                    axis, "← " + TextLayout.truncate(leftPole, to: Self.textWidth - 2),
                    TextLayout.pad(rightName, to: max(columns, TextLayout.width(rightName)), alignRight: true),
                ]
        }
        let legend = points.flatMap { TextLayout.wrap("\(plain($0.label)): \($0.count)", width: Self.textWidth) }
        return lines + (legend.isEmpty ? [] : [""] + legend)
    }

    /// The nearest place to (`row`, `start`) where `length` cells are free with a free cell on each
    /// side: a step up or down counts as three steps sideways. Nil when nothing is free nearby.
    static func freeSpot(in taken: [[Bool]], row: Int, start: Int, length: Int) -> (Int, Int)? {
        let rows = taken.count, columns = taken.first?.count ?? 0
        let order = [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8]
        let candidates = order.flatMap { rowShift in order.map { (rowShift, $0) } }
            .enumerated()
            .sorted { first, second in
                let firstCost = 3 * abs(first.element.0) + abs(first.element.1)
                let secondCost = 3 * abs(second.element.0) + abs(second.element.1)
                return firstCost != secondCost ? firstCost < secondCost : first.offset < second.offset
            }
        for (_, (rowShift, shift)) in candidates {
            let candidateRow = row + rowShift, first = start + shift
            guard candidateRow >= 0, candidateRow < rows, first >= 0, first + length <= columns else { continue }
            let around = max(0, first - 1)..<min(columns, first + length + 1)
            if !around.contains(where: { taken[candidateRow][$0] }) { return (candidateRow, first) }
        }
        return nil
    }
}
