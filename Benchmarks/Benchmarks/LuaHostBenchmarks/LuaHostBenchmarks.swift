// What one plugin handler call costs: called from Swift through LuaState (the host call), and
// called from Lua itself (the Lua call), the floor a host call is compared with.
// Run with `swift package benchmark` in the Benchmarks folder; see README.md.
import Benchmark
import LuaHost

/// The plugin both benchmarks call: a handler taking a small table and returning a small table,
/// and a loop that calls the handler `n` times from Lua.
let pluginSource = """
    local function handle(input) return { accepted = true, count = input.count + 1, who = input.participant } end
    return { handle = handle, loop = function(n, input) local r for i = 1, n do r = handle(input) end return r end }
    """

/// The argument of every handler call.
let handlerInput: LuaValue = ["participant": "ann", "count": 4, "name": "dot"]

/// A fresh state with the plugin loaded, and its two functions.
func loadPlugin() throws -> (state: LuaState, handle: LuaReference, loop: LuaReference) {
    let state = try LuaState()
    let chunk = try state.load(source: pluginSource, path: "bench.lua")
    guard let module = try state.callForReference(chunk, []),
        let handle = state.field(module, "handle"),
        let loop = state.field(module, "loop")
    else { fatalError("bench.lua did not return its handle and loop functions") }
    return (state, handle, loop)
}

/// The result every handler call must give.
let expectedResult: LuaValue = ["accepted": true, "count": 5, "who": "ann"]

let benchmarks: @Sendable () -> Void = {
    // Per-call figures: every metric marked `*` in the output is divided by the scaling factor,
    // so throughput is handler calls per second and time is per handler call. Not measured:
    // `.instructions` (this VM has no hardware counters: `perf stat -e instructions` says
    // "not supported"), and `.cpuTotal` for the host call, whose ~5 ms samples are below the
    // 10 ms resolution of the CPU-time clock.
    let metrics: [BenchmarkMetric] = [.throughput, .wallClock, .mallocCountTotal]

    // One warm state per benchmark, made once; a LuaState is used by one thread at a time, and
    // the runner calls one benchmark closure at a time.
    let hostPlugin = try! loadPlugin()
    let luaPlugin = try! loadPlugin()
    let input = LuaArgument.value(handlerInput)
    guard try! hostPlugin.state.callForValue(hostPlugin.handle, [input]) == expectedResult,
        try! luaPlugin.state.call(luaPlugin.loop, [.value(.integer(10)), input]) == [expectedResult]
    else { fatalError("bench.lua returned something unexpected") }

    // 1. Host call: Swift calls the handler through LuaState, 1,000 calls per measured sample:
    // push the argument table, lshim_pcall, read the result table back into a LuaValue
    // (callForValue: one result, as the exercise runtime reads outcomes and views).
    Benchmark(
        "host call",
        configuration: .init(
            metrics: metrics,
            warmupIterations: 10,
            scalingFactor: .kilo,
            maxDuration: .seconds(10),
            maxIterations: 10_000
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try hostPlugin.state.callForValue(hostPlugin.handle, [input]))
        }
    }

    // 2. Lua call: one host call of `loop`, which calls the handler 1,000,000 times from Lua;
    // the single host call around it is negligible, so per-call figures are Lua-to-Lua calls.
    Benchmark(
        "Lua call",
        configuration: .init(
            metrics: metrics + [.cpuTotal],
            warmupIterations: 1,
            scalingFactor: .mega,
            maxDuration: .seconds(10),
            maxIterations: 30
        )
    ) { benchmark in
        let arguments: [LuaArgument] = [.value(.integer(Int64(benchmark.scaledIterations.count))), input]
        blackHole(try luaPlugin.state.call(luaPlugin.loop, arguments))
    }
}
