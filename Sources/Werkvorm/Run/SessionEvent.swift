import Foundation
import LuaHost

/// One thing that happened in a session: a participant's input to a step, or the facilitator
/// moving a step to a phase. Event files hold one JSON object a line:
/// `{"step": 3, "participant": "ann", "input": "dot", "fields": {"note": 1}, "time": "10:42"}` or
/// `{"step": 3, "phase": "vote"}`.
public struct SessionEvent: Sendable, Hashable {
    /// What happened.
    public enum Action: Sendable, Hashable {
        case input(ExerciseInput)
        case phase(String)
    }

    /// The step it happened in (1-based, as in the script).
    public var step: Int
    public var action: Action
    /// The time it happened, as given (`10:42`), if known.
    public var time: String?

    /// An event in a step.
    public init(step: Int, action: Action, time: String? = nil) {
        self.step = step
        self.action = action
        self.time = time
    }

    /// The keys of an event (a list: a few short strings compare faster than they hash).
    static let keys = ["step", "participant", "input", "fields", "phase", "time"]

    /// Reads an event from one parsed JSON line; problems name the field.
    public init(_ value: LuaValue) throws(Problem) {
        guard case .object(let fields) = value else {
            throw Problem("an event is a JSON object, like {\"step\": 3, \"participant\": \"ann\", \"input\": \"dot\", \"fields\": {\"note\": 1}}")
        }
        try self.init(fields: fields, alsoAllowed: [])
    }

    /// Reads an event from an object's fields, which may also have the keys `alsoAllowed` (a
    /// record's `result` and `reason`).
    init(fields: [String: LuaValue], alsoAllowed: [String]) throws(Problem) {
        // One pass over the fields: a few short keys compare faster than they hash.
        var step, time, input, phase, participant, given: LuaValue?
        var unknown: String?
        for (key, value) in fields {
            switch key {
            case "step": step = value
            case "time": time = value
            case "input": input = value
            case "phase": phase = value
            case "participant": participant = value
            case "fields": given = value
            default: if !alsoAllowed.contains(key) { unknown = key }
            }
        }
        if unknown != nil {
            let key = JSONWriter.sortedKeys(fields).first { !SessionEvent.keys.contains($0) && !alsoAllowed.contains($0) } ?? ""
            let hint = Suggestion.closest(to: key, in: SessionEvent.keys).map { "; did you mean '\($0)'?" } ?? "; an event has step, participant, input, fields, phase and time"
            throw Problem(field: key, "is not a field of an event\(hint)")
        }
        guard let number = step?.integerValue, number >= 1 else {
            throw Problem(field: "step", "must be the number of a step of the session (1, 2, 3...)")
        }
        self.step = Int(number)
        if let time {
            guard let text = time.stringValue else { throw Problem(field: "time", "must be text, like \"10:42\"") }
            self.time = text
        }
        switch (input, phase) {
        case (let input?, nil):
            guard let name = input.stringValue else { throw Problem(field: "input", "must be the name of an input, like \"dot\"") }
            var who: String?
            if let participant, participant != .null {
                guard let text = participant.stringValue else { throw Problem(field: "participant", "must be a participant's name, as text") }
                who = text
            }
            let inputFields: [String: LuaValue]
            switch given {
            case nil, .null?: inputFields = [:]
            case .object(let given)?: inputFields = given
            case .array(let given)? where given.isEmpty: inputFields = [:]
            default: throw Problem(field: "fields", "must be an object of the input's fields, like {\"note\": 1}")
            }
            action = .input(ExerciseInput(name: name, participant: who, fields: inputFields))
        case (nil, let phase?):
            guard let id = phase.stringValue else { throw Problem(field: "phase", "must be the id of a phase, like \"vote\"") }
            action = .phase(id)
        case (nil, nil):
            throw Problem(field: "input", "an event needs either \"input\" (a participant's input) or \"phase\" (moving the step on)")
        case (_?, _?):
            throw Problem(field: "phase", "an event has either \"input\" or \"phase\", not both")
        }
    }

    /// The event as a JSON object, as journals and records store it.
    public var value: LuaValue {
        var fields: [String: LuaValue] = ["step": .integer(Int64(step))]
        switch action {
        case .input(let input):
            fields["input"] = .string(input.name)
            if let participant = input.participant { fields["participant"] = .string(participant) }
            fields["fields"] = .object(input.fields)
        case .phase(let id):
            fields["phase"] = .string(id)
        }
        if let time { fields["time"] = .string(time) }
        return .object(fields)
    }

    /// Reads an events file: one JSON object a line; blank lines and lines starting with `#`
    /// are skipped. Every problem is reported with its line, not just the first.
    public static func parseLines(_ text: String, file: String) throws(Problems) -> [(line: Int, event: SessionEvent)] {
        var events: [(Int, SessionEvent)] = []
        var problems: [Problem] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                let value = try JSONReader.parse(String(line))
                events.append((offset + 1, try SessionEvent(value)))
            } catch let error as JSONError {
                problems.append(Problem(file: file, line: offset + 1, column: error.column, "\(error.message); each line must be one JSON object"))
            } catch let error as Problem {
                problems.append(error.located(file: file, line: offset + 1))
            } catch {
                problems.append(Problem(file: file, line: offset + 1, "\(error)"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return events
    }
}
