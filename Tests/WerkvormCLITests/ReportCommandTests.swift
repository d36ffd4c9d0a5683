import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func theHTMLReportOfIedereenMeeShowsTheDotVoteRankingAndLoadsNothing() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let result = try CLI.run(["report", "record.json", "--format", "html", "--output", "report.html"], in: directory, environment: ["WERKVORM_HOME": "/nonexistent"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "wrote report.html\n")
            let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
            #expect(html.contains("6. Stemmen op engagementen (10:50–11:20)"))
            #expect(html.contains("<svg") && html.contains("Ik durf met ervaringsdeskundigen"))
            for step in ["1. Introductie en opbouw", "3. Check-in", "4. Opfrissing vorige sessie", "5. Uitwisseling in kleine groepjes", "7. Van engagement naar actie"] {
                #expect(html.contains(step), "\(step)")
            }
            let references = html.components(separatedBy: "http").count - 1
            let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
            #expect(references == namespaces, "the report loads something from the network")
        }
    }

    @Test func textAndJSONReports() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("polarisatie-workshop", in: directory)
            let text = try CLI.run(["report", "record.json"], in: directory)
            #expect(text.status == 0)
            #expect(text.stdout.contains("Polarisatiekaart"))
            let json = try CLI.run(["report", "record.json", "--format", "json"], in: directory)
            #expect(json.status == 0)
            #expect(json.stdout.contains(#""exercise": "polarisation-map""#) && json.stdout.contains(#""outcome": {"#))
        }
    }
}

@Suite struct ReportPluginTests {
    @Test func theVerslagPluginWritesDutchMinutes() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let result = try CLI.run(["report", "record.json", "--plugin", "verslag"], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let minutes = result.stdout
            // the summary first: what was agreed, chosen and to be done, as in the seed's minutes
            #expect(
                minutes.hasPrefix(
                    """
                    Verslag Lerend netwerk “Iedereen Mee”, sessie 6: volgende stappen in interculturaliseren
                    Sessie: vrijdag 23 juni 2023, 09:00

                    Samenvatting
                    Afspraken (Safer en brave space)
                    · Respect voor elkaar en elkaars mening
                    · Veilig gevoel creëren voor iedereen
                    Gekozen engagementen
                    · Ik durf met ervaringsdeskundigen aan de slag te gaan
                    Acties voor “Ik durf met ervaringsdeskundigen aan de slag te gaan”
                    · Op voorhand luisteren

                    """.dropLast()))
            #expect(
                minutes.contains(
                    "\nActies voor “Vormingen organiseren met betrekking tot inclusie op de werkvloer. Ook collega’s opmerkzaam maken op en verantwoordelijk houden voor hun uitspraken en acties.”\n· Procesbegeleiding vanuit team lokaal sociaal beleid"
                ))
            // then the seed's parts in the seed's order, numbered as on the agenda
            let parts = [
                "\n\n1) Introductie en opbouw (09:00–09:15)\n", "\n\n2) Hoe werken we: afspraken (09:15–09:25)\n", "\n\n3) Check-in (09:25–09:40)\n",
                "\n\n4) Opfrissing vorige sessie (09:40–10:20)\n", "\n\n5) Uitwisseling in kleine groepjes (10:20–10:50)\n",
                "\n\n6) Stemmen op engagementen (10:50–11:20)\n", "\n\n7) Van engagement naar actie (11:20–12:05)\n",
                "\n\n8) Afsluiting en volgend lerend netwerk (12:05–12:20)\n",
            ]
            let places = parts.compactMap { minutes.range(of: $0)?.lowerBound }
            #expect(places.count == parts.count && places == places.sorted())
            // only what the session did: the two agreements presented, no vote on them, no pauze
            #expect(minutes.contains("\n· De begeleider stelde de afspraken voor; er is niet over gestemd.\n"))
            #expect(!minutes.contains("Controversy with civility") && !minutes.contains("Pauze") && !minutes.contains("aangenomen"))
            // the brainstorm per word, and the exchange's three questions, each with the seed's answers
            #expect(minutes.contains("\nRacisme\n· Geïnternaliseerd\n· Speelt zich af op verschillende niveaus in de samenleving en interacties\n"))
            #expect(minutes.contains("\nDekolonisering\n· Gaat over meer dan de link met “Belgisch Congo”"))
            #expect(minutes.contains("\nWat heb je al geprobeerd en heeft echt niet gewerkt?\n· Geen terugkoppeling doen"))
            // the votes as the seed counted them, the chosen one, and the groups each on their own engagement
            #expect(minutes.contains("\n· Ik durf met ervaringsdeskundigen aan de slag te gaan: 7 (gekozen)\n"))
            #expect(minutes.contains("\n· Ik durf met ervaringsdeskundigen aan de slag te gaan; 7 stemmen\n"))
            #expect(minutes.contains("\n1) Gekozen engagement: “Ik durf met ervaringsdeskundigen aan de slag te gaan”\n"))
            #expect(minutes.contains("\n2) Gekozen engagement: “Vormingen organiseren met betrekking tot inclusie op de werkvloer."))
            // a list in the notes is a list, not a bullet before a dash
            #expect(minutes.contains("\n· Centrale doelstellingen van sessie 6:\n   – We gaan opzoek naar praktische invullingen"))
            #expect(!minutes.contains("· -"))
            // the exercise's heading is not the step's title again; a check-in in pairs wrote nothing down
            #expect(!minutes.contains("\nStemmen op engagementen\n"))
            #expect(minutes.contains("\n· In 5 tweetallen.\n\n4)"))
        }
    }

    @Test func theCSVPluginHasARowPerInput() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let result = try CLI.run(["report", "record.json", "--plugin", "csv", "--output", "inputs.csv"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "wrote inputs.csv\n")
            let csv = try String(contentsOf: directory.appendingPathComponent("inputs.csv"), encoding: .utf8)
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
            // one column per field, headers and values in the report's language
            #expect(lines.first == "stap,tijd,deelnemer,invoer,count,engagement,group,note,question,term,text,resultaat,reden")
            #expect(lines.count == 1 + 171 + 1)
            #expect(lines[1] == "2,,,fase: close,,,,,,,,aanvaard,")
            #expect(lines[3] == "4,,,thought,,,,,,1,Geïnternaliseerd,aanvaard,")
            #expect(lines.contains("6,,,dot,,,,17,,,,geweigerd,Je hebt je 5 bolletjes al gebruikt"))
            let english = try CLI.run(["report", "record.json", "--plugin", "csv", "--lang", "en"], in: directory).stdout
            let englishLines = english.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(englishLines.first == "step,time,participant,input,count,engagement,group,note,question,term,text,result,reason")
            #expect(englishLines[1] == "2,,,phase: close,,,,,,,,accepted,")
            #expect(englishLines.contains("6,,,dot,,,,17,,,,rejected,You have used all your 5 dots"))
        }
    }

    @Test func anUnknownPluginSuggestsOne() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("polarisatie-workshop", in: directory)
            let result = try CLI.run(["report", "record.json", "--plugin", "verslg"], in: directory)
            #expect(result.status == 1)
            #expect(result.stderr == "there is no report plugin 'verslg'; did you mean 'verslag'?\n")
        }
    }
}

@Suite struct ComparisonReportTests {
    @Test func twoRecordsPutTheSameExercisesResultsTogether() throws {
        try CLI.withTemporaryDirectory { directory in
            for name in ["iedereen-mee-sessie-6", "safer-spaces-sessie-2"] {
                let example = CLI.root.appendingPathComponent("Examples/\(name)").path
                let run = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "\(name).json", "--seed", "1"], in: directory)
                #expect(run.status == 0)
            }
            let result = try CLI.run(["report", "iedereen-mee-sessie-6.json", "safer-spaces-sessie-2.json", "--format", "md"], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let markdown = result.stdout
            let houseRules = try #require(markdown.range(of: "Huisregels: safe space of brave space"))
            let first = try #require(markdown.range(of: "vrijdag 23 juni 2023, stap 2"))
            let second = try #require(markdown.range(of: "Safe(r) Spaces — Verkenning, sessie 2 — februari 2024, stap 3"))
            // the house rules of both sessions, one after the other, under the exercise's heading
            #expect(houseRules.lowerBound < first.lowerBound && first.lowerBound < second.lowerBound)
            #expect(markdown.hasPrefix("# Vergelijking: Lerend netwerk “Iedereen Mee”"))
        }
    }
}

@Suite struct AnonymisedReportTests {
    @Test func anAnonymisedReportHoldsNoNames() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let names = ["An", "Bram", "Cem", "Dewi", "Els", "Fatima", "Gert", "Hanna", "Ilse", "Jamal"]
            for arguments in [["--format", "text"], ["--format", "html"], ["--plugin", "csv"], ["--plugin", "verslag"]] {
                let result = try CLI.run(["report", "record.json", "--anonymise"] + arguments, in: directory)
                #expect(result.status == 0)
                let words = Set(result.stdout.split { !$0.isLetter }.map(String.init))
                for name in names {
                    #expect(!words.contains(name), "\(name) in \(arguments)")
                }
                // no step of the example shows names: no pseudonym stands with a statement either
                #expect(!result.stdout.contains("deelnemer-"), "\(arguments)")
            }
        }
    }
}

@Suite struct ReportLayoutTests {
    @Test func aReportStartsWithWhatWasDecidedAndShowsTheNotes() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let markdown = try CLI.run(["report", "record.json", "--format", "md"], in: directory).stdout
            let summary = try #require(
                markdown.range(of: "\n## Samenvatting: besluiten en acties\n\n### Afspraken (Safer en brave space)\n\n- Respect voor elkaar en elkaars mening"))
            let agenda = try #require(markdown.range(of: "\n## Agenda: gepland en gehouden\n"))
            let first = try #require(markdown.range(of: "\n## 1\\. Introductie en opbouw (09:00–09:15)\n"))
            #expect(summary.lowerBound < agenda.lowerBound && agenda.lowerBound < first.lowerBound)
            #expect(markdown.contains("\n### Gekozen engagementen\n\n- Ik durf met ervaringsdeskundigen aan de slag te gaan\n"))
            // the trainer's notes, with their list as a list, under every kind of step
            #expect(markdown.contains("\nCentrale doelstellingen van sessie 6:\n\n- We gaan opzoek naar praktische invullingen"))
            #expect(markdown.contains("\n## 6\\. Stemmen op engagementen (10:50–11:20)\n\n1 engagement per post-it en 3 engagementen per persoon max.\n"))
            // the exercises' own headings a level below the steps, the one that repeats the step's title left out
            #expect(markdown.contains("\n### Racisme\n"))
            #expect(!markdown.contains("\n### Stemmen op engagementen\n"))
            let html = try CLI.run(["report", "record.json", "--format", "html"], in: directory).stdout
            #expect(html.contains("<h2 class=\"wv-section\">Samenvatting: besluiten en acties</h2>\n<h3>Afspraken (Safer en brave space)</h3>"))
            #expect(html.contains("<h3>Racisme</h3>") && !html.contains("<h2>Racisme</h2>"))
        }
    }
}

@Suite struct PrivateReportTests {
    /// The names of the Iedereen Mee example's participants.
    static let names = ["An", "Bram", "Cem", "Dewi", "Els", "Fatima", "Gert", "Hanna", "Ilse", "Jamal"]

    static func words(_ text: String) -> Set<String> { Set(text.split { !$0.isLetter }.map(String.init)) }

    @Test func aReportShowsNoNameUnlessTheStepSaysSo() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            for arguments in [["--format", "text"], ["--format", "md"], ["--format", "html"], ["--plugin", "csv"], ["--plugin", "verslag"]] {
                let result = try CLI.run(["report", "record.json"] + arguments, in: directory)
                #expect(result.status == 0)
                #expect(Self.words(result.stdout).isDisjoint(with: Self.names), "\(arguments)")
                #expect(!result.stdout.contains("een deelnemer"), "\(arguments): the shipped exercises leave names out; nothing is masked")
            }
            let minutes = try CLI.run(["report", "record.json", "--plugin", "verslag"], in: directory).stdout
            #expect(minutes.contains("\n· Micro agressie\n"))
            #expect(minutes.contains("\n· In 5 tweetallen.\n"))
            #expect(minutes.contains("\n· In 2 groepjes van 5.\n"))
        }
    }

    @Test func aStepThatShowsNamesShowsThemInTheReport() throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/iedereen-mee-sessie-6")
            let script = try String(contentsOf: example.appendingPathExtension("yaml"), encoding: .utf8)
            let named = script.replacingOccurrences(of: "  - exercise: stereotype-reflection\n", with: "  - exercise: stereotype-reflection\n    names: true\n")
            #expect(named != script)
            try named.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", "s.yaml", "--events", example.path + ".events.jsonl", "--record", "r.json", "--seed", "1"], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            let minutes = try CLI.run(["report", "r.json", "--plugin", "verslag"], in: directory).stdout
            #expect(minutes.contains("\n· Cem: Micro agressie\n"))
            #expect(minutes.contains("\n· Anoniem: “iedereen is racistisch” + bestaat in verschillende richtingen"))
            // the steps that do not show names still show none
            #expect(!minutes.contains("Fatima: Op voorhand luisteren"))
            let csv = try CLI.run(["report", "r.json", "--plugin", "csv"], in: directory).stdout
            #expect(csv.contains("\n4,,An,thought,"))
            #expect(!csv.contains("\n7,,Fatima,"))
        }
    }

    @Test func aRecordWhoseExerciseStillShowsNamesHasThemMasked() throws {
        // a record of format 1 carries the exercises of its day, whose reports showed names
        let old = CLI.root.appendingPathComponent("Tests/WerkvormTests/Fixtures/records-v1/iedereen-mee-sessie-6.record.json").path
        let minutes = try CLI.run(["report", old, "--plugin", "verslag"])
        #expect(minutes.status == 0)
        #expect(Self.words(minutes.stdout).isDisjoint(with: Self.names))
        #expect(minutes.stdout.contains("\n· een deelnemer: Ik dacht dat alle politieagenten wantrouwig staan tegenover nieuwkomers.\n"))
    }
}

@Suite struct PlannedAgainstHeldTests {
    @Test func theReportSetsTheAgendaAsPlannedAgainstAsHeld() throws {
        try CLI.withTemporaryDirectory { directory in
            let events = """
                {"step": 6, "participant": "An", "input": "engagement", "fields": {"text": "Ik durf"}, "time": "10:55"}
                {"step": 6, "phase": "vote", "time": "11:05"}
                {"step": 6, "participant": "An", "input": "dot", "fields": {"note": 1}, "time": "11:28"}

                """
            try events.write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", RunCommandTests.script, "--events", "events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            #expect(run.status == 0)
            let report = try CLI.run(["report", "record.json"], in: directory)
            #expect(report.status == 0)
            let lines = report.stdout.split(separator: "\n").map { String($0) }
            #expect(lines.contains { $0.hasPrefix("6  Stemmen op engagementen") && $0.hasSuffix("10:50–11:20  10:55–11:28") }, "\(lines.prefix(20))")
            #expect(lines.contains { $0.hasPrefix("3  Check-in") && $0.hasSuffix("09:25–09:40  —") })
        }
    }
}
