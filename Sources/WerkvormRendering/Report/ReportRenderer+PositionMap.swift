import Werkvorm

/// A rectangle in an SVG picture, for keeping labels apart.
struct SVGBox: Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    /// Whether the two rectangles share any area.
    func overlaps(_ other: SVGBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

extension ReportRenderer {
    /// Brandsma's polarisation map: a ground line from the left pole to the right pole with their
    /// names, a faint centre line, and a circle for each point sized by its count, the count inside
    /// and the label below (or above or beside it when something is in the way).
    func svgPositionMap(left: String, right: String, points: [ReportBlock.Point], arrows: [ReportBlock.Arrow] = []) -> String {
        let width = 640.0, plotLeft = 64.0, plotRight = 576.0, top = 52.0, ground = 300.0, axisY = 376.0
        let poleLines = [left, right].map { Self.svgLines($0, columns: 30, maxLines: 2) }
        let height = axisY + 34 + 18 * Double((poleLines.map(\.count).max() ?? 1) - 1)
        let most = max(1, points.map(\.count).max() ?? 1)
        func radius(_ count: Int) -> Double { count > 0 ? 12 + 22 * (Double(count) / Double(most)).squareRoot() : 9 }
        func place(_ point: ReportBlock.Point) -> (x: Double, y: Double) {
            let x = min(1, max(-1, point.x)), y = min(1, max(0, point.y))
            return (plotLeft + (x + 1) / 2 * (plotRight - plotLeft), ground - y * (ground - top))
        }
        let name = say(nl: "Positiekaart van \(left) naar \(right)", en: "Position map from \(left) to \(right)")
        let summary = name + (points.isEmpty ? "" : ": " + points.map { "\(pick($0.label)) \($0.count)" }.joined(separator: ", "))
        var svg = Self.svgOpen(width: width, height: height, summary: summary)
        let centre = ReportNumber.coordinate((plotLeft + plotRight) / 2), axis = ReportNumber.coordinate(axisY)
        svg += Self.svgElement("line", ["x1": centre, "y1": "12", "x2": centre, "y2": axis, "stroke": "#9aa3ad", "stroke-width": "1", "stroke-dasharray": "4 4"])
        svg += Self.svgElement("line", ["x1": "16", "y1": axis, "x2": "624", "y2": axis, "stroke": "#333", "stroke-width": "2"])
        svg += "<path d=\"M6 \(axis)l12 -6v12z M634 \(axis)l-12 -6v12z\" fill=\"#333\"/>\n"
        for (side, lines) in poleLines.enumerated() {
            let anchor = side == 0 ? "" : " text-anchor=\"end\""
            for (index, line) in lines.enumerated() {
                svg += Self.svgText(line, x: side == 0 ? 6 : width - 6, y: axisY + 24 + 18 * Double(index), "font-size=\"15\" font-weight=\"700\"\(anchor)")
            }
        }
        // Moves between rounds: arrows from place to place, under the circles, thicker for more people.
        if !arrows.isEmpty {
            svg +=
                "<defs><marker id=\"wv-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#b4531d\"/></marker></defs>\n"
        }
        func circleRadius(atX x: Double, y: Double) -> Double {
            points.first { abs($0.x - x) < 1e-9 && abs($0.y - y) < 1e-9 }.map { radius($0.count) } ?? 0
        }
        for arrow in arrows {
            let from = place(ReportBlock.Point(x: arrow.fromX, y: arrow.fromY, label: BilingualText(""))),
                to = place(ReportBlock.Point(x: arrow.toX, y: arrow.toY, label: BilingualText("")))
            let dx = to.x - from.x, dy = to.y - from.y, length = (dx * dx + dy * dy).squareRoot()
            guard length > 1 else { continue }
            let start = circleRadius(atX: arrow.fromX, y: arrow.fromY) + 2, end = circleRadius(atX: arrow.toX, y: arrow.toY) + 4
            guard length > start + end else { continue }
            let (ux, uy) = (dx / length, dy / length)
            svg += Self.svgElement(
                "line",
                [
                    "x1": ReportNumber.coordinate(from.x + ux * start), "y1": ReportNumber.coordinate(from.y + uy * start),
                    "x2": ReportNumber.coordinate(to.x - ux * end), "y2": ReportNumber.coordinate(to.y - uy * end),
                    "stroke": "#b4531d", "stroke-width": ReportNumber.coordinate(min(8, 1.5 + Double(arrow.count))), "stroke-opacity": "0.85",
                    "marker-end": "url(#wv-arrow)",
                ])
        }
        // Largest circles first, so smaller ones stay visible on top; counts above all circles.
        let drawing = points.enumerated().sorted { first, second in
            first.element.count != second.element.count ? first.element.count > second.element.count : first.offset < second.offset
        }.map(\.element)
        var obstacles: [SVGBox] = [SVGBox(minX: 0, minY: axisY - 4, maxX: width, maxY: height)]
        for point in drawing {
            let (x, y) = place(point)
            let r = radius(point.count)
            obstacles.append(SVGBox(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r))
            svg += Self.svgElement(
                "circle",
                [
                    "cx": ReportNumber.coordinate(x), "cy": ReportNumber.coordinate(y), "r": ReportNumber.coordinate(r),
                    "fill": "#e3ecf7", "fill-opacity": "0.92", "stroke": "#1d4f91", "stroke-width": "2",
                ])
        }
        for point in drawing {
            let (x, y) = place(point)
            let size = radius(point.count) >= 24 ? 17 : 15
            svg += Self.svgText(String(point.count), x: x, y: y + 5.5, "font-size=\"\(size)\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#10305a\"")
        }
        for point in drawing {
            let (x, y) = place(point)
            let lines = Self.svgLines(pick(point.label), columns: 22, maxLines: 2)
            let (anchor, labelX, firstBaseline, box) = Self.labelPlace(x: x, y: y, r: radius(point.count), lines: lines, width: width, bottom: axisY - 4, obstacles: obstacles)
            obstacles.append(box)
            for (index, line) in lines.enumerated() {
                svg += Self.svgText(
                    line, x: labelX, y: firstBaseline + 15 * Double(index),
                    "font-size=\"13\" text-anchor=\"\(anchor)\" stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"")
            }
        }
        return svg + "</svg>"
    }

    /// Where a point's label goes: below its circle, else above, right or left of it, whichever
    /// first keeps clear of the other circles and labels and stays inside the picture; below when
    /// none does. Gives the text anchor, x, the first baseline and the space taken.
    static func labelPlace(x: Double, y: Double, r: Double, lines: [String], width: Double, bottom: Double, obstacles: [SVGBox])
        -> (anchor: String, x: Double, baseline: Double, box: SVGBox)
    {
        let textWidth = Double(lines.map(TextLayout.width).max() ?? 0) * 7.4, textHeight = 15 * Double(lines.count)
        let centredX = min(width - textWidth / 2 - 4, max(textWidth / 2 + 4, x))
        let own = SVGBox(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
        let candidates: [(String, Double, Double, SVGBox)] = [
            (
                "middle", centredX, y + r + 16,
                SVGBox(minX: centredX - textWidth / 2, minY: y + r + 4, maxX: centredX + textWidth / 2, maxY: y + r + 4 + textHeight)
            ),
            (
                "middle", centredX, y - r - 8 - textHeight + 15,
                SVGBox(minX: centredX - textWidth / 2, minY: y - r - 4 - textHeight, maxX: centredX + textWidth / 2, maxY: y - r - 4)
            ),
            (
                "start", x + r + 6, y - textHeight / 2 + 11,
                SVGBox(minX: x + r + 4, minY: y - textHeight / 2, maxX: x + r + 6 + textWidth, maxY: y + textHeight / 2)
            ),
            (
                "end", x - r - 6, y - textHeight / 2 + 11,
                SVGBox(minX: x - r - 6 - textWidth, minY: y - textHeight / 2, maxX: x - r - 4, maxY: y + textHeight / 2)
            ),
        ]
        let fits = candidates.first { candidate in
            let box = candidate.3
            return box.minX >= 0 && box.maxX <= width && box.minY >= 0 && box.maxY <= bottom
                && !obstacles.contains { $0 != own && $0.overlaps(box) }
        }
        let chosen = fits ?? candidates[0]
        return (chosen.0, chosen.1, chosen.2, chosen.3)
    }
}
