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

    /// Horizontal bars in the order given: labels on the left (wrapped to three lines, then cut),
    /// bars scaled to the largest value, the value at the end of each bar; highlighted bars darker
    /// and their labels bold.
    func svgBarChart(title: String?, bars: [ReportBlock.Bar]) -> String {
        let width = 640.0, barX = 240.0, lineHeight = 17.0
        let columns = 29
        let values = bars.map { ReportNumber.format($0.value) }
        let valueSpace = 14 + 8.5 * Double(values.map(\.count).max() ?? 1)
        let barSpace = width - barX - valueSpace
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        let labels = bars.map { Self.svgLines(pick($0.label), columns: columns, maxLines: 3) }
        let heights = labels.map { max(32, Double($0.count) * lineHeight + 14) }
        let height = heights.reduce(8, +)
        let name = say(nl: "Staafdiagram", en: "Bar chart")
        let summary =
            (title.map { "\(name): \($0). " } ?? "\(name). ")
            + zip(bars, values).map { "\(pick($0.label)): \($1)" }.joined(separator: "; ")
        var svg = Self.svgOpen(width: width, height: height, summary: summary)
        var top = 4.0
        for (index, bar) in bars.enumerated() {
            let middle = top + heights[index] / 2
            let weight = bar.highlight ? "font-weight=\"700\"" : ""
            var baseline = middle - Double(labels[index].count - 1) * lineHeight / 2 + 5
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
        svg += Self.svgElement(
            "line",
            [
                "x1": ReportNumber.coordinate(barX), "y1": "2", "x2": ReportNumber.coordinate(barX),
                "y2": ReportNumber.coordinate(height - 2), "stroke": "#555", "stroke-width": "1",
            ])
        return svg + "</svg>"
    }
}
