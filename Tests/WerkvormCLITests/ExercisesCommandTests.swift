import Foundation
import Testing

@Suite struct ExercisesCommandTests {
    @Test func listShowsEveryShippedExercise() throws {
        let result = try CLI.run(["exercises", "list", "--lang", "en"])
        #expect(result.status == 0)
        #expect(
            result.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) } == [
                "check-in", "check-out", "dilemma", "engagement-to-action", "engagement-voting", "house-rules", "open-question", "polarisation-map", "questions",
                "small-group-exchange", "statements", "stereotype-reflection", "why-yes-why-not",
            ])
        #expect(result.stdout.contains("engagement-voting       30 min  Voting on engagements"))
    }

    @Test func showPrintsAHandout() throws {
        let result = try CLI.run(["exercises", "show", "polarisation-map", "--lang", "nl"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Polarisatiekaart (polarisation-map 2.0.0)\n=========================================\n"))
        for heading in ["\nDoel\n", "\nDuur: 45 minuten (minimaal 20)\n", "\nMateriaal:\n", "\nInstellingen\n", "\nVerloop\n", "\n1. Het denkkader\n", "game changers"] {
            #expect(result.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test func showAnUnknownIdSuggestsOne() throws {
        let result = try CLI.run(["exercises", "show", "polarisation-mpa"])
        #expect(result.status == 1)
        #expect(result.stderr == "there is no exercise 'polarisation-mpa'; did you mean 'polarisation-map'?\n")
    }

    @Test func checkPassesOnTheShippedLibrary() throws {
        let result = try CLI.run(["exercises", "check", "Exercises"])
        #expect(result.status == 0)
        #expect(result.stdout == "13 exercises checked: no problems\n")
    }

    @Test func checkListsEveryProblemAndExitsOne() throws {
        try CLI.withTemporaryDirectory { directory in
            let shipped = CLI.root.appendingPathComponent("Exercises/open-question.lua")
            let text = try String(contentsOf: shipped, encoding: .utf8)
            try text.replacingOccurrences(of: "version = \"1.0.1\",", with: "version = \"1.0.1\"")
                .write(to: directory.appendingPathComponent("broken-syntax.lua"), atomically: true, encoding: .utf8)
            try text.replacingOccurrences(of: "id = \"open-question\"", with: "id = \"out-of-bounds\"")
                .replacingOccurrences(of: "default = 1, min = 1, max = 10", with: "default = 12, min = 1, max = 10")
                .write(to: directory.appendingPathComponent("out-of-bounds.lua"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["exercises", "check", directory.path])
            #expect(result.status == 1)
            let directoryPath = directory.standardizedFileURL.path
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            func line(_ needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? -1) + 1 }
            let tableLine = (lines.firstIndex { $0 == "return {" } ?? -1) + 1
            let titleLine = line("version = \"1.0.1\",") + 1
            let paramLine = line("name = \"max_answers\"")
            #expect(
                result.stdout == """
                    \(directoryPath)/broken-syntax.lua:\(titleLine): '}' expected (to close '{' at line \(tableLine)) near 'title'
                    \(directoryPath)/out-of-bounds.lua:\(paramLine): params[2].default: is 12, above the maximum 10; choose from 1 to 10
                    2 problems in 2 of 2 exercises

                    """)
            #expect(result.stderr == "")
        }
    }

    @Test func testRunsEveryExerciseTestTwice() throws {
        let result = try CLI.run(["test"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }
}

@Suite struct LibraryDirectoriesTests {
    @Test func aLaterLibraryOverridesAnIdWithANotice() throws {
        try CLI.withTemporaryDirectory { directory in
            let text = try String(contentsOf: CLI.root.appendingPathComponent("Exercises/check-in.lua"), encoding: .utf8)
            try text.replacingOccurrences(of: "title = { nl = \"Check-in\"", with: "title = { nl = \"Onze check-in\"")
                .write(to: directory.appendingPathComponent("check-in.lua"), atomically: true, encoding: .utf8)
            let path = directory.standardizedFileURL.path
            let result = try CLI.run(["exercises", "list", "--library", path])
            #expect(result.status == 0)
            #expect(result.stderr == "notice: \(path)/check-in.lua overrides the exercise 'check-in' from Exercises/check-in.lua\n")
            #expect(result.stdout.contains("check-in                10 min  Onze check-in"))
            let viaEnvironment = try CLI.run(["exercises", "list"], environment: ["WERKVORM_PATH": path])
            #expect(viaEnvironment.stderr == result.stderr)
        }
    }
}
