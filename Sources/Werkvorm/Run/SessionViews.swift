import LuaHost

/// A step as the views show it: its number, title and length, and for an exercise its phase.
public struct StepSummary: Sendable, Hashable {
    public var id: Int
    /// The step's title in the session's language.
    public var title: String
    public var minutes: Int
    /// The exercise's id, for an exercise step.
    public var exercise: String?
    /// The phase it is in, for an exercise step.
    public var phase: PhaseDeclaration?
    /// Whether its results are revealed on the projector.
    public var revealed: Bool
}

/// One of a participant's own inputs, with what became of it so far (a held input is approved
/// or hidden later).
public struct OwnInput: Sendable, Hashable {
    public var seq: Int
    public var step: Int
    public var input: ExerciseInput
    public var result: EventResult
}

/// What a participant's screen shows now.
public struct ParticipantView: Sendable, Hashable {
    public var participant: String
    /// Whether they have joined (or were there from the start).
    public var joined: Bool
    /// The step they take part in now; nil while the session has not gone to one.
    public var step: StepSummary?
    /// Whether input is paused.
    public var paused: Bool
    /// The inputs they may give now (none while paused or outside an exercise).
    public var inputs: [InputDeclaration]
    /// The exercise's own view for them (`view(state, participant, ctx)`), if it has one.
    public var view: LuaValue?
    /// Their own inputs to this step, with their results.
    public var mine: [OwnInput]
}

/// What the facilitator's control page shows now.
public struct FacilitatorView: Sendable, Hashable {
    /// The step the session is at.
    public var step: StepSummary?
    public var paused: Bool
    /// Who takes part, in the order they joined.
    public var participants: [Joined]
    /// The exercise's facilitator view (`view(state, nil, ctx)`), if it has one.
    public var view: LuaValue?
    /// The inputs waiting for approval, in order.
    public var held: [SessionRun.HeldInput]
    /// Events so far.
    public var events: Int

    /// A participant, with the sequence number of their join (0: there from the start).
    public struct Joined: Sendable, Hashable {
        public var id: String
        public var joined: Int
    }
}

/// What the projector shows now: the step and its instructions, and, once revealed, the
/// outcome drawn with the exercise's own report blocks; no participant's id unless the step
/// shows names.
public struct ProjectorView: Sendable, Hashable {
    public var step: StepSummary?
    /// The phase's instructions, in the session's language.
    public var instructions: String?
    /// How many take part.
    public var participants: Int
    /// The report of the outcome now; nil while the results are hidden.
    public var blocks: [ReportBlock]?
    /// Why there are no blocks although the results are revealed (the exercise failed).
    public var problem: String?
    /// The names still to be masked in `blocks` (a view made with `maskingLater`); empty once
    /// masked, and for a step that shows names.
    public var unmasked: [String] = []

    /// The view with the names masked that `maskingLater` left: the costly part of a live
    /// projector's update, done away from the session.
    public func masked() -> ProjectorView {
        guard !unmasked.isEmpty, let blocks else { return self }
        var copy = self
        copy.blocks = ReportBlock.masking(blocks, names: unmasked, with: ReportBlock.namePlaceholder)
        copy.unmasked = []
        return copy
    }
}

extension SessionRun {
    /// The step `id` as the views show it.
    public func summary(ofStep id: Int) -> StepSummary? {
        guard let step = step(id) else { return nil }
        var summary = StepSummary(id: id, title: step.title(script.language), minutes: step.minutes, revealed: revealed.contains(id))
        if case .exercise(let exerciseStep) = step.kind {
            summary.exercise = exerciseStep.exercise.id
            let phase = phase(ofStep: id) ?? exerciseStep.phases.first?.id
            summary.phase = exerciseStep.exercise.phases.first { $0.id == phase }
        }
        return summary
    }

    /// What `participant`'s screen shows now, at `step` (by default the current step).
    public func participantView(_ participant: String, step requested: Int? = nil) -> ParticipantView {
        let isIn = joined[participant] != nil
        var view = ParticipantView(participant: participant, joined: isIn, paused: paused, inputs: [], mine: [])
        guard let id = requested ?? currentStep, let summary = summary(ofStep: id) else { return view }
        view.step = summary
        view.mine = (inputsByParticipant[participant] ?? []).compactMap { seq in
            guard let entry = inputResults[seq], entry.step == id else { return nil }
            return OwnInput(seq: seq, step: entry.step, input: entry.input, result: entry.result)
        }
        guard isIn, let run = startedRun(ofStep: id) else { return view }
        if !paused { view.inputs = run.phase.inputs.filter { $0.by == .participant } }
        view.view = try? run.view(for: participant)
        return view
    }

    /// What the facilitator's control page shows now.
    public func facilitatorView() -> FacilitatorView {
        var view = FacilitatorView(
            step: currentStep.flatMap(summary(ofStep:)), paused: paused,
            participants: participants.map { FacilitatorView.Joined(id: $0, joined: joined[$0] ?? 0) }, held: held, events: nextSeq - 1)
        if let id = currentStep, let run = startedRun(ofStep: id) { view.view = try? run.view(for: nil) }
        return view
    }

    /// What the projector shows now, at `step` (by default the current step). With
    /// `maskingLater`, the names are left in the blocks and listed in `unmasked`: call
    /// `masked()` on the view before it is shown.
    public func projectorView(step requested: Int? = nil, maskingLater: Bool = false) -> ProjectorView {
        var view = ProjectorView(participants: participants.count)
        guard let id = requested ?? currentStep, let summary = summary(ofStep: id) else { return view }
        view.step = summary
        view.instructions = summary.phase?.instructions.text(script.language)
        guard summary.revealed, case .exercise(let exerciseStep)? = step(id)?.kind else { return view }
        do {
            let blocks = try report(ofStep: id, language: script.language, live: true) ?? []
            if exerciseStep.showsNames {
                view.blocks = blocks
            } else if maskingLater {
                view.blocks = blocks
                view.unmasked = participants
            } else {
                view.blocks = ReportBlock.masking(blocks, names: participants, with: ReportBlock.namePlaceholder)
            }
        } catch {
            view.problem = error.description
        }
        return view
    }
}
