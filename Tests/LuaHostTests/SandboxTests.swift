import LuaHost
import Testing

@Suite struct SandboxTests {
    @Test(arguments: [
        ("return io.open('/etc/passwd')", "io is not available: plugins do not read or write files"),
        ("return os.time()", "os is not available: plugins get no clock, environment or processes from the machine"),
        ("return os.execute('true')", "os is not available: plugins get no clock, environment or processes from the machine"),
        ("return debug.getregistry()", "debug is not available: it can break out of the sandbox"),
        ("return package.loadlib('x', 'y')", "package is not available: use require(\"name\") for modules of the plugin library"),
        ("return dofile('/etc/passwd')", "dofile is not available: use require(\"name\") for modules of the plugin library"),
        ("return loadfile('/etc/passwd')", "loadfile is not available: use require(\"name\") for modules of the plugin library"),
        ("collectgarbage('collect')", "collectgarbage: only collectgarbage(\"count\") is available; the host manages memory"),
        ("load(string.char(27) .. 'Lua', 'x', 'b', {})", "load: only text chunks can be loaded (mode \"t\"), never compiled code"),
        ("load('return 1')", "load: give the environment table for the chunk as the fourth argument"),
        ("load(function() return nil end, 'x', 't', {})", "load: only text can be loaded (a string, not a function)"),
        ("string.upper = nil", "the library table 'string' is read-only; keep your own functions in local variables"),
        ("math.random = function() return 4 end", "the library table 'math' is read-only; keep your own functions in local variables"),
        ("rawset(table, 'insert', print)", "rawset: library tables are read-only"),
        ("setmetatable({}, { __gc = function() end })", "setmetatable: '__gc' finalizers are not available: they would run outside the plugin's limits"),
        ("setmetatable({}, { __gc = true })", "setmetatable: '__gc' finalizers are not available: they would run outside the plugin's limits"),
        ("local s = string.format('%p', {}) return s", "string.format: '%p' shows memory addresses, which differ from run to run"),
        ("math.randomseed()", "math.randomseed needs a seed: without one it would use the clock, and the session could not be replayed"),
        ("require('../../etc/passwd')", "require: '../../etc/passwd' is not a module name; use letters, digits, '_' and '-'"),
        ("require('socket')", "require: there is no module 'socket' in the plugin library (lib/socket.lua)"),
    ])
    func removedCapabilitiesFailClearly(source: String, message: String) throws {
        let error = try #require(failure(source))
        #expect(error.kind == .sandbox)
        #expect(error.message == message)
        #expect(error.path == "test.lua")
        #expect(error.line == 1)
    }

    @Test func unsafeFunctionsAreAbsent() throws {
        let value = try run(
            """
            return { dump = string.dump == nil, gmeta = getmetatable(''), G = rawget(_G, "io") == nil and rawget(_G, "os") == nil,
                     libs = type(string) .. type(table) .. type(math) .. type(utf8) .. type(coroutine) }
            """)
        #expect(value == ["dump": true, "gmeta": false, "G": true, "libs": "tabletabletabletabletable"])
    }

    @Test func theStringMetatableCannotBePoisoned() throws {
        let error = try #require(failure("setmetatable('', {})"))
        #expect(error.message == "bad argument #1 to 'setmetatable' (table expected, got string)")
        let protected = try #require(failure("local mt = getmetatable(string); setmetatable(string, {})"))
        #expect(protected.message == "cannot change a protected metatable")
    }

    @Test func onePluginsGlobalsDoNotReachAnother() throws {
        let state = try LuaState()
        _ = try state.run(source: "leak = 'secret'; string_backup = string; return 1", path: "a.lua")
        #expect(try state.run(source: "return { leak = leak == nil, upper = ('x'):upper() }", path: "b.lua") == ["leak": true, "upper": "X"])
    }

    @Test func loadedChunksSeeOnlyTheirEnvironment() throws {
        let value = try run(
            """
            local env = { x = 41 }
            local chunk = load("return x + 1, io, string", "chunk", "t", env)
            local a, b, c = chunk()
            return { a = a, io = b == nil, string = c == nil }
            """)
        #expect(value == ["a": 42, "io": true, "string": true])
    }

    @Test func requireLoadsLibraryModulesOnce() throws {
        let value = try run(
            """
            local rank = require("rank")
            local again = require("rank")
            return { same = rank == again, top = rank.top({ 3, 9, 4 }) }
            """, modules: ["rank": "local M = {}\nfunction M.top(t) table.sort(t, function(a, b) return a > b end) return t[1] end\nreturn M"])
        #expect(value == ["same": true, "top": 9])
    }

    @Test func modulesCannotRequireThemselves() throws {
        let state = try LuaState(modules: { name in LuaModule(source: "local m = require('\(name)')\nreturn m", path: "lib/\(name).lua") })
        let error = try #require(failure("return require('loop')", in: state))
        #expect(error.kind == .sandbox)
        #expect(error.description == "lib/loop.lua:1: require: module 'loop' requires itself (directly or through others)")
    }

    @Test func printGoesToTheHostLog() throws {
        let state = try LuaState()
        var streamed: [String] = []
        state.onPrint = { streamed.append($0) }
        _ = try state.run(source: "print('dag', 1, 2.5, nil, {}, true)", path: "test.lua")
        #expect(state.log == ["dag\t1\t2.5\tnil\ttable\ttrue"])
        #expect(streamed == state.log)
    }
}
