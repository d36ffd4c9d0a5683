import LuaHost

/// A session being run: its steps, who takes part, one ``ExerciseRun`` per exercise step
/// (started when the step gets its first event), the live state that the facilitator steers
/// (the current step, revealed results, held texts, a pause), and every event with what
/// became of it. Only events change it, so a replay of the events rebuilds all of it.
///
/// The same script, seed, participants and events give the same results and outcomes in every
/// process. It is not safe to share between tasks: ``RecordingSession`` owns one.
public final class SessionRun {
    public let script: SessionScript
    public let seed: Int64
    /// The bounds every exercise of the run works within.
    public let limits: LuaLimits
    /// Participant ids, in the order they joined: those there at the start, then later joiners.
    public private(set) var participants: [String]
    /// Every event so far, in order, with its result (unless ``keepsEvents`` is off).
    public private(set) var events: [RecordedEvent] = []
    /// Whether ``events`` keeps every event, and each participant's own inputs are tracked: what
    /// a record and the views are made of. A replay, which has the events already, turns it off.
    public var keepsEvents = true

    /// The step the facilitator went to last (`go`); nil before the first. While it is set,
    /// participants' inputs go to that step only.
    public private(set) var currentStep: Int?
    /// The steps whose results the projector shows.
    public private(set) var revealed: Set<Int> = []
    /// Whether participants' input is paused.
    public private(set) var paused = false
    /// Inputs waiting for the facilitator's approval, by sequence number, in order.
    public private(set) var held: [HeldInput] = []
    /// The sequence number the next event gets.
    public private(set) var nextSeq = 1

    /// When each participant joined: the sequence number of their join, 0 for those there at
    /// the start.
    public private(set) var joined: [String: Int] = [:]
    /// Each participant's inputs, in order (when ``keepsEvents`` is on).
    private(set) var inputsByParticipant: [String: [Int]] = [:]
    /// The final result of every input of a participant, by sequence number: a held input's
    /// result changes when it is approved or hidden.
    private(set) var inputResults: [Int: (step: Int, input: ExerciseInput, result: EventResult)] = [:]

    private let modules: ModuleDirectories
    private var runs: [Int: ExerciseRun] = [:]
    /// The modules required by runs of steps that had not started, made to show or record them.
    private var unstartedModules: [String: LuaModule] = [:]
    /// The steps by id.
    private let steps: [Int: SessionStep]
    /// For each moderated step, its inputs that have a text and so wait for approval.
    private let moderatedInputs: [Int: Set<String>]
    /// The first result of every event a client gave an id, by participant and id (for a held
    /// input, its result once approved or hidden).
    private var seen: [ClientID: (seq: Int, result: EventResult)] = [:]
    /// The client's id of each held input that has one, by sequence number.
    private var heldIDs: [Int: ClientID] = [:]

    /// An input that waits for the facilitator's approval.
    public struct HeldInput: Sendable, Hashable {
        public var seq: Int
        public var step: Int
        public var input: ExerciseInput
    }

    /// A participant's (or the facilitator's) id for an event.
    private struct ClientID: Hashable {
        var participant: String?
        var id: String
    }

    /// A run of `script` with `seed` and the participants there at the start (see
    /// ``participants(of:events:)``); exercises find their modules in `modules`.
    public init(script: SessionScript, modules: ModuleDirectories, seed: Int64, participants: [String], limits: LuaLimits = .default) {
        self.script = script
        self.limits = limits
        self.modules = modules
        self.seed = seed
        var unique = Set<String>()
        self.participants = participants.filter { unique.insert($0).inserted }
        steps = Dictionary(script.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var moderated: [Int: Set<String>] = [:]
        for step in script.steps {
            guard case .exercise(let exerciseStep) = step.kind, exerciseStep.moderated else { continue }
            moderated[step.id] = Set(exerciseStep.exercise.inputs.filter { $0.input.fields.contains { $0.kind == .text } }.map(\.input.name))
        }
        moderatedInputs = moderated
        for id in self.participants { joined[id] = 0 }
    }

    /// Who takes part from the start: the roster's names, then `anonymous-1`, `anonymous-2`...
    /// for its anonymous places; without a roster, everyone whose input is in `events` and who
    /// does not join by an event, in the order they first appear.
    public static func participants(of script: SessionScript, events: [SessionEvent]) -> [String] {
        var found = ParticipantsFound()
        for event in events { found.add(event) }
        return participants(of: script, found: found)
    }

    /// The same, with the events' participants gathered as they were read (see
    /// ``ParticipantsFound``), so that the events need not be kept.
    public static func participants(of script: SessionScript, found: ParticipantsFound) -> [String] {
        guard !script.roster.isEmpty else { return found.inputs.filter { !found.joins.contains($0) } }
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

    /// Who gave an input and who joined, in events read one at a time.
    public struct ParticipantsFound: Sendable {
        /// Everyone with an input, in the order they first appear.
        fileprivate var inputs: [String] = []
        private var seen: Set<String> = []
        /// Everyone who joins by an event.
        fileprivate var joins: Set<String> = []

        public init() {}

        public mutating func add(_ event: SessionEvent) {
            switch event.action {
            case .join(let name): joins.insert(name)
            case .input(let input): if let who = input.participant, seen.insert(who).inserted { inputs.append(who) }
            default: break
            }
        }
    }

    /// The seed of one step's random numbers, derived from the session's.
    public func seed(ofStep step: Int) -> Int64 {
        seed &* 1_000_003 &+ Int64(step)
    }

    /// Applies one event and remembers it with its result. Never throws: whatever is wrong with
    /// an event is its rejection reason, and the session goes on.
    @discardableResult
    public func apply(_ event: SessionEvent) -> RecordedEvent {
        apply([event])[0]
    }

    /// Applies events in order, with the same results as ``apply(_:)`` for each in turn; a run of
    /// inputs to the same step goes to its exercise as one batch.
    @discardableResult
    public func apply(_ events: [SessionEvent]) -> [RecordedEvent] {
        var applied: [RecordedEvent] = []
        applied.reserveCapacity(events.count)
        // the batch's events and their inputs side by side, so that the inputs go to the
        // exercise as they are, without a copy of each
        var batch: [SessionEvent] = []
        var batchInputs: [ExerciseInput] = []
        var batchRun: ExerciseRun?
        var batchIDs: Set<ClientID> = []
        func flush() {
            guard let run = batchRun, !batch.isEmpty else { return }
            let results = run.handle(batchInputs)
            for index in batch.indices { applied.append(finish(batch[index], results[index])) }
            batch.removeAll(keepingCapacity: true)
            batchInputs.removeAll(keepingCapacity: true)
            batchIDs.removeAll(keepingCapacity: true)
            batchRun = nil
        }
        for index in events.indices {
            var event = events[index]
            event.seq = nextSeq
            nextSeq += 1
            let key = event.id.map { ClientID(participant: event.participant, id: $0) }
            if let key, batchIDs.contains(key) { flush() }
            if let key, let first = seen[key] {
                flush()
                applied.append(remember(RecordedEvent(event, result: first.result, duplicateOf: first.seq)))
                continue
            }
            guard case .input(let input) = event.action else {
                flush()
                applied.append(finish(event, session(event)))
                continue
            }
            switch gate(event, input) {
            case .decided(let result):
                flush()
                applied.append(finish(event, result))
            case .exercise(let run):
                if batchRun !== run { flush() }
                batchRun = run
                batchInputs.append(input)
                batch.append(consume event)
                if let key { batchIDs.insert(key) }
            }
        }
        flush()
        return applied
    }

    /// What the session decides about an input before its exercise sees it.
    private enum Gate {
        case decided(EventResult)
        case exercise(ExerciseRun)
    }

    private func gate(_ event: SessionEvent, _ input: ExerciseInput) -> Gate {
        let run: ExerciseRun
        switch exerciseRun(forStep: event.step) {
        case .started(let started): run = started
        case .refused(let result): return .decided(result)
        }
        let fromParticipant = input.participant != nil && !event.onBehalf
        if fromParticipant, paused {
            return .decided(
                .refused(.inputPaused, nl: "De invoer staat even stil; wacht tot de begeleider hem weer opent", en: "Input is paused; wait until the facilitator opens it again"))
        }
        if fromParticipant, let current = currentStep, current != event.step, let step = event.step {
            let title = steps[step].map { ($0.title(.nl), $0.title(.en)) } ?? ("", "")
            return .decided(
                .refused(
                    .stepClosed, field: "step",
                    nl: "Stap \(step) (\(title.0)) is gesloten; de sessie is nu bij stap \(current)",
                    en: "Step \(step) (\(title.1)) is closed; the session is at step \(current) now"))
        }
        if fromParticipant, !moderatedInputs.isEmpty, let step = event.step, moderatedInputs[step]?.contains(input.name) == true {
            if let rejection = run.precheck(input) { return .decided(.rejected(rejection)) }
            return .decided(.held)
        }
        return .exercise(run)
    }

    /// A problem with its file as the record names it: relative to the library
    /// (`engagement-voting.lua`, `lib/rank.lua`), wherever the command ran.
    func inLibrary(_ problem: Problem) -> Problem {
        guard let file = problem.file else { return problem }
        var located = problem
        for step in script.steps {
            if case .exercise(let exerciseStep) = step.kind, exerciseStep.exercise.source.path == file {
                located.file = exerciseStep.exercise.source.libraryPath
                return located
            }
        }
        if let name = requiredModules.first(where: { $0.value.path == file })?.key { located.file = "lib/\(name).lua" }
        return located
    }

    /// Remembers an applied event with its result.
    private func finish(_ event: consuming SessionEvent, _ given: EventResult) -> RecordedEvent {
        var result = given
        if case .failed(let problem) = given { result = .failed(inLibrary(problem)) }
        if case .held = result, case .input(let input) = event.action, let seq = event.seq, let step = event.step {
            held.append(HeldInput(seq: seq, step: step, input: input))
            if let id = event.id { heldIDs[seq] = ClientID(participant: input.participant, id: id) }
        }
        if keepsEvents, case .input(let input) = event.action, let seq = event.seq, let step = event.step {
            if let who = input.participant { inputsByParticipant[who, default: []].append(seq) }
            inputResults[seq] = (step, input, result)
        }
        return remember(RecordedEvent(event, result: result))
    }

    private func remember(_ recorded: RecordedEvent) -> RecordedEvent {
        if let id = recorded.event.id, recorded.duplicateOf == nil, let seq = recorded.event.seq {
            seen[ClientID(participant: recorded.event.participant, id: id)] = (seq, recorded.result)
        }
        if keepsEvents { events.append(recorded) }
        return recorded
    }

    /// Applies an event that is not an input: the session's own state, or a step's phase.
    private func session(_ event: SessionEvent) -> EventResult {
        switch event.action {
        case .input: return .accepted  // inputs go through gate(_:_:)
        case .join(let name):
            guard joined[name] == nil else {
                return .refused(.alreadyJoined, field: "join", nl: "'\(name)' doet al mee", en: "'\(name)' has joined already")
            }
            joined[name] = event.seq ?? 0
            participants.append(name)
            for step in script.steps { runs[step.id]?.join(name) }
            return .accepted
        case .go:
            guard let step = event.step, let found = steps[step] else { return unknownStep(event.step ?? 0, field: "go") }
            currentStep = step
            // the step starts as the room gets to it: a param from an earlier step is taken now
            if case .exercise = found.kind, case .refused(let result) = exerciseRun(forStep: step) { return result }
            return .accepted
        case .phase(let id):
            switch exerciseRun(forStep: event.step) {
            case .refused(let result): return result
            case .started(let run):
                do {
                    try run.move(to: id)
                    return .accepted
                } catch {
                    return .rejected(error)
                }
            }
        case .reveal(let flag):
            guard let step = event.step, steps[step] != nil else { return unknownStep(event.step ?? 0, field: "step") }
            if flag { revealed.insert(step) } else { revealed.remove(step) }
            return .accepted
        case .pause(let flag):
            paused = flag
            return .accepted
        case .approve(let seq), .hide(let seq):
            guard let index = held.firstIndex(where: { $0.seq == seq }) else {
                return .refused(.notHeld, field: "seq", nl: "Invoer \(seq) wacht niet op goedkeuring", en: "Input \(seq) is not waiting for approval")
            }
            let waiting = held.remove(at: index)
            let result: EventResult
            if case .approve = event.action, case .started(let run) = exerciseRun(forStep: waiting.step) {
                result = run.handle(waiting.input)
            } else {
                result = .refused(.hidden, nl: "De begeleider heeft dit verborgen", en: "The facilitator has hidden this")
            }
            let final: EventResult
            if case .failed(let problem) = result { final = .failed(inLibrary(problem)) } else { final = result }
            if keepsEvents { inputResults[seq]?.result = final }
            if let key = heldIDs.removeValue(forKey: seq) { seen[key] = (seq, final) }  // a retry now gets this
            return final
        }
    }

    private func unknownStep(_ id: Int, field: String) -> EventResult {
        .refused(
            .unknownStep, field: field,
            nl: "Er is geen stap \(id); de sessie heeft de stappen 1 tot \(script.steps.count)",
            en: "there is no step \(id); the session has steps 1 to \(script.steps.count)")
    }

    /// An exercise step's run, started if need be; or what becomes of an event for a step that
    /// takes none.
    private enum StepRun {
        case started(ExerciseRun)
        case refused(EventResult)
    }

    /// An exercise step's run for an event: started if need be, and kept.
    private func exerciseRun(forStep id: Int?) -> StepRun {
        if let id, let run = runs[id] { return .started(run) }  // the usual case, for every input
        return stepRun(id, keeping: true)
    }

    /// An exercise step's run as it is now, for what is shown and recorded: its own when it has
    /// started, or else one as it would start now, not kept. Only events start a step, so that
    /// a step starts at the same moment in a replay, with the same participants and the same
    /// params taken from earlier steps.
    private func runNow(ofStep id: Int) -> StepRun {
        if let run = runs[id] { return .started(run) }
        return stepRun(id, keeping: false)
    }

    private func stepRun(_ id: Int?, keeping: Bool) -> StepRun {
        guard let id, let step = steps[id] else { return .refused(unknownStep(id ?? 0, field: "step")) }
        guard case .exercise(let exerciseStep) = step.kind else {
            return .refused(
                .refused(
                    .notAnExercise, field: "step",
                    nl: "Stap \(id) (\(step.title(.nl))) is geen werkvorm; ze neemt geen invoer", en: "step \(id) (\(step.title(.en))) is not an exercise; it takes no inputs"))
        }
        do {
            let run = try newRun(step.id, exerciseStep)
            if keeping {
                runs[step.id] = run
            } else {
                unstartedModules.merge(run.modules) { first, _ in first }
            }
            return .started(run)
        } catch {
            return .refused(.failed(error.problems.first ?? Problem("the exercise could not start")))
        }
    }

    /// A new run of an exercise step, with the params it takes from earlier steps' outcomes
    /// as they are now.
    private func newRun(_ step: Int, _ exerciseStep: ExerciseStep) throws(Problems) -> ExerciseRun {
        var params = exerciseStep.params
        for name in exerciseStep.from.keys.sorted() {
            guard let source = exerciseStep.from[name], let param = exerciseStep.exercise.params.first(where: { $0.name == name }) else { continue }
            let field = "steps[\(step)].params.\(name)"
            let earlier: LuaValue
            switch outcome(of: source.step) {
            case .success(let value): earlier = value
            case .failure(let problem):
                throw Problems([Problem(field: field, "takes \(source), whose outcome failed: \(problem.message)")])
            }
            do {
                params[name] = try param.validate(try source.value(in: earlier).get(), at: field)
            } catch let missing as ParamSource.Missing {
                throw Problems([Problem(field: field, "takes \(source), but its outcome has no `\(missing.key)`")])
            } catch {
                throw Problems([Problem(field: field, "takes \(source), which the param does not take: \((error as? Problem)?.message ?? "\(error)")")])
            }
        }
        return try ExerciseRun(
            source: exerciseStep.exercise.source, modules: modules, params: params,
            participants: participants, seed: seed(ofStep: step), language: script.language, limits: limits)
    }

    /// The run of an exercise step as it is now (see ``runNow(ofStep:)``); nil for other steps.
    func startedRun(ofStep step: Int) -> ExerciseRun? {
        if case .started(let run) = runNow(ofStep: step) { return run }
        return nil
    }

    /// The params a step runs with, those taken from earlier steps included; nil for a step
    /// that is not an exercise.
    public func params(ofStep step: Int) -> LuaObject? {
        if let run = runs[step] { return run.params }
        guard case .exercise(let exerciseStep)? = steps[step]?.kind else { return nil }
        guard !exerciseStep.from.isEmpty else { return exerciseStep.params }
        return startedRun(ofStep: step)?.params ?? exerciseStep.params
    }

    /// The outcome of every exercise step, by step id (of a step with no events yet, as it
    /// would be if it started now).
    public func outcomes() -> [Int: Result<LuaValue, Problem>] {
        var outcomes: [Int: Result<LuaValue, Problem>] = [:]
        for step in script.steps {
            guard case .exercise = step.kind else { continue }
            outcomes[step.id] = outcome(of: step.id)
        }
        return outcomes
    }

    /// The outcome of one exercise step now (see ``runNow(ofStep:)``).
    public func outcome(of step: Int) -> Result<LuaValue, Problem> {
        switch runNow(ofStep: step) {
        case .refused(.failed(let problem)): return .failure(problem)
        case .refused: return .failure(Problem("step \(step) is not an exercise"))
        case .started(let run):
            do {
                return .success(try run.outcome())
            } catch {
                return .failure(Problem(file: error.path, line: error.line, error.message))
            }
        }
    }

    /// The report of a step's outcome now, in `language`; nil for a step that is not an exercise.
    public func report(ofStep step: Int, language: Language, live: Bool = false) throws(Problem) -> [ReportBlock]? {
        guard case .exercise(let exerciseStep)? = steps[step]?.kind else { return nil }
        let outcome = try outcome(of: step).get()
        guard let run = startedRun(ofStep: step) else { return nil }
        return try run.report(outcome, language: language, names: exerciseStep.showsNames, live: live)
    }

    /// The outcome of one step now, if it is an exercise that has started.
    public func outcome(ofStep step: Int) -> LuaValue? {
        guard runs[step] != nil else { return nil }
        return try? outcome(of: step).get()
    }

    /// The library modules the session's exercises have required, by name.
    public var requiredModules: [String: LuaModule] {
        runs.values.reduce(into: unstartedModules) { all, run in all.merge(run.modules) { first, _ in first } }
    }

    /// The phase a step is in, if it has started.
    public func phase(ofStep step: Int) -> String? {
        runs[step]?.phase.id
    }

    /// The step with this id.
    public func step(_ id: Int) -> SessionStep? {
        steps[id]
    }
}
