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
            "step \(step)\(exercise.map { " (\($0))" } ?? ""): \(path): recorded \(Excerpt.of(recorded, limit: 240)), replayed \(Excerpt.of(replayed, limit: 240))"
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

    /// At most this many places are named in one step's outcome.
    static let placesPerOutcome = 1000

    /// Replays a record read back: every event applied again (runs of inputs in batches), every
    /// result (its kind, code and reason) and outcome compared with the recorded one, naming
    /// every place that differs.
    /// A record read with `events: .streamed` has its events read again from the file a group
    /// at a time; one that changed on disk since is a problem.
    public static func replay(_ recorded: RecordedSession) throws(Problems) -> SessionReplay {
        let run = recorded.makeRun()
        run.keepsEvents = false
        var divergences: [Divergence] = []
        var start = 0
        try recorded.forEachGroup(of: 8192) { events in  // a group at a time, so that the events are not held twice
            let results = run.apply(events.map(\.event.unnumbered))
            for offset in events.indices {  // by index, without a copy of each event
                if events[offset].result == results[offset].result, events[offset].duplicateOf == results[offset].duplicateOf { continue }  // the usual case
                divergences += compare(events[offset], results[offset], number: start + offset + 1, version: recorded.version)
            }
            start += events.count
        }
        let outcomes = run.outcomes()
        var exerciseSteps = 0
        for recordedStep in recorded.steps where recordedStep.kind == "exercise" {
            exerciseSteps += 1
            let step = recordedStep.step
            if let recordedParams = recordedStep.params, let params = run.params(ofStep: step), recordedParams != params {  // those taken from earlier steps
                for difference in differences(.object(recordedParams), .object(params), at: ValuePath("params"), limit: placesPerOutcome) {
                    divergences.append(Divergence(step: step, exercise: recordedStep.exercise, path: difference.path, recorded: difference.recorded, replayed: difference.replayed))
                }
            }
            guard case .success(let outcome)? = outcomes[step] else {
                if recordedStep.outcome == nil { continue }  // none recorded (its error instead), none replayed: the same
                var replayed = "no outcome"
                if case .failure(let problem)? = outcomes[step] { replayed += " (" + Excerpt.of(problem.description, limit: 160) + ")" }
                divergences.append(Divergence(step: step, exercise: recordedStep.exercise, path: "outcome", recorded: "an outcome", replayed: replayed))
                continue
            }
            for difference in differences(recordedStep.outcome ?? .null, outcome, at: ValuePath("outcome"), limit: placesPerOutcome) {
                divergences.append(Divergence(step: step, exercise: recordedStep.exercise, path: difference.path, recorded: difference.recorded, replayed: difference.replayed))
            }
        }
        return SessionReplay(events: recorded.eventCount, steps: exerciseSteps, divergences: divergences, changes: recorded.changes)
    }

    /// Where a replayed event differs from the recorded one: its result's kind, its code and
    /// reason, or whether it repeated an earlier event. A record of format 1 has no codes, and
    /// its runtime reasons were English text, so there only the exercises' own reasons count.
    static func compare(_ recorded: RecordedEvent, _ replayed: RecordedEvent, number: Int, version: Int64) -> [Divergence] {
        let step = recorded.event.step ?? 0
        func divergence(_ field: String, _ was: String, _ now: String) -> Divergence {
            Divergence(step: step, exercise: nil, path: "events[\(number)].\(field)", recorded: was, replayed: now)
        }
        var found: [Divergence] = []
        if recorded.duplicateOf != replayed.duplicateOf {
            found.append(divergence("duplicate", recorded.duplicateOf.map(String.init) ?? "nothing", replayed.duplicateOf.map(String.init) ?? "nothing"))
        }
        switch (recorded.result, replayed.result) {
        case (.rejected(let was), .rejected(let now)):
            let comparable = version >= 2 || now.code == .exercise
            if version >= 2, was.code != now.code { found.append(divergence("code", quoted(was.code.rawValue), quoted(now.code.rawValue))) }
            if comparable, was.reason != now.reason {
                found.append(divergence("reason", show(was.reason.value), show(now.reason.value)))
            }
        case (.failed(let was), .failed(let now)):
            if was.description != now.description { found.append(divergence("reason", quoted(was.description), quoted(now.description))) }
        default:
            if recorded.result.kind != replayed.result.kind {
                func told(_ result: EventResult) -> String {  // a failure with its reason: why the replay differs
                    guard case .failed(let problem) = result else { return quoted(result.kind.rawValue) }
                    return quoted(result.kind.rawValue) + " (" + Excerpt.of(problem.description, limit: 160) + ")"
                }
                found.append(divergence("result", told(recorded.result), told(replayed.result)))
            }
        }
        return found
    }

    private static func quoted(_ text: String) -> String {
        show(.string(text))
    }

    /// One line per event of a record, with what became of it and how the step's outcome changed:
    /// the session as it went, input by input.
    ///
    /// A step's outcome is computed and compared again after every accepted event, as long as the
    /// values compared stay within `budget`: its ``TimelineBudget/start`` values, and
    /// ``TimelineBudget/perEvent`` more for each accepted event. A workshop's room stays well within
    /// it; a session of thousands of participants or tens of thousands of inputs then has its
    /// outcome shown after every few events, with the change over them. So the timeline's cost
    /// grows with the number of events, not with the events times the outcome's size.
    public static func timeline(_ recorded: RecordedSession, budget: TimelineBudget = .standard) -> [String] {
        let run = recorded.makeRun()
        var lines: [String] = []
        var previous: [Int: LuaValue] = [:]
        var pending: [Int: (inputs: Int, budget: Int, size: Int)] = [:]  // by step: accepted events since its outcome was last shown, the budget left, the outcome's size
        let events = recorded.sessionEvents
        var lastOfStep: [Int: Int] = [:]  // where each step's events end: what is pending is shown there
        for (index, event) in events.enumerated() { if let step = event.step { lastOfStep[step] = index } }
        /// How the step's outcome changed since it was last shown, after `inputs` accepted events.
        func change(ofStep step: Int, over inputs: Int) -> String {
            guard let outcome = run.outcome(ofStep: step) else { return "" }
            let changes = differences(previous[step] ?? .null, outcome, at: ValuePath("outcome"), limit: 3)
            previous[step] = outcome
            let size = outcome.nodeCount
            pending[step] = (inputs: 0, budget: (pending[step]?.budget ?? budget.start) - size, size: size)
            guard !changes.isEmpty else { return "" }
            return "  " + changes.map { "\($0.path): \($0.recorded) → \($0.replayed)" }.joined(separator: "; ")
                + (inputs > 1 ? "  (over the last \(inputs) accepted events)" : "")
        }
        let language = recorded.script.language
        for (index, event) in events.enumerated() {
            let applied = run.apply(event)
            var line = (event.step.map { "step \($0)" } ?? "session") + (event.time.map { " \($0)" } ?? "") + ": "
            switch event.action {
            case .phase(let id): line += "→ phase \(id)"
            case .input(let input):
                line += (input.participant.map { "\($0): " } ?? "") + input.name
                let shown = JSONWriter.sortedKeys(input.fields).map { "\($0)=\(show(input.fields[$0] ?? .null))" }
                if !shown.isEmpty { line += " " + shown.joined(separator: " ") }
            case .join(let name): line += "\(name) joins"
            case .go: line += "→ go to this step"
            case .reveal(let flag): line += flag ? "results revealed" : "results hidden"
            case .approve(let seq): line += "approve input \(seq)"
            case .hide(let seq): line += "hide input \(seq)"
            case .pause(let flag): line += flag ? "input paused" : "input open again"
            }
            var accepted = false
            if let first = applied.duplicateOf {
                line += "  ↺ repeats event \(first)"
            } else {
                switch applied.result {
                case .accepted:
                    line += "  ✔"
                    accepted = true
                case .held: line += "  ⏸ " + (language == .nl ? "wacht op goedkeuring" : "waiting for approval")
                case .rejected(let rejection): line += "  ✘ " + rejection.reason.text(language)
                case .failed(let problem): line += "  ✘ " + problem.description
                }
            }
            if let step = event.step {
                var since = pending[step] ?? (inputs: 0, budget: budget.start, size: 0)
                if accepted {
                    since.inputs += 1
                    since.budget += budget.perEvent
                }
                pending[step] = since
                var isInput = false
                if case .input = event.action { isInput = true }
                // after each event while the budget allows, after every few once it does not; at once after
                // anything else the facilitator did; and at the step's last event, whatever is still pending
                if since.inputs > 0, since.budget >= since.size || (accepted && !isInput) || lastOfStep[step] == index {
                    line += change(ofStep: step, over: since.inputs)
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// How many values of a step's outcomes the timeline may compute and compare (see
    /// ``timeline(_:budget:)``); a value is a text, number, list or object (``LuaValue/nodeCount``).
    public struct TimelineBudget: Sendable {
        /// Values for the step's start.
        public var start: Int
        /// Values more for each accepted event.
        public var perEvent: Int

        public init(start: Int, perEvent: Int) {
            self.start = start
            self.perEvent = perEvent
        }

        /// A second or so of a large step's outcomes to start with, and 32 values an event.
        public static let standard = TimelineBudget(start: 1_000_000, perEvent: 32)
    }

    /// Up to `limit` places where two values differ, in key order.
    static func differences(_ before: LuaValue, _ after: LuaValue, at path: ValuePath, limit: Int) -> [(path: String, recorded: String, replayed: String)] {
        var found: [(path: String, recorded: String, replayed: String)] = []
        func walk(_ a: LuaValue, _ b: LuaValue, _ path: ValuePath) {
            guard found.count < limit, a != b else { return }  // an equal part needs no walk (and no sorting of its keys)
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

    private static func show(_ value: LuaValue) -> String {
        if case .null = value { return "nothing" }
        let text = JSONWriter.string(value)
        return text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
