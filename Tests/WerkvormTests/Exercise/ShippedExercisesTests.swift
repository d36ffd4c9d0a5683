import Foundation
import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite struct ShippedExercisesTests {
    static let ids = [
        "check-in", "check-out", "dilemma", "engagement-to-action", "engagement-voting", "house-rules", "open-question", "polarisation-map", "questions",
        "small-group-exchange", "statements", "stereotype-reflection", "why-yes-why-not",
    ]

    static func source(_ id: String, suffix: String = ".lua") throws -> ExerciseSource {
        let url = Fixtures.exercises.appendingPathComponent(id + suffix)
        return ExerciseSource(path: "Exercises/\(id)\(suffix)", text: try String(contentsOf: url, encoding: .utf8))
    }

    @Test func theLibraryHasTheShippedExercises() {
        let library = ExerciseLibrary(directories: [Fixtures.exercises])
        #expect(library.problems.isEmpty)
        #expect(library.sorted.map(\.id) == ShippedExercisesTests.ids)
    }

    @Test(arguments: ids)
    func checksWithoutProblems(id: String) throws {
        #expect(ExerciseCheck.problems(in: try Self.source(id), modules: Fixtures.modules).map(\.description) == [])
    }

    @Test(arguments: ids)
    func passesItsOwnTests(id: String) throws {
        let runner = ExerciseTestRunner(exercise: try Self.source(id), tests: try Self.source(id, suffix: ".test.lua"), modules: Fixtures.modules)
        let results = runner.run()
        #expect(results.count >= 4)
        for result in results where !result.passed {
            Issue.record("\(result.file):\(result.line ?? 0): \(result.name): \(result.failures.joined(separator: "; "))")
        }
    }

    @Test func silentVotingShowsOnlyYourOwnDotsUntilTheResults() throws {
        let run = try ExerciseRun(source: try Self.source("engagement-voting"), modules: Fixtures.modules, params: [:], participants: ["ann", "bob"], seed: 1)
        #expect(run.handle(ExerciseInput(name: "engagement", participant: "ann", fields: ["text": "Ik durf met ervaringsdeskundigen aan de slag te gaan"])) == .accepted)
        try run.move(to: "vote")
        #expect(run.handle(ExerciseInput(name: "dot", participant: "ann", fields: ["note": 1, "count": 5])) == .accepted)
        #expect(
            run.handle(ExerciseInput(name: "dot", participant: "ann", fields: ["note": 1]))
                == .rejected(.exercise(BilingualText(nl: "Je hebt je 5 bolletjes al gebruikt", en: "You have used all your 5 dots"))))
        let bobSees = try #require(try run.view(for: "bob"))
        #expect(!JSONWriter.string(bobSees).contains("\"count\":5"))
        try run.move(to: "results")
        let outcome = try run.outcome()
        #expect(JSONWriter.string(outcome).contains("Ik durf met ervaringsdeskundigen"))
        let blocks = try run.report(outcome, language: .nl)
        let bars = blocks.compactMap { block -> [ReportBlock.Bar]? in
            if case .barChart(_, let bars) = block { return bars }
            return nil
        }.first
        #expect(bars?.first?.label.nl.contains("Ik durf met ervaringsdeskundigen") == true)
        #expect(bars?.first?.value == 5)
        let html = ReportRenderer(language: .nl).htmlDocument(title: "Stemmen", blocks: blocks)
        #expect(html.contains("<svg") && html.contains("Ik durf met ervaringsdeskundigen"))
    }
}
