import Foundation
import LuaHost
import Werkvorm

/// The facilitator's terminal for a live session: shows the current step, its phase and
/// instructions, takes inputs (`dot An note=3`, or `dot` and answer the prompts), shows
/// rejections with their reason and the live outcome, and moves on with `next` and `back`.
/// Every event goes through the same journal as a run from an events file. A typing error
/// never ends the session.
final class FacilitatorConsole {
    private let recording: RecordingSession
    private var script: SessionScript { recording.run.script }
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
    func run() throws(Problem) {
        write("\(script.title) — \(script.steps.count) " + say("stappen", "steps") + ". " + say("Typ 'help' voor de opdrachten.", "Type 'help' for the commands."))
        showStep()
        while let line = prompt("> ") {
            let words = FacilitatorConsole.tokens(line)
            guard let command = words.first else { continue }
            switch command {
            case "quit", "q", "stop": return try recording.finish()
            case "help", "?": showHelp()
            case "show", "s": showStep()
            case "next", "n": try move(forward: true)
            case "back", "b": try move(forward: false)
            case "outcome", "o": showOutcome()
            case "step":
                if let number = words.dropFirst().first.flatMap({ Int($0) }), let index = script.steps.firstIndex(where: { $0.id == number }) {
                    stepIndex = index
                    showStep()
                } else {
                    write(say("Geef het nummer van een stap: step 1 tot step \(script.steps.count).", "Give a step number: step 1 to step \(script.steps.count)."))
                }
            default: try input(words)
            }
        }
        try recording.finish()
    }

    private func prompt(_ text: String) -> String? {
        write(text, false)
        return read()
    }

    private var step: SessionStep { script.steps[stepIndex] }

    private func exercise(of step: SessionStep) -> Exercise? {
        if case .exercise(let exerciseStep) = step.kind { return exerciseStep.exercise }
        return nil
    }

    private func currentPhase(_ exercise: Exercise) -> PhaseDeclaration {
        let id = recording.run.phase(ofStep: step.id) ?? exercise.phases[0].id
        return exercise.phases.first { $0.id == id } ?? exercise.phases[0]
    }

    private func showStep() {
        write("")
        write(say("Stap", "Step") + " \(step.id)/\(script.steps.count): \(step.title(language)) (\(step.minutes) min)")
        guard let exercise = exercise(of: step) else {
            if let notes = step.notes { write(Wrap.paragraphs(notes, width: 80, indent: "  ")) }
            write(say("Typ 'next' voor de volgende stap.", "Type 'next' for the next step."))
            return
        }
        let phase = currentPhase(exercise)
        let number = (exercise.phases.firstIndex { $0.id == phase.id } ?? 0) + 1
        write(say("Fase", "Phase") + " \(number)/\(exercise.phases.count): \(phase.title.text(language)) [\(phase.id)]")
        write(Wrap.paragraphs(phase.instructions.text(language), width: 80, indent: "  "))
        for input in phase.inputs {
            let who = input.by == .facilitator ? say("begeleider", "facilitator") : say("deelnemer", "participant")
            let fields = input.fields.map { "\($0.name)=" + ($0.required ? "…" : "(…)") }.joined(separator: " ")
            write("  \(input.name)" + (input.by == .participant ? " <" + say("wie", "who") + ">" : "") + (fields.isEmpty ? "" : " \(fields)") + "   — \(input.title.text(language)) (\(who))")
        }
    }

    private func showHelp() {
        write(say("""
            next (n)        volgende fase, of volgende stap
            back (b)        vorige fase, of vorige stap
            step N          naar stap N
            show (s)        de stap opnieuw tonen
            outcome (o)     het resultaat tot nu toe
            INVOER [WIE] [veld=waarde ...]   een invoer; wat ontbreekt wordt gevraagd
            quit (q)        stoppen en het verslag (record) schrijven
            """, """
            next (n)        next phase, or next step
            back (b)        previous phase, or previous step
            step N          go to step N
            show (s)        show the step again
            outcome (o)     the outcome so far
            INPUT [WHO] [field=value ...]   an input; what is missing is asked for
            quit (q)        stop and write the record
            """))
    }

    private func move(forward: Bool) throws(Problem) {
        if let exercise = exercise(of: step) {
            let phases = exercise.phases
            let index = phases.firstIndex { $0.id == currentPhase(exercise).id } ?? 0
            let target = index + (forward ? 1 : -1)
            if phases.indices.contains(target) {
                report(try recording.submit(SessionEvent(step: step.id, action: .phase(phases[target].id), time: FacilitatorConsole.now())))
                showStep()
                return
            }
        }
        let target = stepIndex + (forward ? 1 : -1)
        guard script.steps.indices.contains(target) else {
            write(forward ? say("Dit was de laatste stap; typ 'quit' om het verslag te schrijven.", "This was the last step; type 'quit' to write the record.") : say("Dit is de eerste stap.", "This is the first step."))
            return
        }
        stepIndex = target
        showStep()
    }

    private func showOutcome() {
        do {
            guard let blocks = try recording.run.report(ofStep: step.id, language: language) else {
                write(say("Deze stap is geen werkvorm.", "This step is not an exercise."))
                return
            }
            write(ReportRenderer(language: language).text(blocks))
        } catch {
            write(error.description)
        }
    }

    /// `dot An note=3`: the input, who gives it, and its fields; asks for what is missing.
    private func input(_ words: [String]) throws(Problem) {
        guard let exercise = exercise(of: step), let declaration = exercise.input(named: words[0])?.input else {
            let names = exercise(of: step).map { currentPhase($0).inputs.map(\.name) } ?? []
            write(say("Onbekende opdracht of invoer '\(words[0])'", "Unknown command or input '\(words[0])'") + (names.isEmpty ? "" : "; " + say("invoer in deze fase: ", "inputs in this phase: ") + names.joined(separator: ", ")) + ". " + say("Typ 'help'.", "Type 'help'."))
            return
        }
        var participant: String?
        var fields: [String: LuaValue] = [:]
        for word in words.dropFirst() {
            if let equals = word.firstIndex(of: "=") {
                let name = String(word[..<equals])
                fields[name] = FacilitatorConsole.value(String(word[word.index(after: equals)...]), for: declaration.fields.first { $0.name == name })
            } else if participant == nil {
                participant = word
            }
        }
        if declaration.by == .participant && participant == nil {
            let roster = recording.run.participants.prefix(8).joined(separator: ", ")
            guard let answer = prompt(say("wie", "who") + (declaration.anonymous ? say(" (leeg: anoniem)", " (empty: anonymous)") : "") + " [\(roster)…]: ") else { return }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            participant = trimmed.isEmpty ? nil : trimmed
        }
        for field in declaration.fields where fields[field.name] == nil && field.required {
            guard let answer = prompt("\(field.name) (\(field.label.text(language))): ") else { return }
            fields[field.name] = FacilitatorConsole.value(answer, for: field)
        }
        let event = SessionEvent(step: step.id, action: .input(ExerciseInput(name: declaration.name, participant: participant, fields: fields)), time: FacilitatorConsole.now())
        report(try recording.submit(event))
    }

    private func report(_ result: EventResult) {
        switch result {
        case .accepted: write(say("  ✔ genoteerd", "  ✔ recorded"))
        case .rejected(let reason): write(say("  ✘ geweigerd: ", "  ✘ rejected: ") + reason.text(language))
        case .failed(let problem): write(say("  ✘ de werkvorm gaf een fout; de invoer is geweigerd: ", "  ✘ the exercise raised an error; the input is rejected: ") + problem.description)
        }
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

    /// The time of day, for the record (`10:42`).
    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: Date())
    }
}
