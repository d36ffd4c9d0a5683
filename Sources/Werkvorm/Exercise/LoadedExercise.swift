import LuaHost

/// An exercise file loaded into its own Lua state: its declarations, read and checked, and
/// references to its functions. Like its state, it belongs to one task at a time.
public final class LoadedExercise {
    /// The exercise's declarations.
    public let exercise: Exercise
    let state: LuaState
    let initFunction: LuaReference
    let outcomeFunction: LuaReference
    let reportFunction: LuaReference
    let viewFunction: LuaReference?
    /// `join(state, participant, ctx)`, called when someone joins a running step; optional.
    let joinFunction: LuaReference?
    /// `decisions(outcome, ctx)`, what a report's summary shows of this step (the engagements
    /// chosen, the rules agreed, the actions); optional.
    let decisionsFunction: LuaReference?
    let handlers: [String: LuaReference]
    /// The exercise table's declarations as plain data: what a ``DeclarationCache`` keeps.
    let declarations: LuaObject

    /// Loads `source` in a fresh sandboxed state and reads its declarations, reporting every
    /// problem at once, each with the file and line.
    public init(source: ExerciseSource, modules: ModuleDirectories, limits: LuaLimits = .default) throws(Problems) {
        let path = source.path
        func problem(_ error: LuaError) -> Problems {
            Problems([Problem(file: error.path ?? path, line: error.line, error.message)])
        }
        let table: LuaReference
        do {
            state = try LuaState(limits: limits, modules: modules.find)
            let chunk = try state.load(source: source.text, path: path)
            guard let returned = try state.callForReference(chunk, []), state.field(returned, "id") != nil || state.field(returned, "title") != nil else {
                throw Problems([Problem(file: path, "the file must end with `return { id = ..., title = ..., ... }`, the exercise table; it returned no table with an id")])
            }
            table = returned
        } catch let error as LuaError {
            throw problem(error)
        } catch let error as Problems {
            throw error
        } catch {
            throw Problems([Problem(file: path, "\(error)")])
        }
        var reader = DeclarationReader(source: source)
        let declarations = reader.declarations(state: state, table: table)
        let exercise = reader.exercise(declarations: declarations)
        var functions = FunctionReader(state: state, table: table, source: source, reader: reader)
        let initFunction = functions.function("init")
        let outcomeFunction = functions.function("outcome")
        let reportFunction = functions.function("report")
        let viewFunction = functions.optionalFunction("view")
        let joinFunction = functions.optionalFunction("join")
        let decisionsFunction = functions.optionalFunction("decisions")
        let handlers = functions.handlers(for: exercise?.inputs.map(\.input.name) ?? [])
        let problems = reader.problems + functions.problems
        guard problems.isEmpty, var exercise, let initFunction, let outcomeFunction, let reportFunction else {
            throw Problems(problems)
        }
        exercise.hasView = viewFunction != nil
        self.exercise = exercise
        self.initFunction = initFunction
        self.outcomeFunction = outcomeFunction
        self.reportFunction = reportFunction
        self.viewFunction = viewFunction
        self.joinFunction = joinFunction
        self.decisionsFunction = decisionsFunction
        self.handlers = handlers
        self.declarations = declarations
    }
}

/// Finds the exercise's functions and a handler for every declared input.
private struct FunctionReader {
    let state: LuaState
    let table: LuaReference
    let source: ExerciseSource
    let reader: DeclarationReader
    var problems: [Problem] = []

    mutating func function(_ key: String) -> LuaReference? {
        guard let reference = state.field(table, key), state.isFunction(reference) else {
            problems.append(Problem(file: source.path, line: reader.topLine(key), field: key, "must be a function: `\(key) = function(...) ... end`"))
            return nil
        }
        return reference
    }

    func optionalFunction(_ key: String) -> LuaReference? {
        guard let reference = state.field(table, key), state.isFunction(reference) else { return nil }
        return reference
    }

    mutating func handlers(for inputs: [String]) -> [String: LuaReference] {
        guard let handlers = state.field(table, "handlers") else {
            problems.append(
                Problem(
                    file: source.path, line: reader.topLine("handlers"), field: "handlers",
                    "is missing: give a table with a function for each input, `handlers = { \(inputs.first ?? "name") = function(state, input, ctx) ... end }`"))
            return [:]
        }
        var found: [String: LuaReference] = [:]
        for name in inputs {
            if let handler = state.field(handlers, name), state.isFunction(handler) {
                found[name] = handler
            } else {
                problems.append(
                    Problem(
                        file: source.path, line: reader.topLine("handlers"), field: "handlers.\(name)",
                        "is missing: the input '\(name)' needs a handler function(state, input, ctx)"))
            }
        }
        return found
    }
}
