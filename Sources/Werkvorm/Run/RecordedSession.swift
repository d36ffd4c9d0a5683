import LuaHost

/// A record read back: the session script parsed against the exercises and modules the record
/// carries, with the seed, participants, steps and events. What replays and reports start from.
public struct RecordedSession {
    public let script: SessionScript
    public let seed: Int64
    public let participants: [String]
    /// The exercises and modules from the record, not from any library on this machine.
    public let library: ExerciseLibrary
    /// The recorded steps and events, as in the record.
    public let steps: [LuaValue]
    public let events: [LuaValue]

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
        self.seed = seed
        self.participants = participants
        self.steps = steps
        self.events = events
    }

    /// The recorded outcome of a step, if it has one.
    public func outcome(ofStep step: Int) -> LuaValue? {
        steps.first { $0["step"]?.integerValue == Int64(step) }?["outcome"]
    }
}
