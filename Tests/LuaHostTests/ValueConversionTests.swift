import LuaHost
import Testing

@Suite struct ValueConversionTests {
    static let samples: [LuaValue] = [
        .null, true, false, 0, -1, .integer(Int64.max), .integer(Int64.min),
        1.0, 0.1, -2.5, 1e300, .double(5e-324), "", "dag", "ë é ï — 😀", "with\u{0}nul",
        [1, 2, 3], ["a", ["b", ["c"]]], .object([:]), .array([]),
        ["dots": 5, "notes": ["Ik durf met ervaringsdeskundigen aan de slag te gaan"], "ratio": 0.5, "empty": .object([:])],
    ]

    @Test(arguments: samples)
    func swiftToLuaToSwiftIsExact(_ value: LuaValue) throws {
        let state = try LuaState()
        let reference = try state.reference(to: value, name: "value")
        #expect(try state.value(of: reference, name: "value") == value)
    }

    @Test(arguments: samples)
    func jsonRoundTripIsExact(_ value: LuaValue) throws {
        let text = JSONWriter.string(value)
        #expect(try JSONReader.parse(text) == value)
        #expect(try JSONReader.parse(JSONWriter.string(value, pretty: true)) == value)
    }

    @Test func luaToJSONToLuaKeepsIntegersAndFloatsApart() throws {
        let state = try LuaState()
        let value = try state.run(source: "return { i = 1, f = 1.0, big = 2^53, list = { 1, 2.0 }, empty = {} }", path: "test.lua")
        let json = JSONWriter.string(value)
        #expect(json == #"{"big":9007199254740992.0,"empty":[],"f":1.0,"i":1,"list":[1,2.0]}"#)
        let back = try state.reference(to: JSONReader.parse(json), name: "value")
        let check = try state.load(
            source: """
                local v = ...
                return math.type(v.i) .. " " .. math.type(v.f) .. " " .. math.type(v.big) .. " "
                  .. math.type(v.list[1]) .. " " .. math.type(v.list[2]) .. " " .. #v.empty
                """, path: "check.lua")
        #expect(try state.call(check, [.reference(back)]) == ["integer float float integer float 0"])
    }

    @Test func recordsArriveAsTheListOfTablesTheyStandFor() throws {
        let state = try LuaState()
        let identity = try state.load(source: "return function(...) return ... end", path: "identity.lua")
        let function = try #require(try state.callForReference(identity, []))
        let records = LuaRecords(
            keys: ["name", "who", "fields"],
            columns: [
                ["dot", "dot", "remove_dot"], ["An", .null, "Bram"], [["note": 17], .object([:]), ["note": 3, "why": "ë"]],
            ])
        // the stack around it is as it was: the second argument arrives too
        #expect(
            try state.call(function, [.records(records), .value("next")]) == [
                [
                    ["name": "dot", "who": "An", "fields": ["note": 17]], ["name": "dot", "fields": .object([:])],
                    ["name": "remove_dot", "who": "Bram", "fields": ["note": 3, "why": "ë"]],
                ],
                "next",
            ])
        #expect(try state.call(function, [.records(LuaRecords(keys: ["a"], columns: [[]]))]) == [.array([])])
    }

    @Test func aRecordThatCannotBeAValueIsNamedByItsPlace() throws {
        let state = try LuaState()
        let identity = try state.load(source: "return function(...) return ... end", path: "identity.lua")
        let function = try #require(try state.callForReference(identity, []))
        let records = LuaRecords(keys: ["name", "fields"], columns: [["dot", "dot"], [["note": 1], ["note": .double(.nan)]]])
        #expect(throws: LuaError.self) { try state.call(function, [.value(1), .records(records)]) }
        do {
            _ = try state.call(function, [.value(1), .records(records)])
        } catch {
            #expect(error.message.hasPrefix("arguments[2][2].fields.note"))
        }
        #expect(try state.call(function, [.value(2)]) == [2])  // the state goes on
    }

    @Test func anEmptyObjectFromSwiftComesBackAsAnObject() throws {
        let state = try LuaState()
        let identity = try state.load(source: "return function(x) return x end", path: "id.lua")
        let function = try #require(try state.callForReference(identity, []))
        #expect(try state.call(function, [.value(["fields": .object([:])])]) == [["fields": .object([:])]])
        #expect(try state.call(function, [.value(["fields": .array([])])]) == [["fields": .array([])]])
    }

    @Test func nullFieldsAreAbsentAndNullInAListIsRefused() throws {
        let state = try LuaState()
        let reference = try state.reference(to: ["a": .null, "b": 1], name: "input")
        #expect(try state.value(of: reference, name: "input") == ["b": 1])
        #expect(throws: LuaError(.badValue, "input.list[2] is null, which a Lua list cannot hold")) {
            try state.reference(to: ["list": [1, .null, 3]], name: "input")
        }
    }

    @Test(arguments: [
        ("return { score = 0/0 }", "result.score is not a finite number (NaN or infinity); only finite numbers can be stored"),
        ("return { ranking = { {}, {}, { score = math.huge } } }", "result.ranking[3].score is not a finite number (NaN or infinity); only finite numbers can be stored"),
        ("local t = {}; t.self = t; return t", "result.self contains itself (a cycle); plain data cannot refer back to a table that holds it"),
        ("return { f = print }", "result.f is a function; only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin"),
        ("return { co = coroutine.create(print) }", "result.co is a thread; only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin"),
        ("return { 1, 2, nil, 4 }", "result is a list with holes: it has 3 entries but the key 4; use keys 1 to 3 without gaps"),
        ("return { [2] = 'b' }", "result is a list with holes: it has 1 entries but the key 2; use keys 1 to 1 without gaps"),
        ("return { 1, 2, x = 3 }", "result mixes list entries (keys 1, 2, 3...) with object fields (text keys); use one or the other"),
        ("return { [0] = 'zero' }", "result has the key 0; list positions start at 1"),
        ("return { [1.5] = 'x' }", "result has the key 1.5; object keys must be text and list keys 1, 2, 3..."),
        ("return { [true] = 'x' }", "result has the key true; object keys must be text and list keys 1, 2, 3..."),
        ("return { [{}] = 'x' }", "result has the key of type table; object keys must be text and list keys 1, 2, 3..."),
        ("return { name = '\\xff\\xfe' }", "result.name is not valid UTF-8 text"),
        // an object's own error comes before an error inside it, whichever the reading meets first
        ("return { f = print, [2] = 'x' }", "result mixes list entries (keys 1, 2, 3...) with object fields (text keys); use one or the other"),
        ("return { a = { b = print }, [true] = 1 }", "result has the key true; object keys must be text and list keys 1, 2, 3..."),
        ("return { a = { b = { c = print } }, z = 1 }", "result.a.b.c is a function; only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin"),
        ("return { ['a b'] = { 0/0 } }", #"result["a b"][1] is not a finite number (NaN or infinity); only finite numbers can be stored"#),
        (
            "local t = {}; local c = t; for i = 1, 200 do c.next = {}; c = c.next end; return t",
            "result.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next nests more than 100 levels deep"
        ),
    ])
    func refusedValuesNameTheirPath(source: String, message: String) throws {
        let error = try #require(failure(source))
        #expect(error.kind == .badValue)
        #expect(error.message == message)
    }

    @Test func objectsOfManyFieldsComeBackWhole() throws {
        for count in [15, 16, 17, 40] {
            let fields = LuaObject(uniqueKeysWithValues: (1...count).map { ("k\($0)", LuaValue.integer(Int64($0))) })
            #expect(try run("local t = {}; for i = 1, \(count) do t['k' .. i] = i end; return t") == .object(fields))
        }
    }

    @Test func aTableSharedTwiceIsNotACycle() throws {
        #expect(try run("local shared = { 1 }; return { a = shared, b = shared }") == ["a": [1], "b": [1]])
    }

    @Test func valuePathsReadLikeLua() {
        let path = ValuePath("outcome").appending(key: "ranking").appending(index: 3).appending(key: "score")
        #expect(path.description == "outcome.ranking[3].score")
        #expect(ValuePath("input").appending(key: "two words").description == #"input["two words"]"#)
    }
}
