import LuaHost
import Werkvorm

/// Checks an exercise file: its declarations (through loading), then a dry run in which
/// simulated participants give seeded random inputs built from the declarations, phase by phase.
/// No handler may raise, and the outcome, views and report must be plain data in both languages.
public enum ExerciseCheck {
    /// How many inputs the dry run tries in each phase.
    public static let inputsPerPhase = 40

    /// Every problem found in `source`; empty when the exercise is sound.
    public static func problems(in source: ExerciseSource, modules: ModuleDirectories, limits: LuaLimits = .default) -> [Problem] {
        let exercise: Exercise
        do {
            exercise = try LoadedExercise(source: source, modules: modules, limits: limits).exercise
        } catch {
            return error.problems
        }
        // with the defaults, and with the params each phase's `when` asks for
        var variants: [LuaObject] = [[:]]
        for phase in exercise.phases where !phase.when.isEmpty {
            let variant = LuaObject(phase.when.compactMapValues(\.first))
            if !variants.contains(variant) { variants.append(variant) }
        }
        var problems: [Problem] = []
        for params in variants {
            let found = dryRun(exercise, source: source, modules: modules, params: params, limits: limits)
            problems += found.filter { !problems.contains($0) }
        }
        return problems
    }

    private static func dryRun(_ exercise: Exercise, source: ExerciseSource, modules: ModuleDirectories, params: LuaObject, limits: LuaLimits) -> [Problem] {
        let count = max(exercise.groupSize.minimum, min(6, exercise.groupSize.maximum ?? 6))
        let participants = (1...max(count, 1)).map { "p\($0)" }
        let run: ExerciseRun
        do {
            run = try ExerciseRun(source: source, modules: modules, params: params, participants: participants, seed: 1, limits: limits)
        } catch {
            return error.problems
        }
        var problems: [Problem] = []
        var random = SplitMix(seed: 20231)
        for phase in run.phases {
            do {
                try run.move(to: phase.id)
            } catch {
                problems.append(Problem(file: source.path, field: error.field, error.reason.en))
            }
            if !phase.inputs.isEmpty {
                for _ in 0..<inputsPerPhase {
                    let declaration = phase.inputs[random.next(below: phase.inputs.count)]
                    let input = simulatedInput(declaration, participants: participants, random: &random)
                    if case .failed(let problem) = run.handle(input) {
                        var located = problem
                        located.message = "dry run: the handler of '\(declaration.name)' raised an error: \(problem.message)"
                        problems.append(located)
                        break
                    }
                }
            }
            problems += checkResults(of: run, phase: phase, participants: participants)
        }
        return problems
    }

    private static func checkResults(of run: ExerciseRun, phase: PhaseDeclaration, participants: [String]) -> [Problem] {
        let path = run.exercise.source.path
        var problems: [Problem] = []
        func luaProblem(_ error: LuaError, _ what: String) -> Problem {
            Problem(file: error.path ?? path, line: error.line, "dry run, phase '\(phase.id)': \(what): \(error.message)")
        }
        do {
            let outcome = try run.outcome()
            for language in Language.allCases {
                do {
                    _ = try run.report(outcome, language: language)
                    _ = try run.decisions(outcome, language: language)
                } catch {
                    var located = error
                    located.message = "dry run, phase '\(phase.id)', report in \(language.rawValue): " + (error.field.map { "\($0): " } ?? "") + error.message
                    located.field = nil
                    problems.append(located)
                }
            }
        } catch {
            problems.append(luaProblem(error, "outcome"))
        }
        for participant in [participants.first, nil] {
            do {
                _ = try run.view(for: participant)
            } catch {
                problems.append(luaProblem(error, participant == nil ? "view for the facilitator" : "view"))
            }
        }
        return problems
    }

    /// A random input that fits its declaration.
    static func simulatedInput(_ declaration: InputDeclaration, participants: [String], random: inout SplitMix) -> ExerciseInput {
        var fields: LuaObject = [:]
        for field in declaration.fields where field.required || random.next(below: 2) == 0 {
            fields[field.name] = simulatedValue(field, participants: participants, random: &random)
        }
        let participant: String?
        switch declaration.by {
        case .facilitator: participant = nil
        case .participant:
            participant = declaration.anonymous && random.next(below: 4) == 0 ? nil : participants[random.next(below: participants.count)]
        }
        return ExerciseInput(name: declaration.name, participant: participant, fields: fields)
    }

    static let sampleTexts = [
        "Ik durf met ervaringsdeskundigen aan de slag te gaan", "Iedereen mee", "vooroordelen", "Respect voor elkaar",
        "Onbekend is onbemind", "Dialoog met de politie", "é ë ï — 😀", "x",
    ]

    private static func simulatedValue(_ field: FieldDeclaration, participants: [String], random: inout SplitMix) -> LuaValue {
        switch field.kind {
        case .text:
            let text = sampleTexts[random.next(below: sampleTexts.count)]
            return .string(field.maxLength.map { String(text.prefix($0)) } ?? text)
        case .integer, .number:
            let low = Int(field.minimum ?? 1)
            let high = max(low, Int(field.maximum ?? Double(low + 9)))
            let value = low + random.next(below: min(high - low + 1, 1000))
            return field.kind == .integer ? .integer(Int64(value)) : .double(Double(value) + 0.5 > (field.maximum ?? .infinity) ? Double(value) : Double(value) + 0.5)
        case .boolean: return .bool(random.next(below: 2) == 0)
        case .choice: return .string(field.options[random.next(below: field.options.count)].value)
        case .participant: return .string(participants[random.next(below: participants.count)])
        }
    }
}

/// A small seeded random generator (SplitMix64): the same numbers on every machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}
