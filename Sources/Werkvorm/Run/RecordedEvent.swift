import LuaHost

/// An event as a record holds it: what happened, and what became of it when it was recorded.
public struct RecordedEvent: Sendable, Hashable {
    /// What became of an event, in the record's words.
    public enum Result: String, Sendable, Hashable, CaseIterable {
        case accepted, rejected, failed

        /// The kind of an event's result.
        public init(_ result: EventResult) {
            switch result {
            case .accepted: self = .accepted
            case .rejected: self = .rejected
            case .failed: self = .failed
            }
        }
    }

    public var event: SessionEvent
    public var result: Result
    /// Why it was rejected (text, or `{"nl": ..., "en": ...}`) or why it failed; nil when accepted.
    public var reason: LuaValue?

    /// An event with what became of it.
    public init(_ event: SessionEvent, result: EventResult) {
        self.event = event
        self.result = Result(result)
        switch result {
        case .accepted: reason = nil
        case .rejected(let text): reason = text.value
        case .failed(let problem): reason = .string(problem.description)
        }
    }

    /// Reads one of a record's events; problems name the field.
    public init(_ value: LuaValue) throws(Problem) {
        guard case .object(let fields) = value else { throw Problem("is not an object") }
        guard let text = fields["result"]?.stringValue, let result = Result(rawValue: text) else {
            throw Problem(field: "result", "must be \"accepted\", \"rejected\" or \"failed\"")
        }
        self.result = result
        reason = fields["reason"]
        event = try SessionEvent(fields: fields, alsoAllowed: ["result", "reason"])
    }

    /// The event as the record holds it: the event's fields with `result` and `reason`.
    public var value: LuaValue {
        guard case .object(var fields) = event.value else { return event.value }
        fields["result"] = .string(result.rawValue)
        if let reason { fields["reason"] = reason }
        return .object(fields)
    }
}
