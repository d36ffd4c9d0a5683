import Werkvorm

extension ReportRenderer {
    /// The blocks as GitHub-flavoured Markdown, blocks separated by a blank line.
    public func markdown(_ blocks: [ReportBlock]) -> String {
        let sectioned = blocks.contains(where: \.isSection)
        let parts = blocks.map { markdownBlock($0, sectioned: sectioned) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return "" }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One block as Markdown; empty when there is nothing to show. In a document with sections,
    /// an exercise's headings stand a level below them.
    func markdownBlock(_ block: ReportBlock, sectioned: Bool = false) -> String {
        switch block {
        case .section(let text):
            let heading = Self.markdownLine(pick(text))
            return heading.isEmpty ? "" : "## " + heading
        case .heading(let text):
            let heading = Self.markdownLine(pick(text))
            return heading.isEmpty ? "" : (sectioned ? "### " : "## ") + heading
        case .paragraph(let text):
            return Self.markdownParagraph(pick(text))
        case .list(let items):
            return items.map { "- " + Self.markdownLine(pick($0)) }.joined(separator: "\n")
        case .table(let columns, let rows):
            let count = max(columns.count, rows.map(\.count).max() ?? 0)
            guard count > 0 else { return "" }
            let header = (0..<count).map { $0 < columns.count ? pick(columns[$0]) : "" }
            let body = rows.map { row in (0..<count).map { $0 < row.count ? pick(row[$0]) : "" } }
            let numeric = (0..<count).map { column in
                body.contains { Self.isNumber($0[column]) } && body.allSatisfy { $0[column].isEmpty || Self.isNumber($0[column]) }
            }
            return Self.markdownTable(header: header, rows: body, alignRight: numeric)
        case .barChart(let title, let bars):
            return markdownBarChart(title: title, bars: bars)
        case .twoColumns(let left, let right):
            let height = max(left.items.count, right.items.count)
            let rows = (0..<height).map { row in
                [left, right].map { row < $0.items.count ? pick($0.items[row]) : "" }
            }
            return Self.markdownTable(header: [pick(left.title), pick(right.title)], rows: rows, alignRight: [false, false])
        case .positionMap(let left, let right, let points, _):
            let poles = say(
                nl: "Van **\(Self.markdownLine(pick(left)))** (x = -1) naar **\(Self.markdownLine(pick(right)))** (x = 1).",
                en: "From **\(Self.markdownLine(pick(left)))** (x = -1) to **\(Self.markdownLine(pick(right)))** (x = 1).")
            guard !points.isEmpty else { return poles }
            let header = [say(nl: "Positie", en: "Position"), "x", say(nl: "y (hoogte)", en: "y (height)"), say(nl: "Aantal", en: "Count")]
            let rows = points.map { [pick($0.label), number($0.x), number($0.y), String($0.count)] }
            return poles + "\n\n" + Self.markdownTable(header: header, rows: rows, alignRight: [false, true, true, true])
        case .wordCloud(let words):
            guard !words.isEmpty else { return Self.markdownLine(noData) }
            return Self.sorted(words).map { "- \(Self.markdownLine($0.word)) (\($0.count))" }.joined(separator: "\n")
        }
    }

    /// A bar chart as a table of label, value and a bar of up to 20 "█"; highlighted labels in bold.
    func markdownBarChart(title: BilingualText?, bars: [ReportBlock.Bar]) -> String {
        let heading = title.map { Self.markdownLine(pick($0)) }.flatMap { $0.isEmpty ? nil : "**\($0)**" }
        guard !bars.isEmpty else { return [heading, Self.markdownLine(noData)].compactMap { $0 }.joined(separator: "\n\n") }
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        let rows = bars.map { bar in
            let label = Self.markdownCell(pick(bar.label))
            return [
                bar.highlight && !label.isEmpty ? "**\(label)**" : label,
                number(bar.value),
                String(repeating: "█", count: Self.barLength(bar.value, largest: largest, space: 20)),
            ]
        }
        let header = [say(nl: "Onderdeel", en: "Item"), say(nl: "Waarde", en: "Value"), ""].map(Self.markdownCell)
        let table = Self.markdownRows(header: header, rows: rows, alignRight: [false, true, false])
        return [heading, table].compactMap { $0 }.joined(separator: "\n\n")
    }

    /// A table of plain texts, escaped for Markdown.
    static func markdownTable(header: [String], rows: [[String]], alignRight: [Bool]) -> String {
        markdownRows(header: header.map(markdownCell), rows: rows.map { $0.map(markdownCell) }, alignRight: alignRight)
    }

    /// A table of cells already escaped.
    static func markdownRows(header: [String], rows: [[String]], alignRight: [Bool]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.joined(separator: " | ") + " |"
        }
        let rule = "|" + alignRight.map { $0 ? " ---: |" : " --- |" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Text for a table cell: escaped, `|` included, line breaks as `<br>`.
    static func markdownCell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { markdownLine(String($0), blockStart: false) }
            .joined(separator: "<br>")
    }

    /// A paragraph: each line escaped, line breaks kept as hard breaks, blank lines as breaks between
    /// paragraphs.
    static func markdownParagraph(_ text: String) -> String {
        let lines = TextLayout.clean(text, keepLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false).map { markdownLine(String($0)) }
        var result = ""
        for (index, line) in lines.enumerated() {
            result += line
            guard index + 1 < lines.count else { break }
            result += !line.isEmpty && !lines[index + 1].isEmpty ? "\\\n" : "\n"
        }
        while result.hasSuffix("\n") { result.removeLast() }
        while result.hasPrefix("\n") { result.removeFirst() }
        return result
    }

    /// One line of text with everything escaped that Markdown would read as inline markup; with
    /// `blockStart`, also what would start a list, quote, heading or rule at the start of a line.
    /// Leading spaces are dropped.
    public static func markdownLine(_ text: String, blockStart: Bool = true) -> String {
        let line = TextLayout.clean(text).drop { $0 == " " }
        var result = ""
        var previous: Character = " "
        for character in line {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                result += "\\" + String(character)
            case "#" where previous == " ":
                result += "\\#"
            default:
                result.append(character)
            }
            previous = character
        }
        result = TextLayout.trimTrailing(result)
        guard blockStart, let first = result.first else { return result }
        let second = result.dropFirst().first
        if "-+".contains(first) && (second == nil || second == " ") || result.allSatisfy({ $0 == "=" || $0 == "-" || $0 == " " }) {
            return "\\" + result
        }
        let digits = result.prefix { $0.isASCII && $0.isNumber }
        let rest = result.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
            result.insert("\\", at: result.index(result.startIndex, offsetBy: digits.count))
        }
        return result
    }
}
