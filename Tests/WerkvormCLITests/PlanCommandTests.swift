import Foundation
import Testing

@Suite("werkvorm plan")
struct SessionPlanCommandTests {
    @Test(arguments: ["iedereen-mee-sessie-6", "safer-spaces-sessie-1", "safer-spaces-sessie-2", "op-stap-kennissessie", "amersfoort-werkconferentie", "polarisatie-workshop"])
    func everyExamplePlansWithoutProblems(name: String) throws {
        for format in ["text", "md", "html"] {
            let result = try CLI.run(["plan", "Examples/\(name).yaml", "--format", format])
            #expect(result.status == 0, "\(name) \(format): \(result.stderr)")
            #expect(result.stderr == "")
            #expect(!result.stdout.isEmpty)
            #expect(!result.stdout.contains("LET OP"), "\(name) has warnings")
        }
    }

    @Test func theSessionSixAgendaHasItsClockTimesAndParams() throws {
        let result = try CLI.run(["plan", "Examples/iedereen-mee-sessie-6.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("vrijdag 23 juni 2023, 09:00–12:20\n"))
        #expect(result.stdout.contains("  6  10:50–11:20  30 min  Stemmen op engagementen\n"))
        #expect(result.stdout.contains("  - Bolletjes per deelnemer: 5\n"))
        #expect(result.stdout.contains("  - Aantal groepen: 2\n"))
        #expect(result.stdout.contains("  - Gekozen engagementen: uit stap 6 (Stemmen op engagementen): chosen.text\n"))
        #expect(result.stdout.contains("Totaal: 200 minuten (09:00–12:20)\n"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func anInvalidScriptPrintsEveryProblemAndExits1() throws {
        try CLI.withTemporaryDirectory { directory in
            let script = """
                title: Kapot
                date: 2023-06-31
                start: "09:30"
                steps:
                  - exercise: engagment-voting
                  - exercise: check-in
                    minutes: 2

                """
            try script.write(to: directory.appendingPathComponent("kapot.yaml"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["plan", "kapot.yaml"], in: directory)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    kapot.yaml:2:7: date: must be a date as YYYY-MM-DD (2023-06-23), or YYYY-MM when the day is not known; found "2023-06-31"
                    kapot.yaml:5:15: steps[1].exercise: there is no exercise 'engagment-voting'; did you mean 'engagement-voting'?
                    kapot.yaml:7:14: steps[2].minutes: is 2, but 'check-in' needs at least 5 minutes; plan 5 or more, or choose a shorter exercise

                    """)
        }
    }

    @Test func outputGoesToAFileWhenAsked() throws {
        try CLI.withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("plan.html").path
            let result = try CLI.run(["plan", "Examples/polarisatie-workshop.yaml", "--format", "html", "--output", file])
            #expect(result.status == 0)
            #expect(result.stdout == "wrote \(file)\n")
            let html = try String(contentsOfFile: file, encoding: .utf8)
            #expect(html.contains("<h1>Inzicht in conflict en polarisatie</h1>"))
            #expect(html.contains("De komst van een opvanglocatie"))
            #expect(!html.contains("http:") && !html.contains("https:"))
        }
    }

    @Test func aMissingFileOrAWrongExtensionIsOneLine() throws {
        let missing = try CLI.run(["plan", "Examples/nope.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Examples/nope.yaml: there is no such file; check the path and the name of the session script\n")
        let lua = try CLI.run(["plan", "Examples/dot-votes.lua"])
        #expect(lua.status == 1)
        #expect(lua.stderr == "Examples/dot-votes.lua: a session script is a .yaml, .yml or .json file; rename it or give the right file\n")
    }
}
