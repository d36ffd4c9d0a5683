import Werkvorm

extension Agenda {
    /// The agenda as GitHub-flavoured Markdown.
    public var markdown: String {
        typealias R = ReportRenderer
        var parts: [String] = ["# " + R.markdownLine(script.title)]
        parts.append([when, participants].compactMap { $0 }.map { R.markdownLine($0) }.joined(separator: "\\\n"))
        parts.append("## " + say("Programma", "Programme"))
        let header = ["#", say("Tijd", "Time"), say("Duur", "Length"), say("Onderdeel", "Step")]
        let body = rows.map { [String($0.id), "\($0.start)–\($0.end)", "\($0.minutes) min", $0.title] }
        parts.append(R.markdownTable(header: header, rows: body, alignRight: [true, false, true, false]))
        parts.append(R.markdownLine(total))
        parts += warnings.map { warning in
            let label = warning.prefix { $0 != ":" }, rest = warning.dropFirst(label.count + 1)
            return "> **" + R.markdownLine(String(label), blockStart: false) + ":** " + R.markdownLine(String(rest), blockStart: false)
        }
        if !materials.isEmpty {
            parts.append("## " + say("Mee te nemen", "To bring"))
            parts.append(materials.map { "- " + R.markdownLine($0) }.joined(separator: "\n"))
        }
        var phases: [String: [String]] = [:]  // an exercise's phases read the same in every step
        for step in script.steps { parts += markdownDetails(step, phases: &phases) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func markdownDetails(_ step: SessionStep, phases: inout [String: [String]]) -> [String] {
        typealias R = ReportRenderer
        let row = rows[step.id - 1]
        let heading = "## \(step.id). " + R.markdownLine(step.title(language), blockStart: false) + " (\(row.start)–\(row.end), \(step.minutes) min)"
        switch step.kind {
        case .pause: return []
        case .block(_, let notes):
            guard let notes else { return [] }
            return [heading] + markdownNotes(notes)
        case .exercise(let exercise):
            var parts = [heading, "*" + R.markdownLine(exerciseLine(exercise), blockStart: false) + "*", R.markdownParagraph(exercise.exercise.summary.text(language))]
            let settings = settings(exercise)
            if !settings.isEmpty {
                parts.append("### " + say("Instellingen", "Settings"))
                parts.append(
                    settings.map { setting in
                        let value = R.markdownLine(setting.value, blockStart: false)
                        let line = "- **" + R.markdownLine(setting.label, blockStart: false) + ":**" + (value.isEmpty ? "" : " " + value)
                        return ([line] + (setting.items ?? []).map { "  - " + R.markdownLine($0) }).joined(separator: "\n")
                    }.joined(separator: "\n"))
            }
            if let notes = exercise.notes {
                parts.append("### " + say("Notities", "Notes"))
                parts += markdownNotes(notes)
            }
            parts.append("### " + say("Verloop", "Phases"))
            if phases[exercise.phasesKey] == nil {
                phases[exercise.phasesKey] = exercise.phases.enumerated().flatMap { offset, phase in
                    ["**\(offset + 1). " + R.markdownLine(phase.title.text(language), blockStart: false) + "**"]
                        + Self.paragraphs(phase.instructions.text(language)).map { R.markdownLine($0) }
                }
            }
            return parts + (phases[exercise.phasesKey] ?? [])
        }
    }

    private func markdownNotes(_ notes: String) -> [String] {
        Self.noteParts(notes).map { part in
            switch part {
            case .lines(let lines): ReportRenderer.markdownParagraph(lines.joined(separator: "\n"))
            case .list(let items): items.map { "- " + ReportRenderer.markdownLine($0) }.joined(separator: "\n")
            }
        }
    }
}
