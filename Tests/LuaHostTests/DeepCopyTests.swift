import LuaHost
import Testing

@Suite struct DeepCopyTests {
    @Test func aCopyIsIndependentAndKeepsSharingAndCycles() throws {
        let state = try LuaState()
        let make = try state.load(
            source: """
                local shared = { 1, 2, 3 }
                local t = { a = shared, b = shared, list = { "x", { y = 1 }, "z" }, [5] = "five" }
                t.self = t
                t.list[10] = "beyond the list part"
                return t
                """, path: "make.lua")
        let original = try #require(try state.callForReference(make, []))
        let copy = try #require(try state.callForReference(state.deepCopyFunction(), [.reference(original)]))
        let check = try state.load(
            source: """
                local original, copy = ...
                copy.a[1] = 99
                copy.list[2].y = 2
                return {
                  distinct = copy ~= original and copy.a ~= original.a,
                  shared = copy.a == copy.b,
                  cycle = copy.self == copy,
                  original_untouched = original.a[1] == 1 and original.list[2].y == 1,
                  copied = copy.list[1] == "x" and copy.list[3] == "z" and copy.list[10] == "beyond the list part" and copy[5] == "five",
                }
                """, path: "check.lua")
        let result = try state.callForValue(check, [.reference(original), .reference(copy)])
        #expect(result == ["distinct": true, "shared": true, "cycle": true, "original_untouched": true, "copied": true])
    }

    @Test func aStateNestedTooDeeplyIsAnErrorNotACrash() throws {
        let state = try LuaState()
        let make = try state.load(source: "local t = {} for _ = 1, 1000 do t = { t } end return t", path: "deep.lua")
        let deep = try #require(try state.callForReference(make, []))
        #expect(throws: LuaError.self) { try state.callForReference(state.deepCopyFunction(), [.reference(deep)]) }
    }
}
