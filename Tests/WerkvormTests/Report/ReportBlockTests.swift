import LuaHost
import Testing

@testable import Werkvorm

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
        guard case .positionMap(_, _, let points) = block else {
            Issue.record("not a map")
            return
        }
        #expect(points.map(\.count) == [1])
    }

    @Test func aNumberInATableIsWrittenWithADecimalCommaInDutch() throws {
        let block = try ReportBlock(["type": "table", "columns": ["Gemiddeld"], "rows": [[4.5], [3]]], at: ValuePath("report").appending(index: 1))
        #expect(block == .table(columns: [BilingualText("Gemiddeld")], rows: [[BilingualText(nl: "4,5", en: "4.5")], [BilingualText("3")]]))
    }
}
