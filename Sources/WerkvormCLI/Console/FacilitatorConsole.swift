import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// The facilitator's terminal for a live session: shows the current step, its phase and
/// instructions, takes inputs (`dot An note=3`, or `dot` and answer the prompts), shows each
/// result with the exercise's facilitator view, and moves on with `next` and `back`. It drives
/// the same session core as a run from an events file or a server: going to a step, a phase,
/// a join, revealing results and pausing are all events, journalled and recorded. A typing
/// error never ends the session.
final class FacilitatorConsole {
    private let recording: RecordingSession
    private var script: SessionScript { recording.script }
    private var language: Language { script.language }
    private var stepIndex = 0
    private let read: () -> String?
    private let output: (String, Bool) -> Void

    /// A console that reads lines with `read` and writes with `output(text, newline)`.
    init(recording: RecordingSession, read: @escaping () -> String? = { Swift.readLine() }, output: @escaping (String, Bool) -> Void = FacilitatorConsole.standardOutput) {
        self.recording = recording
        self.read = read
        self.output = output
    }

    /// Standard output, flushed after each piece so prompts show before the answer is read.
    static func standardOutput(_ text: String, _ newline: Bool) {
        print(text, terminator: newline ? "\n" : "")
        fflush(nil)  // every stream: naming stdout is not concurrency-safe in Swift 6
    }

    private func write(_ text: String, _ newline: Bool = true) {
        output(text, newline)
    }

    private func say(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// Runs until `quit` or the end of the input, then writes the record.
    func run() async throws(Problem) {
        write("\(script.title) — \(script.steps.count) " + say("stappen", "steps") + ". " + say("Typ 'help' voor de opdrachten.", "Type 'help' for the commands."))
        if let current = await recording.currentStep, let index = script.steps.firstIndex(where: { $0.id == current }) {
            stepIndex = index  // resumed
        } else {
            try await submit(SessionEvent(step: script.steps[0].id, action: .go, time: SessionEvent.timeNow()), quiet: true)
        }
        await showStep()
        while let line = prompt("> ") {
            let words = FacilitatorConsole.tokens(line)
            guard let command = words.first else { continue }
            let rest = words.dropFirst()
            switch command {
            case "quit", "q", "stop": return try await recording.finish()
            case "help", "?": showHelp()
            case "show", "s": await showStep()
            case "next", "n": try await move(forward: true)
            case "back", "b": try await move(forward: false)
            case "outcome", "o": await showOutcome()
            case "step":
                if let number = rest.first.flatMap({ Int($0) }), let index = script.steps.firstIndex(where: { $0.id == number }) {
                    try await go(to: index)
                } else {
                    write(say("Geef het nummer van een stap: step 1 tot step \(script.steps.count).", "Give a step number: step 1 to step \(script.steps.count)."))
                }
            case "join":
                guard !rest.isEmpty else {
                    write(say("Geef de naam van wie aansluit: join Dewi", "Give the name of who joins: join Dewi"))
                    continue
                }
                try await submit(SessionEvent(step: nil, action: .join(rest.joined(separator: " ")), time: SessionEvent.timeNow()))
            case "reveal", "hide":
                try await submit(SessionEvent(step: step.id, action: .reveal(command == "reveal"), time: SessionEvent.timeNow()))
            case "pause", "resume":
                try await submit(SessionEvent(step: nil, action: .pause(command == "pause"), time: SessionEvent.timeNow()))
            case "approve", "reject":
                guard let seq = rest.first.flatMap({ Int($0) }) else {
                    write(say("Geef het nummer van de invoer: \(command) 12", "Give the number of the input: \(command) 12"))
                    continue
                }
                try await submit(SessionEvent(step: nil, action: command == "approve" ? .approve(seq) : .hide(seq), time: SessionEvent.timeNow()))
            default: try await input(line, words)
            }
        }
        try await recording.finish()
    }

    private func prompt(_ text: String) -> String? {
        write(text, false)
        return read()
    }

    private var step: SessionStep { script.steps[stepIndex] }

    private func exercise(of step: SessionStep) -> ExerciseStep? {
        if case .exercise(let exerciseStep) = step.kind { return exerciseStep }
        return nil
    }

    private func currentPhase(_ exercise: ExerciseStep) async -> PhaseDeclaration {
        let phases = exercise.phases
        let id = await recording.phase(ofStep: step.id) ?? phases[0].id
        return phases.first { $0.id == id } ?? phases[0]
    }

    private func showStep() async {
        write("")
        write(say("Stap", "Step") + " \(step.id)/\(script.steps.count): \(step.title(language)) (\(step.minutes) min)")
        guard let exercise = exercise(of: step) else {
            if let notes = step.notes { write(Wrap.paragraphs(notes, width: 80, indent: "  ")) }
            write(say("Typ 'next' voor de volgende stap.", "Type 'next' for the next step."))
            return
        }
        let phase = await currentPhase(exercise)
        let number = (exercise.phases.firstIndex { $0.id == phase.id } ?? 0) + 1
        write(say("Fase", "Phase") + " \(number)/\(exercise.phases.count): \(phase.title.text(language)) [\(phase.id)]")
        write(Wrap.paragraphs(phase.instructions.text(language), width: 80, indent: "  "))
        for input in phase.inputs {
            let who = input.by == .facilitator ? say("begeleider", "facilitator") : say("deelnemer", "participant")
            let fields = input.fields.map { "\($0.name)=" + ($0.required ? "…" : "(…)") }.joined(separator: " ")
            write(
                "  \(input.name)" + (input.by == .participant ? " <" + say("wie", "who") + ">" : "") + (fields.isEmpty ? "" : " \(fields)")
                    + "   — \(input.title.text(language)) (\(who))")
        }
        await showFacilitatorView()
    }

    /// The exercise's facilitator view, and the inputs waiting for approval.
    private func showFacilitatorView() async {
        let view = await recording.facilitatorView()
        if let value = view.view {
            let lines = ViewText.lines(value, language: language)
            if !lines.isEmpty {
                write(say("  Overzicht voor de begeleider:", "  The facilitator's view:"))
                for line in lines.prefix(40) { write("    " + line) }
                if lines.count > 40 { write("    … " + say("en nog \(lines.count - 40) regels", "and \(lines.count - 40) more lines")) }
            }
        }
        for held in view.held {
            let text = held.input.fields.values.compactMap(\.stringValue).joined(separator: " · ")
            write("  ⏸ \(held.seq): \(held.input.name) \(text)   — " + say("approve \(held.seq) of reject \(held.seq)", "approve \(held.seq) or reject \(held.seq)"))
        }
        if view.paused { write(say("  De invoer staat stil; typ 'resume' om hem te openen.", "  Input is paused; type 'resume' to open it.")) }
    }

    private func showHelp() {
        write(
            say(
                """
                next (n)        volgende fase, of volgende stap
                back (b)        vorige fase, of vorige stap
                step N          naar stap N
                show (s)        de stap opnieuw tonen
                outcome (o)     het resultaat tot nu toe
                join NAAM       iemand sluit aan
                reveal, hide    de resultaten tonen of verbergen op het scherm
                pause, resume   de invoer stilzetten of weer openen
                approve N, reject N   een tekst die wacht goedkeuren of verbergen
                INVOER [WIE] [veld=waarde ...]   een invoer; wat ontbreekt wordt gevraagd
                                (een waarde loopt tot het volgende veld=, of staat "tussen aanhalingstekens")
                quit (q)        stoppen en het verslag (record) schrijven
                """,
                """
                next (n)        next phase, or next step
                back (b)        previous phase, or previous step
                step N          go to step N
                show (s)        show the step again
                outcome (o)     the outcome so far
                join NAME       someone joins
                reveal, hide    show or hide the results on the screen
                pause, resume   pause input or open it again
                approve N, reject N   approve or hide a text that waits
                INPUT [WHO] [field=value ...]   an input; what is missing is asked for
                                (a value runs to the next field=, or stands "in quotes")
                quit (q)        stop and write the record
                """))
    }

    private func move(forward: Bool) async throws(Problem) {
        if let exercise = exercise(of: step) {
            let phases = exercise.phases
            let current = await currentPhase(exercise)
            let index = phases.firstIndex { $0.id == current.id } ?? 0
            let target = index + (forward ? 1 : -1)
            if phases.indices.contains(target) {
                try await submit(SessionEvent(step: step.id, action: .phase(phases[target].id), time: SessionEvent.timeNow()), quiet: true)
                await showStep()
                return
            }
        }
        let target = stepIndex + (forward ? 1 : -1)
        guard script.steps.indices.contains(target) else {
            write(
                forward
                    ? say("Dit was de laatste stap; typ 'quit' om het verslag te schrijven.", "This was the last step; type 'quit' to write the record.")
                    : say("Dit is de eerste stap.", "This is the first step."))
            return
        }
        try await go(to: target)
    }

    /// Goes to the step at `index`: an event, so that the record knows where the session was.
    private func go(to index: Int) async throws(Problem) {
        try await submit(SessionEvent(step: script.steps[index].id, action: .go, time: SessionEvent.timeNow()), quiet: true)
        stepIndex = index
        await showStep()
    }

    private func showOutcome() async {
        do {
            guard let blocks = try await recording.report(ofStep: step.id, language: language) else {
                write(say("Deze stap is geen werkvorm.", "This step is not an exercise."))
                return
            }
            write(ReportRenderer(language: language).text(blocks))
        } catch {
            write(error.description)
        }
    }

    /// `dot An note=3`: the input, who gives it, and its fields; asks for what is missing.
    private func input(_ line: String, _ words: [String]) async throws(Problem) {
        guard let exercise = exercise(of: step), let declaration = exercise.exercise.input(named: words[0])?.input else {
            var names: [String] = []
            if let exercise = exercise(of: step) { names = await currentPhase(exercise).inputs.map(\.name) }
            write(
                say("Onbekende opdracht of invoer '\(words[0])'", "Unknown command or input '\(words[0])'")
                    + (names.isEmpty ? "" : "; " + say("invoer in deze fase: ", "inputs in this phase: ") + names.joined(separator: ", ")) + ". "
                    + say("Typ 'help'.", "Type 'help'."))
            return
        }
        let (who, given) = FacilitatorConsole.arguments(Array(words.dropFirst()), fields: declaration.fields.map(\.name))
        var participant = who
        var fields: LuaObject = [:]
        for (name, text) in given { fields[name] = FacilitatorConsole.value(text, for: declaration.fields.first { $0.name == name }) }
        if declaration.by == .participant && participant == nil {
            let roster = await recording.participants.prefix(8).joined(separator: ", ")
            guard let answer = prompt(say("wie", "who") + (declaration.anonymous ? say(" (leeg: anoniem)", " (empty: anonymous)") : "") + " [\(roster)…]: ") else { return }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            participant = trimmed.isEmpty ? nil : trimmed
        }
        for field in declaration.fields where fields[field.name] == nil && field.required {
            guard let answer = prompt("\(field.name) (\(field.label.text(language))): ") else { return }
            fields[field.name] = FacilitatorConsole.value(answer, for: field)
        }
        // the facilitator types for the room: on behalf of each participant, also while input is paused
        let event = SessionEvent(
            step: step.id, action: .input(ExerciseInput(name: declaration.name, participant: participant, fields: fields)), time: SessionEvent.timeNow(), onBehalf: true)
        try await submit(event)
    }

    /// Submits an event and shows what became of it, then the facilitator's view.
    private func submit(_ event: SessionEvent, quiet: Bool = false) async throws(Problem) {
        let recorded = try await recording.submit([event])[0]
        switch recorded.result {
        case .accepted:
            if quiet { return }
            write(say("  ✔ genoteerd", "  ✔ recorded") + " (\(recorded.event.seq ?? 0))")
        case .held: write(say("  ⏸ wacht op goedkeuring", "  ⏸ waiting for approval") + " (\(recorded.event.seq ?? 0))")
        case .rejected(let rejection): write(say("  ✘ geweigerd: ", "  ✘ rejected: ") + rejection.reason.text(language))
        case .failed(let problem):
            write(say("  ✘ de werkvorm gaf een fout; de invoer is geweigerd: ", "  ✘ the exercise raised an error; the input is rejected: ") + problem.description)
        }
        switch event.action {
        case .input, .approve, .hide, .join: await showFacilitatorView()
        default: break
        }
    }

    /// Who gives an input and its fields, from the words after its name: a word without `=` is
    /// the participant (the first) and a field's value runs until the next `field=` of the
    /// input, so `text=Samen koffie drinken` keeps every word; a quoted value is one word.
    static func arguments(_ words: [String], fields: [String]) -> (participant: String?, fields: [(String, String)]) {
        var participant: String?
        var values: [(String, String)] = []
        for word in words {
            if let equals = word.firstIndex(of: "="), fields.contains(String(word[..<equals])) || values.isEmpty {
                values.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
            } else if let last = values.indices.last {
                values[last].1 += " " + word
            } else {
                participant = participant.map { $0 + " " + word } ?? word
            }
        }
        return (participant, values)
    }

    /// A typed value for a field from what the facilitator typed.
    static func value(_ text: String, for field: FieldDeclaration?) -> LuaValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch field?.kind {
        case .integer?: return Int64(trimmed).map { .integer($0) } ?? .string(trimmed)
        case .number?: return Double(trimmed.replacingOccurrences(of: ",", with: ".")).map { .double($0) } ?? .string(trimmed)
        case .boolean?:
            switch trimmed.lowercased() {
            case "ja", "yes", "true", "j", "y": return .bool(true)
            case "nee", "no", "false", "n": return .bool(false)
            default: return .string(trimmed)
            }
        default: return .string(trimmed)
        }
    }

    /// Words, with "quoted text" kept together (also after `field=`).
    static func tokens(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character.isWhitespace && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
