import Foundation
import LuaHost

/// A record read back: the session script parsed against the exercises and modules the record
/// carries, with the seed, participants, steps and events. What replays and reports start from.
public struct RecordedSession {
    public let script: SessionScript
    /// The record's file, as named by the user.
    public let file: String
    /// The record's format version (1 or 2).
    public let version: Int64
    public let seed: Int64
    /// Who took part from the start.
    public private(set) var participants: [String]
    /// The exercises and modules from the record, not from any library on this machine.
    public let library: ExerciseLibrary
    /// The recorded steps, as in the record.
    public private(set) var steps: [SessionRecord.Step]
    /// The recorded events, with what became of them; empty when the record was read for
    /// its summary of them only (see ``Events``).
    public private(set) var events: [RecordedEvent]
    /// Who joined after the start, in order: the accepted joins.
    public private(set) var joined: [String]
    /// Each step's first and last time, from the events that carry one (the console's do).
    public let times: [Int: (first: String, last: String)]
    /// How many events the record has.
    public let eventCount: Int

    /// How much of the events to read: all of them, kept in ``events``; what a report needs of
    /// them (``joined`` and ``times``), reading past the rest without keeping it; or, for a
    /// record file larger than a number of bytes, what a report needs of them and where each
    /// is, then each read in full, a group at a time, by ``forEachGroup(of:_:)``, which names a
    /// damaged one: so neither they nor the file are ever whole in memory, and each is read in
    /// full once (a smaller file is read as with `all`, which is faster).
    public enum Events: Sendable, Equatable {
        case all, summary
        case streamed(largerThan: Int)

        /// As a replay reads a record: streamed when it is larger than 64 MB (about 300,000 events).
        public static let replayed = Events.streamed(largerThan: 64 << 20)
    }

    /// With `events: .streamed`: the mapped record, and where each event is in it.
    private var streamed: (file: MappedFile, ranges: [Range<Int>])?

    /// Exercises whose source in `current` differs from the recorded one: id, path, versions.
    public private(set) var changes: [String] = []

    /// Reads the record at `path`. A damaged or incomplete record is a problem naming the line
    /// and column or the field, never a crash, and so is a source whose SHA-256 does not match
    /// the one recorded. With `current`, exercises and modules come from that library where it
    /// has them, instead of from the record: a replay then shows what the library's changes do
    /// to the outcomes. The events are read one by one as the JSON is, so that a long
    /// session's record is never held twice in memory.
    /// With `events: .summary`, only the summary of the events is read (a report needs no more).
    public init(contentsOf path: String, current: ExerciseLibrary? = nil, events reading: Events = .all) throws(Problems) {
        let file: MappedFile
        var reading = reading
        do {
            var mapAbove: Int?
            if case .streamed(let size) = reading { mapAbove = size }
            file = try MappedFile(path, what: "the record", mapAbove: mapAbove)
        } catch {
            throw Problems([error])
        }
        if case .streamed(let size) = reading, file.bytes.count <= size { reading = .all }
        var events: [RecordedEvent] = []
        var ranges: [Range<Int>] = []
        var summary = Summary()
        var damaged: Problem?
        let parsed = Result { () throws(JSONError) in
            try JSONReader.parse(buffer: file.bytes, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in
                reader.skipToValue()
                let start = reader.offset
                // for a report, past a damaged event, or streamed (read in full as it is replayed)
                guard damaged == nil, reading == .all else {
                    if let problem = try summary.read(&reader), damaged == nil {
                        damaged = RecordedSession.damagedEvent(problem, number: summary.count, file: path)
                    }
                    if case .streamed = reading { ranges.append(start..<reader.offset) }
                    file.release(before: start - (1 << 24))
                    return
                }
                switch try RecordedEvent.read(&reader) {
                case .success(var event):
                    if event.event.seq == nil { event.event.seq = summary.count + 1 }  // format 1: its place
                    summary.add(event)
                    events.append(event)
                case .failure(let problem):
                    damaged = RecordedSession.damagedEvent(problem, number: summary.count + 1, file: path)
                }
            }
        }
        switch parsed {
        case .success(let value):
            let record = try SessionRecord(value, events: events, file: path)  // the record's own problems first
            if let damaged { throw Problems([damaged]) }
            try self.init(record, file: path, current: current, summary: summary)
            if case .streamed = reading {
                file.rewind()
                streamed = (file, ranges)
            }
        case .failure(let error):
            throw Problems([Problem(file: path, line: error.line, column: error.column, "\(error.message); the record is not valid JSON (cut short, or changed by hand)")])
        }
    }

    /// What a report needs of the events, gathered as they are read.
    private struct Summary {
        var count = 0
        var joined: [String] = []
        var times: [Int: (first: String, last: String)] = [:]

        mutating func add(_ recorded: RecordedEvent) {
            count += 1
            if case .join(let name) = recorded.event.action, recorded.result == .accepted { joined.append(name) }
            if let step = recorded.event.step, let time = recorded.event.time { note(time, step: step) }
        }

        mutating func note(_ time: String, step: Int) {
            let known = times[step]
            times[step] = (min(known?.first ?? time, time), max(known?.last ?? time, time))
        }

        /// Reads an event for its join, step, time and result only, and past the rest; the
        /// problem when it is not an object or its result is not one.
        mutating func read(_ reader: inout JSONReader) throws(JSONError) -> Problem? {
            count += 1
            guard reader.atObject else {
                try reader.skipValue()
                return Problem("is not an object")
            }
            var join: String?, step: Int?, time: String?, result: LuaValue?
            let places = Self.places
            var fields = try reader.beginObject(keys: RecordedEvent.keys)
            while let key = try reader.nextField(&fields) {
                guard case .known(let place) = key else {
                    try reader.skipValue()
                    continue
                }
                switch place {
                case places.join: join = try reader.readValue().stringValue
                case places.step, places.go: step = try reader.readValue().integerValue.map { Int(clamping: $0) }
                case places.time: time = try reader.readValue().stringValue
                case places.result: result = try reader.readValue()
                default: try reader.skipValue()
                }
            }
            let kind: EventResult.Kind
            do {
                kind = try RecordedEvent.kind(result)
            } catch {
                return error
            }
            if let join, kind == .accepted { joined.append(join) }
            if let step, let time { note(time, step: step) }
            return nil
        }

        /// Where the keys it reads are among a recorded event's.
        static let places = (join: place("join"), step: place("step"), go: place("go"), time: place("time"), result: place("result"))
        private static func place(_ key: String) -> Int { RecordedEvent.keys.names.firstIndex(of: key) ?? -1 }
    }

    private static func damagedEvent(_ problem: Problem, number: Int, file: String) -> Problem {
        Problem(file: file, field: "events[\(number)]" + (problem.field.map { ".\($0)" } ?? ""), problem.message + "; the record is damaged or was changed by hand")
    }

    /// A record's session, with its sources checked against their SHA-256.
    public init(_ record: SessionRecord, file: String, current: ExerciseLibrary? = nil) throws(Problems) {
        var summary = Summary()
        for event in record.events { summary.add(event) }
        try self.init(record, file: file, current: current, summary: summary)
    }

    private init(_ record: SessionRecord, file: String, current: ExerciseLibrary?, summary: Summary) throws(Problems) {
        var problems: [Problem] = []
        func verify(_ source: SessionRecord.Source, field: String) {
            guard Journal.sha256(source.source) != source.sha256 else { return }
            problems.append(
                Problem(
                    file: file, field: "\(field).sha256",
                    "does not match the SHA-256 of the source (\(source.path)) the record carries; the record was changed after it was written, so it cannot prove what was run"))
        }
        for id in record.exercises.keys.sorted() { if let source = record.exercises[id] { verify(source, field: "exercises.\(id)") } }
        for name in record.modules.keys.sorted() { if let source = record.modules[name] { verify(source, field: "modules.\(name)") } }
        if Journal.sha256(record.session.script) != record.session.scriptSHA256 {
            problems.append(
                Problem(file: file, field: "session.script_sha256", "does not match the SHA-256 of the script the record carries; the record was changed after it was written"))
        }
        guard problems.isEmpty else { throw Problems(problems) }
        var changes: [String] = []
        var sources: [ExerciseSource] = []
        for id in record.exercises.keys.sorted() {
            guard let recorded = record.exercises[id] else { continue }
            if let current, let now = current.exercises[id] {
                if now.source.text != recorded.source {
                    changes.append("\(id): \(now.source.path) differs from the recorded source (version \(recorded.version ?? "?") → \(now.version))")
                }
                sources.append(now.source)
            } else {
                sources.append(ExerciseSource(path: recorded.path, text: recorded.source))
            }
        }
        var embedded: [String: LuaModule] = [:]
        for name in record.modules.keys.sorted() {
            guard let recorded = record.modules[name] else { continue }
            if let current, let now = current.modules.find(name) {
                if now.source != recorded.source { changes.append("module \(name): \(now.path) differs from the recorded source") }
                embedded[name] = now
            } else {
                embedded[name] = LuaModule(source: recorded.source, path: recorded.path)
            }
        }
        library = ExerciseLibrary(sources: sources, modules: embedded)
        guard library.problems.isEmpty else { throw Problems(library.problems) }
        // the exercises run with the events, within the record's budget, and not before
        script = try SessionScript.parse(record.session.script, file: record.session.file, library: library, tryingOutcomes: false)
        self.file = file
        self.changes = changes
        version = record.version
        seed = record.seed
        participants = record.participants
        steps = record.steps
        events = record.events
        joined = summary.joined
        times = summary.times
        eventCount = summary.count
    }

    /// Everyone who took part: those there from the start, then those who joined.
    public var everyone: [String] { participants + joined }

    /// The same session with every participant's name replaced by a stable pseudonym
    /// (`deelnemer-1`...) wherever a value or key is a name: outcomes, events, participants.
    public func anonymised() -> RecordedSession {
        let pseudonyms = Pseudonyms(participants: everyone, language: script.language)
        func map(_ value: LuaValue) -> LuaValue {
            switch value {
            case .string(let text): return .string(pseudonyms.mapping[text] ?? text)
            case .array(let elements): return .array(elements.map(map))
            case .object(let fields):
                return .object(LuaObject(Dictionary(fields.map { (pseudonyms.mapping[$0.key] ?? $0.key, map($0.value)) }, uniquingKeysWith: { first, _ in first })))
            default: return value
            }
        }
        var copy = self
        copy.participants = participants.map { pseudonyms.mapping[$0] ?? $0 }
        copy.joined = joined.map { pseudonyms.mapping[$0] ?? $0 }
        copy.steps = steps.map { step in
            var copy = step
            copy.outcome = step.outcome.map(map)
            return copy
        }
        copy.events = events.map { recorded in
            var copy = recorded
            switch recorded.event.action {
            case .input(var input):
                input.participant = input.participant.map { pseudonyms.mapping[$0] ?? $0 }
                if case .object(let fields) = map(.object(input.fields)) { input.fields = fields }
                copy.event.action = .input(input)
            case .join(let name): copy.event.action = .join(pseudonyms.mapping[name] ?? name)
            default: break
            }
            return copy
        }
        return copy
    }

    /// Every recorded event, in order, in groups of up to `size`: from ``events``, or, when the
    /// record was read with `events: .streamed`, read in full from the file a group at a time.
    /// A damaged event is a problem that names its field, as when the record is read whole, and
    /// so is a record that changed on disk since it was read.
    public func forEachGroup(of size: Int, _ body: ([RecordedEvent]) -> Void) throws(Problems) {
        guard let (file, ranges) = streamed else {
            var start = 0
            while start < events.count {
                body(Array(events[start..<min(start + size, events.count)]))
                start += size
            }
            return
        }
        var start = 0
        while start < ranges.count {
            var group: [RecordedEvent] = []
            group.reserveCapacity(min(size, ranges.count - start))
            for (offset, range) in ranges[start..<min(start + size, ranges.count)].enumerated() {
                let read = Result { () throws(JSONError) in
                    try JSONReader.read(buffer: UnsafeRawBufferPointer(rebasing: file.bytes[range])) { (reader: inout JSONReader) throws(JSONError) in
                        try RecordedEvent.read(&reader)
                    }
                }
                let number = start + offset + 1
                var event: RecordedEvent
                switch read {
                case .success(.success(let read)): event = read
                case .success(.failure(let problem)): throw Problems([RecordedSession.damagedEvent(problem, number: number, file: self.file)])
                case .failure: throw Problems([Problem(file: self.file, field: "events[\(number)]", "changed while the record was replayed; replay it again")])
                }
                if event.event.seq == nil { event.event.seq = number }  // format 1: its place
                group.append(event)
            }
            if let last = group.indices.last.map({ ranges[start + $0].lowerBound }) { file.release(before: last) }
            body(group)
            start += size
        }
    }

    /// The recorded events as events again (without their results or numbers), in order.
    public var sessionEvents: [SessionEvent] { events.map(\.event.unnumbered) }

    /// The recorded outcome of a step, if it has one.
    public func outcome(ofStep step: Int) -> LuaValue? {
        steps.first { $0.step == step }?.outcome
    }

    /// A new run of this session, as it started: its script, modules, seed and participants.
    /// The record's exercises came from elsewhere, so all they do in the run is bounded by one
    /// instruction budget (see ``instructionBudget(events:)``), besides the bound of every call.
    public func makeRun() -> SessionRun {
        let limits = LuaLimits(budget: LuaBudget(instructions: Self.instructionBudget(events: eventCount)))
        return SessionRun(script: script, modules: library.modules, seed: seed, participants: participants, limits: limits)
    }

    /// The instructions a replay or report of a record with `events` events may run in all: 200
    /// million, and a million more per event: hundreds of times what the shipped exercises take.
    /// A record whose exercises loop ends in seconds.
    public static func instructionBudget(events: Int) -> Int {
        200_000_000 + 1_000_000 * min(events, 100_000_000)
    }
}
