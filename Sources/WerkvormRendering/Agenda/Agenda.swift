import Foundation
import LuaHost
import Werkvorm

/// A session's agenda: what a trainer prints and takes into the room. The steps with clock
/// times, the total against the available time, the materials, and per step the summary,
/// settings, notes and the facilitator's instructions; in the session's language.
public struct Agenda: Sendable {
    /// One line of the programme.
    public struct Row: Sendable, Hashable {
        /// The step's number.
        public var id: Int
        /// When it starts.
        public var start: ClockTime
        /// When it ends.
        public var end: ClockTime
        /// How long it takes.
        public var minutes: Int
        /// Its title in the session's language.
        public var title: String
    }

    /// A param as set for the session: its label, and its value as one text or a list.
    public struct Setting: Sendable, Hashable {
        /// The param's label.
        public var label: String
        /// The value as text (empty for a list).
        public var value: String
        /// The items, for a list of texts.
        public var items: [String]?
    }

    /// A stretch of notes: lines of text, or a list (lines starting with "- ").
    enum NotePart: Hashable {
        case lines([String])
        case list([String])
    }

    /// The script the agenda is of.
    public let script: SessionScript

    /// The programme: each step with its clock times, in the order of the steps.
    public let rows: [Row]

    /// The agenda of `script`.
    public init(script: SessionScript) {
        self.script = script
        var clock = script.start
        rows = script.steps.map { step in
            defer { clock = clock.adding(step.minutes) }
            return Row(id: step.id, start: clock, end: clock.adding(step.minutes), minutes: step.minutes, title: step.title(script.language))
        }
    }

    /// The language the agenda is written in.
    public var language: Language { script.language }

    func say(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// The agenda in `format`: 80-column text, Markdown, or a self-contained HTML document.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: text
        case .md: markdown
        case .html: html
        }
    }

    /// The exercise steps.
    var exerciseSteps: [(step: SessionStep, exercise: ExerciseStep)] {
        script.steps.compactMap { step in
            if case .exercise(let exercise) = step.kind { return (step, exercise) }
            return nil
        }
    }

    /// What to bring: the exercises' materials, each once, in the order they first appear.
    public var materials: [String] {
        var seen: Set<String> = []
        return exerciseSteps.flatMap { $0.exercise.exercise.materials(with: $0.exercise.params).map { $0.text(language) } }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    /// The date and times: "vrijdag 23 juni 2023, 09:30–12:30".
    public var when: String {
        let end = script.end ?? script.start.adding(script.totalMinutes)
        return "\(script.date.written(language)), \(script.start)–\(end)"
    }

    /// The participants on the roster, when there is one.
    public var participants: String? {
        guard !script.roster.isEmpty else { return nil }
        let anonymous = script.roster.reduce(0) { total, entry in
            if case .anonymous(let count) = entry { return total + count }
            return total
        }
        var line = say("Deelnemers", "Participants") + ": \(script.participantCount)"
        if anonymous == script.participantCount {
            line += say(" (anoniem)", " (anonymous)")
        } else if anonymous > 0 {
            let named = script.participantCount - anonymous
            line += say(" (\(named) op naam, \(anonymous) anoniem)", " (\(named) by name, \(anonymous) anonymous)")
        }
        return line
    }

    /// The total planned time against the available time.
    public var total: String {
        let total = script.totalMinutes
        let planned = say("Totaal: \(total) minuten", "Total: \(total) minutes")
        guard let available = script.availableMinutes, let end = script.end else {
            return planned + " (\(script.start)–\(script.start.adding(total)))"
        }
        let range = "(\(script.start)–\(end))"
        if total == available { return planned + say(", precies de beschikbare tijd \(range)", ", exactly the time available \(range)") }
        if total < available {
            let spare = available - total
            return planned + say(" van de \(available) beschikbare \(range); \(spare) minuten over", " of the \(available) available \(range); \(spare) minutes to spare")
        }
        return planned + say(" van de \(available) beschikbare \(range)", " of the \(available) available \(range)")
    }

    /// Warnings for the trainer: more steps than time, a group too small or too large.
    public var warnings: [String] {
        var warnings: [String] = []
        if let available = script.availableMinutes, let end = script.end, script.totalMinutes > available {
            let over = script.totalMinutes - available
            warnings.append(
                say(
                    "LET OP: het programma duurt \(over) minuten te lang; het loopt tot \(script.start.adding(script.totalMinutes)) in plaats van \(end). Kort stappen in of schrap er een.",
                    "WARNING: the programme is \(over) minutes too long; it runs until \(script.start.adding(script.totalMinutes)) instead of \(end). Shorten or drop a step."))
        }
        let count = script.participantCount
        guard count > 0 else { return warnings }
        for (step, exercise) in exerciseSteps {
            let size = exercise.exercise.groupSize
            guard count < size.minimum || size.maximum.map({ count > $0 }) == true else { continue }
            let range = size.maximum.map { "\(size.minimum)–\($0)" } ?? say("vanaf \(size.minimum)", "from \(size.minimum)")
            warnings.append(
                say(
                    "LET OP: stap \(step.id) (\(step.title(language))) is voor \(range) deelnemers; op de deelnemerslijst staan er \(count).",
                    "WARNING: step \(step.id) (\(step.title(language))) is for \(range) participants; the roster has \(count)."))
        }
        return warnings
    }

    /// Which exercise a step is: "Werkvorm: Open vraag (open-question)".
    func exerciseLine(_ step: ExerciseStep) -> String {
        say("Werkvorm", "Exercise") + ": \(step.exercise.title.text(language)) (\(step.exercise.id))"
    }

    /// The params of an exercise step as set: every param, with its label and value.
    func settings(_ step: ExerciseStep) -> [Setting] {
        step.exercise.params.map { param in
            let value = step.params[param.name] ?? param.defaultValue
            let label = param.label.text(language)
            if let source = step.from[param.name] {
                let title = script.steps.first { $0.id == source.step }?.title(language) ?? ""
                return Setting(label: label, value: say("uit stap \(source.step) (\(title)): \(source.take)", "from step \(source.step) (\(title)): \(source.take)"))
            }
            switch param.kind {
            case .integer, .number: return Setting(label: label, value: BilingualText.format(value))
            case .text: return Setting(label: label, value: value.stringValue ?? "")
            case .bilingual:
                let text = (try? BilingualText(value, at: ValuePath(param.name)))?.text(language) ?? ""
                return Setting(label: label, value: text)
            case .choice:
                let option = param.options.first { $0.value == value.stringValue }
                return Setting(label: label, value: option?.label.text(language) ?? value.stringValue ?? "")
            case .boolean: return Setting(label: label, value: value.boolValue == true ? say("ja", "yes") : say("nee", "no"))
            case .textList:
                let items = (value.arrayValue ?? []).compactMap(\.stringValue)
                return Setting(label: label, value: items.isEmpty ? say("(geen)", "(none)") : "", items: items.isEmpty ? nil : items)
            case .groups:
                let count = value.arrayValue?.count ?? 0
                return Setting(label: label, value: count == 0 ? say("(geen)", "(none)") : say("\(count) groepjes", "\(count) groups"))
            }
        }
    }

    /// Notes split into runs of plain lines and lists (lines starting with "- " or "* ").
    static func noteParts(_ notes: String) -> [NotePart] {
        var parts: [NotePart] = []
        for raw in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let isItem = line.hasPrefix("- ") || line.hasPrefix("* ")
            let text = isItem ? String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces) : line
            switch (parts.last, isItem) {
            case (_, _) where line.isEmpty: parts.append(.lines([]))
            case (.list(let items)?, true): parts[parts.count - 1] = .list(items + [text])
            case (.lines(let lines)?, false): parts[parts.count - 1] = .lines(lines + [text])
            default: parts.append(isItem ? .list([text]) : .lines([text]))
            }
        }
        return parts.filter { $0 != .lines([]) }
    }

    /// An exercise's instructions as paragraphs (a blank line starts a new one; a single line
    /// break is a space).
    static func paragraphs(_ text: String) -> [String] {
        Wrap.blocks(text)
            .map { block in
                // ASCII, the usual case, by bytes; other text by characters, for its own white space
                guard block.utf8.allSatisfy({ $0 < 0x80 }) else { return block.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                return block.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map { Substring($0) }.joined(separator: " ")
            }
            .filter { !$0.isEmpty }
    }
}
