import LuaHost

/// One input to an exercise: who gave it, which input, and its fields.
public struct ExerciseInput: Sendable, Hashable {
    /// The input's name, as the exercise declares it (`dot`).
    public var name: String
    /// The participant's id; nil for facilitator inputs and anonymous ones.
    public var participant: String?
    /// The input's fields.
    public var fields: LuaObject

    /// An input with its name, participant and fields.
    public init(name: String, participant: String? = nil, fields: LuaObject = [:]) {
        self.name = name
        self.participant = participant
        self.fields = fields
    }
}

/// An exercise running in one step of a session: its own Lua state, its state table, its phase.
///
/// Replaying the same params, participants, seed and inputs gives the same outcome: `math.random`
/// is seeded with the run's seed before `init`.
public final class ExerciseRun {
    /// The exercise's declarations.
    public var exercise: Exercise { loaded.exercise }
    /// Params with defaults filled in, checked.
    public let params: LuaObject
    /// Participant ids, in the order they joined: those there when the step started, then
    /// every later joiner.
    public private(set) var participants: [String]
    /// The same, to look up for every input.
    private var participantSet: Set<String>
    /// Those there when the step started: what `init` got.
    private let initialParticipants: [String]
    /// The seed of this run's random numbers.
    public let seed: Int64
    /// The session's language: what `ctx.lang` says to `init`, the handlers and `outcome`.
    public let language: Language
    /// The index of the current phase.
    public private(set) var phaseIndex = 0
    /// Whether the step goes through each of the exercise's phases, with its params (a
    /// phase's `when`).
    public let usesPhase: [Bool]
    /// The index of the phase the step starts in: its first phase.
    public let firstPhase: Int
    /// What changed the state so far, in order: accepted inputs (with the phase each came in)
    /// and joins, since `init` or since ``base``. A rebuild applies them again.
    private(set) var history: [Change] = []
    /// A copy of the state after every ``historyKept`` changes, with the participants there
    /// then; the history starts there, so that a long run does not keep every input.
    private var base: (table: LuaReference, participants: [String])?
    /// How many changes the history keeps before a new ``base`` is taken.
    var historyKept = 65_536

    /// Something that changed an exercise's state.
    enum Change {
        case input(phase: Int, ExerciseInput)
        case join(String)
    }

    let loaded: LoadedExercise
    private let runner: LuaReference
    /// The runner's `handle_all`, called for a batch of inputs, and what it reports back in.
    private let handleAllFunction: LuaReference
    /// The runner's `handle_one`, called for one input.
    private let handleOneFunction: LuaReference
    private let handlerTable: LuaReference
    private let progress: LuaReference
    /// Every input's declaration, phase and handler, by name: looked up for every input.
    private let declarations: [String: Declared]

    /// An input's declaration, the index of its phase, and its handler's place in the runner:
    /// a class, so that looking it up copies one reference.
    private final class Declared {
        let phase: Int
        let input: InputDeclaration
        let handler: Int

        init(phase: Int, input: InputDeclaration, handler: Int) {
            self.phase = phase
            self.input = input
            self.handler = handler
        }
    }
    private var context: LuaReference
    private var stateTable: LuaReference
    /// The host's deep copy, for checkpoints.
    private let copyFunction: LuaReference
    /// A copy of the state as it was after the first `count` changes of ``history``, with
    /// the participants there then: where a rebuild starts after a handler raised, so that
    /// it applies only what came after, not everything since `init`.
    private var checkpoint: (table: LuaReference, count: Int, participants: [String])?

    /// Starts an exercise: loads it in a fresh state, checks params, seeds and calls `init`.
    public init(
        source: ExerciseSource, modules: ModuleDirectories, params: LuaObject, participants: [String], seed: Int64, language: Language = .nl, limits: LuaLimits = .default
    ) throws(Problems) {
        loaded = try LoadedExercise(source: source, modules: modules, limits: limits)
        let resolved = try loaded.exercise.resolve(params: params)
        self.params = resolved
        usesPhase = loaded.exercise.phases.map { $0.isUsed(with: resolved) }
        guard let first = usesPhase.firstIndex(of: true) else {
            throw Problems([Problem(file: source.path, "with these params the exercise '\(loaded.exercise.id)' goes through no phase; change the params")])
        }
        firstPhase = first
        phaseIndex = first
        self.participants = participants
        participantSet = Set(participants)
        initialParticipants = participants
        self.seed = seed
        self.language = language
        var declarations: [String: Declared] = [:]
        let handlerNames = loaded.handlers.keys.sorted()
        for (index, phase) in loaded.exercise.phases.enumerated() {
            for input in phase.inputs where declarations[input.name] == nil {
                declarations[input.name] = Declared(phase: index, input: input, handler: (handlerNames.firstIndex(of: input.name) ?? 0) + 1)
            }
        }
        self.declarations = declarations
        let state = loaded.state
        do throws(LuaError) {
            let chunk = try state.load(source: ExerciseRun.runnerSource, path: "werkvorm/runner.lua")
            guard let runner = try state.callForReference(chunk, [.reference(state.freshBudgetFunction())]) else {
                throw LuaError(.runtime, "the runner returned nothing")
            }
            self.runner = runner
            guard let handleAll = state.field(runner, "handle_all"), let handleOne = state.field(runner, "handle_one"), let collect = state.field(runner, "collect") else {
                throw LuaError(.runtime, "the runner lacks handle_all, handle_one or collect")
            }
            handleAllFunction = handleAll
            handleOneFunction = handleOne
            let handlers = loaded.handlers
            let names = handlers.keys.sorted()
            let phaseIDs = LuaValue.array(loaded.exercise.phases.map { .string($0.id) })
            let arguments = [LuaArgument.value(.array(names.map { .string($0) })), .value(phaseIDs)] + names.compactMap { handlers[$0].map(LuaArgument.reference) }
            guard let table = try state.callForReference(collect, arguments) else { throw LuaError(.runtime, "the runner's collect returned nothing") }
            handlerTable = table
            copyFunction = state.deepCopyFunction()
            progress = try state.reference(to: [:], name: "progress")
            let ctx: LuaValue = [
                "lang": .string(language.rawValue), "phase": .string(loaded.exercise.phases[first].id),
                "params": .object(self.params), "participants": .array(participants.map { .string($0) }),
            ]
            context = try state.reference(to: ctx, name: "ctx")
            stateTable = try ExerciseRun.start(loaded, runner: runner, context: context, seed: seed)
        } catch {
            throw Problems([Problem(file: error.path ?? source.path, line: error.line, "init: \(error.message)")])
        }
    }

    private static func start(_ loaded: LoadedExercise, runner: LuaReference, context: LuaReference, seed: Int64) throws(LuaError) -> LuaReference {
        let state = loaded.state
        try state.seed(seed)
        guard let initialize = state.field(runner, "init"),
            let table = try state.callForReference(initialize, [.reference(loaded.initFunction), .reference(context)])
        else { throw LuaError(.runtime, "init must return the state, a table") }
        return table
    }

    /// The current phase.
    public var phase: PhaseDeclaration { exercise.phases[phaseIndex] }

    /// The phases the step goes through, in order.
    public var phases: [PhaseDeclaration] { zip(exercise.phases, usesPhase).filter(\.1).map(\.0) }

    /// The library modules the exercise has required, by name.
    public var modules: [String: LuaModule] { loaded.state.modules }

    /// Moves on to the phase `id` (forward or back).
    public func move(to id: String) throws(Rejection) {
        guard let index = exercise.phases.firstIndex(where: { $0.id == id }), usesPhase[index] else {
            let list = phases.map(\.id).joined(separator: ", ")
            if exercise.phases.contains(where: { $0.id == id }) {
                throw Rejection(
                    .unknownPhase, field: "phase", nl: "De fase '\(id)' hoort niet bij deze stap, door haar instellingen; de fasen zijn \(list)",
                    en: "the phase '\(id)' is not part of this step, by its params; its phases are \(list)")
            }
            throw Rejection(
                .unknownPhase, field: "phase", nl: "De werkvorm '\(exercise.id)' heeft geen fase '\(id)'; de fasen zijn \(list)",
                en: "the exercise '\(exercise.id)' has no phase '\(id)'; its phases are \(list)")
        }
        phaseIndex = index
        try? loaded.state.setField(context, "phase", .string(id))
    }

    /// Checks and applies one input. A rejection leaves the state as it was; so does a handler
    /// that raises, whose error becomes the reason. One call into Lua, which gives nothing
    /// back for an accepted input.
    public func handle(_ input: ExerciseInput) -> EventResult {
        var canonical = input
        let handler: Int
        do {
            (canonical.fields, handler) = try check(input)
        } catch {
            return .rejected(error)
        }
        let state = loaded.state
        let result: EventResult
        do {
            let arguments: [LuaArgument] = [
                .reference(handlerTable), .reference(stateTable), .value(.integer(Int64(handler))),
                .value(canonical.participant.map(LuaValue.string) ?? .null), .value(.object(canonical.fields)),
                .value(.integer(Int64(phaseIndex + 1))), .reference(context),
            ]
            if let rejected = try state.callForReference(handleOneFunction, arguments) {
                defer { state.release(rejected) }
                if let reason = state.field(rejected, "reason") {
                    defer { state.release(reason) }
                    do {
                        result = ExerciseRun.rejection(try state.value(of: reason, name: "reason"))
                    } catch {
                        result = .rejected(.exercise(BilingualText(error.message)))  // a reason that is not plain data
                    }
                } else {
                    result = ExerciseRun.rejection(.null)
                }
            } else {
                result = .accepted
            }
        } catch {
            result = .failed(Problem(file: error.path ?? exercise.source.path, line: error.line, error.message))
        }
        switch result {
        case .accepted:
            history.append(.input(phase: phaseIndex, canonical))
            if history.count >= historyKept { takeBase() }
        case .failed: rebuild()
        case .rejected, .held: break
        }
        return result
    }

    /// The keys of an input's table in Lua.
    private static let inputKeys = ["name", "participant", "fields", "phase"]

    /// Checks and applies inputs in order, with the same results as ``handle(_:)`` for each in
    /// turn, but with one call into Lua for every batch of inputs that pass the checks: the
    /// runner loops over them in Lua, giving each handler a whole instruction budget. A run of
    /// inputs goes faster this way than one by one (a replay hands them over like this).
    public func handle(_ inputs: [ExerciseInput]) -> [EventResult] {
        if inputs.count == 1 { return [handle(inputs[0])] }  // as it comes from a phone
        var results = [EventResult](repeating: .accepted, count: inputs.count)
        var checked: [(index: Int, input: ExerciseInput)] = []
        checked.reserveCapacity(inputs.count)
        for (index, input) in inputs.enumerated() {
            do {
                var canonical = input
                canonical.fields = try check(input).fields
                checked.append((index, canonical))
            } catch {
                results[index] = .rejected(error)
            }
        }
        var start = 0
        while start < checked.count {
            let batch = checked[start..<min(start + nextBatchSize, checked.count)]
            let applied = applyAll(batch.map(\.input))
            // after a handler raised, smaller batches for a while: the inputs after it go to Lua again
            nextBatchSize = applied.count < batch.count ? 64 : min(ExerciseRun.batchSize, nextBatchSize * 2)
            for (offset, result) in applied.enumerated() {
                let (index, input) = batch[batch.startIndex + offset]
                results[index] = result
                switch result {
                case .accepted: history.append(.input(phase: phaseIndex, input))
                case .rejected, .held: break
                case .failed: rebuild()
                }
            }
            start += applied.count
        }
        if history.count >= historyKept { takeBase() }
        return results
    }

    /// Takes a copy of the state as the new ``base`` and empties the history; keeps both as
    /// they are when the state cannot be copied (too large or too deep).
    private func takeBase() {
        let state = loaded.state
        guard let copy = try? state.callForReference(copyFunction, [.reference(stateTable)]) else { return }
        if let base { state.release(base.table) }
        if let checkpoint { state.release(checkpoint.table) }  // it counts changes of the history before
        base = (copy, participants)
        checkpoint = nil
        history.removeAll()
    }

    /// How many inputs go to Lua in one call: enough to make the call's cost vanish, few enough
    /// to keep the state's memory small.
    static let batchSize = 1024
    /// The size of the next batch: smaller after a handler raised, growing back to `batchSize`.
    private var nextBatchSize = ExerciseRun.batchSize

    /// Applies checked inputs in one call into Lua. Returns a result for each, up to and
    /// including the first whose handler raised (then the state needs a rebuild).
    private func applyAll(_ inputs: [ExerciseInput]) -> [EventResult] {
        let state = loaded.state
        let phase = LuaValue.string(phase.id)
        let tables = LuaRecords(
            keys: Self.inputKeys,
            columns: [
                inputs.map { .string($0.name) }, inputs.map { $0.participant.map(LuaValue.string) ?? .null },
                inputs.map { .object($0.fields) }, Array(repeating: phase, count: inputs.count),
            ])
        var failure: LuaError?
        var rejected: LuaReference?
        do {
            rejected = try state.callForReference(
                handleAllFunction, [.reference(handlerTable), .reference(stateTable), .records(tables), .reference(context), .reference(progress)])
        } catch {
            failure = error
            rejected = state.field(progress, "rejected")
        }
        guard failure != nil || rejected != nil else { return [EventResult](repeating: .accepted, count: inputs.count) }  // the usual case
        /// The plain data behind a reference, which is then let go; nil if it is not plain data.
        func take(_ reference: LuaReference?, name: String) throws(LuaError) -> LuaValue {
            guard let reference else { return .null }
            defer { state.release(reference) }
            return try state.value(of: reference, name: name)
        }
        // a raised error belongs to the input being handled (the first, if it came before any)
        let current = failure == nil ? nil : (try? take(state.field(progress, "current"), name: "progress.current"))?.integerValue
        let done = failure == nil ? inputs.count : min(inputs.count, max(1, Int(current ?? 1)))
        var results = [EventResult](repeating: .accepted, count: done)
        let places = (try? take(rejected, name: "rejected"))?.arrayValue ?? []
        if !places.isEmpty, let reasons = state.field(progress, "reasons") {
            for case .integer(let index) in places where index >= 1 && index <= done {
                // one by one: a reason that is not plain data is this input's problem only
                do {
                    results[Int(index) - 1] = ExerciseRun.rejection(try take(state.element(reasons, Int(index)), name: "reason"))
                } catch {
                    results[Int(index) - 1] = .rejected(.exercise(BilingualText(error.message)))
                }
            }
            state.release(reasons)
        }
        if let failure, done >= 1 {
            results[done - 1] = .failed(Problem(file: failure.path ?? exercise.source.path, line: failure.line, failure.message))
        }
        return results
    }

    /// A handler's `false, reason` as a rejection.
    private static func rejection(_ reason: LuaValue) -> EventResult {
        switch reason {
        case .null, .bool(false): return .rejected(.exercise(BilingualText(nl: "Geweigerd", en: "Rejected")))
        default:
            do {
                return .rejected(.exercise(try BilingualText(reason, at: ValuePath("reason"))))
            } catch {
                return .rejected(.exercise(BilingualText(error.description)))
            }
        }
    }

    /// Why the input would be refused before its handler sees it; nil if it passes the checks.
    func precheck(_ input: ExerciseInput) -> Rejection? {
        do {
            _ = try check(input)
            return nil
        } catch {
            return error
        }
    }

    /// The input's fields checked against its declaration (known, in this phase, the right
    /// actor), and its handler's place in the runner.
    private func check(_ input: ExerciseInput) throws(Rejection) -> (fields: LuaObject, handler: Int) {
        guard let declared = declarations[input.name] else {
            let names = exercise.inputs.map(\.input.name)
            if let close = Suggestion.closest(to: input.name, in: names) {
                throw Rejection(
                    .unknownInput, field: "input", nl: "De werkvorm '\(exercise.id)' kent geen invoer '\(input.name)'; bedoel je '\(close)'?",
                    en: "the exercise '\(exercise.id)' has no input '\(input.name)'; did you mean '\(close)'?")
            }
            let list = names.joined(separator: ", ")
            throw Rejection(
                .unknownInput, field: "input", nl: "De werkvorm '\(exercise.id)' kent geen invoer '\(input.name)'; de invoer is \(list)",
                en: "the exercise '\(exercise.id)' has no input '\(input.name)'; its inputs are \(list)")
        }
        guard declared.phase == phaseIndex else {
            let own = exercise.phases[declared.phase]
            throw Rejection(
                .wrongPhase, field: "input",
                nl: "'\(input.name)' hoort bij de fase '\(own.title.nl)', en de werkvorm is nu in de fase '\(phase.title.nl)'",
                en: "'\(input.name)' belongs to the phase '\(own.title.en)', and the exercise is in the phase '\(phase.title.en)' now")
        }
        switch (declared.input.by, input.participant) {
        case (.facilitator, _?):
            throw Rejection(
                .facilitatorOnly, field: "participant", nl: "'\(input.name)' is een invoer van de begeleider, niet van een deelnemer",
                en: "'\(input.name)' is given by the facilitator, not by a participant")
        case (.participant, nil) where !declared.input.anonymous:
            throw Rejection(.participantNeeded, field: "participant", nl: "'\(input.name)' vraagt wie het geeft", en: "'\(input.name)' needs the participant who gives it")
        case (.participant, let someone?) where !participantSet.contains(someone):
            throw Rejection(
                .unknownParticipant, field: "participant", nl: "'\(someone)' neemt niet deel aan deze sessie; laat wie meedoet eerst aansluiten",
                en: "'\(someone)' is not a participant of this session; let them join first")
        default: break
        }
        return (try declared.input.validate(fields: input.fields, participants: participantSet), declared.handler)
    }

    /// Someone joins while the step runs: they are in `ctx.participants` from now on, and the
    /// exercise's `join(state, participant, ctx)` is called if it has one. Returns the problem
    /// if that function raised; the participant has joined all the same.
    @discardableResult
    public func join(_ participant: String) -> Problem? {
        guard participantSet.insert(participant).inserted else { return nil }
        participants.append(participant)
        history.append(.join(participant))
        return applyJoin(participant)
    }

    private func applyJoin(_ participant: String) -> Problem? {
        let state = loaded.state
        do throws(LuaError) {
            try publishParticipants()
            guard let function = loaded.joinFunction else { return nil }
            _ = try state.call(function, [.reference(stateTable), .value(.string(participant)), .reference(context)])
            return nil
        } catch {
            return Problem(file: error.path ?? exercise.source.path, line: error.line, "join: \(error.message)")
        }
    }

    /// Sets `ctx.participants` to who takes part now.
    private func publishParticipants() throws(LuaError) {
        try loaded.state.setField(context, "participants", .array(participants.map { .string($0) }))
    }

    /// After a handler raised: the state again from the last checkpoint (or from `init`) and
    /// everything that changed it since; then a new checkpoint. A failing handler costs a copy
    /// of the state and the inputs since the last failure, not every input since the start.
    private func rebuild() {
        let current = phaseIndex
        let everyone = participants
        let state = loaded.state
        do {
            state.release(stateTable)
            let start: Int
            if let checkpoint {
                stateTable = checkpoint.table
                participants = checkpoint.participants
                start = checkpoint.count
                self.checkpoint = nil
                try publishParticipants()
            } else if let base {
                // the base stays, for the history before it is gone; copied once, it copies again
                stateTable = try state.callForReference(copyFunction, [.reference(base.table)]) ?? base.table
                if stateTable == base.table { self.base = nil }
                participants = base.participants
                start = 0
                try publishParticipants()
            } else {
                participants = initialParticipants
                try state.setField(context, "phase", .string(exercise.phases[firstPhase].id))
                try publishParticipants()
                stateTable = try ExerciseRun.start(loaded, runner: runner, context: context, seed: seed)
                start = 0
            }
            try apply(history[start...])
            if let copy = try state.callForReference(copyFunction, [.reference(stateTable)]) {
                checkpoint = (copy, history.count, everyone)
            }
        } catch {
            // Applying again what was accepted before cannot fail for a deterministic exercise;
            // a state too large or deep to copy just has no checkpoint.
        }
        participants = everyone
        phaseIndex = current
        try? publishParticipants()
        try? state.setField(context, "phase", .string(phase.id))
    }

    /// Applies changes from the history again: joins one by one, inputs in batches of the same
    /// phase.
    private func apply(_ changes: ArraySlice<Change>) throws(LuaError) {
        var index = changes.startIndex
        while index < changes.endIndex {
            switch changes[index] {
            case .join(let participant):
                participants.append(participant)
                _ = applyJoin(participant)
                index += 1
            case .input(let phase, _):
                var batch: [ExerciseInput] = []
                while index < changes.endIndex, batch.count < ExerciseRun.batchSize, case .input(phase, let input) = changes[index] {
                    batch.append(input)
                    index += 1
                }
                try loaded.state.setField(context, "phase", .string(exercise.phases[phase].id))
                phaseIndex = phase
                _ = applyAll(batch)
            }
        }
    }

    /// The outcome now, as plain data.
    public func outcome() throws(LuaError) -> LuaValue {
        try loaded.state.callForValue(loaded.outcomeFunction, [.reference(stateTable), .reference(context)], resultName: "outcome")
    }

    /// What one participant may see now (nil: the facilitator); nil if the exercise has no view.
    public func view(for participant: String?) throws(LuaError) -> LuaValue? {
        guard let view = loaded.viewFunction else { return nil }
        let who: LuaValue = participant.map { .string($0) } ?? .null
        return try loaded.state.callForValue(view, [.reference(stateTable), .value(who), .reference(context)], resultName: "view")
    }

    /// The report of an outcome, in `language`. With `names`, the report may show participants'
    /// names with what they said (`ctx.names` tells the exercise); without, it shows no name.
    /// With `live`, the report is for the projector while the step runs (`ctx.live`): an exercise
    /// may show only what the room is at, such as the current issue.
    public func report(_ outcome: LuaValue, language: Language, names: Bool = false, live: Bool = false) throws(Problem) -> [ReportBlock] {
        try blocks(of: loaded.reportFunction, name: "report", for: outcome, language: language, names: names, live: live)
    }

    /// What a report's summary shows of an outcome, before the steps (the engagements chosen,
    /// the rules agreed, the actions), in `language`; nothing when the exercise has no
    /// `decisions`.
    public func decisions(_ outcome: LuaValue, language: Language, names: Bool = false) throws(Problem) -> [ReportBlock] {
        guard let function = loaded.decisionsFunction else { return [] }
        return try blocks(of: function, name: "decisions", for: outcome, language: language, names: names)
    }

    /// The blocks that `function`, the exercise's `name`, makes of an outcome.
    private func blocks(of function: LuaReference, name: String, for outcome: LuaValue, language: Language, names: Bool, live: Bool = false) throws(Problem) -> [ReportBlock] {
        let state = loaded.state
        do {
            try state.setField(context, "lang", .string(language.rawValue))
            try state.setField(context, "names", .bool(names))
            if live { try state.setField(context, "live", .bool(true)) }
            defer {
                try? state.setField(context, "lang", .string(self.language.rawValue))  // the session's again
                try? state.setField(context, "names", .null)
                if live { try? state.setField(context, "live", .null) }
            }
            let value = try state.callForValue(function, [.value(outcome), .reference(context)], resultName: name)
            return try ReportBlock.blocks(from: value, at: ValuePath(name)).get()
        } catch let error as LuaError {
            throw Problem(file: error.path ?? exercise.source.path, line: error.line, error.message)
        } catch let error as Problem {
            throw error.located(file: exercise.source.path, line: exercise.source.line(of: "\(name) ="))
        } catch {
            throw Problem(file: exercise.source.path, "\(error)")
        }
    }
}

extension Result where Failure == Problem {
    /// The value, or the problem thrown.
    func get() throws(Problem) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let problem): throw problem
        }
    }
}
