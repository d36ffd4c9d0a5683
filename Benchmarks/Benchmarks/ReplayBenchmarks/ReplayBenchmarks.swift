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

/// The record of the benchmark session, made once.
func makeRecord() throws -> LuaValue {
    let library = ExerciseLibrary(directories: [root.appendingPathComponent("Exercises")])
    let script = try SessionScript.parse(scriptText, file: "benchmark.yaml", library: library)
    let participants = SessionRun.participants(of: script, events: [])
    let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: participants)
    for event in benchmarkEvents(participants: participants) { run.apply(event) }
    return SessionRecord.make(run, scriptText: scriptText)
}

let benchmarks: @Sendable () -> Void = {
    let record = try! makeRecord()
    let json = Array(JSONWriter.string(record, pretty: true).utf8)
    guard case .array(let events)? = record["events"], events.count == 100_031 else { fatalError("the record has the wrong number of events") }

    // Replay from the parsed record: load the exercise from the record, apply 100,031 events,
    // compute the outcome and compare it with the recorded one.
    Benchmark(
        "replay 100,000 inputs",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)
    ) { _ in
        let replay = try SessionReplay.replay(record, file: "benchmark.json")
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences)") }
        blackHole(replay)
    }

    // Reading the record's JSON (about 15 MB) into a LuaValue, which `werkvorm replay` does first.
    Benchmark(
        "read the record's JSON",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 5)
    ) { _ in
        blackHole(try JSONReader.parse(bytes: json))
    }
}
