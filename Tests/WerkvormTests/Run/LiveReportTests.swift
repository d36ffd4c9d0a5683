import LuaHost
import Testing

@testable import Werkvorm

/// What the projector shows of a step while it runs (`ctx.live`) against what the minutes keep.
@Suite struct LiveReportTests {
    @Test func theProjectorShowsTheIssueTheRoomIsAtAndTheMinutesEveryIssue() throws {
        let library = ExerciseLibrary(directories: [Fixtures.exercises])
        let text = """
            title: Kaart
            date: 2024-01-01
            start: "09:00"
            roster: [An, Bram, Cem, Dina, Eef, Fien]
            steps:
              - exercise: polarisation-map
                params:
                  rounds: 1
                  issues: ["Windmolens in de polder: voor / tegen"]

            """
        let script = try SessionScript.parse(text, file: "kaart.yaml", library: library)
        let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: ["An", "Bram", "Cem", "Dina", "Eef", "Fien"])
        let events = [
            SessionEvent(step: 1, action: .go), SessionEvent(step: 1, action: .phase("map")),
            SessionEvent.input(1, ExerciseInput(name: "position", participant: "An", fields: ["position": "middle"])),
            SessionEvent.input(1, ExerciseInput(name: "next_issue")),
            SessionEvent.input(1, ExerciseInput(name: "position", participant: "Bram", fields: ["position": "pusher_left"])),
            SessionEvent(step: 1, action: .reveal(true)),
        ]
        for event in events { #expect(run.apply(event).result == .accepted) }
        func paragraphs(_ blocks: [ReportBlock]) -> [String] {
            blocks.compactMap { block in
                if case .paragraph(let text) = block { return text.nl }
                return nil
            }
        }
        let projector = paragraphs(try #require(run.projectorView().blocks))
        #expect(projector.first == "Windmolens in de polder (ronde 1)")
        #expect(projector.contains("Niet op de kaart: 5 van de 6."))
        #expect(!projector.contains { $0.contains("opvanglocatie") })
        let minutes = try #require(try run.report(ofStep: 1, language: .nl))
        #expect(
            minutes.contains { block in
                if case .heading(let text) = block { return text.nl == "Kwestie 2: Windmolens in de polder" }
                return false
            })
        #expect(paragraphs(minutes).contains { $0.contains("opvanglocatie") })
    }
}
