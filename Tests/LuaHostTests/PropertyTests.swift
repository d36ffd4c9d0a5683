import LuaHost
import PropertyBased
import Testing

/// Plain data built from a list of numbers, so that a failing case shrinks to a small list and a
/// small value. Each number picks what comes next: null, a Boolean, an integer from the edges of
/// its range, a float that is hard to write exactly, a text with escapes, controls and characters
/// beyond the Basic Multilingual Plane, or a list or object of the values that follow.
enum PlainData {
    static let integers: [Int64] = [0, 1, -1, 42, 9_007_199_254_740_993, .max, .min, .max - 1, .min + 1]
    static let doubles: [Double] = [0.1, -0.0, 1.5, 1e300, -1e-300, 5e-324, .greatestFiniteMagnitude, 9_007_199_254_740_992, 1 / 3]
    static let texts = ["", "dag", "\"quoted\" \\ slash /", "tab\tnew\nline\r", "\u{0}\u{1F}\u{7F}", "ë é ï — 😀 𝄞", "\u{2028}\u{FEFF}", "{\"not\": json}"]
    static let keys = ["a", "dots", "", "ë", "e\u{0308}", "with space", "1", "nested.key"]  // ë twice: precomposed and not

    /// The value `numbers` stand for. Without `nullsInside`, no list or object holds a null:
    /// Lua has no nil in a table (a list of one null is an empty table there).
    static func value(from numbers: [Int], nullsInside: Bool = true) -> LuaValue {
        var cursor = numbers.makeIterator()
        return next(&cursor, depth: 0, nulls: nullsInside)
    }

    private static func next(_ cursor: inout IndexingIterator<[Int]>, depth: Int, nulls: Bool) -> LuaValue {
        guard let number = cursor.next() else { return depth == 0 || nulls ? .null : .bool(false) }
        let pick = number / 8
        switch number % 8 {
        case 0 where depth == 0 || nulls: return .null
        case 1: return .bool(pick % 2 == 0)
        case 2: return .integer(integers[pick % integers.count])
        case 3: return .double(doubles[pick % doubles.count])
        case 4: return .string(texts[pick % texts.count])
        case 5 where depth < 6: return .array((0..<pick % 5).map { _ in next(&cursor, depth: depth + 1, nulls: nulls) })
        case 6 where depth < 6:
            var fields: LuaObject = [:]
            for index in 0..<pick % 5 { fields[keys[(pick + index) % keys.count]] = next(&cursor, depth: depth + 1, nulls: nulls) }
            return .object(fields)
        default: return .integer(Int64(number))
        }
    }

    static let generator = Gen.int(in: 0...400).array(of: 0...40).map { value(from: $0) }
    static let withoutNullsInside = Gen.int(in: 0...400).array(of: 0...40).map { value(from: $0, nullsInside: false) }
}

@Suite struct PropertyTests {
    @Test func everyValueSurvivesJSONBothWays() async {
        await propertyCheck(count: 400, input: PlainData.generator) { value in
            let compact = JSONWriter.string(value)
            do {
                #expect(try JSONReader.parse(compact) == value)
                #expect(try JSONReader.parse(JSONWriter.string(value, pretty: true)) == value)
                // written again, the same bytes: a record's text does not drift
                #expect(JSONWriter.string(try JSONReader.parse(compact)) == compact)
            } catch {
                Issue.record("\(error) reading \(compact)")
            }
        }
    }

    @Test func everyValueSurvivesLuaBothWays() async throws {
        let state = try LuaState()
        await propertyCheck(count: 400, input: PlainData.withoutNullsInside) { value in
            do {
                let reference = try state.reference(to: value, name: "value")
                defer { state.release(reference) }
                #expect(try state.value(of: reference, name: "value") == value)
            } catch {
                Issue.record("\(error) for \(JSONWriter.string(value))")
            }
        }
    }

    @Test func cutJSONIsALocatedErrorNeverACrash() async {
        await propertyCheck(count: 300, input: PlainData.generator, Gen.int(in: 0...10_000)) { value, cut in
            let text = JSONWriter.string(value, pretty: true)
            let prefix = String(text.utf8.prefix(cut % max(1, text.utf8.count)))
            guard let prefix, !prefix.isEmpty, prefix != text else { return }
            do {
                _ = try JSONReader.parse(prefix)
            } catch let error as JSONError {
                #expect(error.line >= 1 && error.column >= 1)
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("not a JSONError: \(error)")
            }
        }
    }
}
