import LuaHost

/// A stage an exercise moves through (collect, vote, results), with the inputs it accepts.
public struct PhaseDeclaration: Sendable, Hashable {
    public var id: String
    public var title: BilingualText
    /// What the facilitator says and does in this phase.
    public var instructions: BilingualText
    public var inputs: [InputDeclaration]
}

/// Who gives an input.
public enum Actor: String, Sendable, Hashable {
    case participant
    case facilitator
}

/// Something participants (or the facilitator) enter in a phase: a dot, a statement, a vote.
public struct InputDeclaration: Sendable, Hashable {
    public var name: String
    public var title: BilingualText
    public var by: Actor
    /// Whether a participant may leave their name out.
    public var anonymous: Bool
    public var fields: [FieldDeclaration]
}

/// A typed field of an input.
public struct FieldDeclaration: Sendable, Hashable {
    /// The kinds of field.
    public enum Kind: String, Sendable, CaseIterable {
        case text, integer, number, boolean, choice, participant
    }

    public var name: String
    public var kind: Kind
    public var label: BilingualText
    public var required: Bool
    public var minimum: Double?
    public var maximum: Double?
    public var maxLength: Int?
    public var options: [ChoiceOption]
}

extension InputDeclaration {
    /// Checks an input's fields against this declaration and returns them in canonical form.
    /// Text is trimmed; a required text that is empty after trimming counts as missing.
    /// `participants` are the session's; fields of the kind `participant` must name one of them.
    /// When the fields are canonical already (the usual case), they come back as they are.
    public func validate(fields: [String: LuaValue], participants: Set<String>) throws(Problem) -> [String: LuaValue] {
        var result = fields
        var known = 0
        for field in self.fields {
            guard let value = fields[field.name], value != .null else {
                if field.required { throw Problem(field: "fields.\(field.name)", "is missing; the input '\(name)' needs it") }
                if fields[field.name] != nil { known += 1; result[field.name] = nil }
                continue
            }
            known += 1
            if let checked = try field.validate(value, participants: participants) {
                if checked != value { result[field.name] = checked }
            } else if field.required {
                throw Problem(field: "fields.\(field.name)", "is empty; the input '\(name)' needs it")
            } else {
                result[field.name] = nil
            }
        }
        if known < fields.count {
            let key = JSONWriter.sortedKeys(fields).first { key in !self.fields.contains { $0.name == key } } ?? ""
            let names = self.fields.map(\.name).joined(separator: ", ")
            throw Problem(field: "fields.\(key)", "the input '\(name)' has no field '\(key)'\(names.isEmpty ? "; it takes no fields" : "; its fields are \(names)")")
        }
        return result
    }
}

extension FieldDeclaration {
    /// The value in canonical form, or nil for an empty text.
    func validate(_ value: LuaValue, participants: Set<String>) throws(Problem) -> LuaValue? {
        let path = "fields.\(name)"
        switch kind {
        case .text:
            guard let text = value.stringValue else { throw Problem(field: path, "must be text; found \(ParamDeclaration.show(value))") }
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            if let maxLength, trimmed.count > maxLength {
                throw Problem(field: path, "is \(trimmed.count) characters long; at most \(maxLength) fit")
            }
            return .string(trimmed)
        case .integer, .number:
            let number: Double
            let canonical: LuaValue
            if kind == .integer {
                guard let integer = value.integerValue else { throw Problem(field: path, "must be a whole number; found \(ParamDeclaration.show(value))") }
                number = Double(integer)
                canonical = .integer(integer)
            } else {
                guard let double = value.doubleValue else { throw Problem(field: path, "must be a number; found \(ParamDeclaration.show(value))") }
                number = double
                canonical = value
            }
            if let minimum, number < minimum {
                throw Problem(field: path, "is \(ParamDeclaration.show(number)), below the minimum \(ParamDeclaration.show(minimum))")
            }
            if let maximum, number > maximum {
                throw Problem(field: path, "is \(ParamDeclaration.show(number)), above the maximum \(ParamDeclaration.show(maximum))")
            }
            return canonical
        case .boolean:
            guard value.boolValue != nil else { throw Problem(field: path, "must be true or false; found \(ParamDeclaration.show(value))") }
            return value
        case .choice:
            guard let choice = value.stringValue, options.contains(where: { $0.value == choice }) else {
                throw Problem(field: path, "must be one of \(options.map(\.value).joined(separator: ", ")); found \(ParamDeclaration.show(value))")
            }
            return value
        case .participant:
            guard let id = value.stringValue, participants.contains(id) else {
                throw Problem(field: path, "must be a participant of the session; found \(ParamDeclaration.show(value))")
            }
            return value
        }
    }
}

extension String {
    /// Without white space (and newlines) at either end.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
