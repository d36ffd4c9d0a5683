import LuaHost

/// One piece of an exercise's report, as its `report` function returns it. The runtime renders
/// blocks as plain text, Markdown and HTML with SVG pictures.
public enum ReportBlock: Sendable, Hashable {
    /// A bar in a bar chart.
    public struct Bar: Sendable, Hashable {
        public var label: BilingualText
        public var value: Double
        public var highlight: Bool

        /// A bar with its label and value.
        public init(label: BilingualText, value: Double, highlight: Bool = false) {
            self.label = label
            self.value = value
            self.highlight = highlight
        }
    }

    /// One column of a two-column block.
    public struct Column: Sendable, Hashable {
        public var title: BilingualText
        public var items: [BilingualText]

        /// A column with its title and items.
        public init(title: BilingualText, items: [BilingualText]) {
            self.title = title
            self.items = items
        }
    }

    /// A point on a position map: x from the left pole (-1) to the right pole (1), y from the
    /// ground (0) up (1).
    /// A move on a position map: from one place to another, by this many.
    public struct Arrow: Sendable, Hashable {
        public var fromX: Double
        public var fromY: Double
        public var toX: Double
        public var toY: Double
        public var count: Int

        public init(fromX: Double, fromY: Double, toX: Double, toY: Double, count: Int = 1) {
            self.fromX = fromX
            self.fromY = fromY
            self.toX = toX
            self.toY = toY
            self.count = count
        }
    }

    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var label: BilingualText
        public var count: Int

        /// A point at (x, y) with its label and count.
        public init(x: Double, y: Double, label: BilingualText, count: Int = 1) {
            self.x = x
            self.y = y
            self.label = label
            self.count = count
        }
    }

    /// A word and how often it was used.
    public struct Word: Sendable, Hashable {
        public var word: String
        public var count: Int

        /// A word and its count.
        public init(word: String, count: Int) {
            self.word = word
            self.count = count
        }
    }

    /// A part of a session's report (its summary, a step), above the headings of the
    /// exercises' own reports: made by the runtime, never by an exercise.
    case section(BilingualText)
    case heading(BilingualText)
    case paragraph(BilingualText)
    case list([BilingualText])
    case table(columns: [BilingualText], rows: [[BilingualText]])
    /// Bars in the order given: the exercise ranks them.
    case barChart(title: BilingualText?, bars: [Bar])
    case twoColumns(left: Column, right: Column)
    /// Places between two poles, and arrows for how people moved between them.
    case positionMap(left: BilingualText, right: BilingualText, points: [Point], arrows: [Arrow])
    case wordCloud([Word])

    /// Whether this is a part of a session's report.
    public var isSection: Bool {
        if case .section = self { return true }
        return false
    }

    /// The block types as exercises name them.
    public static let types = ["heading", "paragraph", "list", "table", "bar_chart", "two_columns", "position_map", "word_cloud"]

    /// Reads a report, a list of blocks, naming the place of any problem (`report[2].bars[1].value`).
    public static func blocks(from value: LuaValue, at path: ValuePath = ValuePath("report")) -> Result<[ReportBlock], Problem> {
        capture { () throws(Problem) in try parseBlocks(value, at: path) }
    }

    static func parseBlocks(_ value: LuaValue, at path: ValuePath) throws(Problem) -> [ReportBlock] {
        guard let elements = value.arrayValue else {
            throw Problem(field: path.description, "must be a list of report blocks; found \(value.typeName)")
        }
        var blocks: [ReportBlock] = []
        for (offset, element) in elements.enumerated() {
            blocks.append(try ReportBlock(element, at: path.appending(index: offset + 1)))
        }
        return blocks
    }

    /// Reads one block.
    public init(_ value: LuaValue, at path: ValuePath) throws(Problem) {
        guard case .object(let fields) = value else {
            throw Problem(field: path.description, "must be a block like { type = \"paragraph\", text = ... }; found \(value.typeName)")
        }
        let reader = FieldReader(fields: fields, path: path)
        let type = try reader.string("type")
        switch type {
        case "heading": self = .heading(try reader.text("text"))
        case "paragraph": self = .paragraph(try reader.text("text"))
        case "list": self = .list(try reader.texts("items"))
        case "table":
            let rows = try reader.list("rows")
            var cells: [[BilingualText]] = []
            for (offset, row) in rows.enumerated() {
                let rowPath = path.appending(key: "rows").appending(index: offset + 1)
                guard let values = row.arrayValue else { throw Problem(field: rowPath.description, "must be a list of cells") }
                var rowCells: [BilingualText] = []
                for (column, cell) in values.enumerated() {
                    rowCells.append(try BilingualText(cell, at: rowPath.appending(index: column + 1)))
                }
                cells.append(rowCells)
            }
            self = .table(columns: try reader.texts("columns"), rows: cells)
        case "bar_chart":
            var bars: [Bar] = []
            for (offset, bar) in try reader.list("bars").enumerated() {
                let fields = try reader.object(bar, at: path.appending(key: "bars").appending(index: offset + 1))
                bars.append(Bar(label: try fields.text("label"), value: try fields.number("value"), highlight: try fields.bool("highlight") ?? false))
            }
            self = .barChart(title: try reader.optionalText("title"), bars: bars)
        case "two_columns":
            func column(_ key: String) throws(Problem) -> Column {
                let side = try reader.object(try reader.required(key), at: path.appending(key: key))
                return Column(title: try side.text("title"), items: try side.texts("items"))
            }
            self = .twoColumns(left: try column("left"), right: try column("right"))
        case "position_map":
            var points: [Point] = []
            for (offset, point) in try reader.list("points").enumerated() {
                let pointPath = path.appending(key: "points").appending(index: offset + 1)
                let fields = try reader.object(point, at: pointPath)
                let x = try fields.number("x")
                let y = try fields.number("y")
                guard (-1...1).contains(x), (0...1).contains(y) else {
                    throw Problem(field: pointPath.description, "x must be from -1 to 1 and y from 0 to 1; found x = \(x), y = \(y)")
                }
                points.append(Point(x: x, y: y, label: try fields.text("label"), count: try fields.count("count", default: 1)))
            }
            var arrows: [Arrow] = []
            for (offset, arrow) in try reader.optionalList("arrows").enumerated() {
                let arrowPath = path.appending(key: "arrows").appending(index: offset + 1)
                let fields = try reader.object(arrow, at: arrowPath)
                let ends = (try fields.number("from_x"), try fields.number("from_y"), try fields.number("to_x"), try fields.number("to_y"))
                guard (-1...1).contains(ends.0), (0...1).contains(ends.1), (-1...1).contains(ends.2), (0...1).contains(ends.3) else {
                    throw Problem(field: arrowPath.description, "from_x and to_x must be from -1 to 1, from_y and to_y from 0 to 1")
                }
                arrows.append(Arrow(fromX: ends.0, fromY: ends.1, toX: ends.2, toY: ends.3, count: try fields.count("count", default: 1)))
            }
            self = .positionMap(left: try reader.text("left"), right: try reader.text("right"), points: points, arrows: arrows)
        case "word_cloud":
            var words: [Word] = []
            for (offset, word) in try reader.list("words").enumerated() {
                let fields = try reader.object(word, at: path.appending(key: "words").appending(index: offset + 1))
                words.append(Word(word: try fields.string("word"), count: try fields.count("count")))
            }
            self = .wordCloud(words)
        default:
            throw Problem(field: path.appending(key: "type").description, "unknown block type \"\(type)\"; use one of \(ReportBlock.types.joined(separator: ", "))")
        }
    }
}

/// Reads typed fields of an object in plugin data, naming the field of any problem.
struct FieldReader {
    var fields: LuaObject
    var path: ValuePath

    func required(_ key: String) throws(Problem) -> LuaValue {
        guard let value = fields[key] else { throw Problem(field: path.appending(key: key).description, "is missing") }
        return value
    }

    func string(_ key: String) throws(Problem) -> String {
        guard let text = try required(key).stringValue else {
            throw Problem(field: path.appending(key: key).description, "must be text; found \(fields[key]?.typeName ?? "nothing")")
        }
        return text
    }

    func optionalString(_ key: String) throws(Problem) -> String? {
        guard fields[key] != nil else { return nil }
        return try string(key)
    }

    func text(_ key: String, requireBoth: Bool = false) throws(Problem) -> BilingualText {
        try BilingualText(try required(key), at: path.appending(key: key), requireBoth: requireBoth)
    }

    func optionalText(_ key: String, requireBoth: Bool = false) throws(Problem) -> BilingualText? {
        guard let value = fields[key] else { return nil }
        return try BilingualText(value, at: path.appending(key: key), requireBoth: requireBoth)
    }

    func list(_ key: String) throws(Problem) -> [LuaValue] {
        guard let elements = try required(key).arrayValue else {
            throw Problem(field: path.appending(key: key).description, "must be a list; found \(fields[key]?.typeName ?? "nothing")")
        }
        return elements
    }

    func optionalList(_ key: String) throws(Problem) -> [LuaValue] {
        guard fields[key] != nil else { return [] }
        return try list(key)
    }

    func texts(_ key: String, requireBoth: Bool = false) throws(Problem) -> [BilingualText] {
        var texts: [BilingualText] = []
        for (offset, element) in try list(key).enumerated() {
            texts.append(try BilingualText(element, at: path.appending(key: key).appending(index: offset + 1), requireBoth: requireBoth))
        }
        return texts
    }

    func number(_ key: String) throws(Problem) -> Double {
        guard let number = try required(key).doubleValue else {
            throw Problem(field: path.appending(key: key).description, "must be a number; found \(fields[key]?.typeName ?? "nothing")")
        }
        return number
    }

    func optionalNumber(_ key: String) throws(Problem) -> Double? {
        guard fields[key] != nil else { return nil }
        return try number(key)
    }

    /// How many of something: a whole number from 0 to a billion (`default` when it is absent).
    func count(_ key: String, default standard: Int? = nil) throws(Problem) -> Int {
        if fields[key] == nil, let standard { return standard }
        let number = try number(key)
        guard number.rounded() == number, (0...Self.largestCount).contains(number) else {
            throw Problem(field: path.appending(key: key).description, "must be a whole number from 0 to 1000000000; found \(LuaValue.double(number).excerpt)")
        }
        return Int(number)
    }

    static let largestCount = 1_000_000_000.0

    func integer(_ key: String) throws(Problem) -> Int64 {
        guard let number = try required(key).integerValue else {
            throw Problem(field: path.appending(key: key).description, "must be a whole number; found \(fields[key].map { JSONWriter.string($0) } ?? "nothing")")
        }
        return number
    }

    func optionalInteger(_ key: String) throws(Problem) -> Int64? {
        guard fields[key] != nil else { return nil }
        return try integer(key)
    }

    func bool(_ key: String) throws(Problem) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard let flag = value.boolValue else {
            throw Problem(field: path.appending(key: key).description, "must be true or false; found \(value.typeName)")
        }
        return flag
    }

    func object(_ value: LuaValue, at path: ValuePath) throws(Problem) -> FieldReader {
        guard let fields = value.objectValue else {
            throw Problem(field: path.description, "must be a table with named fields; found \(value.typeName)")
        }
        return FieldReader(fields: fields, path: path)
    }
}

extension ReportBlock {
    /// A trainer's notes as blocks: each line a paragraph, and lines that start with `- ` or
    /// `* ` together a list, as the notes of a session script are written.
    public static func notes(_ text: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var items: [BilingualText] = []
        func endList() {
            if !items.isEmpty { blocks.append(.list(items)) }
            items = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                items.append(BilingualText(String(trimmed.dropFirst(2)).trimmingWhitespace()))
                continue
            }
            endList()
            if !trimmed.isEmpty { blocks.append(.paragraph(BilingualText(trimmed))) }
        }
        endList()
        return blocks
    }
}
