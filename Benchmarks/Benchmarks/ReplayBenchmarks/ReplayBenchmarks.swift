// Replaying a large record: 1,000 participants and 100,000 inputs to the engagement-voting
// exercise (engagements, then dots placed and taken back), recorded once in setup and replayed
// from the record alone in every iteration. See ../../README.md for the figures.
import Benchmark
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary

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
            events.append(
                SessionEvent(step: 1, action: .input(ExerciseInput(name: "engagement", participant: writer, fields: ["text": .string("Engagement \(number) van \(writer)")]))))
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

/// The record of the benchmark session, made once and written to `.build/NAME.record.json`
/// in this package (where `werkvorm replay` can be timed on it too). With `failing`, the
/// exercise's `dot` handler raises an error on about 0.5 % of the inputs (a dot on engagement 7
/// by every third participant): a replay then has to undo about 550 failed handlers. Returns
/// the file's path.
func writeRecord(failing: Bool = false) throws -> String {
    var directories = [root.appendingPathComponent("Exercises")]
    if failing {
        let directory = root.appendingPathComponent("Benchmarks/.build/failing-exercises")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try String(contentsOf: root.appendingPathComponent("Exercises/engagement-voting.lua"), encoding: .utf8)
        let raising = source.replacingOccurrences(
            of: "  local count = input.fields.count or 1\n  local rules = state.rules\n",
            with: """
                  local count = input.fields.count or 1
                  local rules = state.rules
                  if note == 7 and tonumber(who:match("%d+")) % 3 == 0 then error("a failing handler") end

                """)
        guard raising != source else { fatalError("the dot handler has changed; adapt the benchmark") }
        try raising.write(to: directory.appendingPathComponent("engagement-voting.lua"), atomically: true, encoding: .utf8)
        directories.append(directory)
    }
    let library = ExerciseLibrary(directories: directories)
    let script = try SessionScript.parse(scriptText, file: "benchmark.yaml", library: library)
    let participants = SessionRun.participants(of: script, events: [])
    let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: participants)
    run.apply(benchmarkEvents(participants: participants))
    let file = root.appendingPathComponent("Benchmarks/.build/\(failing ? "failing-replay" : "replay")-benchmark.record.json")
    try SessionRecord(run, scriptText: scriptText).write(to: file)
    return file.path
}

/// What `werkvorm run --events` does with the benchmark's 100,031 events: journalled in groups
/// of 1,024 (each group written and synced once), applied, and the record written, in
/// `directory`.
func recordRun(in directory: URL, script: SessionScript, library: ExerciseLibrary, events: [SessionEvent]) async {
    let record = directory.appendingPathComponent("run-benchmark.record.json")
    try? FileManager.default.removeItem(at: record)
    try? FileManager.default.removeItem(at: Journal.url(forRecord: record))
    do {
        let session = try RecordingSession(
            script: script, scriptText: scriptText, modules: library.modules, participants: SessionRun.participants(of: script, events: []),
            seed: 1, record: record, anonymise: false)
        var start = 0
        while start < events.count {
            try await session.submit(Array(events[start..<min(start + 1024, events.count)]))
            start += 1024
        }
        try await session.finish()
    } catch {
        fatalError("the run failed: \(error)")
    }
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
        let replay = try SessionReplay.replay(try RecordedSession(contentsOf: path, events: .replayed))
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences)") }
        blackHole(replay)
    }

    // The replay alone, from the record read back: what compares with lua5.4 driving the
    // handlers over inputs already loaded as a Lua table (lua/replay-baseline.lua).
    Benchmark(
        "replay a record read back",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    ) { _ in
        let replay = try SessionReplay.replay(recorded)
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences)") }
        blackHole(replay)
    }

    // The same replay when about 0.5 % of the handlers raise an error: each failure undoes its
    // input from the last checkpoint of the state.
    let failingPath = try! writeRecord(failing: true)
    let failing = try! RecordedSession(contentsOf: failingPath)
    let failures = failing.events.filter { $0.result.kind == .failed }.count
    guard failures > 400 && failures < 700 else { fatalError("expected about 550 failing inputs, found \(failures)") }
    Benchmark(
        "replay a record read back, 0.5 % of handlers failing",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    ) { _ in
        let replay = try SessionReplay.replay(failing)
        guard replay.divergences.isEmpty else { fatalError("the replay differs: \(replay.divergences.prefix(3))") }
        blackHole(replay)
    }

    // Recording a session of 100,031 events through the journal: on the disk, and on tmpfs
    // (/dev/shm), where a sync costs nothing. The goal: the disk within 2× of tmpfs.
    let library = ExerciseLibrary(directories: [root.appendingPathComponent("Exercises")])
    let script = try! SessionScript.parse(scriptText, file: "benchmark.yaml", library: library)
    let events = benchmarkEvents(participants: SessionRun.participants(of: script, events: []))
    for (name, directory) in [("disk", root.appendingPathComponent("Benchmarks/.build")), ("tmpfs", URL(fileURLWithPath: "/dev/shm"))] {
        Benchmark(
            "record 100,000 events through the journal, \(name)",
            configuration: .init(metrics: [.wallClock, .cpuTotal, .syscalls], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
        ) { _ in
            await recordRun(in: directory, script: script, library: library, events: events)
        }
    }

    // Reading the record's file: the JSON, with the events streamed into recorded events.
    Benchmark(
        "read a record file",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { _ in
        blackHole(try RecordedSession(contentsOf: path))
    }
}
