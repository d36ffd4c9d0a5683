import Foundation
import LuaHost
import Werkvorm

/// A report plugin: a Lua file in `Plugins/` that turns a recorded session into a document
/// (minutes, a CSV export...). It runs in the same sandbox as exercises and returns
/// `{ name =, description =, extension =, render = function(session) return text end }`.
public enum ReportPlugin {
    /// The session as plain data for a plugin: title, date, language, participants, every step
    /// with its times, outcome, decisions and report blocks, the decisions of all steps together
    /// as `summary`, and every event with its result. A step's
    /// `names` says whether what its participants said may be shown with their names; its report
    /// blocks show none unless it does.
    public static func session(_ recorded: RecordedSession, language: Language) throws(Problems) -> LuaValue {
        let script = recorded.script
        let reports = try SessionReport.reportsByStep(recorded, language: language)
        let steps: [LuaValue] = zip(script.steps, script.startsOfSteps).map { step, start in
            var fields: LuaObject = [
                "step": .integer(Int64(step.id)), "title": .string(step.title(language)), "minutes": .integer(Int64(step.minutes)),
                "start": .string(start.description), "end": .string(start.adding(step.minutes).description),
                "report": .array((reports[step.id]?.blocks ?? []).map(\.value)),
                "decisions": .array((reports[step.id]?.decisions ?? []).map(\.value)),
            ]
            if let notes = step.notes { fields["notes"] = .string(notes) }
            switch step.kind {
            case .exercise(let exerciseStep):
                fields["kind"] = "exercise"
                fields["exercise"] = .string(exerciseStep.exercise.id)
                fields["names"] = .bool(exerciseStep.showsNames)
                if let outcome = recorded.outcome(ofStep: step.id) { fields["outcome"] = outcome }
            case .pause: fields["kind"] = "break"
            case .block: fields["kind"] = "block"
            }
            return .object(fields)
        }
        return [
            "title": .string(script.title), "language": .string(language.rawValue), "date": .string(script.date.written(language)),
            "start": .string(script.start.description), "participants": .array(recorded.everyone.map { .string($0) }),
            "summary": .array(script.steps.flatMap { reports[$0.id]?.decisions ?? [] }.map(\.value)),
            "steps": .array(steps), "events": .array(recorded.events.map(\.value)),
        ]
    }

    /// Runs the plugin on a session; its errors name the plugin's file and line.
    public static func render(_ plugin: ExerciseSource, session: LuaValue, modules: ModuleDirectories) throws(Problem) -> String {
        do {
            let state = try LuaState(modules: modules.find)
            let chunk = try state.load(source: plugin.text, path: plugin.path)
            guard let table = try state.callForReference(chunk, []), let render = state.field(table, "render"), state.isFunction(render) else {
                throw Problem(file: plugin.path, "a report plugin must return { render = function(session) return text end }")
            }
            guard case .string(let text) = try state.callForValue(render, [.value(session)], resultName: "document") else {
                throw Problem(file: plugin.path, "render must return the document as text")
            }
            return text
        } catch let error as LuaError {
            throw Problem(file: error.path ?? plugin.path, line: error.line, error.message)
        } catch let error as Problem {
            throw error
        } catch {
            throw Problem(file: plugin.path, "\(error)")
        }
    }
}

extension ReportBlock {
    /// The block as plugin data, text in both languages: `{ type = "bar_chart", bars = {...} }`.
    public var value: LuaValue {
        switch self {
        case .section(let text): return ["type": "section", "text": text.value]
        case .heading(let text): return ["type": "heading", "text": text.value]
        case .paragraph(let text): return ["type": "paragraph", "text": text.value]
        case .list(let items): return ["type": "list", "items": .array(items.map(\.value))]
        case .table(let columns, let rows):
            return ["type": "table", "columns": .array(columns.map(\.value)), "rows": .array(rows.map { .array($0.map(\.value)) })]
        case .barChart(let title, let bars):
            var fields: LuaObject = [
                "type": "bar_chart", "bars": .array(bars.map { ["label": $0.label.value, "value": .double($0.value), "highlight": .bool($0.highlight)] }),
            ]
            if let title { fields["title"] = title.value }
            return .object(fields)
        case .twoColumns(let left, let right):
            return [
                "type": "two_columns", "left": ["title": left.title.value, "items": .array(left.items.map(\.value))],
                "right": ["title": right.title.value, "items": .array(right.items.map(\.value))],
            ]
        case .positionMap(let left, let right, let points, let arrows):
            return [
                "type": "position_map", "left": left.value, "right": right.value,
                "points": .array(points.map { ["x": .double($0.x), "y": .double($0.y), "label": $0.label.value, "count": .integer(Int64($0.count))] }),
                "arrows": .array(
                    arrows.map {
                        ["from_x": .double($0.fromX), "from_y": .double($0.fromY), "to_x": .double($0.toX), "to_y": .double($0.toY), "count": .integer(Int64($0.count))]
                    }),
            ]
        case .wordCloud(let words):
            return ["type": "word_cloud", "words": .array(words.map { ["word": .string($0.word), "count": .integer(Int64($0.count))] })]
        }
    }
}
