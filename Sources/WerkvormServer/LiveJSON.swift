import LuaHost
import Werkvorm

/// The views as the pages receive them: JSON, texts in the session's language.
struct LiveJSON {
    let language: Language

    func text(_ text: BilingualText) -> LuaValue { .string(text.text(language)) }

    func step(_ summary: StepSummary?) -> LuaValue {
        guard let summary else { return .null }
        var fields: LuaObject = [
            "id": .integer(Int64(summary.id)), "title": .string(summary.title), "minutes": .integer(Int64(summary.minutes)),
            "revealed": .bool(summary.revealed),
        ]
        if let exercise = summary.exercise { fields["exercise"] = .string(exercise) }
        if let phase = summary.phase {
            fields["phase"] = .object(["id": .string(phase.id), "title": text(phase.title), "instructions": text(phase.instructions)])
        }
        return .object(fields)
    }

    func input(_ declaration: InputDeclaration) -> LuaValue {
        var fields: LuaObject = [
            "name": .string(declaration.name), "title": text(declaration.title), "by": .string(declaration.by.rawValue),
            "fields": .array(declaration.fields.map(field)),
        ]
        if let undoes = declaration.undoes { fields["undoes"] = .string(undoes) }
        return .object(fields)
    }

    func field(_ field: FieldDeclaration) -> LuaValue {
        var fields: LuaObject = [
            "name": .string(field.name), "kind": .string(field.kind.rawValue), "label": text(field.label), "required": .bool(field.required),
        ]
        if let minimum = field.minimum { fields["min"] = .double(minimum) }
        if let maximum = field.maximum { fields["max"] = .double(maximum) }
        if let maxLength = field.maxLength { fields["max_length"] = .integer(Int64(maxLength)) }
        if let refersTo = field.refersTo { fields["refers_to"] = .string(refersTo) }
        if !field.options.isEmpty {
            fields["options"] = .array(
                field.options.map { option in
                    var entry: LuaObject = ["value": .string(option.value), "label": text(option.label)]
                    if let x = option.x, let y = option.y {
                        entry["x"] = .double(x)
                        entry["y"] = .double(y)
                    }
                    return .object(entry)
                })
        }
        return .object(fields)
    }

    /// An event's result as a submission's answer and a phone's list show it.
    func result(_ recorded: RecordedEvent) -> LuaObject {
        var fields: LuaObject = ["result": .string(recorded.result.kind.rawValue)]
        if let seq = recorded.event.seq { fields["seq"] = .integer(Int64(seq)) }
        if let duplicate = recorded.duplicateOf { fields["duplicate"] = .integer(Int64(duplicate)) }
        switch recorded.result {
        case .accepted, .held: break
        case .rejected(let rejection):
            fields["code"] = .string(rejection.code.rawValue)
            fields["reason"] = text(rejection.reason)
            if let field = rejection.field { fields["field"] = .string(field) }
        case .failed:
            fields["code"] = .string("failed")
            fields["reason"] = .string(
                language == .nl
                    ? "Deze invoer kon niet verwerkt worden; de begeleider ziet waarom"
                    : "This input could not be processed; the facilitator sees why")
        }
        return fields
    }

    func participant(_ view: ParticipantView, session: SessionScript) -> LuaValue {
        .object([
            "participant": .string(view.participant), "joined": .bool(view.joined),
            "session": .string(session.title), "paused": .bool(view.paused), "step": step(view.step),
            "inputs": .array(view.inputs.map(input)), "view": view.view ?? .null,
            "mine": .array(
                view.mine.map { own in
                    var fields = result(RecordedEvent(SessionEvent(step: own.step, action: .input(own.input)), result: own.result))
                    fields["seq"] = .integer(Int64(own.seq))
                    fields["input"] = .string(own.input.name)
                    if let step = session.steps.first(where: { $0.id == own.step }), case .exercise(let exerciseStep) = step.kind,
                        let declared = exerciseStep.exercise.input(named: own.input.name)?.input
                    {
                        fields["title"] = text(declared.title)
                    }
                    fields["fields"] = .object(own.input.fields)
                    return .object(fields)
                }),
        ])
    }
}
