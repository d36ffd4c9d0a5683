import Werkvorm

extension Agenda {
    /// The agenda as a self-contained, printable HTML document: styles inline, nothing loaded
    /// from elsewhere.
    public var html: String {
        let h = ReportRenderer.html
        var body = "<header>\n<h1>\(h(script.title, false))</h1>\n<p class=\"wv-when\">\(h(when, false))</p>\n"
        if let participants { body += "<p class=\"wv-people\">\(h(participants, false))</p>\n" }
        body += "</header>\n<section>\n<h2>\(h(say("Programma", "Programme"), false))</h2>\n" + programmeTable
        body += "<p class=\"wv-total\">\(h(total, false))</p>\n"
        for warning in warnings { body += "<p class=\"wv-warning\" role=\"alert\">\(h(warning, false))</p>\n" }
        body += "</section>\n"
        if !materials.isEmpty {
            body += "<section>\n<h2>\(h(say("Mee te nemen", "To bring"), false))</h2>\n<ul class=\"wv-materials\">\n"
            body += materials.map { "<li>\(h($0, false))</li>\n" }.joined() + "</ul>\n</section>\n"
        }
        var phases: [String: String] = [:]  // an exercise's phases read the same in every step
        for step in script.steps { body += htmlDetails(step, phases: &phases) }
        return ReportRenderer.page(title: script.title, language: language, css: Self.css, mainClass: "wv-agenda", body: body)
    }

    private var programmeTable: String {
        let h = ReportRenderer.html
        let header = ["#", say("Tijd", "Time"), say("Duur", "Length"), say("Onderdeel", "Step")]
        var out =
            "<table class=\"wv-programme\">\n<thead><tr>"
            + header.enumerated().map { offset, text in
                (offset == 0 || offset == 2 ? "<th class=\"wv-num\">" : "<th>") + h(text, false) + "</th>"
            }.joined() + "</tr></thead>\n<tbody>\n"
        for (step, row) in zip(script.steps, rows) {
            let kind: String
            switch step.kind {
            case .exercise: kind = "wv-exercise"
            case .pause: kind = "wv-break"
            case .block: kind = "wv-block"
            }
            out += "<tr class=\"\(kind)\"><td class=\"wv-num\">\(row.id)</td><td class=\"wv-time\">\(row.start)–\(row.end)</td>"
            out += "<td class=\"wv-num\">\(row.minutes) min</td><td>\(h(row.title, false))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func htmlDetails(_ step: SessionStep, phases: inout [String: String]) -> String {
        let h = ReportRenderer.html
        let row = rows[step.id - 1]
        let heading =
            "<h2><span class=\"wv-step-number\">\(step.id).</span> \(h(step.title(language), false))"
            + " <span class=\"wv-step-time\">\(row.start)–\(row.end) · \(step.minutes) min</span></h2>\n"
        switch step.kind {
        case .pause: return ""
        case .block(_, let notes):
            guard let notes else { return "" }
            return "<section class=\"wv-step\">\n" + heading + "<div class=\"wv-notes\">\n\(htmlNotes(notes))</div>\n</section>\n"
        case .exercise(let exercise):
            var out = "<section class=\"wv-step\">\n" + heading
            out += "<p class=\"wv-exercise-name\">\(h(exerciseLine(exercise), false))</p>\n"
            out += "<p class=\"wv-summary\">\(h(exercise.exercise.summary.text(language), false))</p>\n"
            let settings = settings(exercise)
            if !settings.isEmpty {
                out += "<h3>\(h(say("Instellingen", "Settings"), false))</h3>\n<dl class=\"wv-settings\">\n"
                for setting in settings {
                    out += "<dt>\(h(setting.label, false))</dt><dd>"
                    if let items = setting.items {
                        out += "<ul>" + items.map { "<li>\(h($0, false))</li>" }.joined() + "</ul>"
                    } else {
                        out += h(setting.value, false)
                    }
                    out += "</dd>\n"
                }
                out += "</dl>\n"
            }
            if let notes = exercise.notes {
                out += "<h3>\(h(say("Notities", "Notes"), false))</h3>\n<div class=\"wv-notes\">\n\(htmlNotes(notes))</div>\n"
            }
            out += "<h3>\(h(say("Verloop", "Phases"), false))</h3>\n<ol class=\"wv-phases\">\n"
            if phases[exercise.phasesKey] == nil {
                phases[exercise.phasesKey] = exercise.phases.map { phase in
                    "<li><strong>\(h(phase.title.text(language), false))</strong>\n"
                        + Self.paragraphs(phase.instructions.text(language)).map { "<p>\(h($0, false))</p>\n" }.joined() + "</li>\n"
                }.joined()
            }
            return out + (phases[exercise.phasesKey] ?? "") + "</ol>\n</section>\n"
        }
    }

    private func htmlNotes(_ notes: String) -> String {
        let h = ReportRenderer.html
        return Self.noteParts(notes).map { part in
            switch part {
            case .lines(let lines): "<p>" + lines.map { h($0, false) }.joined(separator: "<br>\n") + "</p>\n"
            case .list(let items): "<ul>\n" + items.map { "<li>\(h($0, false))</li>\n" }.joined() + "</ul>\n"
            }
        }.joined()
    }

    /// The agenda's stylesheet: system fonts, print-friendly, no external resources.
    static let css = """
        body { margin: 0; background: #fff; }
        .wv-agenda { max-width: 50rem; margin: 2rem auto; padding: 0 1.2rem; color: #1a1a1a; line-height: 1.45;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1rem; }
        .wv-agenda h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.3rem; }
        .wv-agenda h2 { font-size: 1.25rem; line-height: 1.3; margin: 1.8rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid #c8ced6; }
        .wv-agenda h3 { font-size: 1rem; margin: 1rem 0 0.3rem; color: #333; }
        .wv-agenda p { margin: 0.4rem 0; }
        .wv-when { font-size: 1.1rem; color: #333; }
        .wv-people { color: #444; }
        .wv-programme { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
        .wv-programme th, .wv-programme td { border-bottom: 1px solid #d5dae1; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        .wv-programme th { background: #eef2f7; font-weight: 600; border-bottom: 2px solid #b7bec8; }
        .wv-programme .wv-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .wv-programme .wv-time { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .wv-programme tr.wv-break td { color: #555; font-style: italic; background: #f7f7f7; }
        .wv-programme tr.wv-block td:last-child { color: #333; }
        .wv-total { font-weight: 600; }
        .wv-warning { border-left: 4px solid #b42318; background: #fef3f2; color: #7a1a12; padding: 0.5rem 0.8rem; font-weight: 600; }
        .wv-materials { list-style: none; padding-left: 0.2rem; }
        .wv-materials li::before { content: "☐"; display: inline-block; width: 1.5rem; }
        .wv-step h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; }
        .wv-step-number { color: #1d4f91; }
        .wv-step-time { margin-left: auto; font-size: 0.9rem; font-weight: 400; color: #555; font-variant-numeric: tabular-nums; }
        .wv-summary { font-style: italic; }
        .wv-exercise-name { font-size: 0.9rem; color: #555; }
        .wv-settings { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.25rem 1rem; margin: 0.3rem 0; }
        .wv-settings dt { font-weight: 600; }
        .wv-settings dd { margin: 0; }
        .wv-settings ul, .wv-notes ul { margin: 0; padding-left: 1.2rem; }
        .wv-notes { border-left: 3px solid #1d4f91; background: #f3f6fb; padding: 0.3rem 0.8rem; }
        .wv-phases { padding-left: 1.4rem; }
        .wv-phases li { margin: 0.5rem 0; }
        @media print {
          @page { margin: 1.5cm; }
          .wv-agenda { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          .wv-agenda * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .wv-agenda h2, .wv-agenda h3 { break-after: avoid; }
          .wv-step { break-before: auto; }
          .wv-programme tr, .wv-settings dd, .wv-notes li, .wv-phases p { break-inside: avoid; }
        }

        """
}
