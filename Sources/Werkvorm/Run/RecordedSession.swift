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
    /// The recorded steps and events, as in the record.
    public private(set) var steps: [LuaValue]
    public private(set) var events: [LuaValue]

    /// Exercises whose source in `current` differs from the recorded one: id, path, versions.
    public private(set) var changes: [String] = []

    /// Reads `record` (from `file`); a damaged or incomplete record is a problem naming the field.
    /// With `current`, exercises and modules come from that library where it has them, instead of
    /// from the record: a replay then shows what the library's changes do to the outcomes.
    public init(_ record: LuaValue, file: String, current: ExerciseLibrary? = nil) throws(Problems) {
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
            let steps = record["steps"]?.arrayValue, let events = record["events"]?.arrayValue
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
        copy.events = events.map { event in
            guard case .object(var fields) = event else { return event }
            if let who = fields["participant"] { fields["participant"] = map(who) }
            if let given = fields["fields"] { fields["fields"] = map(given) }
            return .object(fields)
        }
        return copy
    }

    /// The recorded events as events again (without their results), in order. A damaged one is a
    /// problem naming its place in the record.
    public func sessionEvents() throws(Problems) -> [SessionEvent] {
        var result: [SessionEvent] = []
        for (offset, recorded) in events.enumerated() {
            do throws(Problem) {
                guard case .object(var fields) = recorded else { throw Problem("is not an object") }
                fields["result"] = nil
                fields["reason"] = nil
                result.append(try SessionEvent(.object(fields)))
            } catch {
                throw Problems([Problem(file: file, field: "events[\(offset + 1)]" + (error.field.map { ".\($0)" } ?? ""), error.message + "; the record is damaged or was changed by hand")])
            }
        }
        return result
    }

    /// The recorded outcome of a step, if it has one.
    public func outcome(ofStep step: Int) -> LuaValue? {
        steps.first { $0["step"]?.integerValue == Int64(step) }?["outcome"]
    }
}
