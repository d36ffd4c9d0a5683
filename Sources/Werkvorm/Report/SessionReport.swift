import LuaHost

/// The report of a recorded session: per step, a heading with its clock time, then for an
/// exercise its own report of the recorded outcome (made by the exercise's source in the record),
/// and for a free block its notes.
public enum SessionReport {
    /// The blocks of the whole session's report, in `language`.
    public static func blocks(_ recorded: RecordedSession, language: Language) throws(Problems) -> [ReportBlock] {
        let script = recorded.script
        let run = SessionRun(script: script, modules: recorded.library.modules, seed: recorded.seed, participants: recorded.participants)
        var blocks: [ReportBlock] = [.paragraph(BilingualText(nl: "\(script.date.written(.nl)), \(script.start)", en: "\(script.date.written(.en)), \(script.start)"))]
        var problems: [Problem] = []
        for step in script.steps {
            let start = script.startOfStep(step.id)
            let heading = "\(step.id). \(step.title(language)) (\(start)–\(start.adding(step.minutes)))"
            switch step.kind {
            case .exercise(let exerciseStep):
                blocks.append(.heading(BilingualText(heading)))
                guard let outcome = recorded.outcome(ofStep: step.id) else {
                    blocks.append(.paragraph(BilingualText(nl: "Geen resultaat opgenomen.", en: "No outcome recorded.")))
                    continue
                }
                do {
                    let exerciseRun = try ExerciseRun(
                        source: exerciseStep.exercise.source, modules: recorded.library.modules, params: exerciseStep.params,
                        participants: recorded.participants, seed: run.seed(ofStep: step.id), language: script.language)
                    blocks += try exerciseRun.report(outcome, language: language)
                } catch let error as Problems {
                    problems += error.problems
                } catch let error as Problem {
                    problems.append(error)
                } catch {
                    problems.append(Problem("step \(step.id): \(error)"))
                }
            case .pause:
                blocks.append(.heading(BilingualText(heading)))
            case .block(_, let notes):
                blocks.append(.heading(BilingualText(heading)))
                if let notes { blocks.append(.paragraph(BilingualText(notes))) }
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return blocks
    }
}
