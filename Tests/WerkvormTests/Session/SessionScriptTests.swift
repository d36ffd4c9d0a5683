import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite("Session scripts: reading")
struct SessionScriptTests {
    static let valid = """
        title: Proefsessie
        date: 2024-03-05
        start: "09:30"
        end: "10:30"
        roster:
          - Ann
          - Bob
          - anonymous: 2
        steps:
          - exercise: dot-vote
            params:
              dots: 3
              ideas: [Koffie, Thee]
            notes: Neem extra bolletjes mee.
          - break: 10
            title: Koffie
          - block: Afsluiting
            minutes: 15
            notes: |
              Vragen:
              - Wat neem je mee?

        """

    @Test func aValidScriptHasItsStepsInOrder() throws {
        let script = try SessionFixtures.parse(Self.valid)
        #expect(script.title == "Proefsessie")
        #expect(script.language == .nl)
        #expect(script.date.description == "2024-03-05")
        #expect(script.start.description == "09:30")
        #expect(script.end?.description == "10:30")
        #expect(script.roster == [.named("Ann"), .named("Bob"), .anonymous(2)])
        #expect(script.participantCount == 4)
        #expect(script.steps.map(\.id) == [1, 2, 3])
        #expect(script.steps.map(\.minutes) == [20, 10, 15])
        #expect(script.steps.map { $0.title(.nl) } == ["Bolletjes plakken", "Koffie", "Afsluiting"])
        guard case .exercise(let step) = script.steps[0].kind else {
            Issue.record("step 1 is not an exercise")
            return
        }
        #expect(step.exercise.id == "dot-vote")
        #expect(step.given == ["dots", "ideas"])
        #expect(step.params["dots"] == .integer(3))
        #expect(step.params["mode"] == .string("silent"))
        #expect(step.params["ideas"] == .array(["Koffie", "Thee"]))
        #expect(step.notes == "Neem extra bolletjes mee.")
        #expect(script.steps[2].notes == "Vragen:\n- Wat neem je mee?")
    }

    @Test func clockTimesFollowFromTheStartAndTheMinutes() throws {
        let agenda = Agenda(script: try SessionFixtures.parse(Self.valid))
        #expect(agenda.rows.map { "\($0.start)–\($0.end)" } == ["09:30–09:50", "09:50–10:00", "10:00–10:15"])
        #expect(agenda.script.totalMinutes == 45)
        #expect(agenda.script.availableMinutes == 60)
        #expect(agenda.warnings.isEmpty)
    }

    @Test func jsonReadsTheSameAsYAML() throws {
        let json = """
            {
              "title": "Proefsessie", "date": "2024-03-05", "start": "09:30", "end": "10:30",
              "roster": ["Ann", "Bob", {"anonymous": 2}],
              "steps": [
                {"exercise": "dot-vote", "params": {"dots": 3, "ideas": ["Koffie", "Thee"]}, "notes": "Neem extra bolletjes mee."},
                {"break": 10, "title": "Koffie"},
                {"block": "Afsluiting", "minutes": 15, "notes": "Vragen:\\n- Wat neem je mee?"}
              ]
            }
            """
        let fromJSON = Agenda(script: try SessionFixtures.parse(json, file: "s.json"))
        let fromYAML = Agenda(script: try SessionFixtures.parse(Self.valid))
        #expect(fromJSON.text == fromYAML.text)
        #expect(fromJSON.rows == fromYAML.rows)
    }

    @Test func jsonProblemsAreLocatedToo() {
        let json = """
            {
              "title": "x", "date": "2024-03-05", "start": "09:30",
              "steps": [ {"exercise": "dot-vote", "params": {"dots": 0}} ]
            }
            """
        #expect(
            SessionFixtures.problems(json, file: "s.json") == [
                "s.json:3:58: steps[1].params.dots: is 0, below the minimum 1; choose from 1 to 20"
            ])
        #expect(
            SessionFixtures.problems("{\"title\": \"x\",\n \"steps\": [}\n", file: "s.json") == [
                "s.json:2:12: not valid JSON, while parsing a flow node: did not find expected node content; check the commas, brackets and quotes"
            ])
    }

    @Test func defaultsFillInMinutesAndLanguage() throws {
        let script = try SessionFixtures.parse(
            """
            title: Kort
            language: en
            date: 2024-02
            start: "23:50"
            steps:
              - exercise: dot-vote
            """)
        #expect(script.language == .en)
        #expect(script.date.day == nil)
        #expect(script.date.written(.en) == "February 2024")
        #expect(script.steps[0].minutes == 20)
        #expect(script.steps[0].title(.en) == "Dot voting")
        #expect(Agenda(script: script).rows[0].end.description == "00:10")
    }

    @Test func datesAndTimesAreReadStrictly() {
        #expect(ClockTime("9:05")?.minutes == 545)
        #expect(ClockTime("24:00") == nil)
        #expect(ClockTime("09:60") == nil)
        #expect(ClockTime("0930") == nil)
        #expect(SessionDate("2024-02-29")?.written(.nl) == "donderdag 29 februari 2024")
        #expect(SessionDate("2023-02-29") == nil)
        #expect(SessionDate("2023-6-23") == nil)
        #expect(SessionDate("2023-06-23")?.written(.en) == "Friday 23 June 2023")
    }
}
