import Foundation
import Testing

@Suite struct LuaCommandTests {
    @Test func printsWhatTheFileReturnsAsJSON() throws {
        try CLI.withTemporaryDirectory { directory in
            try "print('log line')\nreturn { b = 1.0, a = { 'x', 2 } }".write(to: directory.appendingPathComponent("a.lua"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["lua", "a.lua"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "{\n  \"a\": [\n    \"x\",\n    2\n  ],\n  \"b\": 1.0\n}\n")
            #expect(result.stderr == "log line\n")
        }
    }

    @Test func theSameScriptGivesByteIdenticalOutputInSeparateProcesses() throws {
        try CLI.withTemporaryDirectory { directory in
            let script = """
                local t = {}
                for i = 1, 500 do t["participant-" .. i] = math.random(1, 5) end
                local order = {}
                for k, v in pairs(t) do order[#order + 1] = k .. "=" .. v end
                return { order = table.concat(order, " "), shown = tostring({}) .. tostring(print), r = math.random() }
                """
            try script.write(to: directory.appendingPathComponent("d.lua"), atomically: true, encoding: .utf8)
            let first = try CLI.run(["lua", "d.lua", "--seed", "7"], in: directory)
            let second = try CLI.run(["lua", "d.lua", "--seed", "7"], in: directory)
            #expect(first.status == 0)
            #expect(first.stdout == second.stdout)
            #expect(first.stdout.contains("participant-1=") && first.stdout.contains("\"shown\": \"tablefunction\""))
            let other = try CLI.run(["lua", "d.lua", "--seed", "8"], in: directory)
            #expect(other.stdout != first.stdout)
        }
    }

    @Test(arguments: [
        ("while true do end", "h.lua:1: instruction limit reached: more than 5000000 instructions in one call; look for a loop that does not end\n"),
        ("local s = 'x'\nwhile true do s = s .. s end", "h.lua: memory limit reached: more than 16777216 bytes; look for a table or string that keeps growing\n"),
        ("local t = io.open('/etc/passwd')", "h.lua:1: io is not available: plugins do not read or write files\n"),
        ("local x = = 1", "h.lua:1: unexpected symbol near '='\n"),
        ("return { f = print }", "result.f is a function; only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin\n"),
    ])
    func errorsAreOneLineOnStandardErrorAndExitOne(source: String, message: String) throws {
        try CLI.withTemporaryDirectory { directory in
            try source.write(to: directory.appendingPathComponent("h.lua"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["lua", "h.lua", "--max-instructions", "5000000", "--max-memory", "16777216"], in: directory)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == message)
        }
    }

    @Test func aMissingFileSaysWhatToDo() throws {
        let result = try CLI.run(["lua", "no-such-file.lua"])
        #expect(result.status == 1)
        #expect(result.stderr == "no-such-file.lua: there is no such file; check the path and the name of the Lua file\n")
    }

    @Test func theExampleUsesTheStandardLibrary() throws {
        let result = try CLI.run(["lua", "Examples/dot-votes.lua"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"dots\": 50"))
        #expect(result.stdout.contains("\"key\": \"Ik durf met ervaringsdeskundigen aan de slag te gaan\",\n      \"rank\": 1"))
    }
}
