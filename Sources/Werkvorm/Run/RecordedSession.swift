import Foundation
import LuaHost

/// A record read back: the session script parsed against the exercises and modules the record
/// carries, with the seed, participants, steps and events. What replays and reports start from.
public struct RecordedSession {
    public let script: SessionScript
    /// The record's file, as named by the user.
    public let file: String
    public let seed: Int64
    public private(set) var participants: [String]
    /// The exercises and modules from the record, not from any library on this machine.
    public let library: ExerciseLibrary
    /// The recorded steps, as in the record.
    public private(set) var steps: [LuaValue]
    /// The recorded events, with what became of them.
    public private(set) var events: [RecordedEvent]

    /// Exercises whose source in `current` differs from the recorded one: id, path, versions.
    public private(set) var changes: [String] = []

    /// Reads the record at `path`. A damaged or incomplete record is a problem naming the line
    /// and column or the field, never a crash. With `current`, exercises and modules come from
    /// that library where it has them, instead of from the record: a replay then shows what the
    /// library's changes do to the outcomes. The events are read one by one as the JSON is, so
    /// that a long session's record is never held twice in memory.
    public init(contentsOf path: String, current: ExerciseLibrary? = nil) throws(Problems) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problems([Problem(file: path, "cannot read the record; check the path")])
        }
        var events: [RecordedEvent] = []
        var damaged: Problem?
        let parsed = data.withUnsafeBytes { buffer in
            Result { () throws(JSONError) in
                try JSONReader.parse(buffer: buffer, streaming: "events") { value in
                    guard damaged == nil else { return }
                    do throws(Problem) {
                        events.append(try RecordedEvent(value))
                    } catch {
                        damaged = RecordedSession.damagedEvent(error, number: events.count + 1, file: path)
                    }
                }
            }
        }
        switch parsed {
        case .success(let record):
            try self.init(record, events: events, file: path, current: current)  // the record's own problems first
            if let damaged { throw Problems([damaged]) }
        case .failure(let error):
            throw Problems([Problem(file: path, line: error.line, column: error.column, "\(error.message); the record is not valid JSON (cut short, or changed by hand)")])
        }
    }

    private static func damagedEvent(_ problem: Problem, number: Int, file: String) -> Problem {
        Problem(file: file, field: "events[\(number)]" + (problem.field.map { ".\($0)" } ?? ""), problem.message + "; the record is damaged or was changed by hand")
    }

    private init(_ record: LuaValue, events: [RecordedEvent], file: String, current: ExerciseLibrary?) throws(Problems) {
        func problem(_ field: String, _ message: String) -> Problems {
            Problems([Problem(file: file, field: field, message + "; the record is damaged or was changed by hand")])
        }
        guard record["format"] == "werkvorm-record" else { throw problem("format", "is not \"werkvorm-record\": this is not a Werkvorm record") }
        guard record["version"] == .integer(SessionRecord.version) else {
            throw problem("version", "is \(record["version"].map { JSONWriter.string($0) } ?? "missing"); this Werkvorm reads records of version \(SessionRecord.version)")
        }
        guard let scriptText = record["session"]?["script"]?.stringValue, let scriptFile = record["session"]?["file"]?.stringValue else {
            throw problem("session.script", "is missing")
        }
        guard let seed = record["seed"]?.integerValue else { throw problem("seed", "is missing or not a whole number") }
        guard let participants = record["participants"]?.arrayValue?.compactMap(\.stringValue) else { throw problem("participants", "is missing") }
        guard let exercises = record["exercises"]?.objectValue, let modules = record["modules"]?.objectValue,
            let steps = record["steps"]?.arrayValue, record["events"]?.arrayValue != nil
        else { throw problem("exercises", "exercises, modules, steps or events are missing") }
        var sources: [ExerciseSource] = []
        for id in JSONWriter.sortedKeys(exercises) {
            guard let path = exercises[id]?["path"]?.stringValue, let text = exercises[id]?["source"]?.stringValue else {
                throw problem("exercises.\(id)", "has no path or source")
            }
            if let current, let now = current.exercises[id] {
                if now.source.text != text {
                    let recordedVersion = exercises[id]?["version"]?.stringValue ?? "?"
                    changes.append("\(id): \(now.source.path) differs from the recorded source (version \(recordedVersion) → \(now.version))")
                }
                sources.append(now.source)
            } else {
                sources.append(ExerciseSource(path: path, text: text))
            }
        }
        var embedded: [String: LuaModule] = [:]
        for name in JSONWriter.sortedKeys(modules) {
            guard let path = modules[name]?["path"]?.stringValue, let text = modules[name]?["source"]?.stringValue else {
                throw problem("modules.\(name)", "has no path or source")
            }
            if let current, let now = current.modules.find(name) {
                if now.source != text { changes.append("module \(name): \(now.path) differs from the recorded source") }
                embedded[name] = now
            } else {
                embedded[name] = LuaModule(source: text, path: path)
            }
        }
        library = ExerciseLibrary(sources: sources, modules: embedded)
        guard library.problems.isEmpty else { throw Problems(library.problems) }
        script = try SessionScript.parse(scriptText, file: scriptFile, library: library)
        self.file = file
        self.seed = seed
        self.participants = participants
        self.steps = steps
        self.events = events
    }

    /// The same session with every participant's name replaced by a stable pseudonym
    /// (`deelnemer-1`...) wherever a value or key is a name: outcomes, events, participants.
    public func anonymised() -> RecordedSession {
        let pseudonyms = Pseudonyms(participants: participants, language: script.language)
        func map(_ value: LuaValue) -> LuaValue {
            switch value {
            case .string(let text): return .string(pseudonyms.mapping[text] ?? text)
            case .array(let elements): return .array(elements.map(map))
            case .object(let fields):
                return .object(Dictionary(fields.map { (pseudonyms.mapping[$0.key] ?? $0.key, map($0.value)) }, uniquingKeysWith: { first, _ in first }))
            default: return value
            }
        }
        var copy = self
        copy.participants = pseudonyms.participants
        copy.steps = steps.map { step in
            guard case .object(var fields) = step, let outcome = fields["outcome"] else { return step }
            fields["outcome"] = map(outcome)
            return .object(fields)
        }
        copy.events = events.map { recorded in
            var copy = recorded
            if case .input(var input) = recorded.event.action {
                input.participant = input.participant.map { pseudonyms.mapping[$0] ?? $0 }
                if case .object(let fields) = map(.object(input.fields)) { input.fields = fields }
                copy.event.action = .input(input)
            }
            return copy
        }
        return copy
    }

    /// The recorded events as events again (without their results), in order.
    public var sessionEvents: [SessionEvent] { events.map(\.event) }

    /// The recorded outcome of a step, if it has one.
    public func outcome(ofStep step: Int) -> LuaValue? {
        steps.first { $0["step"]?.integerValue == Int64(step) }?["outcome"]
    }
}
