import LuaHost
import Werkvorm

/// Runs an exercise's tests, written in Lua beside it (`Exercises/ID.test.lua`): params,
/// participants and events in; expected rejections, outcome fields and views out. Every case runs
/// twice in fresh states, and any difference between the two runs fails it (non-determinism).
public struct ExerciseTestRunner {
    /// The result of one test case.
    public struct CaseResult: Sendable {
        /// The case's name.
        public var name: String
        /// The test file and line of the case.
        public var file: String
        public var line: Int?
        /// What went wrong; empty when it passed.
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    let exercise: ExerciseSource
    let tests: ExerciseSource
    let modules: ModuleDirectories

    /// A runner for the tests in `tests` of the exercise in `exercise`.
    public init(exercise: ExerciseSource, tests: ExerciseSource, modules: ModuleDirectories) {
        self.exercise = exercise
        self.tests = tests
        self.modules = modules
    }

    /// Runs every case. A test file that does not load gives one failed case.
    public func run() -> [CaseResult] {
        let cases: [LuaValue]
        do {
            let state = try LuaState(modules: modules.find)
            let value = try state.run(source: tests.text, path: tests.path, resultName: "tests")
            guard let list = value.arrayValue else {
                return [
                    CaseResult(
                        name: "(file)", file: tests.path, line: nil,
                        failures: ["the test file must return a list of cases, { { name = ..., events = { ... }, outcome = { ... } }, ... }"])
                ]
            }
            cases = list
        } catch {
            return [CaseResult(name: "(file)", file: error.path ?? tests.path, line: error.line, failures: [error.message])]
        }
        return cases.enumerated().map { offset, testCase in
            let name = testCase["name"]?.stringValue ?? "case \(offset + 1)"
            let line = tests.line(of: "\"\(name)\"")
            let first = runCase(testCase, name: name)
            var failures = first.failures
            if failures.isEmpty {
                let second = runCase(testCase, name: name)
                if second.outcome != first.outcome || second.results != first.results {
                    failures.append(
                        "a second run in a fresh state gave a different result: the exercise is not deterministic (does it rely on pairs order, or on tostring of a table?)")
                }
            }
            return CaseResult(name: name, file: tests.path, line: line, failures: failures)
        }
    }

    private struct CaseRun {
        var failures: [String] = []
        var outcome: LuaValue = .null
        var results: [EventResult] = []
    }

    /// The keys of a test case, and of one of its events.
    static let caseKeys = ["name", "params", "participants", "seed", "lang", "events", "outcome", "views"]
    static let eventKeys = ["input", "participant", "fields", "rejected", "phase", "join"]

    /// Keys that a case or event does not have: a misspelt key would otherwise test nothing.
    private static func unknownKeys(_ value: LuaValue, allowed: [String], at place: String) -> [String] {
        guard case .object(let fields) = value else { return ["\(place): must be a table"] }
        return JSONWriter.sortedKeys(fields).filter { !allowed.contains($0) }.map { key in
            let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? "; it may have \(allowed.joined(separator: ", "))"
            return "\(place == "" ? "" : place + ".")\(key): is not a key of a test \(place == "" ? "case" : "event")\(hint)"
        }
    }

    private func runCase(_ testCase: LuaValue, name: String) -> CaseRun {
        var run = CaseRun()
        run.failures = Self.unknownKeys(testCase, allowed: Self.caseKeys, at: "")
        for (offset, event) in (testCase["events"]?.arrayValue ?? []).enumerated() {
            run.failures += Self.unknownKeys(event, allowed: Self.eventKeys, at: "events[\(offset + 1)]")
        }
        guard run.failures.isEmpty else { return run }
        let params = testCase["params"]?.objectValue ?? [:]
        let participants = (testCase["participants"]?.arrayValue ?? []).compactMap(\.stringValue)
        let seed = testCase["seed"]?.integerValue ?? 1
        let lang = testCase["lang"]?.stringValue ?? Language.nl.rawValue
        guard let language = Language(rawValue: lang) else {
            run.failures = ["lang: must be \"nl\" or \"en\", the session's language; found \"\(lang)\""]
            return run
        }
        let exerciseRun: ExerciseRun
        do {
            exerciseRun = try ExerciseRun(source: exercise, modules: modules, params: params, participants: participants, seed: seed, language: language)
        } catch {
            run.failures = error.problems.map(\.description)
            return run
        }
        for (offset, event) in (testCase["events"]?.arrayValue ?? []).enumerated() {
            let place = "events[\(offset + 1)]"
            if let participant = event["join"]?.stringValue, event["input"] == nil {
                if let problem = exerciseRun.join(participant) { run.failures.append("\(place): \(problem.description)") }
                continue
            }
            if let phase = event["phase"]?.stringValue, event["input"] == nil {
                do { try exerciseRun.move(to: phase) } catch { run.failures.append("\(place): \(error.reason.en)") }
                continue
            }
            let input = ExerciseInput(
                name: event["input"]?.stringValue ?? "", participant: event["participant"]?.stringValue,
                fields: event["fields"]?.objectValue ?? [:])
            let result = exerciseRun.handle(input)
            run.results.append(result)
            let expected = event["rejected"]
            switch (result, expected) {
            case (.accepted, nil): break
            case (.accepted, _?):
                run.failures.append("\(place): '\(input.name)' was accepted, but the test expects a rejection")
            case (.held, _): break
            case (.rejected(let rejection), nil):
                run.failures.append("\(place): '\(input.name)' was rejected: \(rejection.reason.nl)")
            case (.rejected(let rejection), .string(let text)?):
                let reason = rejection.reason
                if !reason.nl.contains(text) && !reason.en.contains(text) {
                    run.failures.append("\(place): '\(input.name)' was rejected with \"\(reason.nl)\", which does not contain \"\(text)\"")
                }
            case (.rejected, _?): break
            case (.failed(let problem), _):
                run.failures.append("\(place): the handler of '\(input.name)' raised an error: \(problem.description)")
            }
        }
        do {
            run.outcome = try exerciseRun.outcome()
        } catch {
            run.failures.append("outcome: \(error.description)")
            return run
        }
        if let expected = testCase["outcome"] {
            run.failures += Self.mismatches(expected: expected, actual: run.outcome, path: ValuePath("outcome"))
        }
        if let views = testCase["views"]?.objectValue {
            for participant in JSONWriter.sortedKeys(views) {
                do {
                    let view = try exerciseRun.view(for: participant) ?? .null
                    run.failures += Self.mismatches(expected: views[participant] ?? .null, actual: view, path: ValuePath("views").appending(key: participant))
                } catch {
                    run.failures.append("views.\(participant): \(error.description)")
                }
            }
        }
        for language in Language.allCases {
            do {
                _ = try exerciseRun.report(run.outcome, language: language)
                _ = try exerciseRun.decisions(run.outcome, language: language)
            } catch {
                run.failures.append("report (\(language.rawValue)): \(error.description)")
            }
        }
        return run
    }

    /// Where `actual` differs from `expected`: every field of an expected object must be there
    /// and match; lists must have the same length and match element by element.
    public static func mismatches(expected: LuaValue, actual: LuaValue, path: ValuePath) -> [String] {
        switch (expected, actual) {
        case (.object(let want), .object(let have)):
            return JSONWriter.sortedKeys(want).flatMap { key -> [String] in
                guard let value = have[key] else { return ["\(path.appending(key: key)): expected \(show(want[key] ?? .null)), but it is missing"] }
                return mismatches(expected: want[key] ?? .null, actual: value, path: path.appending(key: key))
            }
        case (.array(let want), .array(let have)):
            guard want.count == have.count else {
                return ["\(path): expected a list of \(want.count), got \(have.count): \(show(actual))"]
            }
            return zip(want, have).enumerated().flatMap { offset, pair in
                mismatches(expected: pair.0, actual: pair.1, path: path.appending(index: offset + 1))
            }
        case (.array(let want), .object) where want.isEmpty:
            return []  // `{}` in Lua is also an object with no required fields
        default:
            if let a = expected.doubleValue, let b = actual.doubleValue, a == b { return [] }
            return expected == actual ? [] : ["\(path): expected \(show(expected)), got \(show(actual))"]
        }
    }

    static func show(_ value: LuaValue) -> String {
        let text = JSONWriter.string(value)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
