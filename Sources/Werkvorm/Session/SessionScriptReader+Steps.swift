import LuaHost
import Yams

extension SessionScriptReader {
    static let exerciseKeys = ["exercise", "title", "minutes", "params", "notes", "moderation", "names"]
    static let breakKeys = ["break", "title"]
    static let blockKeys = ["block", "minutes", "notes"]
    /// The most values one param can hold, its lists and their items counted together.
    static let largestParam = 10_000

    /// One step: an exercise, a break or a free block; nil when it has problems.
    mutating func readStep(_ node: Node, id: Int) -> SessionStep? {
        let path = "steps[\(id)]"
        guard let mapping = node.mapping else {
            report(node, path, "must be a mapping: `- exercise: ID`, `- break: MINUTES` or `- block: TITLE`; found \(YAMLSource.kind(node))")
            return nil
        }
        let kinds = ["exercise", "break", "block"].filter { mapping[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            if kinds.isEmpty {
                let before = problems.count
                checkKeys(mapping, allowed: Self.exerciseKeys + Self.breakKeys + Self.blockKeys, prefix: path + ".")
                if problems.count == before {
                    report(node, path, "needs one of `exercise: ID`, `break: MINUTES` or `block: TITLE`")
                }
            } else {
                report(node, path, "has both \(kinds.joined(separator: " and ")); a step is one exercise, break or block: split it into separate steps")
            }
            return nil
        }
        switch kind {
        case "exercise": return readExercise(mapping, id: id)
        case "break":
            checkKeys(mapping, allowed: Self.breakKeys, prefix: path + ".")
            let minutes = positiveMinutes(mapping["break"], field: path + ".break")
            let title = mapping["title"].flatMap { text($0, field: path + ".title") }
            guard let minutes else { return nil }
            return SessionStep(id: id, kind: .pause(title: title), minutes: minutes)
        default:
            checkKeys(mapping, allowed: Self.blockKeys, prefix: path + ".")
            let title = mapping["block"].flatMap { text($0, field: path + ".block") }
            let minutes: Int?
            if let node = mapping["minutes"] {
                minutes = positiveMinutes(node, field: path + ".minutes")
            } else {
                report(node, path + ".minutes", "is missing; say how long the block takes (`minutes: 15`)")
                minutes = nil
            }
            let notes = mapping["notes"].flatMap { text($0, field: path + ".notes") }
            guard let title, let minutes else { return nil }
            return SessionStep(id: id, kind: .block(title: title, notes: notes), minutes: minutes)
        }
    }

    /// `true` or `false`, or a problem.
    mutating func boolean(_ node: Node, field: String) -> Bool? {
        guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
            report(node, field, "must be true or false; found \(YAMLSource.kind(node))")
            return nil
        }
        return value
    }

    /// A whole number of minutes from 1 to a day (1440), or a problem.
    mutating func positiveMinutes(_ node: Node?, field: String) -> Int? {
        guard let node else { return nil }
        guard let minutes = YAMLSource.integer(node), (1...SessionStep.longest).contains(minutes) else {
            report(node, field, "must be a whole number of minutes from 1 to \(SessionStep.longest) (a day); found \(YAMLSource.kind(node))")
            return nil
        }
        return minutes
    }

    /// An exercise step: the exercise from the library, its minutes, params and notes.
    mutating func readExercise(_ mapping: Node.Mapping, id: Int) -> SessionStep? {
        let path = "steps[\(id)]"
        checkKeys(mapping, allowed: Self.exerciseKeys, prefix: path + ".")
        let notes = mapping["notes"].flatMap { text($0, field: path + ".notes") }
        let title = mapping["title"].flatMap { text($0, field: path + ".title") }
        let minutesNode = mapping["minutes"]
        let given = minutesNode.flatMap { positiveMinutes($0, field: path + ".minutes") }
        let paramsNode = mapping["params"]
        if let paramsNode, paramsNode.mapping == nil {
            report(paramsNode, path + ".params", "must be a mapping of param names to values (`dots: 5`); found \(YAMLSource.kind(paramsNode))")
        }
        guard let idNode = mapping["exercise"], let exerciseID = text(idNode, field: path + ".exercise") else { return nil }
        let exercise: Exercise
        do {
            exercise = try library.exercise(exerciseID)
        } catch {
            report(idNode, path + ".exercise", error.message)
            return nil
        }
        let minimum = exercise.duration.minimumMinutes
        if let given, given < minimum {
            report(minutesNode, path + ".minutes", "is \(given), but '\(exercise.id)' needs at least \(minimum) minutes; plan \(minimum) or more, or choose a shorter exercise")
        }
        var values: [String: LuaValue] = [:]
        var order: [String] = []
        var marks: [String: Mark] = [:]
        if let params = paramsNode?.mapping {
            for (key, value) in params {
                let name = YAMLSource.text(key) ?? ""
                if YAMLSource.holds(value, moreThan: Self.largestParam) {
                    report(
                        key, "\(path).params.\(name)", "holds more than \(Self.largestParam) values (an alias repeats all its anchor holds); write the values out, fewer of them")
                    return nil
                }
                let declaration = exercise.params.first { $0.name == name }
                values[name] = YAMLSource.value(value, hint: declaration?.kind)
                order.append(name)
                let field = "\(path).params.\(name)"
                YAMLSource.marks(of: value, at: field, into: &marks)
                if declaration == nil, let mark = key.mark { marks[field] = mark }
            }
        }
        let resolved: [String: LuaValue]
        do {
            resolved = try exercise.resolve(params: values, at: "\(path).params")
        } catch {
            for problem in error.problems { place(problem, marks: marks, fallback: paramsNode) }
            return nil
        }
        let moderated = mapping["moderation"].flatMap { boolean($0, field: path + ".moderation") } ?? false
        let showsNames = mapping["names"].flatMap { boolean($0, field: path + ".names") } ?? false
        let step = ExerciseStep(exercise: exercise, params: resolved, given: order, notes: notes, title: title, moderated: moderated, showsNames: showsNames)
        return SessionStep(id: id, kind: .exercise(step), minutes: given ?? exercise.duration.defaultMinutes)
    }

    /// Places a param problem at the node its field names, or the closest node above it.
    mutating func place(_ problem: Problem, marks: [String: Mark], fallback: Node?) {
        var located = problem
        located.file = file
        var field = problem.field ?? ""
        while !field.isEmpty, marks[field] == nil {
            guard let cut = field.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            field = String(field[..<cut])
        }
        let mark = marks[field] ?? fallback?.mark
        located.line = mark?.line
        located.column = mark?.column
        problems.append(located)
    }
}
