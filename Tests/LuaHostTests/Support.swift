import LuaHost
import Testing

/// Runs a Lua chunk in a fresh sandboxed state and returns its first result.
func run(_ source: String, limits: LuaLimits = .default, seed: Int64 = 0, modules: [String: String] = [:]) throws -> LuaValue {
    let state = try LuaState(
        limits: limits, seed: seed,
        modules: { name in
            modules[name].map { LuaModule(source: $0, path: "lib/\(name).lua") }
        })
    return try state.run(source: source, path: "test.lua")
}

/// The error a Lua chunk raises in a fresh state; records an issue if it raises none.
func failure(_ source: String, limits: LuaLimits = .default, in state: LuaState? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> LuaError? {
    do {
        let state = try state ?? LuaState(limits: limits)
        let result = try state.run(source: source, path: "test.lua")
        Issue.record("expected an error, got \(result)", sourceLocation: sourceLocation)
        return nil
    } catch let error as LuaError {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Small limits so that hostile scripts fail fast in tests.
let smallLimits = LuaLimits(instructions: 2_000_000, memory: 8 << 20, stringLength: 1 << 20, patternSteps: 200_000, tableMove: 100_000)
