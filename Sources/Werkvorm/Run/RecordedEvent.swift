import LuaHost

/// An event as a session applied it, and as the record holds it: the event with its sequence
/// number, what became of it, and whether it repeated an earlier event (a client's retry).
public struct RecordedEvent: Sendable, Hashable {
    /// The event, with its `seq`.
    public var event: SessionEvent
    public var result: EventResult
    /// The sequence number of the event this one repeated (same participant and id): it was
    /// not applied again, and its result is that event's.
    public var duplicateOf: Int?

    /// An event with what became of it.
    public init(_ event: SessionEvent, result: EventResult, duplicateOf: Int? = nil) {
        self.event = event
        self.result = result
        self.duplicateOf = duplicateOf
    }

    /// The keys a recorded event has besides an event's.
    static let keys = ["result", "code", "field", "reason", "duplicate"]

    /// Reads one of a record's events; problems name the field. A record of format 1 has no
    /// codes: its rejections read as the exercise's own.
    public init(_ value: LuaValue) throws(Problem) {
        guard case .object(let fields) = value else { throw Problem("is not an object") }
        guard let text = fields["result"]?.stringValue, let kind = EventResult.Kind(rawValue: text) else {
            throw Problem(field: "result", "must be \"accepted\", \"rejected\", \"failed\" or \"held\"")
        }
        let reason = fields["reason"]
        switch kind {
        case .accepted: result = .accepted
        case .held: result = .held
        case .failed: result = .failed(Problem(reason?.stringValue ?? ""))
        case .rejected:
            let code = fields["code"]?.stringValue
            guard let code = code.map({ Rejection.Code(rawValue: $0) }) ?? .exercise else {
                throw Problem(field: "code", "is not a rejection code Werkvorm knows (\(Rejection.Code.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let text: BilingualText
            switch reason {
            case nil, .null?: text = BilingualText("")
            case let reason?: text = try BilingualText(reason, at: ValuePath("reason"))
            }
            result = .rejected(Rejection(code, field: fields["field"]?.stringValue, reason: text))
        }
        if let duplicate = fields["duplicate"], duplicate != .null {
            guard let number = duplicate.integerValue, number >= 1 else { throw Problem(field: "duplicate", "must be the number (seq) of the event this one repeated") }
            duplicateOf = Int(number)
        }
        event = try SessionEvent(fields: fields, alsoAllowed: RecordedEvent.keys)
    }

    /// The event as the record holds it: the event's fields with `result`, and `code`,
    /// `field`, `reason` and `duplicate` where they apply.
    public var value: LuaValue {
        var fields = event.fields
        fields["result"] = .string(result.kind.rawValue)
        switch result {
        case .accepted, .held: break
        case .rejected(let rejection):
            fields["code"] = .string(rejection.code.rawValue)
            if let field = rejection.field { fields["field"] = .string(field) }
            fields["reason"] = rejection.reason.value
        case .failed(let problem): fields["reason"] = .string(problem.description)
        }
        if let duplicateOf { fields["duplicate"] = .integer(Int64(duplicateOf)) }
        return .object(fields)
    }
}
