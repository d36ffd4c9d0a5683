import LuaHost
import Testing

@Suite struct ErrorTests {
    @Test func runtimeErrorsNameFileAndLine() throws {
        let state = try LuaState()
        let error = try #require(failure("local state = {}\n\nreturn state.votes.count", in: state))
        #expect(error.kind == .runtime)
        #expect(error.description == "test.lua:3: attempt to index a nil value (field 'votes')")
        #expect(error.traceback?.contains("test.lua:3: in main chunk") == true)
    }

    @Test func syntaxErrorsNameFileAndLine() throws {
        let error = try #require(failure("local x = {\n  a = 1\n  b = 2\n}"))
        #expect(error.kind == .syntax)
        #expect(error.description == "test.lua:3: '}' expected (to close '{' at line 1) near 'b'")
    }

    @Test func longPathsAreNeverCutShort() throws {
        let path = "Exercises/a-very-long-directory-name-for-an-organisation/with-another-level/engagement-voting.lua"
        let state = try LuaState()
        do {
            _ = try state.run(source: "\nlocal t = nil\nreturn t.votes", path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):3: attempt to index a nil value (local 't')")
            #expect(error.traceback?.contains("\(path):3:") == true)
        }
    }

    @Test func errorsInModulesNameTheModule() throws {
        let state = try LuaState(modules: { _ in LuaModule(source: "local M = {}\nfunction M.f() error('broken') end\nreturn M", path: "Exercises/lib/tally.lua") })
        let error = try #require(failure("require('tally').f()", in: state))
        #expect(error.description == "Exercises/lib/tally.lua:2: broken")
    }

    @Test func descriptionIsOneLine() {
        #expect(LuaError(.runtime, "boom", path: "a.lua", line: 4).description == "a.lua:4: boom")
        #expect(LuaError(.memoryLimit, "memory limit reached", path: "a.lua").description == "a.lua: memory limit reached")
        #expect(LuaError(.badValue, "outcome.x is a function").description == "outcome.x is a function")
    }
}
