import LuaHost
import Testing

@Suite struct LimitTests {
    static let instructionBombs = [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "while true do pcall(error, 'x') end",
        "while true do xpcall(function() while true do end end, function() while true do end end) end",
        "local co = coroutine.wrap(function() while true do pcall(function() while true do end end) end end); co()",
        "while true do local co = coroutine.create(function() while true do end end); coroutine.resume(co) end",
        "local function f() return pcall(f) end while true do f() end",
        "local t = setmetatable({}, { __index = function(t, k) return t[k + 1] end }); while true do pcall(function() return t[1] end) end",
        "while true do pcall(string.gsub, ('x'):rep(1000), '.', function() while true do end end) end",
        "local x <close> = setmetatable({}, { __close = function() while true do end end }); while true do end",
        "while true do pcall(table.sort, { 3, 2, 1, 5, 4 }, function() while true do end end) end",
    ]

    @Test(arguments: instructionBombs)
    func instructionLimitCannotBeSwallowed(source: String) throws {
        let state = try LuaState(limits: smallLimits)
        let error = try #require(failure(source, in: state))
        #expect(error.kind == .instructionLimit)
        #expect(error.message == "instruction limit reached: more than 2000000 instructions in one call; look for a loop that does not end")
        #expect(error.path == "test.lua")
        #expect(try state.run(source: "return 1 + 1", path: "after.lua") == 2)
    }

    static let memoryBombs = [
        "local t = {} for i = 1, math.maxinteger do t[i] = i end",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} while true do pcall(function() for i = 1, math.maxinteger do t[#t + 1] = ('y'):rep(1000) .. i end end) end",
        "local parts = {} for i = 1, 1e9 do parts[i] = tostring(i) end return table.concat(parts)",
        "local t = {} while true do t = { t, t, t, tostring(#t) } end",
    ]

    @Test(arguments: memoryBombs)
    func memoryLimitHolds(source: String) throws {
        let state = try LuaState(limits: smallLimits)
        let error = try #require(failure(source, in: state))
        #expect(error.kind == .memoryLimit || error.kind == .instructionLimit, "\(error)")
        #expect(state.memoryUsed < smallLimits.memory + (1 << 20))
        #expect(try state.run(source: "return ('ok'):upper()", path: "after.lua") == "OK")
    }

    @Test func memoryLimitMessage() throws {
        let error = try #require(failure("local s = 'x' while true do s = s .. s end", limits: smallLimits))
        #expect(error.kind == .memoryLimit)
        #expect(error.message == "memory limit reached: more than 8388608 bytes; look for a table or string that keeps growing")
    }

    @Test(arguments: [
        ("return string.rep('x', 1e9)", "string.rep: the result would be more than 1048576 bytes, the limit for one string"),
        ("return ('x'):rep(1e9)", "string.rep: the result would be more than 1048576 bytes, the limit for one string"),
        ("return string.rep('', 1e15)", "string.rep: the result would be more than 1048576 bytes, the limit for one string"),
        ("return string.rep('', 1e15, '')", "string.rep: the result would be more than 1048576 bytes, the limit for one string"),
        ("return table.move({}, 1, 1e15, 2)", "table.move: more than 100000 elements at once"),
        ("return table.move({}, '1', 2^53, 2)", "table.move: more than 100000 elements at once"),
        ("return table.move({}, 1, math.maxinteger, 2)", "table.move: more than 100000 elements at once"),
        (
            "table.insert(setmetatable({}, { __len = function() return 1e15 end }), 1, 'x')",
            "table.insert: the table's __len says 1000000000000000 elements, more than 100000 at once"
        ),
        (
            "table.remove(setmetatable({}, { __len = function() return math.maxinteger end }), 1)",
            "table.remove: the table's __len says 9223372036854775807 elements, more than 100000 at once"
        ),
        (
            "return string.find(string.rep('a', 20000), '.-.-.-.-.-.-b')",
            "string.find: pattern too complex for its subject (more than 200000 matching steps); simplify the pattern or shorten the text"
        ),
        (
            "return string.match(string.rep('a', 20000), '(.-)(.-)(.-)(.-)b')",
            "string.match: pattern too complex for its subject (more than 200000 matching steps); simplify the pattern or shorten the text"
        ),
        (
            "return string.gsub(string.rep('a', 20000), '.-.-.-b', '')",
            "string.gsub: pattern too complex for its subject (more than 200000 matching steps); simplify the pattern or shorten the text"
        ),
        (
            "for w in string.gmatch(string.rep('a', 20000), '.-.-.-b') do end",
            "string.gmatch: pattern too complex for its subject (more than 200000 matching steps); simplify the pattern or shorten the text"
        ),
    ])
    func singleCCallsAreCapped(source: String, message: String) throws {
        let state = try LuaState(limits: smallLimits)
        let error = try #require(failure(source, in: state))
        #expect(error.message == message)
        #expect(error.path == "test.lua")
    }

    @Test func ordinaryPatternsStillWork() throws {
        let value = try run(
            """
            local words = {}
            for w in ("Iedereen mee: ook de Ster en het OC"):gmatch("%a+") do words[#words + 1] = w end
            return { words = #words, sub = (("a,b,,c"):gsub(",", ";")), find = { ("hallo wereld"):find("w(%a+)") } }
            """)
        #expect(value == ["words": 8, "sub": "a;b;;c", "find": [7, 12, "ereld"]])
    }

    @Test func deepRecursionIsAnError() throws {
        let error = try #require(failure("local function f(n) return 1 + f(n + 1) end return f(1)"))
        #expect(error.kind == .runtime)
        #expect(error.message.hasSuffix("stack overflow"))
        #expect(error.line == 1)
    }

    @Test(arguments: [
        ("error({ code = 1 })", "(error object is a table value)"),
        ("error(nil)", "(error object is a nil value)"),
        ("error(setmetatable({}, { __tostring = function() return 'custom' end }))", "custom"),
        ("error('plain', 0)", "plain"),
        ("error(42)", "42"),
    ])
    func errorObjectsOfEveryKind(source: String, message: String) throws {
        let error = try #require(failure(source))
        #expect(error.kind == .runtime)
        #expect(error.message == message)
        #expect(error.path == "test.lua")
    }

    @Test func aLoopingTostringInAnErrorObjectIsStillBounded() throws {
        let state = try LuaState(limits: smallLimits)
        let error = try #require(failure("error(setmetatable({}, { __tostring = function() while true do end end }))", in: state))
        #expect(error.kind == .instructionLimit)
        #expect(try state.run(source: "return 'still here'", path: "after.lua") == "still here")
    }

    @Test func eachCallGetsAFreshBudget() throws {
        let state = try LuaState(limits: LuaLimits(instructions: 1_000_000))
        let chunk = try state.load(source: "local n = 0 for i = 1, 50000 do n = n + i end return n", path: "sum.lua")
        for _ in 0..<50 {
            #expect(try state.call(chunk, []) == [1_250_025_000])
        }
    }
}
