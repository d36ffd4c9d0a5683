import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// A phase that belongs to some settings only (`when`): declared, checked, skipped in a run and
/// left out of what a trainer reads.
@Suite struct PhaseWhenTests {
    /// The counter fixture whose phase "done" is only used when `limit` is 5 or 6.
    static func counter(when: String = "when = { limit = { 5, 6 } },") -> ExerciseSource {
        Fixtures.counter([("{ id = \"done\",", "{ id = \"done\", \(when)")])
    }

    func problems(_ source: ExerciseSource) -> [String] {
        ExerciseCheck.problems(in: source, modules: Fixtures.modules).map(\.description)
    }

    @Test func aRunGoesThroughTheUsedPhasesOnlyAndRefusesTheOthers() throws {
        #expect(problems(Self.counter()) == [])
        let without = try ExerciseRun(source: Self.counter(), modules: Fixtures.modules, params: [:], participants: ["a"], seed: 1)
        #expect(without.phases.map(\.id) == ["count"])
        #expect(throws: Rejection.self) { try without.move(to: "done") }
        do {
            try without.move(to: "done")
        } catch {
            #expect(error.reason.nl == "De fase 'done' hoort niet bij deze stap, door haar instellingen; de fasen zijn count")
            #expect(error.code == .unknownPhase)
        }
        let with = try ExerciseRun(source: Self.counter(), modules: Fixtures.modules, params: ["limit": 6], participants: ["a"], seed: 1)
        #expect(with.phases.map(\.id) == ["count", "done"])
        try with.move(to: "done")
        #expect(with.phase.id == "done")
    }

    @Test func aStepStartsInItsFirstUsedPhase() throws {
        let source = Fixtures.counter([("{ id = \"count\",", "{ id = \"count\", when = { limit = 4 },")])
        #expect(problems(source) == [])
        let run = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 4], participants: ["a"], seed: 1)
        #expect(run.phase.id == "count")
        let other = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 2], participants: ["a"], seed: 1)
        #expect(other.phase.id == "done")
        #expect(other.handle(ExerciseInput(name: "add", participant: "a", fields: ["n": 1])).kind == .rejected)
    }

    @Test func aWhenThatCannotHoldIsNamedWithItsPlace() {
        #expect(
            problems(Self.counter(when: "when = { grens = 5 },")) == [
                "Lib/counter.lua:20: phases[2].when.grens: names no param of the exercise; its params are limit"
            ])
        #expect(
            problems(Self.counter(when: "when = { limit = 50 },")) == [
                "Lib/counter.lua:20: phases[2].when.limit: is 50, above the maximum 10; choose from 1 to 10"
            ])
        #expect(
            problems(Self.counter(when: "when = {},")) == [
                "Lib/counter.lua:20: phases[2].when: must be a table of params and their values, { mode = \"dimensions\" }; found list"
            ])
        let none = Fixtures.counter([
            ("{ id = \"count\",", "{ id = \"count\", when = { limit = 5 },"), ("{ id = \"done\",", "{ id = \"done\", when = { limit = 6 },"),
        ])
        #expect(
            problems(none) == [
                "Lib/counter.lua:14: phases: with the params' defaults no phase is used: give at least one phase without `when`, or one whose `when` holds for the defaults"
            ])
    }

    @Test func aMaterialForSomeSettingsIsOnTheAgendaOfThoseStepsOnly() throws {
        let library = ExerciseLibrary(directories: [Fixtures.exercises])
        func materials(_ mode: String) throws -> [String] {
            let script = try SessionScript.parse(
                "title: T\ndate: 2024-01-01\nstart: \"09:00\"\nsteps:\n  - exercise: check-in\n    params:\n      mode: \(mode)\n", file: "s.yaml", library: library)
            return Agenda(script: script).materials
        }
        #expect(try materials("round") == ["Stoelen in een kring"])
        #expect(try materials("pairs") == [])
        let source = Fixtures.counter([
            ("materials = {},", "materials = { { nl = \"Fiches\", en = \"Tokens\", when = { limit = { 5, 6 } } }, { nl = \"Stiften\", en = \"Markers\" } },")
        ])
        let exercise = try ExerciseRun(source: source, modules: Fixtures.modules, params: [:], participants: ["a"], seed: 1).exercise
        #expect(exercise.materials(with: ["limit": 3]).map(\.nl) == ["Stiften"])
        #expect(exercise.materials(with: ["limit": 6]).map(\.en) == ["Tokens", "Markers"])
        let handout = Handout(exercise: exercise, language: .en).text
        #expect(handout.contains("Materials:\n  - Tokens (only with Limit [limit] “5” or “6”)\n"))
    }

    @Test func aMaterialsWhenOrKeyThatIsWrongIsNamedWithItsPlace() {
        func material(_ text: String) -> [String] {
            problems(Fixtures.counter([("materials = {},", "materials = { \(text) },")]))
        }
        #expect(
            material("{ nl = \"Fiches\", en = \"Tokens\", when = { mode = \"round\" } }") == [
                "Lib/counter.lua:10: materials[1].when.mode: names no param of the exercise; its params are limit"
            ])
        #expect(
            material("{ nl = \"Fiches\", en = \"Tokens\", als = { limit = 5 } }") == [
                "Lib/counter.lua:10: materials[1].als: unknown key; a material has nl, en and when"
            ])
    }

    @Test func theShippedHouseRulesLeaveTheConsentRoundOutWhenTheyArePresented() throws {
        let library = ExerciseLibrary(directories: [Fixtures.exercises])
        func script(_ decide: String) throws -> SessionScript {
            try SessionScript.parse(
                "title: T\ndate: 2024-01-01\nstart: \"09:00\"\nsteps:\n  - exercise: house-rules\n    params:\n      decide: \(decide)\n", file: "s.yaml",
                library: library)
        }
        guard case .exercise(let presented) = try script("announce").steps[0].kind, case .exercise(let voted) = try script("hands").steps[0].kind else {
            throw Problem("not an exercise step")
        }
        #expect(presented.phases.map(\.id) == ["propose", "close"])
        #expect(voted.phases.map(\.id) == ["propose", "consent", "close"])
        let agenda = Agenda(script: try script("announce")).text
        #expect(agenda.contains("  2. Afspraken vastleggen\n") && !agenda.contains("Instemmen"))
        let handout = Handout(exercise: voted.exercise, language: .nl).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            handout.contains(
                "2. Instemmen Alleen bij Besluiten [decide] “Instemmingsronde: ieder reageert per afspraak” of “Handopsteken: de begeleider telt per afspraak”. Neem de afspraken"
            ))
    }
}
