import LuaHost
import Werkvorm

/// The report of a recorded session: per step, a heading with its clock time, then for an
/// exercise its own report of the recorded outcome (made by the exercise's source in the record),
/// and for a free block its notes. No participant's name is shown with what they said unless the
/// step's `names` says so: the record keeps who said what, and the report does not.
public enum SessionReport {
    /// Each exercise step's own report blocks, by step, in `language`.
    public static func blocksByStep(_ recorded: RecordedSession, language: Language) throws(Problems) -> [Int: [ReportBlock]] {
        let run = recorded.makeRun()
        var result: [Int: [ReportBlock]] = [:]
        var problems: [Problem] = []
        for step in recorded.script.steps {
            guard case .exercise(let exerciseStep) = step.kind, let outcome = recorded.outcome(ofStep: step.id) else { continue }
            do {
                let exerciseRun = try ExerciseRun(
                    source: exerciseStep.exercise.source, modules: recorded.library.modules, params: exerciseStep.params,
                    participants: recorded.everyone, seed: run.seed(ofStep: step.id), language: recorded.script.language, limits: run.limits)
                let blocks = try exerciseRun.report(outcome, language: language, names: exerciseStep.showsNames)
                // private by default: a name the exercise's report still shows is masked
                result[step.id] = exerciseStep.showsNames ? blocks : ReportBlock.masking(blocks, names: recorded.everyone, with: ReportBlock.namePlaceholder)
            } catch {
                // the record's outcome, or the exercise's report code: name both
                let index = (recorded.steps.firstIndex { $0.step == step.id } ?? step.id - 1) + 1
                problems.append(
                    Problem(
                        file: recorded.file, field: "steps[\(index)].outcome",
                        "the report of step \(step.id) (\(exerciseStep.exercise.id)) fails on the recorded outcome: \(error); the record may be damaged, or the exercise's report code has a bug"
                    ))
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return result
    }

    /// The agenda as planned against as held: per step its planned times, and the times of its
    /// first and last input when the events carry times (the console records them).
    static func agenda(_ recorded: RecordedSession) -> ReportBlock {
        let held = recorded.times
        let script = recorded.script
        let rows: [[BilingualText]] = zip(script.steps, script.startsOfSteps).map { step, start in
            let times = held[step.id].map { "\($0.first)–\($0.last)" } ?? "—"
            return [BilingualText("\(step.id)"), BilingualText(step.title(script.language)), BilingualText("\(start)–\(start.adding(step.minutes))"), BilingualText(times)]
        }
        return .table(
            columns: [
                BilingualText("#"), BilingualText(nl: "Onderdeel", en: "Part"), BilingualText(nl: "Gepland", en: "Planned"),
                BilingualText(nl: "Gehouden (eerste–laatste invoer)", en: "Held (first–last input)"),
            ],
            rows: rows)
    }

    /// The blocks of the whole session's report, in `language`.
    public static func blocks(_ recorded: RecordedSession, language: Language) throws(Problems) -> [ReportBlock] {
        let script = recorded.script
        let byStep = try blocksByStep(recorded, language: language)
        var blocks: [ReportBlock] = [.paragraph(BilingualText(nl: "\(script.date.written(.nl)), \(script.start)", en: "\(script.date.written(.en)), \(script.start)"))]
        blocks.append(agenda(recorded))
        for (step, start) in zip(script.steps, script.startsOfSteps) {
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

extension SessionReport {
    /// Several recorded sessions compared: for each exercise they have in common or not, its
    /// results from every session that ran it, one after the other (the dot votes of two sessions).
    public static func comparison(_ sessions: [RecordedSession], language: Language) throws(Problems) -> [ReportBlock] {
        var order: [String] = []
        var titles: [String: BilingualText] = [:]
        var reports: [[Int: [ReportBlock]]] = []
        for session in sessions {
            reports.append(try blocksByStep(session, language: language))
            for step in session.script.steps {
                guard case .exercise(let exerciseStep) = step.kind else { continue }
                let id = exerciseStep.exercise.id
                if titles[id] == nil {
                    order.append(id)
                    titles[id] = exerciseStep.exercise.title
                }
            }
        }
        var blocks: [ReportBlock] = []
        for id in order {
            blocks.append(.heading(titles[id] ?? BilingualText(id)))
            for (session, report) in zip(sessions, reports) {
                for step in session.script.steps {
                    guard case .exercise(let exerciseStep) = step.kind, exerciseStep.exercise.id == id else { continue }
                    blocks.append(
                        .heading(BilingualText("\(session.script.title) — \(session.script.date.written(language)), " + (language == .nl ? "stap" : "step") + " \(step.id)")))
                    blocks += report[step.id] ?? [.paragraph(BilingualText(nl: "Geen resultaat opgenomen.", en: "No outcome recorded."))]
                }
            }
        }
        return blocks
    }
}
