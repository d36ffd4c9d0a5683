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
            #expect(result.stdout.contains("> text (Jouw engagement):   ✔ genoteerd (3)\n"))
            #expect(result.stdout.contains("Onbekende opdracht of invoer 'tik-fout'; invoer in deze fase: engagement, add_note, merge. Typ 'help'.\n"))
            #expect(result.stdout.contains("  ✘ geweigerd: Je hebt je 3 bolletjes al gebruikt\n"))
            #expect(result.stdout.contains("Stap 2/2: Pauze (15 min)\n"))
            // going to step 1, two engagements, the vote, two dots, the results, going to step 2
            #expect(result.stdout.hasSuffix("8 events; wrote live.json\n"))
            let record = try String(contentsOf: directory.appendingPathComponent("live.json"), encoding: .utf8)
            #expect(record.contains(#""text": "Ik blijf vormingen volgen""#))
            #expect(record.contains(#""phase": "results""#))
        }
    }

    @Test func peopleJoinDuringTheSessionAndAValueKeepsEveryWord() throws {
        try CLI.withTemporaryDirectory { directory in
            let script = Self.script.replacingOccurrences(of: "roster: [An, Bram, Cem]\n", with: "")
            try script.write(to: directory.appendingPathComponent("live.yaml"), atomically: true, encoding: .utf8)
            let typed = """
                engagement Dewi text=Samen koffie drinken met buren
                join Dewi
                engagement Dewi text=Samen koffie drinken met buren
                engagement Dewi text="Een tweede, tussen aanhalingstekens"
                next
                dot Dewi note=2 count=2
                quit

                """
            let result = try CLI.run(["run", "live.yaml", "--record", "live.json", "--seed", "2"], in: directory, input: typed)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("  ✘ geweigerd: 'Dewi' neemt niet deel aan deze sessie; laat wie meedoet eerst aansluiten\n"))
            #expect(result.stdout.contains("        text: Samen koffie drinken met buren\n"))  // the facilitator's view: the numbered engagements
            let record = try String(contentsOf: directory.appendingPathComponent("live.json"), encoding: .utf8)
            #expect(record.contains(#""text": "Samen koffie drinken met buren""#))
            #expect(record.contains(#""text": "Een tweede, tussen aanhalingstekens""#))
            #expect(record.contains(#""join": "Dewi""#))
            #expect(record.contains(#""participants": []"#))
            #expect(record.filter { !$0.isWhitespace }.contains(#""tally":[0,2]"#))  // Dewi's dots count
            let replay = try CLI.run(["replay", "live.json"], in: directory)
            #expect(replay.status == 0, "\(replay.stdout)")
        }
    }
}
