import Foundation
import LuaHost

/// The record of a run session: one JSON document with everything needed to replay it, even when
/// the exercise library has changed or is gone: the script, the exercises' sources and the
/// library modules they required, each with its SHA-256, the seed, who took part from the
/// start, every step with its outcome, and every event with its result. Its format is
/// described by `docs/record.schema.json`. This type is the one model of it: records are
/// written from it and read into it, and nowhere else.
public struct SessionRecord: Sendable {
    /// The record format's version. Version 1 (without sequence numbers, codes, joins or the
    /// session's own events) is read as well, and migrated on reading; the file is never rewritten.
    public static let version: Int64 = 2

    /// The session as planned.
    public struct Session: Sendable, Hashable {
        public var title: String
        public var language: String
        public var date: String
        public var start: String
        /// The script's file, as it was named when it ran.
        public var file: String
        /// The script's text, as run.
        public var script: String
        public var scriptSHA256: String
    }

    /// A Lua source the record carries: an exercise or a library module.
    public struct Source: Sendable, Hashable {
        /// The exercise's version; nil for a module.
        public var version: String?
        /// Where it was, relative to its library (`check-in.lua`, `lib/text.lua`).
        public var path: String
        public var sha256: String
        public var source: String
    }

    /// A step as it was held.
    public struct Step: Sendable, Hashable {
        public var step: Int
        public var minutes: Int
        public var title: String
        /// `exercise`, `break` or `block`.
        public var kind: String
        public var exercise: String?
        public var params: LuaObject?
        /// The phase it ended in.
        public var phase: String?
        public var outcome: LuaValue?
        /// Why there is no outcome.
        public var error: String?
        public var notes: String?
        /// Whether its results were revealed at the end.
        public var revealed = false
    }

    /// The format version the record was written in.
    public var version: Int64
    public var session: Session
    public var seed: Int64
    /// Who took part from the start; those who joined later have a `join` event.
    public var participants: [String]
    public var exercises: [String: Source]
    public var modules: [String: Source]
    public var steps: [Step]
    /// Every event, with its sequence number and result.
    public var events: [RecordedEvent]

    /// The record of `run`, whose script has the text `scriptText`.
    public init(_ run: SessionRun, scriptText: String) {
        let script = run.script
        version = Self.version
        session = Session(
            title: script.title, language: script.language.rawValue, date: script.date.description, start: script.start.description,
            file: script.file, script: scriptText, scriptSHA256: Journal.sha256(scriptText))
        seed = run.seed
        participants = run.participants.filter { run.joined[$0] == 0 }
        exercises = [:]
        steps = []
        let outcomes = run.outcomes()
        for step in script.steps {
            var entry = Step(step: step.id, minutes: step.minutes, title: step.title(script.language), kind: "block", notes: step.notes)
            switch step.kind {
            case .exercise(let exerciseStep):
                let exercise = exerciseStep.exercise
                entry.kind = "exercise"
                entry.exercise = exercise.id
                entry.params = run.params(ofStep: step.id) ?? exerciseStep.params
                entry.phase = run.phase(ofStep: step.id)
                entry.revealed = run.revealed.contains(step.id)
                switch outcomes[step.id] {
                case .success(let outcome)?: entry.outcome = outcome
                case .failure(let problem)?: entry.error = run.inLibrary(problem).description
                case nil: break
                }
                exercises[exercise.id] = Source(
                    version: exercise.version, path: exercise.source.libraryPath, sha256: Journal.sha256(exercise.source.text), source: exercise.source.text)
            case .pause: entry.kind = "break"
            case .block: entry.kind = "block"
            }
            steps.append(entry)
        }
        modules = [:]
        for (name, module) in run.requiredModules {  // found as NAME.lua in a library's lib/
            modules[name] = Source(version: nil, path: "lib/\(name).lua", sha256: Journal.sha256(module.source), source: module.source)
        }
        events = run.events
    }

    // MARK: Writing

    /// The record as JSON data.
    public var value: LuaValue {
        guard case .object(var fields) = withoutEvents else { return withoutEvents }
        fields["events"] = .array(events.map(\.value))
        return .object(fields)
    }

    /// The same without its events (`"events": []`), to write them one by one.
    private var withoutEvents: LuaValue {
        func source(_ source: Source) -> LuaValue {
            var fields: LuaObject = ["path": .string(source.path), "sha256": .string(source.sha256), "source": .string(source.source)]
            if let version = source.version { fields["version"] = .string(version) }
            return .object(fields)
        }
        let steps: [LuaValue] = steps.map { step in
            var fields: LuaObject = [
                "step": .integer(Int64(step.step)), "minutes": .integer(Int64(step.minutes)), "title": .string(step.title), "kind": .string(step.kind),
            ]
            if let exercise = step.exercise { fields["exercise"] = .string(exercise) }
            if let params = step.params { fields["params"] = .object(params) }
            if let phase = step.phase { fields["phase"] = .string(phase) }
            if let outcome = step.outcome { fields["outcome"] = outcome }
            if let error = step.error { fields["error"] = .string(error) }
            if let notes = step.notes { fields["notes"] = .string(notes) }
            if step.revealed { fields["revealed"] = .bool(true) }
            return .object(fields)
        }
        return [
            "format": "werkvorm-record", "version": .integer(version),
            "modules": .object(LuaObject(modules.mapValues(source))),
            "session": [
                "title": .string(session.title), "language": .string(session.language), "date": .string(session.date),
                "start": .string(session.start), "file": .string(session.file), "script": .string(session.script),
                "script_sha256": .string(session.scriptSHA256),
            ],
            "seed": .integer(seed),
            "participants": .array(participants.map { .string($0) }),
            "exercises": .object(LuaObject(exercises.mapValues(source))),
            "steps": .array(steps),
            "events": [],
        ]
    }

    /// Writes the record: whole or not at all, never following a symbolic link, readable by
    /// the trainer alone, for it holds every input (see ``replaceFile(at:with:mode:what:)``).
    /// The bytes are those of ``value`` as pretty JSON, with a newline; the events are written
    /// one at a time, so that the record is never whole in memory.
    public func write(to url: URL) throws(FileWriteError) {
        try write(to: url) { (each: (RecordedEvent) -> Void) throws(FileWriteError) in
            for event in events { each(event) }
        }
    }

    /// The same, with the events given one at a time by `events` (from a journal, say) instead
    /// of ``events``. When `events` throws, no record is written.
    public func write(to url: URL, events: ((RecordedEvent) -> Void) throws(FileWriteError) -> Void) throws(FileWriteError) {
        try replaceFile(at: url, mode: 0o600, what: "the record") { (output: inout FileOutput) throws(FileWriteError) in
            // "events" is the first key: the events, then the rest of the object after its "{"
            output.bytes.append(contentsOf: "{\n  \"events\": [".utf8)
            var count = 0
            try events { event in
                output.bytes.append(contentsOf: count == 0 ? "\n    ".utf8 : ",\n    ".utf8)
                event.write(to: &output.bytes, pretty: true, indent: 2)
                output.flushIfFull()
                count += 1
            }
            output.bytes.append(contentsOf: count == 0 ? "]".utf8 : "\n  ]".utf8)
            var rest = JSONWriter.bytes(withoutEvents, pretty: true)
            rest.removeSubrange(0..<(rest.firstIndex(of: UInt8(ascii: "]")).map { $0 + 1 } ?? 0))  // past "events": []
            output.bytes.append(contentsOf: rest)
            output.bytes.append(0x0A)
        }
    }
}
extension SessionRecord {
    // MARK: Reading

    /// Reads a record's parts other than its events (which are read one by one, as the JSON is,
    /// and given here). Problems name the field and say that the record is damaged.
    init(_ record: LuaValue, events: [RecordedEvent], file: String) throws(Problems) {
        func problem(_ field: String, _ message: String) -> Problems {
            Problems([Problem(file: file, field: field, message + "; the record is damaged or was changed by hand")])
        }
        guard record["format"] == "werkvorm-record" else { throw problem("format", "is not \"werkvorm-record\": this is not a Werkvorm record") }
        guard let version = record["version"]?.integerValue, version == 1 || version == Self.version else {
            throw problem("version", "is \(record["version"].map { JSONWriter.string($0) } ?? "missing"); this Werkvorm reads records of version 1 and \(Self.version)")
        }
        self.version = version
        guard let fields = record["session"]?.objectValue else { throw problem("session", "is missing") }
        func text(_ key: String) throws(Problems) -> String {
            guard let value = fields[key]?.stringValue else { throw problem("session.\(key)", "is missing or not text") }
            return value
        }
        let script = try text("script")
        session = Session(
            title: try text("title"), language: try text("language"), date: try text("date"), start: try text("start"),
            file: try text("file"), script: script, scriptSHA256: fields["script_sha256"]?.stringValue ?? Journal.sha256(script))
        guard let seed = record["seed"]?.integerValue else { throw problem("seed", "is missing or not a whole number") }
        self.seed = seed
        guard let participants = record["participants"]?.arrayValue, participants.allSatisfy({ $0.stringValue != nil }) else {
            throw problem("participants", "is missing, or not a list of names")
        }
        self.participants = participants.compactMap(\.stringValue)
        func sources(_ key: String) throws(Problems) -> [String: Source] {
            guard let entries = record[key]?.objectValue else { throw problem(key, "is missing") }
            var sources: [String: Source] = [:]
            for name in JSONWriter.sortedKeys(entries) {
                guard let path = entries[name]?["path"]?.stringValue, let text = entries[name]?["source"]?.stringValue else {
                    throw problem("\(key).\(name)", "has no path or source")
                }
                guard let sha256 = entries[name]?["sha256"]?.stringValue else { throw problem("\(key).\(name).sha256", "is missing") }
                sources[name] = Source(version: entries[name]?["version"]?.stringValue, path: path, sha256: sha256, source: text)
            }
            return sources
        }
        exercises = try sources("exercises")
        modules = try sources("modules")
        guard let steps = record["steps"]?.arrayValue else { throw problem("steps", "is missing") }
        self.steps = []
        for (index, value) in steps.enumerated() {
            let at = "steps[\(index + 1)]"
            guard let number = value["step"]?.integerValue, let kind = value["kind"]?.stringValue else { throw problem(at, "has no step number or kind") }
            let minutes = value["minutes"]?.integerValue ?? 0
            guard (0...Int64(SessionStep.longest)).contains(minutes) else {
                throw problem("\(at).minutes", "must be a whole number of minutes from 0 to \(SessionStep.longest); found \(minutes)")
            }
            var step = Step(
                step: Int(clamping: number), minutes: Int(minutes), title: value["title"]?.stringValue ?? "",
                kind: kind, notes: value["notes"]?.stringValue)
            step.exercise = value["exercise"]?.stringValue
            step.params = value["params"]?.objectValue
            step.phase = value["phase"]?.stringValue
            step.outcome = value["outcome"]
            step.error = value["error"]?.stringValue
            step.revealed = value["revealed"]?.boolValue ?? false
            self.steps.append(step)
        }
        guard record["events"]?.arrayValue != nil else { throw problem("events", "is missing") }
        self.events = events  // numbered: format 1 had no numbers, and an event's number is its place
    }
}
