import LuaHost
import Yams

extension SessionScriptReader {
    static let exerciseKeys = ["exercise", "title", "minutes", "params", "notes", "moderation", "names"]
    static let breakKeys = ["break", "title"]
    static let blockKeys = ["block", "minutes", "notes"]
    /// The most values one param can hold, its lists and their items counted together.
    static let largestParam = 10_000

    /// One step: an exercise, a break or a free block; nil when it has problems.
    mutating func readStep(_ node: Node, id: Int, earlier: [SessionStep]) -> SessionStep? {
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
        case "exercise": return readExercise(mapping, id: id, earlier: earlier)
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
    mutating func readExercise(_ mapping: Node.Mapping, id: Int, earlier: [SessionStep]) -> SessionStep? {
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
        var values: LuaObject = [:]
        var order: [String] = []
        var marks: [String: Mark] = [:]
        var from: [String: (source: ParamSource, node: Node)] = [:]
        if let params = paramsNode?.mapping {
            for (key, value) in params {
                let name = YAMLSource.text(key) ?? ""
                if let source = value.mapping, source["from"] != nil {
                    order.append(name)
                    guard exercise.params.contains(where: { $0.name == name }) else {
                        values[name] = .null  // resolve names the unknown param
                        if let mark = key.mark { marks["\(path).params.\(name)"] = mark }
                        continue
                    }
                    if let taken = readSource(source, field: "\(path).params.\(name)", before: id, earlier: earlier) { from[name] = (taken, value) }
                    continue
                }
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
        var resolved: LuaObject
        do {
            resolved = try exercise.resolve(params: values, at: "\(path).params")
        } catch {
            for problem in error.problems { place(problem, marks: marks, fallback: paramsNode) }
            return nil
        }
        for (name, taken) in from where triesOutcomes {
            guard let param = exercise.params.first(where: { $0.name == name }),
                let value = tryTaking(taken.source, for: param, at: "\(path).params.\(name)", node: taken.node, earlier: earlier)
            else { return nil }
            resolved[name] = value
        }
        let moderated = mapping["moderation"].flatMap { boolean($0, field: path + ".moderation") } ?? false
        let showsNames = mapping["names"].flatMap { boolean($0, field: path + ".names") } ?? false
        var step = ExerciseStep(exercise: exercise, params: resolved, given: order, notes: notes, title: title, moderated: moderated, showsNames: showsNames)
        if step.phases.isEmpty {
            report(
                paramsNode ?? mapping["exercise"], path + ".params",
                "with these params '\(exercise.id)' goes through none of its phases; see `werkvorm exercises show \(exercise.id)` for when each phase is used")
            return nil
        }
        step.from = from.mapValues(\.source)
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

    static let sourceKeys = ["from", "take"]

    /// A param taken from an earlier step's outcome: `from` a step number or the id of an
    /// earlier step's exercise (the last such step before this one), and `take`, the path to the
    /// value in its outcome.
    mutating func readSource(_ mapping: Node.Mapping, field: String, before id: Int, earlier: [SessionStep]) -> ParamSource? {
        checkKeys(mapping, allowed: Self.sourceKeys, prefix: field + ".")
        guard let fromNode = mapping["from"] else { return nil }
        var step: SessionStep?
        if let number = YAMLSource.integer(fromNode) {
            guard number >= 1, number < id else {
                report(
                    fromNode, field + ".from",
                    "is step \(number), which is not before this step (\(id)); a param can only come from an earlier step: "
                        + (id > 1 ? "give a number from 1 to \(id - 1)" : "move this step after the one whose outcome it takes"))
                return nil
            }
            step = earlier.first { $0.id == number }
            guard let found = step, case .exercise = found.kind else {
                let what = step.map { "\"\($0.title(language))\", which is not an exercise and has no outcome" } ?? "a step with problems"
                report(fromNode, field + ".from", "is step \(number), \(what); name an earlier exercise step")
                return nil
            }
        } else if let exercise = YAMLSource.text(fromNode) {
            step = earlier.last { step in
                if case .exercise(let earlierStep) = step.kind { return earlierStep.exercise.id == exercise }
                return false
            }
            guard step != nil else {
                let known = earlier.compactMap { step -> String? in
                    if case .exercise(let earlierStep) = step.kind { return "\(step.id) (\(earlierStep.exercise.id))" }
                    return nil
                }
                let hint = known.isEmpty ? "there is none before this step" : "the earlier exercise steps are \(known.joined(separator: ", "))"
                report(fromNode, field + ".from", "names '\(exercise)', but no earlier step runs that exercise; give a step number or an exercise id: \(hint)")
                return nil
            }
        } else {
            report(fromNode, field + ".from", "must be a step number or an exercise id; found \(YAMLSource.kind(fromNode))")
            return nil
        }
        guard let takeNode = mapping["take"] else {
            report(Node.mapping(mapping), field + ".take", "is missing; say which value of the step's outcome to take (`take: chosen.text`)")
            return nil
        }
        guard let take = YAMLSource.text(takeNode), let keys = ParamSource.path(take) else {
            report(takeNode, field + ".take", "must be keys of the outcome separated by dots (`chosen.text`); found \(YAMLSource.kind(takeNode))")
            return nil
        }
        return step.map { ParamSource(step: $0.id, path: keys) }
    }

    /// The value a param would take from the step's outcome before any input: the check that
    /// the path is there and gives a value the param takes. Nil, with a problem, when not.
    mutating func tryTaking(_ source: ParamSource, for param: ParamDeclaration, at field: String, node: Node, earlier: [SessionStep]) -> LuaValue? {
        guard let step = earlier.first(where: { $0.id == source.step }), case .exercise(let exerciseStep) = step.kind else { return nil }
        let place = node.mapping?["take"] ?? node
        do {
            let run = try ExerciseRun(
                source: exerciseStep.exercise.source, modules: library.modules, params: exerciseStep.params, participants: [], seed: 1, language: language)
            let outcome = try run.outcome()
            let value = try source.value(in: outcome).get()
            return try param.validate(value, at: field)
        } catch let error as ParamSource.Missing {
            let within = error.after.isEmpty ? "" : " within `\(error.after.joined(separator: "."))`"
            let keys = error.keys.isEmpty ? "" : "; it has \(error.keys.joined(separator: ", "))"
            report(place, field + ".take", "names `\(error.key)`, which the outcome of step \(step.id) (\(exerciseStep.exercise.id)) does not have\(within)\(keys)")
        } catch let error as Problem {
            report(place, field + ".take", "gives a value that the param '\(param.name)' does not take: \(error.message)")
        } catch let error as LuaError {
            report(place, field + ".from", "cannot take it: the outcome of step \(step.id) (\(exerciseStep.exercise.id)) fails before any input: \(error.message)")
        } catch {
            let message = (error as? Problems)?.problems.first?.message ?? "\(error)"
            report(place, field + ".from", "cannot take it: step \(step.id) (\(exerciseStep.exercise.id)) does not start: \(message)")
        }
        return nil
    }
}
