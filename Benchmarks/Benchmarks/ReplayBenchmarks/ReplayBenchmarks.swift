// Replaying a large record: 1,000 participants and 100,000 inputs to the engagement-voting
// exercise (engagements, then dots placed and taken back), recorded once in setup and replayed
// from the record alone in every iteration. See ../../README.md for the figures.
import Benchmark
import Foundation
import LuaHost
import Werkvorm

/// The repository's root, from this file's place in Benchmarks/Benchmarks/ReplayBenchmarks/.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let scriptText = """
    title: Replay benchmark
    language: nl
    date: 2024-01-01
    start: "09:00"
    roster:
      - anonymous: 1000
    steps:
      - exercise: engagement-voting
        minutes: 60
        params:
          dots: 20

    """

/// 30 engagements by 10 participants, the vote, then 50 dots placed and taken back by each of
/// the 1,000 participants: 100,031 events.
func benchmarkEvents(participants: [String]) -> [SessionEvent] {
    var events: [SessionEvent] = []
    for writer in participants.prefix(10) {
        for number in 1...3 {
            events.append(SessionEvent(step: 1, action: .input(ExerciseInput(name: "engagement", participant: writer, fields: ["text": .string("Engagement \(number) van \(writer)")]))))
        }
    }
    events.append(SessionEvent(step: 1, action: .phase("vote")))
    for (offset, participant) in participants.enumerated() {
        for round in 0..<50 {
            let note = LuaValue.integer(Int64((offset + round) % 30 + 1))
            events.append(SessionEvent(step: 1, action: .input(ExerciseInput(name: "dot", participant: participant, fields: ["note": note]))))
            events.append(SessionEvent(step: 1, action: .input(ExerciseInput(name: "remove_dot", participant: participant, fields: ["note": note]))))
        }
    }
    return events
}

/// The record of the benchmark session, made once and written to `.build/replay-benchmark.record.json`
/// in this package (where `werkvorm replay` can be timed on it too). Returns the file's path.
func writeRecord() throws -> String {
    let library = ExerciseLibrary(directories: [root.appendingPathComponent("Exercises")])
    let script = try SessionScript.parse(scriptText, file: "benchmark.yaml", library: library)
    let participants = SessionRun.participants(of: script, events: [])
    let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: participants)
    for event in benchmarkEvents(participants: participants) { run.apply(event) }
    let file = root.appendingPathComponent("Benchmarks/.build/replay-benchmark.record.json")
    try SessionRecord.write(SessionRecord.make(run, scriptText: scriptText), to: file)
    return file.path
}

let benchmarks: @Sendable () -> Void = {
    let path = try! writeRecord()
    let recorded = try! RecordedSession(contentsOf: path)
    guard recorded.events.count == 100_031 else { fatalError("the record has the wrong number of events") }

    // What `werkvorm replay` does: read the record's file (about 17 MB of JSON), load the
    // exercise and its modules from it, apply 100,031 events, compute the outcome and compare.
    Benchmark(
        "replay a record file of 100,000 inputs",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    ) { _ in
        let replay = SessionReplay.replay(try RecordedSession(contentsOf: path))
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences)") }
        blackHole(replay)
    }

    // The replay alone, from the record read back: what compares with lua5.4 driving the
    // handlers over inputs already loaded as a Lua table (lua/replay-baseline.lua).
    Benchmark(
        "replay a record read back",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    ) { _ in
        let replay = SessionReplay.replay(recorded)
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences)") }
        blackHole(replay)
    }

    // Reading the record's file: the JSON, with the events streamed into recorded events.
    Benchmark(
        "read a record file",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { _ in
        blackHole(try RecordedSession(contentsOf: path))
    }
}
