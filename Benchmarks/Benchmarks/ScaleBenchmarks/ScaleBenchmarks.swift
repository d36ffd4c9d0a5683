// How the costs grow: one input through the exercise runtime against the same handler called
// from Lua, a library of 500 exercises, the agenda of 4,000 steps, and the shipped exercises'
// outcomes at the scale of a large room. See ../../README.md for the figures.
import Benchmark
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// The repository's root, from this file's place in Benchmarks/Benchmarks/ScaleBenchmarks/.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let exercises = root.appendingPathComponent("Exercises")
let modules = ModuleDirectories([exercises.appendingPathComponent("lib")])

func source(_ id: String) -> ExerciseSource {
    ExerciseSource(path: "\(id).lua", text: try! String(contentsOf: exercises.appendingPathComponent("\(id).lua"), encoding: .utf8))
}

/// A directory of 500 exercises: the shipped ones again and again, each under an id of its own.
func libraryOf500() throws -> URL {
    let directory = root.appendingPathComponent("Benchmarks/.build/library-500")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: exercises.appendingPathComponent("lib"), to: directory.appendingPathComponent("lib"))
    let ids = try ExerciseLibrary.exerciseFiles(in: exercises).map { $0.deletingPathExtension().lastPathComponent }
    for number in 0..<500 {
        let id = ids[number % ids.count]
        let text = try String(contentsOf: exercises.appendingPathComponent("\(id).lua"), encoding: .utf8)
        let renamed = text.replacingOccurrences(of: "id = \"\(id)\"", with: "id = \"\(id)-\(number)\"")
        try renamed.write(to: directory.appendingPathComponent("\(id)-\(number).lua"), atomically: true, encoding: .utf8)
    }
    return directory
}

/// A cache in memory.
final class MemoryCache: DeclarationCache, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [UInt8]] = [:]
    func bytes(for key: String) -> [UInt8]? { lock.withLock { entries[key] } }
    func store(_ bytes: [UInt8], for key: String) { lock.withLock { entries[key] = bytes } }
}

/// A session script of `count` steps: the shipped exercises in turn, with notes, and a break
/// every tenth step.
func scriptOf(_ count: Int, ids: [String]) -> String {
    var lines = ["title: Groot", "language: nl", "date: 2025-03-10", "start: \"09:00\"", "steps:"]
    for number in 0..<count {
        if number % 10 == 9 {
            lines.append("  - break: 15")
        } else {
            lines += ["  - exercise: \(ids[number % ids.count])", "    notes: Let op de tijd en vraag door."]
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// engagement-voting with `participants` participants who wrote `notes` engagements in all,
/// in its vote phase, each with all but one of their dots placed.
func votingRun(participants count: Int, notes: Int) -> ExerciseRun {
    let people = (1...count).map { "p\($0)" }
    let run = try! ExerciseRun(source: source("engagement-voting"), modules: modules, params: ["dots": 5], participants: people, seed: 1)
    var inputs: [ExerciseInput] = []
    for note in 0..<notes { inputs.append(ExerciseInput(name: "engagement", participant: people[note % count], fields: ["text": .string("Engagement nummer \(note)")])) }
    _ = run.handle(inputs)
    try! run.move(to: "vote")
    inputs = []
    for (offset, person) in people.enumerated() {
        for dot in 0..<4 { inputs.append(ExerciseInput(name: "dot", participant: person, fields: ["note": .integer(Int64((offset * 7 + dot * 13) % notes + 1))])) }
    }
    let results = run.handle(inputs)
    guard results.allSatisfy({ $0 == .accepted }) else { fatalError("the votes were not accepted: \(results.first { $0 != .accepted }!)") }
    return run
}

/// house-rules with `count` proposals, each different, ten by each participant (the most
/// the exercise allows).
func houseRulesInputs(_ count: Int) -> (people: [String], inputs: [ExerciseInput]) {
    let people = (1...(count / 10)).map { "p\($0)" }
    let inputs = (0..<count).map { number in
        ExerciseInput(name: "propose", participant: people[number % people.count], fields: ["text": .string("Afspraak \(number): we laten elkaar uitpraten")])
    }
    return (people, inputs)
}

let benchmarks: @Sendable () -> Void = {
    // 1. One input through the exercise runtime, `ExerciseRun.handle`, one at a time (as a
    // phone's input arrives): a dot placed and taken back, so that the state stays the same.
    let single = votingRun(participants: 10, notes: 30)
    let dot = ExerciseInput(name: "dot", participant: "p1", fields: ["note": 3])
    let undo = ExerciseInput(name: "remove_dot", participant: "p1", fields: ["note": 3])
    guard single.handle(dot) == .accepted, single.handle(undo) == .accepted else { fatalError("a dot was refused") }
    Benchmark(
        "one input through the exercise runtime",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], warmupIterations: 10, scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 10_000)
    ) { benchmark in
        for index in benchmark.scaledIterations { blackHole(single.handle(index % 2 == 0 ? dot : undo)) }
    }

    // 2. The same handlers called from Lua, in a plain state with the exercise loaded: the
    // floor the runtime is compared with.
    let state = try! LuaState(modules: modules.find)
    let chunk = try! state.load(source: source("engagement-voting").text, path: "engagement-voting.lua")
    let exercise = try! state.callForReference(chunk, [])!
    let driver = try! state.load(
        source: """
            local exercise = ...
            local people = {}
            for i = 1, 10 do people[i] = "p" .. i end
            local params = {}
            for _, param in ipairs(exercise.params) do params[param.name] = param.default end
            params.dots = 5
            local ctx = { lang = "nl", phase = "collect", params = params, participants = people }
            local s = exercise.init(ctx.params, people, ctx)
            for i = 1, 30 do exercise.handlers.engagement(s, { name = "engagement", participant = people[i % 10 + 1], fields = { text = "Engagement nummer " .. i } }, ctx) end
            ctx.phase = "vote"
            local dot = { name = "dot", participant = "p1", fields = { note = 3 }, phase = "vote" }
            local undo = { name = "remove_dot", participant = "p1", fields = { note = 3 }, phase = "vote" }
            local handlers = exercise.handlers
            return function(n)
              for i = 1, n do
                if i % 2 == 1 then handlers.dot(s, dot, ctx) else handlers.remove_dot(s, undo, ctx) end
              end
            end
            """, path: "driver.lua")
    let loop = try! state.callForReference(driver, [.reference(exercise)])!
    Benchmark(
        "the same handlers called from Lua",
        configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal], warmupIterations: 1, scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 30)
    ) { benchmark in
        blackHole(try state.call(loop, [.value(.integer(Int64(benchmark.scaledIterations.count)))]))
    }

    // 3. A library of 500 exercises, as `werkvorm exercises list` reads it: each loaded in a
    // state of its own, and with a warm declaration cache.
    let directory = try! libraryOf500()
    let cache = MemoryCache()
    guard ExerciseLibrary(directories: [directory], cache: cache).exercises.count == 500 else { fatalError("the library of 500 has problems") }
    Benchmark("a library of 500 exercises, loaded", configuration: .init(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)) { _ in
        blackHole(ExerciseLibrary(directories: [directory]))
    }
    Benchmark("a library of 500 exercises, cached", configuration: .init(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20)) { _ in
        blackHole(ExerciseLibrary(directories: [directory], cache: cache))
    }

    // 4. The agenda of 4,000 steps: the script parsed, and the text `werkvorm plan` prints.
    let library = ExerciseLibrary(directories: [exercises])
    let big = scriptOf(4000, ids: library.sorted.map(\.id))
    Benchmark("the agenda of 4,000 steps", configuration: .init(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)) { _ in
        let script = try SessionScript.parse(big, file: "big.yaml", library: library)
        blackHole(Agenda(script: script).text)
    }

    // 5. engagement-voting's outcome with 1,000 participants and 3,000 engagements.
    let voting = votingRun(participants: 1000, notes: 3000)
    Benchmark("engagement-voting outcome, 1,000 × 3,000", configuration: .init(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 100)) { _ in
        blackHole(try voting.outcome())
    }

    // 6. house-rules with 3,000 and 12,000 proposals: twice the proposals should take twice
    // the time, not four times.
    for count in [3000, 12000] {
        let (people, inputs) = houseRulesInputs(count)
        Benchmark("house-rules, \(count) proposals", configuration: .init(metrics: [.wallClock], warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)) { _ in
            let run = try ExerciseRun(source: source("house-rules"), modules: modules, params: ["max_proposals": 10], participants: people, seed: 1)
            let results = run.handle(inputs)
            guard results.allSatisfy({ $0 == .accepted }) else { fatalError("a proposal was refused: \(results.first { $0 != .accepted }!)") }
            blackHole(try run.outcome())
        }
    }
}
