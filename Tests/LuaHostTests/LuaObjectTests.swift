import LuaHost
import Testing

@Suite struct LuaObjectTests {
    @Test func keysAreKeptInTheOrderOfTheirBytes() {
        var object: LuaObject = ["b": 1, "é": 2, "a": 3, "Z": 4]
        object["ab"] = 5
        #expect(object.keys == ["Z", "a", "ab", "b", "é"])
        #expect(JSONWriter.string(.object(object)) == #"{"Z":4,"a":3,"ab":5,"b":1,"é":2}"#)
    }

    @Test func aMissingKeyIsNilAndANullFieldIsNull() {
        let object: LuaObject = ["here": .null, "one": 1]
        #expect(object["there"] == nil)
        #expect(object["here"] == .some(.null))
        #expect(object["one"] == 1)
        #expect(LuaValue.object(object)["there"] == nil)
    }

    @Test func fieldsAreSetReplacedAndRemovedByKey() {
        var object: LuaObject = ["a": 1, "c": 3]
        #expect(object.updateValue(2, forKey: "b") == nil)
        #expect(object.updateValue(30, forKey: "c") == 3)
        object["a"] = nil
        #expect(object.removeValue(forKey: "b") == 2)
        #expect(object.removeValue(forKey: "b") == nil)
        #expect(object == ["c": 30])
        let merged = LuaObject(["a": 1, "b": 2]).merging(["b": 20, "c": 30]) { mine, _ in mine }
        #expect(merged == ["a": 1, "b": 2, "c": 30])
        #expect(merged.keys == ["a", "b", "c"])
    }

    @Test func ofAKeyGivenTwiceTheLastValueIsKept() {
        let object = LuaObject(uniqueKeysWithValues: [("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["b"] == 3)
    }

    /// Lua tells the two spellings of "é" apart, and so does JSON: they are two fields, not one.
    @Test func keysThatLookAlikeButDifferInBytesStayTwoFields() throws {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(precomposed == decomposed)  // as Swift compares text
        let object: LuaObject = [precomposed: 1, decomposed: 2]
        #expect(object.count == 2)
        #expect(object[precomposed] == 1)
        #expect(object[decomposed] == 2)
        #expect(try JSONReader.parse(JSONWriter.string(.object(object))) == .object(object))
        let fromLua = try run(#"return { ["\u{E9}"] = 1, ["e\u{301}"] = 2 }"#)
        #expect(fromLua == .object(object))
        let state = try LuaState()
        #expect(try state.value(of: state.reference(to: .object(object), name: "value"), name: "value") == .object(object))
    }

    /// Strings read back are remembered by where Lua keeps them; a place Lua has since reused for
    /// another string must never give the old one back.
    @Test func stringsReadBackAreAlwaysTheirOwn() throws {
        let state = try LuaState()
        let chunk = try state.load(
            source: """
                local n = 0
                return function()
                  n = n + 1
                  for i = 1, 50 do local garbage = { "g" .. i .. "-" .. n } end  -- so that Lua collects, and reuses places
                  return { key = "k" .. n, ["v" .. (n % 7)] = string.rep("x", n % 17) }
                end
                """, path: "strings.lua")
        guard let next = try state.callForReference(chunk, []) else {
            Issue.record("no function")
            return
        }
        for n in 1...3_000 {
            let value = try state.callForValue(next, [])
            #expect(value == ["key": .string("k\(n)"), "v\(n % 7)": .string(String(repeating: "x", count: n % 17))])
        }
    }
}
