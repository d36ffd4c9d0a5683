import Foundation
import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary

/// A param taken from an earlier step's outcome (`from`, `take`): checked when the script is
/// read, taken when the step starts, recorded with the step, and taken again in a replay.
@Suite struct ParamSourceTests {
    static let library = ExerciseLibrary(directories: [Fixtures.exercises])

    static let scriptText = """
        title: Van stemmen naar actie
        date: 2023-06-23
        start: "09:00"
        roster: [An, Bram, Cem, Dina]
        steps:
          - exercise: engagement-voting
            params:
              top: 2
          - break: 15
          - exercise: engagement-to-action
            params:
              engagements:
                from: engagement-voting
                take: chosen.text

        """

    static func input(_ step: Int, _ who: String?, _ name: String, _ fields: LuaObject) -> SessionEvent {
        SessionEvent.input(step, ExerciseInput(name: name, participant: who, fields: fields))
    }

    /// A vote in which "Samen koken" and "Een buurtfeest" get the most dots, and the room then
    /// goes to the step after the break.
    static let events: [SessionEvent] = [
        SessionEvent(step: 1, action: .go),
        input(1, "An", "engagement", ["text": "Samen koken"]),
        input(1, "Bram", "engagement", ["text": "Een buurtfeest"]),
        input(1, "Cem", "engagement", ["text": "Een taalcafé"]),
        SessionEvent(step: 1, action: .phase("vote")),
        input(1, "An", "dot", ["note": 1, "count": 3]),
        input(1, "Bram", "dot", ["note": 2, "count": 2]),
        input(1, "Cem", "dot", ["note": 3]),
        SessionEvent(step: 1, action: .phase("results")),
        SessionEvent(step: 3, action: .go),
        SessionEvent(step: 3, action: .phase("work")),
        input(3, "Dina", "answer", ["group": 2, "question": "first_step", "text": "De buurt uitnodigen"]),
    ]

    @Test func theStepTakesTheChosenEngagementsWhenTheRoomGetsToIt() throws {
        let script = try SessionScript.parse(Self.scriptText, file: "actie.yaml", library: Self.library)
        guard case .exercise(let step) = script.steps[2].kind else { throw Problem("step 3 is not an exercise") }
        #expect(step.from == ["engagements": ParamSource(step: 1, path: ["chosen", "text"])])
        #expect(step.params["engagements"] == .array([]))  // what it takes from a vote without input

        let run = SessionRun(script: script, modules: Self.library.modules, seed: 7, participants: ["An", "Bram", "Cem", "Dina"])
        #expect(run.params(ofStep: 3)?["engagements"] == .array([]))  // before the vote, as it would start now
        for event in Self.events.prefix(9) { #expect(run.apply(event).result == .accepted) }
        #expect(run.params(ofStep: 3)?["engagements"] == ["Samen koken", "Een buurtfeest"])  // not started yet, not kept
        for event in Self.events.dropFirst(9) { #expect(run.apply(event).result == .accepted) }

        let outcome = try run.outcome(of: 3).get()
        #expect(outcome["engagements"] == ["Samen koken", "Een buurtfeest"])
        #expect(outcome["groups"]?.arrayValue?.map { $0["engagement"] } == ["Samen koken", "Een buurtfeest"])
        // the facilitator choosing another engagement after the room moved on changes the vote,
        // not what the step took
        #expect(run.apply(Self.input(1, nil, "choose_note", ["note": 3])).result == .accepted)
        #expect(try run.outcome(of: 1).get()["chosen"]?.arrayValue?.count == 3)
        #expect(run.params(ofStep: 3)?["engagements"] == ["Samen koken", "Een buurtfeest"])
    }

    @Test func theRecordKeepsWhatWasTakenAndAReplayTakesTheSame() async throws {
        try await LiveFixtures.withDirectory { directory in
            let script = try SessionScript.parse(Self.scriptText, file: "actie.yaml", library: Self.library)
            let run = SessionRun(script: script, modules: Self.library.modules, seed: 7, participants: ["An", "Bram", "Cem", "Dina"])
            run.apply(Self.events)
            let file = directory.appendingPathComponent("actie.json")
            var record = SessionRecord(run, scriptText: Self.scriptText)
            try record.write(to: file)
            let recorded = try RecordedSession(contentsOf: file.path)
            #expect(recorded.steps[2].params?["engagements"] == ["Samen koken", "Een buurtfeest"])
            let replay = try SessionReplay.replay(recorded)
            #expect(replay.divergences.isEmpty)

            // a record whose step says it took something else is caught
            record.steps[2].params?["engagements"] = ["Samen koken"]
            let again = try SessionReplay.replay(try RecordedSession(record, file: "actie.json"))
            #expect(again.divergences.map(\.path) == ["params.engagements[2]"])
        }
    }

    @Test func aParamFromAStepThatIsNotEarlierOrNotAnExerciseIsNamedWithItsPlace() {
        func problems(_ steps: String) -> [String] {
            do {
                _ = try SessionScript.parse("title: T\ndate: 2024-01-01\nstart: \"09:00\"\nsteps:\n" + steps, file: "s.yaml", library: Self.library)
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        let toAction = "  - exercise: engagement-to-action\n    params:\n      engagements:\n"
        #expect(
            problems(toAction + "        from: 2\n        take: chosen.text\n  - exercise: engagement-voting\n") == [
                "s.yaml:8:15: steps[1].params.engagements.from: is step 2, which is not before this step (1); a param can only come from an earlier step: move this step after the one whose outcome it takes"
            ])
        #expect(
            problems("  - exercise: check-in\n" + toAction + "        from: 3\n        take: chosen.text\n  - exercise: engagement-voting\n") == [
                "s.yaml:9:15: steps[2].params.engagements.from: is step 3, which is not before this step (2); a param can only come from an earlier step: give a number from 1 to 1"
            ])
        #expect(
            problems("  - break: 10\n" + toAction + "        from: 1\n        take: chosen.text\n") == [
                "s.yaml:9:15: steps[2].params.engagements.from: is step 1, \"Pauze\", which is not an exercise and has no outcome; name an earlier exercise step"
            ])
        #expect(
            problems("  - exercise: check-in\n" + toAction + "        from: engagement-voting\n        take: chosen.text\n") == [
                "s.yaml:9:15: steps[2].params.engagements.from: names 'engagement-voting', but no earlier step runs that exercise; give a step number or an exercise id: the earlier exercise steps are 1 (check-in)"
            ])
        #expect(
            problems("  - exercise: engagement-voting\n" + toAction + "        from: 1\n        take: keuze\n") == [
                "s.yaml:10:15: steps[2].params.engagements.take: names `keuze`, which the outcome of step 1 (engagement-voting) does not have; it has chosen, dots_left, dots_used, merged, notes, participants, question, ranking, rules, tally"
            ])
        #expect(
            problems("  - exercise: engagement-voting\n" + toAction + "        from: 1\n        take: question\n") == [
                "s.yaml:10:15: steps[2].params.engagements.take: gives a value that the param 'engagements' does not take: must be a list of texts; found object"
            ])
        #expect(
            problems("  - exercise: engagement-voting\n" + toAction + "        from: 1\n        tak: chosen\n") == [
                "s.yaml:9:9: steps[2].params.engagements.take: is missing; say which value of the step's outcome to take (`take: chosen.text`)",
                "s.yaml:10:9: steps[2].params.engagements.tak: unknown key; did you mean 'take'?",
            ])
        #expect(
            problems("  - exercise: engagement-voting\n" + toAction + "        from: 1\n        take: chosen..text\n") == [
                "s.yaml:10:15: steps[2].params.engagements.take: must be keys of the outcome separated by dots (`chosen.text`); found \"chosen..text\""
            ])
    }

    @Test func aSecondCheckInAvoidsThePairsOfTheFirst() throws {
        let text = """
            title: Twee rondes
            date: 2024-01-01
            start: "09:00"
            roster: [An, Bram, Cem, Dina, Eef, Fien]
            steps:
              - exercise: check-in
              - exercise: check-in
                title: Nog een check-in
                params:
                  avoid: { from: 1, take: pairs }

            """
        let script = try SessionScript.parse(text, file: "twee.yaml", library: Self.library)
        for seed in Int64(1)...20 {
            let run = SessionRun(script: script, modules: Self.library.modules, seed: seed, participants: ["An", "Bram", "Cem", "Dina", "Eef", "Fien"])
            #expect(run.apply(SessionEvent(step: 1, action: .go)).result == .accepted)
            #expect(run.apply(SessionEvent(step: 2, action: .go)).result == .accepted)
            let first = try run.outcome(of: 1).get()["pairs"]?.arrayValue ?? []
            let second = try run.outcome(of: 2).get()
            #expect(run.params(ofStep: 2)?["avoid"] == .array(first))
            let before = Set(first.map { Set($0.arrayValue?.compactMap(\.stringValue) ?? []) })
            let pairs = (second["pairs"]?.arrayValue ?? []).map { Set($0.arrayValue?.compactMap(\.stringValue) ?? []) }
            #expect(pairs.count == 3 && before.isDisjoint(with: pairs), "seed \(seed)")
            #expect(second["repeats"] == 0)
        }
    }
}
