import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormRendering

/// Report blocks read from an exercise's report, whose data may come from a damaged record.
@Suite struct ReportBlockTests {
    @Test(arguments: [1e19, -1e20, -1, 2.5])
    func aWordCountThatIsNotACountIsAProblem(count: Double) {
        let block: LuaValue = ["type": "word_cloud", "words": [["word": "ja", "count": .double(count)]]]
        #expect(throws: Problem(field: "report[1].words[1].count", "must be a whole number from 0 to 1000000000; found \(LuaValue.double(count).excerpt)")) {
            try ReportBlock(block, at: ValuePath("report").appending(index: 1))
        }
    }

    @Test func aPointCountThatIsTooLargeIsAProblemAndAMissingOneIsOne() throws {
        func map(_ point: LuaValue) -> LuaValue { ["type": "position_map", "left": "links", "right": "rechts", "points": [point]] }
        #expect(throws: Problem(field: "report[1].points[1].count", "must be a whole number from 0 to 1000000000; found 1e+20")) {
            try ReportBlock(map(["x": 0, "y": 0.5, "label": "A", "count": 1e20]), at: ValuePath("report").appending(index: 1))
        }
        let block = try ReportBlock(map(["x": 0, "y": 0.5, "label": "A"]), at: ValuePath("report").appending(index: 1))
        guard case .positionMap(_, _, let points, let arrows) = block else {
            Issue.record("not a map")
            return
        }
        #expect(points.map(\.count) == [1])
        #expect(arrows.isEmpty)
    }

    @Test func aMapsArrowsAreReadCheckedAndDrawnUnderTheCircles() throws {
        func map(_ arrow: LuaValue) -> LuaValue {
            [
                "type": "position_map", "left": "links", "right": "rechts",
                "points": [["x": -0.5, "y": 0.5, "label": "Joiner", "count": 1], ["x": 0, "y": 0.1, "label": "Midden", "count": 3]], "arrows": [arrow],
            ]
        }
        let block = try ReportBlock(map(["from_x": -0.5, "from_y": 0.5, "to_x": 0, "to_y": 0.1, "count": 2]), at: ValuePath("report").appending(index: 1))
        guard case .positionMap(_, _, _, let arrows) = block else {
            Issue.record("not a map")
            return
        }
        #expect(arrows == [ReportBlock.Arrow(fromX: -0.5, fromY: 0.5, toX: 0, toY: 0.1, count: 2)])
        #expect(throws: Problem(field: "report[1].arrows[1]", "from_x and to_x must be from -1 to 1, from_y and to_y from 0 to 1")) {
            try ReportBlock(map(["from_x": -2, "from_y": 0.5, "to_x": 0, "to_y": 0.1]), at: ValuePath("report").appending(index: 1))
        }
        let html = ReportRenderer(language: .nl).htmlFragment([block])
        let line = try #require(html.range(of: "marker-end=\"url(#wv-arrow)\""))
        let circle = try #require(html.range(of: "<circle"))
        #expect(line.lowerBound < circle.lowerBound)
        #expect(html.contains("stroke-width=\"3.5\""))
    }

    @Test func aNumberInATableIsWrittenWithADecimalCommaInDutch() throws {
        let block = try ReportBlock(["type": "table", "columns": ["Gemiddeld"], "rows": [[4.5], [3]]], at: ValuePath("report").appending(index: 1))
        #expect(block == .table(columns: [BilingualText("Gemiddeld")], rows: [[BilingualText(nl: "4,5", en: "4.5")], [BilingualText("3")]]))
    }
}
