import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// Reading a record for `replay` and `report`: one place for its errors.
enum RecordFile {
    /// The record read and checked; its errors name the file, the line and column or field, and
    /// say what is wrong.
    static func session(_ path: String, current: ExerciseLibrary? = nil, events: RecordedSession.Events = .all) throws -> RecordedSession {
        do {
            return try RecordedSession(contentsOf: path, current: current, events: events)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// A session's title and its steps' outcomes, as `--format json` prints them.
    static func outcomes(_ session: RecordedSession) -> LuaValue {
        let steps: [LuaValue] = session.steps.map { step in
            var fields: LuaObject = ["step": .integer(Int64(step.step)), "kind": .string(step.kind), "title": .string(step.title)]
            if let exercise = step.exercise { fields["exercise"] = .string(exercise) }
            if let outcome = step.outcome { fields["outcome"] = outcome }
            return .object(fields)
        }
        return ["title": .string(session.script.title), "steps": .array(steps)]
    }
}
