import Foundation
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite("Session scripts: the agenda")
struct SessionAgendaTests {
    static func agenda(_ text: String = SessionScriptTests.valid) throws -> Agenda {
        Agenda(script: try SessionFixtures.parse(text))
    }

    @Test func theTextAgendaIsExactly80ColumnText() throws {
        let expected = """
            Proefsessie
            ===========

            dinsdag 5 maart 2024, 09:30–10:30
            Deelnemers: 4 (2 op naam, 2 anoniem)

            Programma

              #  Tijd         Duur    Onderdeel
              1  09:30–09:50  20 min  Bolletjes plakken
              2  09:50–10:00  10 min  Koffie
              3  10:00–10:15  15 min  Afsluiting

            Totaal: 45 minuten van de 60 beschikbare (09:30–10:30); 15 minuten over

            Mee te nemen
              - Post-its
              - Bolletjes

            1. Bolletjes plakken (09:30–09:50, 20 min)
            ------------------------------------------

            Werkvorm: Bolletjes plakken (dot-vote)

            Iedereen plakt bolletjes op de ideeën.

            Instellingen
              - Bolletjes per persoon: 3
              - Stemmen: In stilte
              - Vraag: Wat kiezen we?
              - Ideeën:
                · Koffie
                · Thee

            Notities
              Neem extra bolletjes mee.

            Verloop

              1. Stemmen

                 Deel de bolletjes uit.

                 Iedereen stemt in stilte.

              2. Uitslag

                 Lees de uitslag voor.

            3. Afsluiting (10:00–10:15, 15 min)
            -----------------------------------

            Vragen:

            - Wat neem je mee?

            """
        let text = try Self.agenda().render(.text)
        #expect(text == expected)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func tooLongAProgrammeAndAGroupThatDoesNotFitAreWarnedAbout() throws {
        let agenda = try Self.agenda(
            """
            title: Too much
            language: en
            date: 2024-03-05
            start: "09:30"
            end: "09:45"
            roster: [Ann, Bob]
            steps:
              - exercise: dot-vote
                params: { question: { nl: Wat nu?, en: What now? } }

            """)
        #expect(agenda.total == "Total: 20 minutes of the 15 available (09:30–09:45)")
        #expect(
            agenda.warnings == [
                "WARNING: the programme is 5 minutes too long; it runs until 09:50 instead of 09:45. Shorten or drop a step.",
                "WARNING: step 1 (Dot voting) is for 3–12 participants; the roster has 2.",
            ])
        let text = agenda.render(.text)
        #expect(text.contains("WARNING: the programme is 5 minutes too long; it runs until 09:50 instead of\n  09:45. Shorten or drop a step.\n"))
        #expect(text.contains("  - Question: What now?\n"))
        #expect(text.contains("Tuesday 5 March 2024, 09:30–09:45\nParticipants: 2\n"))
    }

    @Test func markdownHasTheTableTheMaterialsAndTheSteps() throws {
        let markdown = try Self.agenda().render(.md)
        #expect(markdown.hasPrefix("# Proefsessie\n\ndinsdag 5 maart 2024, 09:30–10:30\\\nDeelnemers: 4 (2 op naam, 2 anoniem)\n\n## Programma\n"))
        #expect(
            markdown.contains(
                """
                | \\# | Tijd | Duur | Onderdeel |
                | ---: | --- | ---: | --- |
                | 1 | 09:30–09:50 | 20 min | Bolletjes plakken |
                | 2 | 09:50–10:00 | 10 min | Koffie |
                | 3 | 10:00–10:15 | 15 min | Afsluiting |
                """))
        #expect(markdown.contains("## Mee te nemen\n\n- Post-its\n- Bolletjes\n"))
        #expect(markdown.contains("## 1. Bolletjes plakken (09:30–09:50, 20 min)\n\n*Werkvorm: Bolletjes plakken (dot-vote)*\n"))
        #expect(markdown.contains("- **Bolletjes per persoon:** 3\n- **Stemmen:** In stilte\n- **Vraag:** Wat kiezen we?\n- **Ideeën:**\n  - Koffie\n  - Thee\n"))
        #expect(markdown.contains("### Verloop\n\n**1. Stemmen**\n\nDeel de bolletjes uit.\n\nIedereen stemt in stilte.\n"))
        #expect(markdown.contains("## 3. Afsluiting (10:00–10:15, 15 min)\n\nVragen:\n\n- Wat neem je mee?\n"))
    }

    @Test func htmlIsASelfContainedPrintablePage() throws {
        let html = try Self.agenda(
            """
            title: "<Proef> & co"
            date: 2024-03-05
            start: "09:30"
            end: "09:45"
            steps:
              - exercise: dot-vote
                notes: "Let op: <b>niet</b> vergeten"

            """
        ).render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">\n"))
        #expect(html.contains("<title>&lt;Proef&gt; &amp; co</title>"))
        #expect(html.contains("<h1>&lt;Proef&gt; &amp; co</h1>"))
        #expect(
            html.contains(
                "<tr class=\"wv-exercise\"><td class=\"wv-num\">1</td><td class=\"wv-time\">09:30–09:50</td><td class=\"wv-num\">20 min</td><td>Bolletjes plakken</td></tr>"))
        #expect(html.contains("<p class=\"wv-warning\" role=\"alert\">LET OP: het programma duurt 5 minuten te lang"))
        #expect(html.contains("<ul class=\"wv-materials\">\n<li>Post-its</li>\n<li>Bolletjes</li>\n</ul>"))
        #expect(html.contains("<p>Let op: &lt;b&gt;niet&lt;/b&gt; vergeten</p>"))
        #expect(html.contains("<dt>Bolletjes per persoon</dt><dd>5</dd>"))
        #expect(html.contains("<li><strong>Stemmen</strong>\n<p>Deel de bolletjes uit.</p>\n<p>Iedereen stemt in stilte.</p>\n</li>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("<script") && !html.contains("<link"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
