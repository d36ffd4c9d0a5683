// What one operation costs in instructions, counted by callgrind: `instruction-counts.sh` runs
// this program twice with different counts and divides the difference, so that start-up and
// set-up drop out. Operations:
//   host N      the host call of LuaHostBenchmarks, N times: push a three-field table, call the
//               handler, read its table result back into a LuaValue
//   outcome N   read an engagement-voting-sized outcome (3,000 notes, 3,000 ranks and 1,000
//               participants' dots left: 7,001 tables) from Lua into a LuaValue, N times
//   write N     write that outcome as JSON, N times
//   read N      read that JSON back into a LuaValue, N times
import LuaHost

#if canImport(Glibc)
    import Glibc
#endif

let source = """
    local function handle(input) return { accepted = true, count = input.count + 1, who = input.participant } end
    local notes, ranking, left = {}, {}, {}
    for i = 1, 3000 do notes[i] = { id = i, text = "engagement " .. i, dots = i % 7, by = "deelnemer-" .. (i % 1000) } end
    for i = 1, 3000 do ranking[i] = { note = i, dots = i % 7 } end
    for i = 1, 1000 do left[i] = { participant = "deelnemer-" .. i, left = i % 5 } end
    local outcome = { notes = notes, ranking = ranking, dots_left = left, phase = "results" }
    return { handle = handle, outcome = function() return outcome end }
    """

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), ["host", "outcome", "write", "read"].contains(arguments[1]) else {
    print("usage: InstructionCounts host|outcome|write|read COUNT")
    exit(2)
}
let state = try LuaState()
guard let module = try state.callForReference(try state.load(source: source, path: "probe.lua"), []),
    let handle = state.field(module, "handle"), let outcome = state.field(module, "outcome")
else { fatalError("probe.lua did not return its functions") }
var sink = 0
switch arguments[1] {
case "host":
    let input: [LuaArgument] = [.value(["participant": "ann", "count": 4, "name": "dot"])]
    for _ in 0..<count { sink &+= try state.callForValue(handle, input).objectValue?.count ?? 0 }
case "outcome":
    for _ in 0..<count { sink &+= try state.callForValue(outcome, []).objectValue?.count ?? 0 }
case "write":
    let value = try state.callForValue(outcome, [])
    for _ in 0..<count { sink &+= JSONWriter.bytes(value).count }
default:
    let bytes = JSONWriter.bytes(try state.callForValue(outcome, []))
    for _ in 0..<count { sink &+= try JSONReader.parse(bytes: bytes).objectValue?.count ?? 0 }
}
print(sink)
