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

    /// Reads one of a record's events; problems name the field. A record of format 1 has no
    /// codes: its rejections read as the exercise's own.
    public init(_ value: LuaValue) throws(Problem) {
        guard case .object(let fields) = value else { throw Problem("is not an object") }
        var reading = Reading()
        for (key, value) in fields { try reading.take(key, value) }
        self = try reading.recordedEvent()
    }

    /// Reads the next of a record's events straight from its JSON, without a dictionary: a
    /// syntax error is thrown, and what is wrong with the event comes back as a problem that
    /// names the field.
    public static func read(_ reader: inout JSONReader) throws(JSONError) -> Result<RecordedEvent, Problem> {
        try Reading.read(&reader, notAnObject: "is not an object") { (reading: Reading) throws(Problem) in try reading.recordedEvent() }
    }

    /// The keys of a recorded event: an event's, then `result`, `code`, `field`, `reason` and
    /// `duplicate`.
    static let keys = JSONKeys(SessionEvent.keys + ["result", "code", "field", "reason", "duplicate"])

    /// What became of an event, from its `result`.
    static func kind(_ result: LuaValue?) throws(Problem) -> EventResult.Kind {
        guard let text = result?.stringValue, let kind = EventResult.Kind(rawValue: text) else {
            throw Problem(field: "result", "must be \"accepted\", \"rejected\", \"failed\" or \"held\"")
        }
        return kind
    }

    /// A recorded event's fields as they are read, one at a time.
    private struct Reading: FieldReading {
        /// An event's keys, then a recorded event's own: `result`, `code`, `field`, `reason`
        /// and `duplicate`.
        static let keys = RecordedEvent.keys

        var event = SessionEvent.Reading()
        var result, code, field, reason, duplicate: LuaValue?

        mutating func take(_ key: String, _ value: LuaValue) throws(Problem) {
            if let slot = Self.keys.names.firstIndex(of: key) {
                try take(slot: slot, value)
            } else {
                event.takeUnknown(key)
            }
        }

        mutating func takeUnknown(_ key: String) { event.takeUnknown(key) }

        /// Takes a field by its place in ``keys``.
        mutating func take(slot: Int, _ value: LuaValue) throws(Problem) {
            switch slot - SessionEvent.keys.count {
            case 0: result = value
            case 1: code = value
            case 2: field = value
            case 3: reason = value
            case 4: duplicate = value
            default: try event.take(slot: slot, value)
            }
        }

        func recordedEvent() throws(Problem) -> RecordedEvent {
            let kind = try RecordedEvent.kind(result)
            let outcome: EventResult
            switch kind {
            case .accepted: outcome = .accepted
            case .held: outcome = .held
            case .failed: outcome = .failed(Problem(reason?.stringValue ?? ""))
            case .rejected:
                guard let code = code?.stringValue.map({ Rejection.Code(rawValue: $0) }) ?? .exercise else {
                    throw Problem(field: "code", "is not a rejection code Werkvorm knows (\(Rejection.Code.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                let text: BilingualText
                switch reason {
                case nil, .null?: text = BilingualText("")
                case let reason?: text = try BilingualText(reason, at: ValuePath("reason"))
                }
                outcome = .rejected(Rejection(code, field: field?.stringValue, reason: text))
            }
            var duplicateOf: Int?
            if let duplicate, duplicate != .null {
                guard let number = duplicate.integerValue, number >= 1 else { throw Problem(field: "duplicate", "must be the number (seq) of the event this one repeated") }
                duplicateOf = Int(number)
            }
            return RecordedEvent(try event.event(), result: outcome, duplicateOf: duplicateOf)
        }
    }

    /// The event as the record holds it: the event's fields with `result`, and `code`,
    /// `field`, `reason` and `duplicate` where they apply.
    public var value: LuaValue {
        .object(event.orderedFields(recorded: self))
    }

    /// Appends the recorded event as JSON to `output`, as ``value`` would be written.
    func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        event.write(to: &output, recorded: self, pretty: pretty, indent: indent)
    }
}
