import LuaHost
import Testing

@Suite struct DeterminismTests {
    static let script = """
        local t = {}
        for i = 1, 200 do t["key" .. i] = i; t[i * 7 % 13 + 0.5] = i end
        local order = {}
        for k in pairs(t) do order[#order + 1] = tostring(k) end
        local first = next(t)
        local r = {}
        for i = 1, 10 do r[i] = math.random(1, 1000) end
        return { order = table.concat(order, ","), first = tostring(first), random = r, float = math.random(),
                 shown = tostring(print) .. tostring({}) .. string.format("%s %.3f", {}, 1 / 3) }
        """

    @Test func sameScriptSameSeedSameOutputAcrossStates() throws {
        let outputs = try (0..<5).map { _ in JSONWriter.string(try run(DeterminismTests.script, seed: 42)) }
        #expect(Set(outputs).count == 1)
        #expect(try run(DeterminismTests.script, seed: 43) != run(DeterminismTests.script, seed: 42))
    }

    @Test func pairsOrderIsNumbersThenTextThenBooleans() throws {
        let value = try run(
            """
            local t = { zeta = 1, Alpha = 2, [10] = 3, [2] = 4, [-1.5] = 5, ["10"] = 6, [false] = 7, [true] = 8, ["é"] = 9, [""] = 10 }
            local keys = {}
            for k in pairs(t) do keys[#keys + 1] = tostring(k) end
            local viaNext, k = {}, nil
            repeat k = next(t, k); if k ~= nil then viaNext[#viaNext + 1] = tostring(k) end until k == nil
            return { table.concat(keys, " "), table.concat(viaNext, " ") }
            """)
        #expect(value == ["-1.5 2 10  10 Alpha zeta é false true", "-1.5 2 10  10 Alpha zeta é false true"])
    }

    @Test func removingKeysDuringPairsIsAllowed() throws {
        #expect(try run("local t = { a = 1, b = 2, c = 3 } for k in pairs(t) do t.b = nil; t[k] = nil end return next(t) == nil") == true)
    }

    @Test func tableKeysHaveNoOrderAndAreRefused() throws {
        let error = try #require(failure("for k in pairs({ [{}] = 1 }) do end"))
        #expect(
            error.message
                == "pairs/next: a table key of type table has no fixed order, so iterating over this table would differ from run to run; key the table by strings or numbers")
    }

    @Test func numbersFormatTheSameWhateverTheLocale() throws {
        #expect(try run("return { tostring(1.5), string.format('%.2f', 2.25), tostring(1e100), tostring(tonumber('0.5')) }") == ["1.5", "2.25", "1e+100", "0.5"])
    }
}
