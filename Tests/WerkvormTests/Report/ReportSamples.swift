@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// Report blocks like the ones the seed exercises produce, in Dutch and English.
enum ReportSamples {
    /// Text in both languages.
    static func text(_ nl: String, _ en: String) -> BilingualText {
        BilingualText(nl: nl, en: en)
    }

    /// A bar chart of engagements ranked by votes.
    static let engagements = ReportBlock.barChart(
        title: text("Afspraken met de meeste stemmen", "Engagements with the most votes"),
        bars: [
            .init(label: text("We laten elkaar uitpraten", "We let each other finish"), value: 7, highlight: true),
            .init(
                label: text("Iedereen mag zijn eigen mening hebben, ook als die schuurt", "Everyone may have their own opinion, even when it chafes"), value: 6, highlight: false),
            .init(label: text("We vragen door voordat we oordelen", "We ask before we judge"), value: 6, highlight: false),
            .init(label: text("Wat hier gezegd wordt, blijft hier", "What is said here stays here"), value: 5, highlight: false),
        ])

    /// Brandsma's roles on a position map.
    static let roles = ReportBlock.positionMap(
        left: text("Voor", "For"), right: text("Tegen", "Against"),
        points: [
            .init(x: -1, y: 0.1, label: text("Pusher (links)", "Pusher (left)"), count: 2),
            .init(x: -0.5, y: 0.3, label: text("Meeloper (links)", "Joiner (left)"), count: 3),
            .init(x: 0, y: 0.1, label: text("Stille midden", "Silent middle"), count: 9),
            .init(x: 0, y: 0.9, label: text("Bruggenbouwer", "Bridge builder"), count: 1),
            .init(x: 0, y: 0.5, label: text("Zondebok", "Scapegoat"), count: 1),
        ], arrows: [])

    /// Words from the reasons participants gave.
    static let words = ReportBlock.wordCloud([
        .init(word: "respect", count: 8), .init(word: "luisteren", count: 6), .init(word: "veiligheid", count: 5),
        .init(word: "tijd", count: 3), .init(word: "humor", count: 3), .init(word: "vertrouwen", count: 4),
        .init(word: "grenzen", count: 2), .init(word: "nieuwsgierig", count: 2), .init(word: "stilte", count: 1),
    ])

    /// Reasons for and against, side by side.
    static let reasons = ReportBlock.twoColumns(
        left: .init(
            title: text("Waarom wel?", "Why?"),
            items: [
                text("Iedereen hoort erbij", "Everyone belongs"),
                text("Verschillen maken ons slimmer", "Differences make us smarter"),
                text("Het is de wet", "It is the law"),
            ]),
        right: .init(
            title: text("Waarom niet?", "Why not?"),
            items: [
                text("Het kost tijd", "It takes time"),
                text("Mensen voelen zich aangevallen", "People feel attacked"),
            ]))

    /// A whole report: a heading, a paragraph, and every kind of picture.
    static let report: [ReportBlock] = [
        .heading(text("Groepsafspraken", "Group agreements")),
        .paragraph(text("Twaalf deelnemers stemden met elk drie bolletjes op de afspraken.", "Twelve participants voted with three dots each on the agreements.")),
        engagements,
        .heading(text("Rollen in de polarisatie", "Roles in polarisation")),
        roles,
        .heading(text("Waarom?", "Why?")),
        reasons,
        .heading(text("Woorden", "Words")),
        words,
        .table(
            columns: [text("Rol", "Role"), text("Aantal", "Count")],
            rows: [
                [text("Pusher", "Pusher"), BilingualText("2")],
                [text("Stille midden", "Silent middle"), BilingualText("9")],
            ]),
    ]

    /// Blocks that are hard to lay out: long texts, crowded points, markup in labels, no data.
    static let awkward: [ReportBlock] = [
        .heading(
            text(
                "Een heel lange kop die in een terminal van tachtig kolommen niet op één regel past, zeker niet",
                "A very long heading that does not fit on one line of an eighty-column terminal, certainly not")),
        .paragraph(text("Eerste regel <b>met</b> 'tekens' & \"aanhalingstekens\".\nTweede regel.", "First line <b>with</b> 'marks' & \"quotes\".\nSecond line.")),
        .barChart(
            title: nil,
            bars: [
                .init(
                    label: BilingualText("<script>alert(1)</script> en een label dat zo lang is dat het op drie regels niet past, ook niet met kleine letters"), value: 1234.5,
                    highlight: true),
                .init(label: BilingualText("Nul"), value: 0, highlight: false),
                .init(label: BilingualText("Een derde"), value: 1.0 / 3.0, highlight: false),
            ]),
        .positionMap(
            left: text("Iedereen moet zich aanpassen aan de groep", "Everyone must adapt to the group"),
            right: text("Iedereen mag helemaal zichzelf blijven", "Everyone may stay entirely themselves"),
            points: [
                .init(x: -1, y: 0, label: text("Helemaal links op de grond", "Far left on the ground"), count: 12),
                .init(x: -0.95, y: 0.05, label: text("Ernaast", "Next to it"), count: 1),
                .init(x: 1, y: 1, label: text("Rechtsboven met een lang label", "Top right with a long label"), count: 4),
                .init(x: 0.02, y: 0.02, label: text("Bijna midden", "Almost middle"), count: 100),
            ], arrows: []),
        .table(
            columns: [text("Wat", "What"), text("Toelichting", "Explanation"), text("Aantal", "Count")],
            rows: [
                [text("Pipe | in cel", "Pipe | in cell"), BilingualText(String(repeating: "een lange toelichting ", count: 6)), BilingualText("3")],
                [BilingualText("Kort")],
            ]),
        .twoColumns(left: .init(title: text("Links", "Left"), items: []), right: .init(title: text("Rechts", "Right"), items: [BilingualText("Één ding")])),
        .wordCloud([]),
        .barChart(title: text("Leeg", "Empty"), bars: []),
    ]
}
