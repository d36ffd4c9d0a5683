import LuaHost
import Werkvorm

/// The report of a recorded session: per step, a heading with its clock time, then for an
/// exercise its own report of the recorded outcome (made by the exercise's source in the record),
/// and for a free block its notes. No participant's name is shown with what they said unless the
/// step's `names` says so: the record keeps who said what, and the report does not.
public enum SessionReport {
    /// What one exercise step contributes to a report: its decisions, which the report's
    /// summary shows first, and its own report, under the step.
    public struct StepReport: Sendable, Hashable {
        public var decisions: [ReportBlock]
        public var blocks: [ReportBlock]
    }

    /// Each exercise step's decisions and report blocks, by step, in `language`.
    public static func reportsByStep(_ recorded: RecordedSession, language: Language) throws(Problems) -> [Int: StepReport] {
        let run = recorded.makeRun()
        var result: [Int: StepReport] = [:]
        var problems: [Problem] = []
        for step in recorded.script.steps {
            guard case .exercise(let exerciseStep) = step.kind, let outcome = recorded.outcome(ofStep: step.id) else { continue }
            do {
                let exerciseRun = try ExerciseRun(
                    source: exerciseStep.exercise.source, modules: recorded.library.modules, params: exerciseStep.params,
                    participants: recorded.everyone, seed: run.seed(ofStep: step.id), language: recorded.script.language, limits: run.limits)
                let names = exerciseStep.showsNames
                // private by default: a name the exercise still shows is masked
                func shown(_ blocks: [ReportBlock]) -> [ReportBlock] {
                    names ? blocks : ReportBlock.masking(blocks, names: recorded.everyone, with: ReportBlock.namePlaceholder)
                }
                result[step.id] = StepReport(
                    decisions: shown(try exerciseRun.decisions(outcome, language: language, names: names)),
                    blocks: shown(try exerciseRun.report(outcome, language: language, names: names)))
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

    /// Each exercise step's own report blocks, by step, in `language`.
    public static func blocksByStep(_ recorded: RecordedSession, language: Language) throws(Problems) -> [Int: [ReportBlock]] {
        try reportsByStep(recorded, language: language).mapValues(\.blocks)
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

    /// The blocks of the whole session's report, in `language`: the date, a summary of what
    /// was decided (what the exercises' `decisions` functions give, in the order of the steps),
    /// the agenda as planned against as held, then each step under its number and clock time,
    /// with the trainer's notes and the exercise's own report.
    public static func blocks(_ recorded: RecordedSession, language: Language) throws(Problems) -> [ReportBlock] {
        let script = recorded.script
        let byStep = try reportsByStep(recorded, language: language)
        var blocks: [ReportBlock] = [.paragraph(BilingualText(nl: "\(script.date.written(.nl)), \(script.start)", en: "\(script.date.written(.en)), \(script.start)"))]
        let decisions = script.steps.flatMap { byStep[$0.id]?.decisions ?? [] }
        if !decisions.isEmpty {
            blocks.append(.section(BilingualText(nl: "Samenvatting: besluiten en acties", en: "Summary: decisions and actions")))
            blocks += decisions
        }
        blocks.append(.section(BilingualText(nl: "Agenda: gepland en gehouden", en: "Agenda: planned and held")))
        blocks.append(agenda(recorded))
        for (step, start) in zip(script.steps, script.startsOfSteps) {
            let title = step.title(language)
            blocks.append(.section(BilingualText("\(step.id). \(title) (\(start)–\(start.adding(step.minutes)))")))
            if let notes = step.notes { blocks += ReportBlock.notes(notes) }
            guard case .exercise = step.kind else { continue }
            guard var report = byStep[step.id]?.blocks else {
                blocks.append(.paragraph(BilingualText(nl: "Geen resultaat opgenomen.", en: "No outcome recorded.")))
                continue
            }
            // the exercise's own first heading, when it only says the step's title again
            if case .heading(let heading)? = report.first, heading.text(language) == title { report.removeFirst() }
            blocks += report
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
