import LuaHost
import Testing

/// A budget shared by states bounds all their calls together, memory included; the log of what
/// plugins print stays small whatever they print.
@Suite struct BudgetTests {
    @Test func aSharedBudgetStopsEveryStateOnceItIsUsedUp() throws {
        let budget = LuaBudget(instructions: 3_000_000)
        let limits = LuaLimits(instructions: 2_000_000, budget: budget)
        let first = try LuaState(limits: limits), second = try LuaState(limits: limits)
        // each call is within its own bound, and the two together are not
        #expect(try first.run(source: "for i = 1, 200000 do end return 1", path: "a.lua") == 1)
        let error = try #require(failure("while true do end", in: second))
        #expect(error.kind == .instructionLimit)
        #expect(error.message == "instruction limit reached: more than 2000000 instructions in one call; look for a loop that does not end")
        let used = try #require(failure("for i = 1, 1000000 do end", in: first))
        #expect(used.message == "instruction budget used up: the exercises of this run may take 3000000 instructions in all, and they took more; look for a loop that does not end")
        #expect(budget.isUsedUp)
        // used up, a call stops at its first instruction: even a tiny one, in either state
        for state in [first, second] {
            let next = try #require(failure("return 1", in: state))
            #expect(next.kind == .instructionLimit)
            #expect(next.message.hasPrefix("instruction budget used up"))
        }
    }

    @Test func memoryThatGrowsIsPaidForFromTheBudget() throws {
        let budget = LuaBudget(instructions: 1_000_000)
        let state = try LuaState(limits: LuaLimits(budget: budget))
        // 64 MiB in few instructions: a million instructions' worth at one for every 64 bytes
        _ = try? state.run(source: "local t = {} for i = 1, 4 do t[i] = ('x'):rep(16 << 20) end return #t", path: "m.lua")
        #expect(budget.isUsedUp)
        #expect(failure("return 1", in: state)?.message.hasPrefix("instruction budget used up") == true)
    }

    @Test func withoutABudgetEveryCallHasItsOwnBound() throws {
        let state = try LuaState(limits: LuaLimits(instructions: 2_000_000))
        for _ in 0..<5 { #expect(try state.run(source: "for i = 1, 300000 do end return 2", path: "a.lua") == 2) }
    }

    @Test func theLogKeepsLinesShortAndItsSizeBounded() throws {
        let state = try LuaState()
        var streamed: [String] = []
        state.onPrint = { streamed.append($0) }
        _ = try state.run(source: "local big = ('é'):rep(3000) for i = 1, 400 do print(big) end", path: "p.lua")
        let first = try #require(state.log.first)
        // 6,000 bytes cut to at most 4,096 at a character's edge, saying how much was left out
        #expect(first == String(repeating: "é", count: 2048) + " … (1904 bytes more)")
        #expect(streamed.first == first)
        #expect(streamed.count == 400)
        #expect(state.log.count == 1 << 20 / first.utf8.count + 1)
        #expect(state.log.last == "(more was printed than the log keeps)")
        #expect(state.log.dropLast().reduce(0) { $0 + $1.utf8.count } <= 1 << 20)
    }
}
