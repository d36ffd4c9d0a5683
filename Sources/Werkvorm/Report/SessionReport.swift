import LuaHost

/// The report of a recorded session: per step, a heading with its clock time, then for an
/// exercise its own report of the recorded outcome (made by the exercise's source in the record),
/// and for a free block its notes.
public enum SessionReport {
    /// Each exercise step's own report blocks, by step, in `language`.
    public static func blocksByStep(_ recorded: RecordedSession, language: Language) throws(Problems) -> [Int: [ReportBlock]] {
        let run = SessionRun(script: recorded.script, modules: recorded.library.modules, seed: recorded.seed, participants: recorded.participants)
        var result: [Int: [ReportBlock]] = [:]
        var problems: [Problem] = []
        for step in recorded.script.steps {
            guard case .exercise(let exerciseStep) = step.kind, let outcome = recorded.outcome(ofStep: step.id) else { continue }
            do {
                let exerciseRun = try ExerciseRun(
                    source: exerciseStep.exercise.source, modules: recorded.library.modules, params: exerciseStep.params,
                    participants: recorded.participants, seed: run.seed(ofStep: step.id), language: recorded.script.language)
                result[step.id] = try exerciseRun.report(outcome, language: language)
            } catch let error as Problems {
                problems += error.problems
            } catch let error as Problem {
                problems.append(error)
            } catch {
                problems.append(Problem("step \(step.id): \(error)"))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return result
    }

    /// The blocks of the whole session's report, in `language`.
    public static func blocks(_ recorded: RecordedSession, language: Language) throws(Problems) -> [ReportBlock] {
        let script = recorded.script
        let byStep = try blocksByStep(recorded, language: language)
        var blocks: [ReportBlock] = [.paragraph(BilingualText(nl: "\(script.date.written(.nl)), \(script.start)", en: "\(script.date.written(.en)), \(script.start)"))]
        for step in script.steps {
            let start = script.startOfStep(step.id)
            blocks.append(.heading(BilingualText("\(step.id). \(step.title(language)) (\(start)–\(start.adding(step.minutes)))")))
            switch step.kind {
            case .exercise:
                blocks += byStep[step.id] ?? [.paragraph(BilingualText(nl: "Geen resultaat opgenomen.", en: "No outcome recorded."))]
            case .pause:
                break
            case .block(_, let notes):
                if let notes { blocks.append(.paragraph(BilingualText(notes))) }
            }
        }
        return blocks
    }
}
