import Foundation
import LuaHost

/// One thing that happened in a session: a participant's input to a step, or something the
/// facilitator did (moving a step to a phase, going to a step, revealing results, approving
/// or hiding a held text, pausing input), or someone joining. Events files, journals and
/// records hold one JSON object an event; docs/events.md describes them all.
public struct SessionEvent: Sendable, Hashable {
    /// What happened.
    public enum Action: Sendable, Hashable {
        /// A participant's (or the facilitator's) input to an exercise step.
        case input(ExerciseInput)
        /// The step moves to one of its exercise's phases: `{"step": 3, "phase": "vote"}`.
        case phase(String)
        /// Someone joins, with a display name or a pseudonym: `{"join": "An"}`.
        case join(String)
        /// The facilitator goes to a step: `{"go": 3}`. From then on, participants' inputs
        /// go to that step only.
        case go
        /// The step's results are shown (`true`) or hidden (`false`) on the projector.
        case reveal(Bool)
        /// A held input (by its sequence number) is approved, and applied now.
        case approve(Int)
        /// A held input (by its sequence number) is hidden: it never counts.
        case hide(Int)
        /// Participants' input is paused (`true`) or open again (`false`).
        case pause(Bool)
    }

    /// The step it concerns (1-based, as in the script); nil for joins, pauses and moderation.
    public var step: Int?
    public var action: Action
    /// The time it happened, as given (`10:42`), if known.
    public var time: String?
    /// The id its client chose, so that a retry is recognised: the same participant and id
    /// twice is one input.
    public var id: String?
    /// The facilitator entered this input for a participant without a phone.
    public var onBehalf = false
    /// Its number in the session (1, 2, 3...), given by the session when it is applied.
    public var seq: Int?

    /// An event in a step.
    public init(step: Int?, action: Action, time: String? = nil, id: String? = nil, onBehalf: Bool = false) {
        self.step = step
        self.action = action
        self.time = time
        self.id = id
        self.onBehalf = onBehalf
    }

    /// An input to a step.
    public static func input(_ step: Int, _ input: ExerciseInput, time: String? = nil, id: String? = nil) -> SessionEvent {
        SessionEvent(step: step, action: .input(input), time: time, id: id)
    }

    /// The time of day now, as events carry it (`10:42`, local time), for an event that
    /// happens as it is entered: at the console or on a phone.
    public static func timeNow() -> String {
        var now = Foundation.time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let hour = Int(parts.tm_hour), minute = Int(parts.tm_min)
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// The participant an event comes from, if any.
    public var participant: String? {
        switch action {
        case .input(let input): input.participant
        case .join(let name): name
        default: nil
        }
    }

    /// The keys of an event (a list: a few short strings compare faster than they hash). Their
    /// order is that of ``Reading/take(slot:_:)``.
    static let keys = ["step", "participant", "input", "fields", "phase", "time", "id", "seq", "on_behalf", "join", "go", "reveal", "approve", "hide", "pause"]
    /// At most this many characters of a name, an id or a time.
    static let maximumNameLength = 80

    /// Reads an event from one parsed JSON line; problems name the field.
    public init(_ value: LuaValue) throws(Problem) {
        guard case .object(let fields) = value else {
            throw Problem("an event is a JSON object, like {\"step\": 3, \"participant\": \"ann\", \"input\": \"dot\", \"fields\": {\"note\": 1}}")
        }
        var reading = Reading()
        for (key, value) in fields { try reading.take(key, value) }
        self = try reading.event()
    }

    /// An event's fields as they are read, one at a time (from a dictionary, or straight from
    /// JSON), before they make an event.
    struct Reading: FieldReading {
        /// The keys of an event, to read them from JSON.
        static let keys = JSONKeys(SessionEvent.keys)

        private var step, time, input, phase, participant, given, id, seq, onBehalf: LuaValue?
        private var verb: (key: String, value: LuaValue)?
        /// The first key, in byte order, that is not an event's.
        private var unknown: String?

        /// Takes one field of the event.
        mutating func take(_ key: String, _ value: LuaValue) throws(Problem) {
            if let slot = SessionEvent.keys.firstIndex(of: key) {
                try take(slot: slot, value)
            } else {
                takeUnknown(key)
            }
        }

        /// Takes one field of the event, the key given by its place in ``SessionEvent/keys``.
        mutating func take(slot: Int, _ value: LuaValue) throws(Problem) {
            switch slot {
            case 0: step = value
            case 1: participant = value
            case 2: input = value
            case 3: given = value
            case 4: phase = value
            case 5: time = value
            case 6: id = value
            case 7: seq = value
            case 8: onBehalf = value
            default:
                let key = SessionEvent.keys[slot]  // join, go, reveal, approve, hide or pause
                if let other = verb {
                    let pair = [other.key, key].sorted()
                    throw Problem(field: pair[1], "an event is one thing: it has \"\(pair[0])\" already; put \"\(pair[1])\" in an event of its own")
                }
                verb = (key, value)
            }
        }

        /// Takes a field that is not an event's.
        mutating func takeUnknown(_ key: String) {
            if unknown.map({ key.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true { unknown = key }
        }

        /// The event the fields make.
        func event() throws(Problem) -> SessionEvent {
            if let key = unknown {
                let hint = Suggestion.closest(to: key, in: SessionEvent.keys).map { "; did you mean '\($0)'?" } ?? "; see docs/events.md for the fields of an event"
                throw Problem(field: SessionEvent.shown(key), "is not a field of an event\(hint)")
            }
            var event = SessionEvent(step: nil, action: .go)
            event.time = try SessionEvent.name(time, field: "time", "must be text, like \"10:42\"")
            event.id = try SessionEvent.name(id, field: "id", "must be the client's id of the event, as text")
            if let seq, seq != .null {
                guard let number = seq.integerValue, number >= 1 else { throw Problem(field: "seq", "must be the event's number in the session (1, 2, 3...)") }
                event.seq = Int(number)
            }
            if let onBehalf, onBehalf != .null {
                guard let flag = onBehalf.boolValue else { throw Problem(field: "on_behalf", "must be true or false") }
                event.onBehalf = flag
            }
            if let verb, input != nil || phase != nil {
                throw Problem(field: verb.key, "an event is one thing: it has \"\(input != nil ? "input" : "phase")\" already; put \"\(verb.key)\" in an event of its own")
            }
            let stepNumber = try SessionEvent.stepNumber(step)
            switch (input, phase, verb) {
            case (let input?, nil, nil):
                guard let stepNumber else { throw SessionEvent.needsStep("an input") }
                event.step = stepNumber
                guard let name = input.stringValue else { throw Problem(field: "input", "must be the name of an input, like \"dot\"") }
                let who = try SessionEvent.name(participant, field: "participant", "must be a participant's name, as text")
                let inputFields: LuaObject
                switch given {
                case nil, .null?: inputFields = [:]
                case .object(let given)?: inputFields = given
                case .array(let given)? where given.isEmpty: inputFields = [:]
                default: throw Problem(field: "fields", "must be an object of the input's fields, like {\"note\": 1}")
                }
                event.action = .input(ExerciseInput(name: name, participant: who, fields: inputFields))
            case (nil, let phase?, nil):
                guard let stepNumber else { throw SessionEvent.needsStep("moving a step to a phase") }
                event.step = stepNumber
                guard let id = phase.stringValue else { throw Problem(field: "phase", "must be the id of a phase, like \"vote\"") }
                event.action = .phase(id)
            case (nil, nil, let verb?):
                (event.step, event.action) = try SessionEvent.action(verb: verb.key, verb.value, step: stepNumber)
            default:
                if input != nil && phase != nil { throw Problem(field: "phase", "an event has either \"input\" or \"phase\", not both") }
                throw Problem(
                    field: "input",
                    "an event needs \"input\" (a participant's input), \"phase\" (moving the step on), or one of \"join\", \"go\", \"reveal\", \"approve\", \"hide\" and \"pause\"")
            }
            if case .input = event.action {
            } else if let participant, participant != .null {
                throw Problem(field: "participant", "belongs to an input only; leave it out here")
            }
            return event
        }
    }

    /// The rest of an event that is not an input or a phase: `join`, `go`, `reveal`, `approve`,
    /// `hide` or `pause`.
    private static func action(verb: String, _ value: LuaValue, step: Int?) throws(Problem) -> (Int?, Action) {
        switch verb {
        case "join":
            guard let name = try name(value, field: "join", "must be the name or pseudonym of who joins, as text"), !name.isEmpty else {
                throw Problem(field: "join", "must be the name or pseudonym of who joins, as text")
            }
            if step != nil { throw Problem(field: "step", "a join concerns the whole session, not a step; leave \"step\" out") }
            return (nil, .join(name))
        case "go":
            guard let number = value.integerValue, number >= 1 else { throw Problem(field: "go", "must be the number of the step to go to (1, 2, 3...)") }
            if step != nil { throw Problem(field: "step", "\"go\" names the step itself: {\"go\": 3}; leave \"step\" out") }
            return (Int(number), .go)
        case "reveal":
            guard let flag = value.boolValue else { throw Problem(field: "reveal", "must be true (show the results) or false (hide them)") }
            guard step != nil else { throw needsStep("revealing results") }
            return (step, .reveal(flag))
        case "approve", "hide":
            guard let number = value.integerValue, number >= 1 else { throw Problem(field: verb, "must be the number (seq) of the held input") }
            return (step, verb == "approve" ? .approve(Int(number)) : .hide(Int(number)))
        default:
            guard let flag = value.boolValue else { throw Problem(field: "pause", "must be true (pause input) or false (open it again)") }
            return (step, .pause(flag))
        }
    }

    private static func stepNumber(_ value: LuaValue?) throws(Problem) -> Int? {
        guard let value, value != .null else { return nil }
        guard let number = value.integerValue, number >= 1, number <= Int64(Int32.max) else {
            throw Problem(field: "step", "must be the number of a step of the session (1, 2, 3...)")
        }
        return Int(number)
    }

    private static func needsStep(_ what: String) -> Problem {
        Problem(field: "step", "is missing; \(what) needs the number of a step of the session (1, 2, 3...)")
    }

    /// Short text (a name, an id, a time), or a problem with `message`.
    private static func name(_ value: LuaValue?, field: String, _ message: String) throws(Problem) -> String? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue else { throw Problem(field: field, message) }
        guard text.count <= maximumNameLength else { throw Problem(field: field, "is longer than \(maximumNameLength) characters; shorten it") }
        return text
    }

    /// A key as shown in a message: cut short when it is long.
    static func shown(_ key: String) -> String {
        ValuePath.isIdentifier(key) ? Excerpt.of(key, limit: 40) : JSONWriter.quoted(Excerpt.of(key, limit: 40))
    }

    /// The event as a JSON object, as journals and records store it.
    public var value: LuaValue { .object(fields) }

    /// The event's fields, as journals and records store them.
    var fields: LuaObject { orderedFields() }

    /// The same with a recorded event's own fields (`code`, `duplicate`, `field`, `reason`,
    /// `result`) in their places.
    func orderedFields(recorded: RecordedEvent? = nil) -> LuaObject {
        var list = FieldList()
        giveFields(recorded: recorded, to: &list)
        return LuaObject(uniqueKeysWithValues: list.fields)
    }

    /// Appends the event as JSON to `output`, as ``value`` would be written, field by field.
    func write(to output: inout [UInt8], recorded: RecordedEvent? = nil, pretty: Bool = false, indent: Int = 0) {
        var object = JSONObjectWriter(appendingTo: output, pretty: pretty, indent: indent)
        output = []
        giveFields(recorded: recorded, to: &object)
        output = object.finish()
    }

    /// Gives the fields to `sink` in the order JSON writes them, by key: the one place that
    /// says how an event is stored, for its value and for the bytes written, without a
    /// dictionary.
    private func giveFields(recorded: RecordedEvent?, to sink: inout some EventFieldSink) {
        var input: ExerciseInput?
        if case .input(let given) = action { input = given }
        var rejection: Rejection?, failure: Problem?
        switch recorded?.result {
        case .rejected(let rejected)?: rejection = rejected
        case .failed(let problem)?: failure = problem
        default: break
        }
        if case .approve(let seq) = action { sink.field("approve", .integer(Int64(seq))) }
        if let rejection { sink.field("code", .string(rejection.code.rawValue)) }
        if let duplicate = recorded?.duplicateOf { sink.field("duplicate", .integer(Int64(duplicate))) }
        if let field = rejection?.field { sink.field("field", .string(field)) }
        if let input { sink.field("fields", .object(input.fields)) }
        if case .go = action { sink.field("go", .integer(Int64(step ?? 0))) }
        if case .hide(let seq) = action { sink.field("hide", .integer(Int64(seq))) }
        if let id { sink.field("id", .string(id)) }
        if let input { sink.field("input", .string(input.name)) }
        if case .join(let name) = action { sink.field("join", .string(name)) }
        if onBehalf { sink.field("on_behalf", .bool(true)) }
        if let participant = input?.participant { sink.field("participant", .string(participant)) }
        if case .pause(let flag) = action { sink.field("pause", .bool(flag)) }
        if case .phase(let id) = action { sink.field("phase", .string(id)) }
        if let rejection { sink.field("reason", rejection.reason.value) }
        if let failure { sink.field("reason", .string(failure.description)) }
        if let recorded { sink.field("result", .string(recorded.result.kind.rawValue)) }
        if case .reveal(let flag) = action { sink.field("reveal", .bool(flag)) }
        if let seq { sink.field("seq", .integer(Int64(seq))) }
        if let step, action != .go { sink.field("step", .integer(Int64(step))) }
        if let time { sink.field("time", .string(time)) }
    }

    /// The same event without its sequence number: what a client sent.
    public var unnumbered: SessionEvent {
        var copy = self
        copy.seq = nil
        return copy
    }

    /// Reads an events file: one JSON object a line; blank lines and lines starting with `#`
    /// are skipped. Every problem is reported with its line, not just the first.
    public static func parseLines(_ text: String, file: String) throws(Problems) -> [(line: Int, event: SessionEvent)] {
        try parseLines(bytes: Array(text.utf8), file: file)
    }

    /// Reads an event straight from JSON, without a dictionary: a syntax error is thrown, and
    /// what is wrong with the event comes back as a problem that names the field.
    static func read(_ reader: inout JSONReader) throws(JSONError) -> Result<SessionEvent, Problem> {
        try Reading.read(
            &reader, notAnObject: "an event is a JSON object, like {\"step\": 3, \"participant\": \"ann\", \"input\": \"dot\", \"fields\": {\"note\": 1}}"
        ) { (reading: Reading) throws(Problem) in try reading.event() }
    }

    /// The event on one line of an events file; nil for a blank line or a comment. A line of
    /// ASCII, the usual kind, is read straight from its bytes.
    fileprivate static func event(in line: UnsafeBufferPointer<UInt8>, file: String, line number: Int) throws(Problem) -> SessionEvent? {
        let value: LuaValue
        do {
            if line.allSatisfy({ $0 < 0x80 }) {
                guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), line[first] != UInt8(ascii: "#") else { return nil }
                return try JSONReader.read(buffer: UnsafeRawBufferPointer(line)) { (reader: inout JSONReader) throws(JSONError) in try read(&reader) }.get()
            } else {
                let text: String
                do {
                    text = try TextFile.text(of: Array(line), file: file)
                } catch {
                    throw Problem(file: file, line: number, column: error.column, error.message)
                }
                let trimmed = text.trimmingWhitespace()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
                value = try JSONReader.parse(text)
            }
            return try SessionEvent(value)
        } catch let error as JSONError {
            throw Problem(file: file, line: number, column: error.column, "\(error.message); each line must be one JSON object")
        } catch let error as Problem {
            throw error.located(file: file, line: number)
        } catch {
            throw Problem(file: file, line: number, "\(error)")
        }
    }

    /// The same, from the file's bytes: lines end at LF or CRLF, and each must be UTF-8 text.
    public static func parseLines(bytes: [UInt8], file: String) throws(Problems) -> [(line: Int, event: SessionEvent)] {
        var lines = Lines(bytes: bytes, file: file)
        var events: [(line: Int, event: SessionEvent)] = []
        while !lines.atEnd { events += lines.next(4096) }
        guard lines.problems.isEmpty else { throw Problems(lines.problems) }
        return events
    }

    /// The events of a file of events (or of a journal) read from its bytes a group of lines at
    /// a time, so that a long file's events need not all be in memory at once. Lines end at LF
    /// or CRLF, each must be UTF-8 text, and blank lines and comments (`#`) are skipped. What is
    /// wrong with a line is a problem naming the file, the line and the field; reading stops
    /// once there are more than ``Problems/shown``.
    public struct Lines {
        public let file: String
        private let bytes: [UInt8]
        /// Where the next line starts.
        private var start: Int
        /// The number of the last line read.
        public private(set) var line = 0
        /// What was wrong with the lines read so far.
        public private(set) var problems: [Problem] = []

        /// The lines of `bytes`, the first of them line `line` + 1 of `file`.
        public init(bytes: [UInt8], file: String, after line: Int = 0) {
            self.bytes = bytes
            self.file = file
            self.line = line
            start = line == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte order mark
        }

        /// Whether every line is read (or reading stopped at too many problems).
        public var atEnd: Bool { start > bytes.count || problems.count > Problems.shown }

        /// Skips a line unread: a journal's header.
        public mutating func skipLine() {
            guard !atEnd else { return }
            line += 1
            start = (bytes[start...].firstIndex(of: 0x0A) ?? bytes.count) + 1
        }

        /// The events of the next lines, up to `count` of them; what is wrong with a line goes
        /// to ``problems``.
        public mutating func next(_ count: Int) -> [(line: Int, event: SessionEvent)] {
            var events: [(line: Int, event: SessionEvent)] = []
            events.reserveCapacity(Swift.min(count, 4096))
            bytes.withUnsafeBufferPointer { bytes in
                while events.count < count, !atEnd {
                    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                    defer { start = end + 1 }
                    line += 1
                    var text = bytes[start..<end]
                    if text.last == 0x0D { text = text.dropLast() }
                    do throws(Problem) {
                        if let event = try SessionEvent.event(in: UnsafeBufferPointer(rebasing: text), file: file, line: line) { events.append((line, event)) }
                    } catch {
                        problems.append(error)
                    }
                }
            }
            return events
        }
    }
}

/// The fields of an object as they are read, one at a time, by their place among known keys.
protocol FieldReading {
    /// The keys it knows.
    static var keys: JSONKeys { get }
    init()
    /// Takes the field of the known key at `slot`.
    mutating func take(slot: Int, _ value: LuaValue) throws(Problem)
    /// Takes a field whose key is not known.
    mutating func takeUnknown(_ key: String)
}

extension FieldReading {
    /// Reads the next value, an object, field by field into a new reading, and makes the result
    /// of it with `make`; a syntax error is thrown, anything else wrong comes back as a problem.
    static func read<Value>(_ reader: inout JSONReader, notAnObject: String, make: (Self) throws(Problem) -> Value) throws(JSONError) -> Result<Value, Problem> {
        guard reader.atObject else {
            try reader.skipValue()
            return .failure(Problem(notAnObject))
        }
        var reading = Self()
        var problem: Problem?
        var fields = try reader.beginObject(keys: keys)
        while let key = try reader.nextField(&fields) {
            let value = try reader.readValue()
            guard problem == nil else { continue }
            do throws(Problem) {
                switch key {
                case .known(let slot): try reading.take(slot: slot, value)
                case .other(let name): reading.takeUnknown(name)
                }
            } catch {
                problem = error
            }
        }
        if let problem { return .failure(problem) }
        do {
            return .success(try make(reading))
        } catch {
            return .failure(error)
        }
    }
}

/// Where an event gives its fields, in order: a list for its value, or the JSON written.
private protocol EventFieldSink {
    mutating func field(_ key: StaticString, _ value: LuaValue)
}

extension JSONObjectWriter: EventFieldSink {}

private struct FieldList: EventFieldSink {
    var fields: [(String, LuaValue)] = []
    mutating func field(_ key: StaticString, _ value: LuaValue) { fields.append((key.description, value)) }
}
