import Foundation
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite struct ReportRendererTests {
    let dutch = ReportRenderer(language: .nl)
    let english = ReportRenderer(language: .en)

    func text(_ nl: String, _ en: String) -> BilingualText {
        BilingualText(nl: nl, en: en)
    }

    func bar(_ length: Int) -> String {
        String(repeating: "█", count: length)
    }

    @Test func rendersHeadingParagraphListAndTableAsText() {
        let blocks: [ReportBlock] = [
            .heading(BilingualText("Groepsafspraken")),
            .paragraph(BilingualText("Kies samen drie afspraken.")),
            .list([BilingualText("Luisteren"), BilingualText("Uitpraten")]),
            .table(
                columns: [BilingualText("Afspraak"), BilingualText("Stemmen")],
                rows: [[BilingualText("Luisteren"), BilingualText("7")], [BilingualText("Uitpraten"), BilingualText("12")]]),
        ]
        #expect(
            dutch.text(blocks) == """
                Groepsafspraken
                ===============

                Kies samen drie afspraken.

                - Luisteren
                - Uitpraten

                Afspraak   Stemmen
                ---------  -------
                Luisteren        7
                Uitpraten       12

                """)
    }

    @Test func rendersBarChartAsTextBarsScaledToTheLargestValue() {
        let chart = ReportBlock.barChart(
            title: nil,
            bars: [
                .init(label: BilingualText("Luisteren"), value: 7, highlight: true),
                .init(label: BilingualText("Uitpraten"), value: 6, highlight: false),
                .init(label: BilingualText("Doorvragen"), value: 6, highlight: false),
                .init(label: BilingualText("Stilte"), value: 5, highlight: false),
            ])
        // 80 columns: "* " + 10 for the label + " " + 65 for the bar + " " + 1 for the value.
        #expect(
            dutch.textLines(chart) == [
                "* Luisteren  " + bar(65) + " 7",
                "  Uitpraten  " + bar(56) + " 6",
                "  Doorvragen " + bar(56) + " 6",
                "  Stilte     " + bar(46) + " 5",
            ])
        #expect(dutch.textLines(chart).map(TextLayout.width).max() == 80)
    }

    @Test func cutsLongBarLabelsAndFormatsValuesWithoutTheLocale() {
        let long = String(repeating: "abcdefghij", count: 5)
        let chart = ReportBlock.barChart(
            title: BilingualText(nl: "Gemiddeld", en: "Average"),
            bars: [
                .init(label: BilingualText(long), value: 2.5, highlight: false),
                .init(label: BilingualText("Kort"), value: 1.0 / 3.0, highlight: false),
            ])
        let lines = english.textLines(chart)
        #expect(lines[0...1] == ["Average", "-------"])
        #expect(lines[2] == String(long.prefix(39)) + "… " + bar(34) + " 2.5")
        #expect(lines[3] == "Kort" + String(repeating: " ", count: 37) + bar(5) + " 0.33")
        #expect([7, 2.5, 1.0 / 3.0, -0.5, 1234.567, 0.001, -0.004].map(ReportNumber.format) == ["7", "2.5", "0.33", "-0.5", "1234.57", "0", "0"])
        #expect([12.34, 7, -0.06].map(ReportNumber.coordinate) == ["12.3", "7", "-0.1"])
    }

    @Test func rendersPositionMapAndWordCloudAsText() {
        let lines = dutch.textLines(ReportSamples.roles)
        #expect(lines[11] == "Voor ├" + String(repeating: "─", count: 29) + "┼" + String(repeating: "─", count: 29) + "┤ Tegen")
        #expect(lines[9].hasPrefix("     2") && lines[9].contains("9"))
        #expect(Array(lines[13...]) == ["Pusher (links): 2", "Meeloper (links): 3", "Stille midden: 9", "Bruggenbouwer: 1", "Zondebok: 1"])
        #expect(
            dutch.textLines(.wordCloud([.init(word: "tijd", count: 3), .init(word: "respect", count: 8), .init(word: "humor", count: 3)]))
                == ["respect (8)", "humor (3)", "tijd (3)"])
    }

    @Test func keepsWideTablesWithinEightyColumns() {
        let long = BilingualText(String(repeating: "woord ", count: 30))
        let output = dutch.text([.table(columns: [BilingualText("Wat"), BilingualText("Toelichting")], rows: [[long, long]])])
        #expect(output.split(separator: "\n").allSatisfy { TextLayout.width(String($0)) <= 80 })
        #expect(output.contains("woord woord"))
    }

    @Test func escapesPipesAndMarkupInMarkdown() {
        let table = ReportBlock.table(columns: [BilingualText("A|B")], rows: [[BilingualText("x | y")], [BilingualText("-1")]])
        #expect(dutch.markdown([table]) == "| A\\|B |\n| --- |\n| x \\| y |\n| -1 |\n")
        #expect(dutch.markdown([.list([BilingualText("1. *niet* <b>vet</b>")])]) == "- 1\\. \\*niet\\* \\<b\\>vet\\</b\\>\n")
        #expect(dutch.markdown([.heading(BilingualText("# Rollen"))]) == "## \\# Rollen\n")
    }

    @Test func rendersBarChartAndTwoColumnsAsMarkdownTables() {
        let output = dutch.markdown([
            ReportSamples.reasons,
            .barChart(
                title: nil,
                bars: [
                    .init(label: BilingualText("Luisteren"), value: 7, highlight: true),
                    .init(label: BilingualText("Stilte"), value: 3.5, highlight: false),
                ]),
        ])
        #expect(
            output == """
                | Waarom wel? | Waarom niet? |
                | --- | --- |
                | Iedereen hoort erbij | Het kost tijd |
                | Verschillen maken ons slimmer | Mensen voelen zich aangevallen |
                | Het is de wet |  |

                | Onderdeel | Waarde |  |
                | --- | ---: | --- |
                | **Luisteren** | 7 | \(bar(20)) |
                | Stilte | 3,5 | \(bar(10)) |

                """)
        // the same number in English, with a decimal point
        #expect(english.markdown([.barChart(title: nil, bars: [.init(label: BilingualText("Stilte"), value: 3.5)])]).contains("| Stilte | 3.5 |"))
    }

    @Test func escapesHTMLInLabels() {
        let chart = ReportBlock.barChart(title: nil, bars: [.init(label: BilingualText("<script>alert('x & \"y\"')</script>"), value: 1, highlight: false)])
        let html = dutch.htmlFragment([chart, .paragraph(BilingualText("<script>"))])
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"))
        #expect(html.contains("<p>&lt;script&gt;</p>"))
    }

    @Test func htmlDocumentLoadsNothingFromElsewhere() throws {
        let document = dutch.htmlDocument(title: "Verslag <1>", blocks: ReportSamples.report)
        #expect(document.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(document.contains("<title>Verslag &lt;1&gt;</title>"))
        var references: [String] = []
        var rest = document[...]
        while let found = rest.range(of: "https?://[^\"' )]*", options: .regularExpression) {
            references.append(String(rest[found]))
            rest = rest[found.upperBound...]
        }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { $0 == "http://www.w3.org/2000/svg" })
        for forbidden in ["<script", "<link", "<img", "@import", "url(", "src="] {
            #expect(!document.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func positionMapDrawsACirclePerPointWithItsCount() {
        let html = dutch.htmlFragment([ReportSamples.roles])
        #expect(html.components(separatedBy: "<circle ").count - 1 == 5)
        #expect(html.contains("role=\"img\""))
        // The silent middle: x = 0 is the centre (320), y = 0.1 is a tenth up from the ground (300).
        #expect(html.contains("<circle cx=\"320\" cy=\"275.2\" r=\"34\""))
        #expect(html.contains("<text x=\"320\" y=\"280.7\" font-size=\"17\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#10305a\">9</text>"))
        for count in [2, 3, 1] {
            #expect(html.contains("fill=\"#10305a\">\(count)</text>"))
        }
        #expect(html.contains(">Voor</text>") && html.contains(">Tegen</text>") && html.contains(">Stille midden</text>"))
    }

    @Test func barChartSVGIsAccessibleAndMarksHighlights() {
        let html = english.htmlFragment([ReportSamples.engagements])
        #expect(html.contains("<figcaption>Engagements with the most votes</figcaption>"))
        #expect(html.contains("aria-label=\"Bar chart: Engagements with the most votes. We let each other finish: 7; "))
        #expect(html.contains("<title>Bar chart: Engagements with the most votes."))
        #expect(html.components(separatedBy: "fill=\"#1d4f91\"/>").count - 1 == 1)
        #expect(html.components(separatedBy: "<rect ").count - 1 == 4)
    }

    @Test func aLongBarChartPrintsWholeLabelsInPicturesOfAtMostEightBars() {
        let long = "Ik zou graag confronterende bevragingen doen binnen adviesraad, commissie en personeelsteam van de stad, naar o.a vooroordelen en blinde vlekken"
        let bars = (1...17).map { ReportBlock.Bar(label: BilingualText("\($0). " + long), value: Double(18 - $0)) }
        let html = english.htmlFragment([.barChart(title: text("Stippen", "Dots"), bars: bars)])
        // three pictures, each unbroken when printed: 8, 8 and 1 bars
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.components(separatedBy: "<rect ").count - 1 == 17)
        // every word of every label is there, none cut off with an ellipsis
        #expect(!html.contains("…"))
        #expect(html.contains(">17. Ik zou graag confronterende bevragingen doen binnen adviesraad,</text>"))
        #expect(html.contains(">commissie en personeelsteam van de stad, naar o.a vooroordelen en blinde</text>\n<text x=\"0\" y=\"52\">vlekken</text>"))
        // short labels stay beside their bars
        let short = english.htmlFragment([ReportSamples.engagements])
        #expect(short.components(separatedBy: "<svg ").count - 1 == 1 && short.contains("<line x1=\"240\""))
    }

    @Test func picksTheRenderersLanguage() {
        let blocks: [ReportBlock] = [.heading(text("Rollen", "Roles")), ReportSamples.engagements, ReportSamples.words]
        #expect(dutch.text(blocks).hasPrefix("Rollen\n"))
        #expect(english.text(blocks).hasPrefix("Roles\n"))
        #expect(dutch.markdown(blocks).contains("| Onderdeel | Waarde |"))
        #expect(english.markdown(blocks).contains("| Item | Value |"))
        let dutchHTML = dutch.htmlFragment(blocks), englishHTML = english.htmlFragment(blocks)
        #expect(dutchHTML.contains("<h2>Rollen</h2>") && !dutchHTML.contains("Roles"))
        #expect(dutchHTML.contains("Staafdiagram") && dutchHTML.contains("Woordwolk") && dutchHTML.contains("lang=\"nl\""))
        #expect(englishHTML.contains("<h2>Roles</h2>") && !englishHTML.contains("Rollen"))
        #expect(englishHTML.contains("Bar chart") && englishHTML.contains("Word cloud") && englishHTML.contains("lang=\"en\""))
        #expect(english.htmlDocument(title: "Report", blocks: blocks).contains("<html lang=\"en\">"))
    }

    @Test func rendersTheSameBytesEveryTime() {
        for language in Language.allCases {
            let first = ReportRenderer(language: language), second = ReportRenderer(language: language)
            for format in ReportFormat.allCases {
                for blocks in [ReportSamples.report, ReportSamples.awkward] {
                    #expect(first.render(blocks, as: format, title: "Verslag") == second.render(blocks, as: format, title: "Verslag"))
                }
            }
        }
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "md", "html"])
    }
}
