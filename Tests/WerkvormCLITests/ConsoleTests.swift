import Foundation
import Testing

@Suite struct ConsoleTests {
    static let script = """
        title: Stemmen op engagementen
        language: nl
        date: 2023-06-23
        start: "10:00"
        roster: [An, Bram, Cem]
        steps:
          - exercise: engagement-voting
            minutes: 30
            params:
              dots: 3
          - break: 15

        """

    @Test func theFacilitatorTypesInputsAndMovesOn() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.script.write(to: directory.appendingPathComponent("live.yaml"), atomically: true, encoding: .utf8)
            let typed = """
                engagement An text="Ik durf met ervaringsdeskundigen aan de slag te gaan"
                engagement Bram
                Ik blijf vormingen volgen
                tik-fout
                next
                dot An note=1 count=3
                dot An note=2
                next
                next
                quit

                """
            let result = try CLI.run(["run", "live.yaml", "--record", "live.json", "--seed", "2"], in: directory, input: typed)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Stap 1/2: Stemmen op engagementen (30 min)\nFase 1/3: Engagementen verzamelen [collect]\n"))
            #expect(result.stdout.contains("  engagement <wie> text=…   — Engagement (deelnemer)\n"))
            #expect(result.stdout.contains("> text (Jouw engagement):   ✔ genoteerd\n"))
            #expect(result.stdout.contains("Onbekende opdracht of invoer 'tik-fout'; invoer in deze fase: engagement. Typ 'help'.\n"))
            #expect(result.stdout.contains("  ✘ geweigerd: Je hebt je 3 bolletjes al gebruikt\n"))
            #expect(result.stdout.contains("Stap 2/2: Pauze (15 min)\n"))
            #expect(result.stdout.hasSuffix("6 events; wrote live.json\n"))
            let record = try String(contentsOf: directory.appendingPathComponent("live.json"), encoding: .utf8)
            #expect(record.contains(#""text": "Ik blijf vormingen volgen""#))
            #expect(record.contains(#""phase": "results""#))
        }
    }

    @Test func aConsoleRunNeedsARoster() throws {
        let result = try CLI.run(["run", "Examples/iedereen-mee-sessie-6.yaml", "--record", "/tmp/unused.json"], input: "quit\n")
        #expect(result.status == 1)
        #expect(result.stderr == "Examples/iedereen-mee-sessie-6.yaml: a session run in the console needs a roster (roster: [An, Bram] or - anonymous: 12); or give the events with --events\n")
    }
}
