import Foundation
import Testing

@testable import Werkvorm
@testable import WerkvormRendering

/// Session scripts made to crash or exhaust the program: each ends in a located problem, or in
/// an agenda whose cost grows with the script.
@Suite("Session scripts: hostile input") struct HostileScriptTests {
    static let head = SessionValidationTests.head

    @Test func minutesThatWouldOverflowTheClockAreRefused() {
        #expect(
            SessionFixtures.problems(Self.head + "  - break: 9223372036854775807\n") == [
                "s.yaml:5:12: steps[1].break: must be a whole number of minutes from 1 to 1440 (a day); found \"9223372036854775807\""
            ])
        #expect(
            SessionFixtures.problems(Self.head + "  - break: 4611686018427387904\n  - block: Koffie\n    minutes: 4611686018427387904\n") == [
                "s.yaml:5:12: steps[1].break: must be a whole number of minutes from 1 to 1440 (a day); found \"4611686018427387904\"",
                "s.yaml:7:14: steps[2].minutes: must be a whole number of minutes from 1 to 1440 (a day); found \"4611686018427387904\"",
            ])
    }

    @Test func aliasesThatExpandToBillionsOfValuesAreRefused() {
        var lines = ["title: Proef", "date: 2024-03-05", "start: \"09:30\"", "x0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...7 { lines.append("x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        lines += ["steps:", "  - exercise: dot-vote", "    params: {ideas: *a7, nothing: *a7}"]
        let problems = SessionFixtures.problems(lines.joined(separator: "\n") + "\n")
        #expect(problems.contains("s.yaml:14:14: steps[1].params.ideas: holds more than 10000 values (an alias repeats all its anchor holds); write the values out, fewer of them"))
        #expect(problems.count < 20)
    }

    @Test func aDuplicateKeyIsReportedWhereItIsRepeated() {
        #expect(
            SessionFixtures.problems(Self.head + "  - exercise: dot-vote\n    minutes: 10\n    minutes: 12\n") == [
                "s.yaml:7:5: the key 'minutes' appears more than once in the same mapping (first on line 6); keep one"
            ])
    }

    @Test func aHugeValueIsShortenedInTheProblem() throws {
        let huge = String(repeating: "x", count: 200_000)
        let problems = SessionFixtures.problems(Self.head + "  - exercise: dot-vote\n    params:\n      mode: \(huge)\n")
        let problem = try #require(problems.first)
        #expect(problem == "s.yaml:7:13: steps[1].params.mode: must be one of \"silent\", \"open\"; found \"" + String(repeating: "x", count: 59) + "…")
    }

    @Test func theAgendaOfThousandsOfStepsIsBuiltInOnePass() throws {
        let steps = String(repeating: "  - exercise: dot-vote\n    minutes: 10\n", count: 4000)
        let script = try SessionFixtures.parse(Self.head + steps)
        let agenda = Agenda(script: script)
        #expect(agenda.rows.count == 4000)
        #expect(agenda.rows.last?.start == ClockTime(minutes: 9 * 60 + 30 + 3999 * 10))
        #expect(script.startsOfSteps.last == agenda.rows.last?.start)
        #expect(agenda.text.contains("4000. Bolletjes plakken"))
    }
}
