import Werkvorm

extension Agenda {
    /// The agenda as plain text, 80 columns wide.
    public var text: String {
        var out = underline(script.title, with: "=")
        out += when + "\n"
        if let participants { out += participants + "\n" }
        out += "\n" + say("Programma", "Programme") + "\n\n" + programme + "\n\n"
        out += Wrap.paragraphs(total, width: 80) + "\n"
        for warning in warnings { out += Wrap.paragraphs(warning, width: 80, hanging: "  ") + "\n" }
        if !materials.isEmpty {
            out += "\n" + say("Mee te nemen", "To bring") + "\n"
            for material in materials { out += Wrap.paragraphs(material, width: 80, indent: "  - ", hanging: "    ") + "\n" }
        }
        var phases: [String: String] = [:]  // an exercise's phases read the same in every step
        for step in script.steps { out += details(step, phases: &phases) }
        return out
    }

    private func underline(_ title: String, with mark: Character) -> String {
        let wrapped = Wrap.paragraphs(title, width: 80)
        let width = wrapped.split(separator: "\n").map { TextLayout.width(String($0)) }.max() ?? 0
        return wrapped + "\n" + String(repeating: mark, count: width) + "\n\n"
    }

    /// The table of steps: number, clock times, duration, title.
    private var programme: String {
        let rows = rows
        let number = max(1, String(rows.count).count)
        let minutes = rows.map { "\($0.minutes) min" }
        let duration = minutes.map(\.count).max() ?? 0
        let time = rows.map { "\($0.start)–\($0.end)" }
        let header =
            "#".leftPadded(number + 2) + "  " + say("Tijd", "Time").padded(time.first?.count ?? 11) + "  "
            + say("Duur", "Length").padded(duration) + "  " + say("Onderdeel", "Step")
        var lines = [header]
        for (offset, row) in rows.enumerated() {
            let prefix = String(row.id).leftPadded(number + 2) + "  " + time[offset] + "  " + minutes[offset].leftPadded(duration) + "  "
            lines.append(Wrap.paragraphs(row.title, width: 80, indent: prefix, hanging: String(repeating: " ", count: prefix.count)))
        }
        return lines.joined(separator: "\n")
    }

    /// An exercise's or block's section: summary, settings, notes and phases.
    private func details(_ step: SessionStep, phases: inout [String: String]) -> String {
        let row = rows[step.id - 1]
        let heading = "\(step.id). \(step.title(language)) (\(row.start)–\(row.end), \(step.minutes) min)"
        switch step.kind {
        case .pause: return ""
        case .block(_, let notes):
            guard let notes else { return "" }
            return "\n" + underline(heading, with: "-") + noteText(notes, indent: "")
        case .exercise(let exercise):
            var out = "\n" + underline(heading, with: "-")
            out += Wrap.paragraphs(exerciseLine(exercise), width: 80) + "\n\n"
            out += Wrap.paragraphs(exercise.exercise.summary.text(language), width: 80) + "\n"
            let settings = settings(exercise)
            if !settings.isEmpty {
                out += "\n" + say("Instellingen", "Settings") + "\n"
                for setting in settings {
                    out += Wrap.paragraphs("\(setting.label): \(setting.value)", width: 80, indent: "  - ", hanging: "    ") + "\n"
                    for item in setting.items ?? [] { out += Wrap.paragraphs(item, width: 80, indent: "    · ", hanging: "      ") + "\n" }
                }
            }
            if let notes = exercise.notes {
                out += "\n" + say("Notities", "Notes") + "\n" + noteText(notes, indent: "  ")
            }
            out += "\n" + say("Verloop", "Phases") + "\n"
            if let known = phases[exercise.phasesKey] {
                out += known
            } else {
                var text = ""
                for (offset, phase) in exercise.phases.enumerated() {
                    text += "\n" + Wrap.paragraphs("\(offset + 1). \(phase.title.text(language))", width: 80, indent: "  ", hanging: "     ") + "\n"
                    let instructions = Self.paragraphs(phase.instructions.text(language)).joined(separator: "\n\n")
                    if !instructions.isEmpty { text += "\n" + Wrap.paragraphs(instructions, width: 80, indent: "     ") + "\n" }
                }
                phases[exercise.phasesKey] = text
                out += text
            }
            return out
        }
    }

    /// Notes as text: lines kept, list items with a dash, all wrapped at 80 columns.
    private func noteText(_ notes: String, indent: String) -> String {
        Self.noteParts(notes).map { part in
            switch part {
            case .lines(let lines): lines.map { Wrap.paragraphs($0, width: 80, indent: indent) + "\n" }.joined()
            case .list(let items): items.map { Wrap.paragraphs($0, width: 80, indent: indent + "- ", hanging: indent + "  ") + "\n" }.joined()
            }
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
