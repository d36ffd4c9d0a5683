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

    /// Reads `record` (from `file`); a damaged or incomplete record is a problem naming the field.
    public init(_ record: LuaValue, file: String) throws(Problems) {
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
            sources.append(ExerciseSource(path: path, text: text))
        }
        var embedded: [String: LuaModule] = [:]
        for name in JSONWriter.sortedKeys(modules) {
            guard let path = modules[name]?["path"]?.stringValue, let text = modules[name]?["source"]?.stringValue else {
                throw problem("modules.\(name)", "has no path or source")
            }
            embedded[name] = LuaModule(source: text, path: path)
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
