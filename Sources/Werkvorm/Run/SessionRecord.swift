import Foundation
import LuaHost

/// The record of a run session: one JSON document with everything needed to replay it, even when
/// the exercise library has changed or is gone: the exercises' sources and the library modules
/// they required. Its format is described by
/// `docs/record.schema.json`.
public enum SessionRecord {
    /// The record format's version.
    public static let version: Int64 = 1

    /// The record of `run`, whose script has the text `scriptText`.
    public static func make(_ run: SessionRun, scriptText: String) -> LuaValue {
        let script = run.script
        var exercises: [String: LuaValue] = [:]
        var steps: [LuaValue] = []
        let outcomes = run.outcomes()
        for step in script.steps {
            var entry: [String: LuaValue] = [
                "step": .integer(Int64(step.id)), "minutes": .integer(Int64(step.minutes)),
                "title": .string(step.title(script.language)),
            ]
            switch step.kind {
            case .exercise(let exerciseStep):
                let exercise = exerciseStep.exercise
                entry["kind"] = "exercise"
                entry["exercise"] = .string(exercise.id)
                entry["params"] = .object(exerciseStep.params)
                if let phase = run.phase(ofStep: step.id) { entry["phase"] = .string(phase) }
                switch outcomes[step.id] {
                case .success(let outcome)?: entry["outcome"] = outcome
                case .failure(let problem)?: entry["error"] = .string(problem.description)
                case nil: break
                }
                exercises[exercise.id] = [
                    "version": .string(exercise.version), "path": .string(exercise.source.path),
                    "sha256": .string(Journal.sha256(exercise.source.text)), "source": .string(exercise.source.text),
                ]
            case .pause:
                entry["kind"] = "break"
            case .block:
                entry["kind"] = "block"
            }
            if let notes = step.notes { entry["notes"] = .string(notes) }
            steps.append(.object(entry))
        }
        let events: [LuaValue] = run.events.map { RecordedEvent($0.event, result: $0.result).value }
        var modules: [String: LuaValue] = [:]
        for (name, module) in run.requiredModules {
            modules[name] = [
                "path": .string(module.path), "sha256": .string(Journal.sha256(module.source)), "source": .string(module.source),
            ]
        }
        return [
            "format": "werkvorm-record", "version": .integer(version),
            "modules": .object(modules),
            "session": [
                "title": .string(script.title), "language": .string(script.language.rawValue),
                "date": .string(script.date.description), "start": .string(script.start.description),
                "file": .string(script.file), "script": .string(scriptText),
                "script_sha256": .string(Journal.sha256(scriptText)),
            ],
            "seed": .integer(run.seed),
            "participants": .array(run.participants.map { .string($0) }),
            "exercises": .object(exercises),
            "steps": .array(steps),
            "events": .array(events),
        ]
    }

    /// Writes a record: to a temporary file beside it, then renamed, so a record is never half written.
    public static func write(_ record: LuaValue, to url: URL) throws {
        let target = url.standardizedFileURL
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        try Data((JSONWriter.string(record, pretty: true) + "\n").utf8).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else {  // atomic, and replaces an older record
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}
