import LuaHost

/// What became of an event: the one result type of the whole path, from an exercise's handler
/// through the session to the journal, the record, a replay and a participant's phone.
public enum EventResult: Sendable, Hashable {
    /// Taken: the exercise (or the session) applied it.
    case accepted
    /// Refused, with a stable code and the reason a person reads.
    case rejected(Rejection)
    /// The exercise raised an error on it: refused, and the state is as before.
    case failed(Problem)
    /// Waiting for the facilitator's approval (a step with `moderation: true`); an `approve`
    /// event applies it later, a `hide` event refuses it.
    case held

    /// The kind of result, as records name it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case accepted, rejected, failed, held
    }

    /// The kind of result.
    public var kind: Kind {
        switch self {
        case .accepted: .accepted
        case .rejected: .rejected
        case .failed: .failed
        case .held: .held
        }
    }

    /// A rejection by the runtime, with its code and its text in both languages.
    static func refused(_ code: Rejection.Code, field: String? = nil, nl: String, en: String) -> EventResult {
        .rejected(Rejection(code, field: field, nl: nl, en: en))
    }
}

/// Why an event was refused: a stable code that programs can rely on, the field it concerns,
/// and the reason in Dutch and English, shown in the session's language.
public struct Rejection: Error, Sendable, Hashable {
    /// What kind of refusal it is. `exercise` is the exercise's own reason (its handler returned
    /// `false, reason`); the others are the runtime's.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case exercise
        case unknownStep = "unknown_step"
        case notAnExercise = "not_an_exercise"
        case unknownInput = "unknown_input"
        case unknownPhase = "unknown_phase"
        case wrongPhase = "wrong_phase"
        case stepClosed = "step_closed"
        case inputPaused = "input_paused"
        case unknownParticipant = "unknown_participant"
        case participantNeeded = "participant_needed"
        case facilitatorOnly = "facilitator_only"
        case alreadyJoined = "already_joined"
        case unknownField = "unknown_field"
        case missingField = "missing_field"
        case invalidValue = "invalid_value"
        case outOfRange = "out_of_range"
        case tooLong = "too_long"
        case notHeld = "not_held"
        case hidden
    }

    public var code: Code
    /// The field concerned (`fields.text`), when there is one.
    public var field: String?
    /// What a person reads.
    public var reason: BilingualText

    /// A rejection with its code, field and text.
    public init(_ code: Code, field: String? = nil, reason: BilingualText) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    /// A rejection with its code, field and text in both languages.
    public init(_ code: Code, field: String? = nil, nl: String, en: String) {
        self.init(code, field: field, reason: BilingualText(nl: nl, en: en))
    }

    /// The exercise's own reason.
    public static func exercise(_ reason: BilingualText) -> Rejection {
        Rejection(.exercise, reason: reason)
    }
}
