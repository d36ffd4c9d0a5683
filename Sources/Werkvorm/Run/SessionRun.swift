import LuaHost

/// What became of an event.
public enum EventResult: Sendable, Hashable {
    case accepted
    /// Refused, with the reason a person reads.
    case rejected(BilingualText)
    /// The exercise raised an error on it: refused, and the state is as before.
    case failed(Problem)
}

extension EventResult {
    /// What became of an input, as an event's result.
    init(_ result: InputResult) {
        switch result {
        case .accepted: self = .accepted
        case .rejected(let reason): self = .rejected(reason)
        case .failed(let problem): self = .failed(problem)
        }
    }
}

/// A session being run: its steps, the participants, one ``ExerciseRun`` per exercise step
/// (started when the step gets its first event), and every event with what became of it.
///
/// The same script, seed and events give the same results and outcomes in every process.
public final class SessionRun {
    public let script: SessionScript
    public let seed: Int64
    /// Participant ids, in order.
    public let participants: [String]
    /// Every event so far, in order, with its result (unless ``keepsEvents`` is off).
    public private(set) var events: [(event: SessionEvent, result: EventResult)] = []
    /// Whether ``events`` keeps every event: what a record is made of. A replay, which has the
    /// events already, turns it off.
    public var keepsEvents = true

    private let modules: ModuleDirectories
    private var runs: [Int: ExerciseRun] = [:]

    /// A run of `script` with `seed` and these participants (see ``participants(of:events:)``);
    /// exercises find their modules in `modules`.
    public init(script: SessionScript, modules: ModuleDirectories, seed: Int64, participants: [String]) {
        self.script = script
        self.modules = modules
        self.seed = seed
        self.participants = participants
    }

    /// Who takes part: the roster's names, then `anonymous-1`, `anonymous-2`... for its anonymous
    /// places; without a roster, everyone who appears in `events`, in the order they first do.
    public static func participants(of script: SessionScript, events: [SessionEvent]) -> [String] {
        guard !script.roster.isEmpty else {
            var seen: Set<String> = []
            return events.compactMap { event in
                guard case .input(let input) = event.action, let who = input.participant, seen.insert(who).inserted else { return nil }
                return who
            }
        }
        var ids: [String] = []
        var anonymous = 0
        for entry in script.roster {
            switch entry {
            case .named(let name): ids.append(name)
            case .anonymous(let count):
                for _ in 0..<count {
                    anonymous += 1
                    ids.append("anonymous-\(anonymous)")
                }
            }
        }
        return ids
    }

    /// The seed of one step's random numbers, derived from the session's.
    public func seed(ofStep step: Int) -> Int64 {
        seed &* 1_000_003 &+ Int64(step)
    }

    /// Applies one event and remembers it with its result. Never throws: whatever is wrong with
    /// an event is its rejection reason, and the session goes on.
    @discardableResult
    public func apply(_ event: SessionEvent) -> EventResult {
        let result = outcome(of: event)
        if keepsEvents { events.append((event, result)) }
        return result
    }

    /// Applies events in order, with the same results as ``apply(_:)`` for each in turn; a run of
    /// inputs to the same step goes to its exercise as one batch. What a replay uses.
    @discardableResult
    public func apply(_ events: [SessionEvent]) -> [EventResult] {
        var results: [EventResult] = []
        results.reserveCapacity(events.count)
        var start = 0
        while start < events.count {
            let step = events[start].step
            var inputs: [ExerciseInput] = []
            var end = start
            while end < events.count, events[end].step == step, case .input(let input) = events[end].action {
                inputs.append(input)
                end += 1
            }
            guard inputs.count > 1, case .started(let run) = exerciseRun(forStep: step) else {
                results.append(apply(events[start]))
                start += 1
                continue
            }
            for (event, result) in zip(events[start..<end], run.handle(inputs)) {
                let result = EventResult(result)
                if keepsEvents { self.events.append((event, result)) }
                results.append(result)
            }
            start = end
        }
        return results
    }

    /// An exercise step's run, started if need be; or what becomes of an event for a step that
    /// takes none.
    private enum StepRun {
        case started(ExerciseRun)
        case refused(EventResult)
    }

    private func exerciseRun(forStep id: Int) -> StepRun {
        guard let step = script.steps.first(where: { $0.id == id }) else {
            return .refused(.rejected(BilingualText("step: there is no step \(id); the session has steps 1 to \(script.steps.count)")))
        }
        guard case .exercise(let exerciseStep) = step.kind else {
            return .refused(.rejected(BilingualText("step: step \(id) (\(step.title(script.language))) is not an exercise; it takes no inputs")))
        }
        do {
            return .started(try exerciseRun(step.id, exerciseStep))
        } catch {
            return .refused(.failed(error.problems.first ?? Problem("the exercise could not start")))
        }
    }

    private func outcome(of event: SessionEvent) -> EventResult {
        let run: ExerciseRun
        switch exerciseRun(forStep: event.step) {
        case .started(let started): run = started
        case .refused(let result): return result
        }
        switch event.action {
        case .phase(let id):
            do {
                try run.move(to: id)
                return .accepted
            } catch {
                return .rejected(BilingualText(error.description))
            }
        case .input(let input):
            return EventResult(run.handle(input))
        }
    }

    private func exerciseRun(_ step: Int, _ exerciseStep: ExerciseStep) throws(Problems) -> ExerciseRun {
        if let run = runs[step] { return run }
        let run = try ExerciseRun(
            source: exerciseStep.exercise.source, modules: modules, params: exerciseStep.params,
            participants: participants, seed: seed(ofStep: step), language: script.language)
        runs[step] = run
        return run
    }

    /// The outcome of every exercise step, by step id (a step with no events yet starts now).
    public func outcomes() -> [Int: Result<LuaValue, Problem>] {
        var outcomes: [Int: Result<LuaValue, Problem>] = [:]
        for step in script.steps {
            guard case .exercise(let exerciseStep) = step.kind else { continue }
            do {
                let run = try exerciseRun(step.id, exerciseStep)
                do {
                    outcomes[step.id] = .success(try run.outcome())
                } catch {
                    outcomes[step.id] = .failure(Problem(file: error.path, line: error.line, error.message))
                }
            } catch {
                outcomes[step.id] = .failure(error.problems.first ?? Problem("the exercise could not start"))
            }
        }
        return outcomes
    }

    /// The report of a step's outcome now, in `language`; nil for a step that is not an exercise.
    public func report(ofStep step: Int, language: Language) throws(Problem) -> [ReportBlock]? {
        guard let sessionStep = script.steps.first(where: { $0.id == step }), case .exercise(let exerciseStep) = sessionStep.kind else { return nil }
        let run: ExerciseRun
        do {
            run = try exerciseRun(step, exerciseStep)
        } catch {
            throw error.problems.first ?? Problem("the exercise could not start")
        }
        let outcome: LuaValue
        do {
            outcome = try run.outcome()
        } catch {
            throw Problem(file: error.path, line: error.line, error.message)
        }
        return try run.report(outcome, language: language)
    }

    /// The outcome of one step now, if it is an exercise that has started.
    public func outcome(ofStep step: Int) -> LuaValue? {
        guard let run = runs[step] else { return nil }
        return try? run.outcome()
    }

    /// The library modules the session's exercises have required, by name.
    public var requiredModules: [String: LuaModule] {
        runs.values.reduce(into: [:]) { all, run in all.merge(run.modules) { first, _ in first } }
    }

    /// The phase a step is in, if it has started.
    public func phase(ofStep step: Int) -> String? {
        runs[step]?.phase.id
    }
}
