import LuaHost

/// A replay of a record: the session run again from the script, exercise sources, modules, seed,
/// participants and events the record carries, and every result and outcome compared with the
/// recorded one.
public struct SessionReplay {
    /// A place where the replay differs from the record.
    public struct Divergence: Sendable, Hashable, CustomStringConvertible {
        public var step: Int
        public var exercise: String?
        /// The place inside the outcome (`outcome.tally[17]`), or the event (`events[12].result`).
        public var path: String
        public var recorded: String
        public var replayed: String

        public var description: String {
            "step \(step)\(exercise.map { " (\($0))" } ?? ""): \(path): recorded \(recorded), replayed \(replayed)"
        }
    }

    /// The record's events, replayed.
    public let events: Int
    /// The record's exercise steps.
    public let steps: Int
    /// Where the replay differs from the record; empty when it is identical.
    public let divergences: [Divergence]
    /// With a current library: the exercises and modules whose source differs from the record's.
    public let changes: [String]

    /// Replays a record read back: every event applied again (runs of inputs in batches), every
    /// result and outcome compared with the recorded one.
    public static func replay(_ recorded: RecordedSession) -> SessionReplay {
        let run = SessionRun(script: recorded.script, modules: recorded.library.modules, seed: recorded.seed, participants: recorded.participants)
        run.keepsEvents = false
        let recordedSteps = recorded.steps
        var divergences: [Divergence] = []
        let events = recorded.events
        var start = 0
        while start < events.count {  // a slice at a time, so that the events are not held twice
            let end = min(start + 8192, events.count)
            let results = run.apply(events[start..<end].map(\.event))
            for (offset, result) in zip(start..<end, results) {
                let replayed = RecordedEvent.Result(result)
                guard events[offset].result != replayed else { continue }
                divergences.append(Divergence(
                    step: events[offset].event.step, exercise: nil, path: "events[\(offset + 1)].result",
                    recorded: JSONWriter.string(.string(events[offset].result.rawValue)), replayed: JSONWriter.string(.string(replayed.rawValue))))
            }
            start = end
        }
        let outcomes = run.outcomes()
        var exerciseSteps = 0
        for recorded in recordedSteps {
            guard recorded["kind"] == "exercise", let step = recorded["step"]?.integerValue.map({ Int($0) }) else { continue }
            exerciseSteps += 1
            let exercise = recorded["exercise"]?.stringValue
            guard case .success(let outcome)? = outcomes[step] else {
                divergences.append(Divergence(step: step, exercise: exercise, path: "outcome", recorded: "an outcome", replayed: "no outcome"))
                continue
            }
            if let difference = firstDifference(recorded["outcome"] ?? .null, outcome, at: ValuePath("outcome")) {
                divergences.append(Divergence(step: step, exercise: exercise, path: difference.path, recorded: difference.recorded, replayed: difference.replayed))
            }
        }
        return SessionReplay(events: recorded.events.count, steps: exerciseSteps, divergences: divergences, changes: recorded.changes)
    }

    /// One line per event of a record, with what became of it and how the step's outcome changed:
    /// the session as it went, input by input.
    public static func timeline(_ recorded: RecordedSession) -> [String] {
        let run = SessionRun(script: recorded.script, modules: recorded.library.modules, seed: recorded.seed, participants: recorded.participants)
        var lines: [String] = []
        var previous: [Int: LuaValue] = [:]
        for event in recorded.sessionEvents {
            let result = run.apply(event)
            var line = "step \(event.step)" + (event.time.map { " \($0)" } ?? "") + ": "
            switch event.action {
            case .phase(let id): line += "→ phase \(id)"
            case .input(let input):
                line += (input.participant.map { "\($0): " } ?? "") + input.name
                let shown = JSONWriter.sortedKeys(input.fields).map { "\($0)=\(show(input.fields[$0] ?? .null))" }
                if !shown.isEmpty { line += " " + shown.joined(separator: " ") }
            }
            switch result {
            case .accepted:
                let outcome = run.outcome(ofStep: event.step) ?? .null
                let changes = differences(previous[event.step] ?? .null, outcome, at: ValuePath("outcome"), limit: 3)
                previous[event.step] = outcome
                line += "  ✔" + (changes.isEmpty ? "" : "  " + changes.map { "\($0.path): \($0.recorded) → \($0.replayed)" }.joined(separator: "; "))
            case .rejected(let reason): line += "  ✘ " + reason.text(recorded.script.language)
            case .failed(let problem): line += "  ✘ " + problem.description
            }
            lines.append(line)
        }
        return lines
    }

    /// Up to `limit` places where two values differ, in key order.
    static func differences(_ before: LuaValue, _ after: LuaValue, at path: ValuePath, limit: Int) -> [(path: String, recorded: String, replayed: String)] {
        var found: [(path: String, recorded: String, replayed: String)] = []
        func walk(_ a: LuaValue, _ b: LuaValue, _ path: ValuePath) {
            guard found.count < limit else { return }
            switch (a, b) {
            case (.object(let x), .object(let y)):
                for key in JSONWriter.sortedKeys(x.merging(y) { first, _ in first }) { walk(x[key] ?? .null, y[key] ?? .null, path.appending(key: key)) }
            case (.array(let x), .array(let y)):
                for index in 0..<max(x.count, y.count) {
                    walk(index < x.count ? x[index] : .null, index < y.count ? y[index] : .null, path.appending(index: index + 1))
                }
            default:
                if a != b { found.append((path.description, show(a), show(b))) }
            }
        }
        walk(before, after, path)
        return found
    }

    /// The first place where two values differ, in key order.
    static func firstDifference(_ recorded: LuaValue, _ replayed: LuaValue, at path: ValuePath) -> (path: String, recorded: String, replayed: String)? {
        differences(recorded, replayed, at: path, limit: 1).first
    }

    private static func show(_ value: LuaValue) -> String {
        if case .null = value { return "nothing" }
        let text = JSONWriter.string(value)
        return text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
