import LuaHost

/// What became of an event.
public enum EventResult: Sendable, Hashable {
    case accepted
    /// Refused, with the reason a person reads.
    case rejected(BilingualText)
    /// The exercise raised an error on it: refused, and the state is as before.
    case failed(Problem)
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
    /// Every event so far, in order, with its result.
    public private(set) var events: [(event: SessionEvent, result: EventResult)] = []

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
        events.append((event, result))
        return result
    }

    private func outcome(of event: SessionEvent) -> EventResult {
        guard let step = script.steps.first(where: { $0.id == event.step }) else {
            return .rejected(BilingualText("step: there is no step \(event.step); the session has steps 1 to \(script.steps.count)"))
        }
        guard case .exercise(let exerciseStep) = step.kind else {
            return .rejected(BilingualText("step: step \(event.step) (\(step.title(script.language))) is not an exercise; it takes no inputs"))
        }
        let run: ExerciseRun
        do {
            run = try exerciseRun(step.id, exerciseStep)
        } catch {
            return .failed(error.problems.first ?? Problem("the exercise could not start"))
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
            switch run.handle(input) {
            case .accepted: return .accepted
            case .rejected(let reason): return .rejected(reason)
            case .failed(let problem): return .failed(problem)
            }
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
