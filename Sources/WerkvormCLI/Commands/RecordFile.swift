import Foundation
import LuaHost
import Werkvorm

/// Reading a record for `replay` and `report`: one place for its errors.
enum RecordFile {
    /// The record's JSON, or an error naming the file, line and column.
    static func value(_ path: String) throws -> LuaValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the record; check the path")
        }
        do {
            return try JSONReader.parse(bytes: Array(data))
        } catch {
            throw CLIError("\(path):\(error.line):\(error.column): \(error.message); the record is not valid JSON (cut short, or changed by hand)")
        }
    }

    /// The record read and checked, with its JSON.
    static func session(_ path: String) throws -> (LuaValue, RecordedSession) {
        let value = try value(path)
        do {
            return (value, try RecordedSession(value, file: path))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// A session's title and its steps' outcomes, as `--format json` prints them.
    static func outcomes(_ session: RecordedSession) -> LuaValue {
        let steps: [LuaValue] = session.steps.map { step in
            var fields: [String: LuaValue] = [:]
            for key in ["step", "kind", "title", "exercise", "outcome"] { fields[key] = step[key] }
            return .object(fields)
        }
        return ["title": .string(session.script.title), "steps": .array(steps)]
    }
}
