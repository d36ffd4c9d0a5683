import Werkvorm

extension ReportRenderer {
    /// The fonts SVG text is set in: the system's own, nothing loaded.
    static let svgFonts = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"

    /// The opening tag of an inline SVG picture `width` × `height`, described by `summary`.
    static func svgOpen(width: Double, height: Double, summary: String) -> String {
        let size = "width=\"\(ReportNumber.coordinate(width))\" height=\"\(ReportNumber.coordinate(height))\""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wv-svg\" viewBox=\"0 0 \(ReportNumber.coordinate(width)) \(ReportNumber.coordinate(height))\" \(size)"
            + " role=\"img\" aria-label=\"\(html(summary))\" font-family=\"\(svgFonts)\" font-size=\"14\" fill=\"#1a1a1a\">\n"
            + "<title>\(html(summary))</title>\n"
    }

    /// An empty SVG element with `attributes` in the order given, values escaped.
    static func svgElement(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<\(name)" + attributes.map { " \($0.key)=\"\(html($0.value))\"" }.joined() + "/>\n"
    }

    /// A text element at (`x`, `y`) with `attributes` already formatted.
    static func svgText(_ text: String, x: Double, y: Double, _ attributes: String = "") -> String {
        "<text x=\"\(ReportNumber.coordinate(x))\" y=\"\(ReportNumber.coordinate(y))\"\(attributes.isEmpty ? "" : " " + attributes)>\(html(text))</text>\n"
    }

    /// `text` in at most `maxLines` lines of `columns` columns, the last one cut with "…".
    static func svgLines(_ text: String, columns: Int, maxLines: Int) -> [String] {
        let lines = TextLayout.wrap(TextLayout.clean(text), width: columns)
        guard lines.count > maxLines else { return lines }
        let rest = lines.dropFirst(maxLines - 1).joined(separator: " ")
        return Array(lines.prefix(maxLines - 1)) + [TextLayout.truncate(rest, to: columns)]
    }

    /// Horizontal bars in the order given, bars scaled to the largest value, the value at the end
    /// of each bar; highlighted bars darker and their labels bold. Labels are whole: on the left
    /// when each fits in three short lines, else above their bar across the whole width. A long
    /// chart is drawn as pictures of at most ``barsPerPicture`` bars, so that a printed page
    /// breaks between bars, never through a label.
    func svgBarChart(title: String?, bars: [ReportBlock.Bar]) -> String {
        let width = 640.0, lineHeight = 17.0
        let values = bars.map { number($0.value) }
        let valueSpace = 14 + 8.5 * Double(values.map(\.count).max() ?? 1)
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        let beside = bars.map { TextLayout.wrap(TextLayout.clean(pick($0.label)), width: 29) }
        let labelsBeside = beside.allSatisfy { $0.count <= 3 }
        let barX = labelsBeside ? 240.0 : 0
        let barSpace = width - barX - valueSpace
        let labels = labelsBeside ? beside : bars.map { TextLayout.wrap(TextLayout.clean(pick($0.label)), width: 74) }
        // beside: the label centred on its bar; above: the label's lines, then the bar
        let heights = labels.map { labelsBeside ? max(32, Double($0.count) * lineHeight + 14) : Double($0.count) * lineHeight + 34 }
        let name = say(nl: "Staafdiagram", en: "Bar chart")
        var pictures: [String] = []
        for start in stride(from: 0, to: bars.count, by: Self.barsPerPicture) {
            let range = start..<min(start + Self.barsPerPicture, bars.count)
            let summary =
                (title.map { "\(name): \($0). " } ?? "\(name). ")
                + range.map { "\(pick(bars[$0].label)): \(values[$0])" }.joined(separator: "; ")
            let height = range.reduce(8) { $0 + heights[$1] }
            var svg = Self.svgOpen(width: width, height: height, summary: summary)
            var top = 4.0
            for index in range {
                let bar = bars[index]
                let weight = bar.highlight ? "font-weight=\"700\"" : ""
                let middle: Double
                var baseline: Double
                if labelsBeside {
                    middle = top + heights[index] / 2
                    baseline = middle - Double(labels[index].count - 1) * lineHeight / 2 + 5
                } else {
                    middle = top + Double(labels[index].count) * lineHeight + 15
                    baseline = top + lineHeight - 3
                }
                for line in labels[index] {
                    svg += Self.svgText(line, x: 0, y: baseline, weight)
                    baseline += lineHeight
                }
                var length = 0.0
                if largest > 0, bar.value > 0, bar.value.isFinite { length = max(2, bar.value / largest * barSpace) }
                let colour = bar.highlight ? "#1d4f91" : "#8fb0d8"
                svg += Self.svgElement(
                    "rect",
                    [
                        "x": ReportNumber.coordinate(barX), "y": ReportNumber.coordinate(middle - 11),
                        "width": ReportNumber.coordinate(length), "height": "22", "rx": "2", "fill": colour,
                    ])
                svg += Self.svgText(values[index], x: barX + length + 6, y: middle + 5, weight)
                top += heights[index]
            }
            if labelsBeside {
                svg += Self.svgElement(
                    "line",
                    [
                        "x1": ReportNumber.coordinate(barX), "y1": "2", "x2": ReportNumber.coordinate(barX),
                        "y2": ReportNumber.coordinate(height - 2), "stroke": "#555", "stroke-width": "1",
                    ])
            }
            pictures.append(svg + "</svg>")
        }
        return pictures.joined(separator: "\n")
    }

    /// The most bars in one picture of a bar chart.
    static let barsPerPicture = 8
}
