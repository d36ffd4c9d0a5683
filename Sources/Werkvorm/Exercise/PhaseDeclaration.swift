import LuaHost

/// A stage an exercise moves through (collect, vote, results), with the inputs it accepts.
public struct PhaseDeclaration: Sendable, Hashable {
    public var id: String
    public var title: BilingualText
    /// What the facilitator says and does in this phase.
    public var instructions: BilingualText
    public var inputs: [InputDeclaration]
    /// When the phase is part of a step, by the step's params (`when = { mode = "dimensions" }`):
    /// each param named must have one of the values listed. Empty: always.
    public var when: [String: [LuaValue]] = [:]

    /// Whether a step with these params goes through this phase.
    public func isUsed(with params: LuaObject) -> Bool {
        Exercise.holds(when, for: params)
    }
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
    /// The input this one takes back (`remove_dot` undoes `dot`): a phone shows the two as
    /// minus and plus beside each item.
    public var undoes: String?

    public init(name: String, title: BilingualText, by: Actor, anonymous: Bool, fields: [FieldDeclaration], undoes: String? = nil) {
        self.name = name
        self.title = title
        self.by = by
        self.anonymous = anonymous
        self.fields = fields
        self.undoes = undoes
    }
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
    /// For a field that names an item by its number: the key of the participant's view that
    /// lists the items (`notes`), each with an `id` or `number` and a `text`. A phone offers
    /// the items to choose from.
    public var refersTo: String?

    public init(
        name: String, kind: Kind, label: BilingualText, required: Bool, minimum: Double? = nil, maximum: Double? = nil, maxLength: Int? = nil, options: [ChoiceOption] = [],
        refersTo: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.label = label
        self.required = required
        self.minimum = minimum
        self.maximum = maximum
        self.maxLength = maxLength
        self.options = options
        self.refersTo = refersTo
    }
}

extension InputDeclaration {
    /// Checks an input's fields against this declaration and returns them in canonical form.
    /// Text is trimmed; a required text that is empty after trimming counts as missing.
    /// `participants` are the session's; fields of the kind `participant` must name one of them.
    /// When the fields are canonical already (the usual case), they come back as they are.
    /// A field the input does not have is refused by name, before anything is missing.
    public func validate(fields: LuaObject, participants: Set<String>) throws(Rejection) -> LuaObject {
        if let checked = quickCheck(fields, participants: participants) { return checked }
        return try fullCheck(fields, participants: participants)
    }

    /// The check field by field of the declaration, which finds the first thing wrong.
    func fullCheck(_ fields: LuaObject, participants: Set<String>) throws(Rejection) -> LuaObject {
        var result = fields
        var known = 0
        for field in self.fields {
            guard let value = fields[field.name], value != .null else {
                if field.required {
                    try refuseUnknown(fields)  // a misspelt field first: `txt` is why `text` is missing
                    throw Rejection(
                        .missingField, field: "fields.\(field.name)", nl: "Het veld '\(field.name)' ontbreekt; '\(name)' heeft het nodig",
                        en: "the field '\(field.name)' is missing; the input '\(name)' needs it")
                }
                if fields[field.name] != nil {
                    known += 1
                    result[field.name] = nil
                }
                continue
            }
            known += 1
            if let checked = try field.validate(value, participants: participants) {
                if checked != value { result[field.name] = checked }
            } else if field.required {
                throw Rejection(
                    .missingField, field: "fields.\(field.name)", nl: "Het veld '\(field.name)' is leeg; '\(name)' heeft het nodig",
                    en: "the field '\(field.name)' is empty; the input '\(name)' needs it")
            } else {
                result[field.name] = nil
            }
        }
        if known < fields.count { try refuseUnknown(fields) }
        return result
    }

    /// The usual case, checked field by field of the input rather than of the declaration: every
    /// field known, every required one there, each valid. Nil when something is wrong, for the
    /// full check to find what, in the order it is told.
    func quickCheck(_ fields: LuaObject, participants: Set<String>) -> LuaObject? {
        var result = fields
        var required = 0
        for (key, value) in fields {
            guard let index = self.fields.indices.first(where: { self.fields[$0].name == key }) else { return nil }
            let isRequired = self.fields[index].required
            let checked: LuaValue?
            if case .null = value {
                checked = nil
            } else {
                guard let valid = try? self.fields[index].validate(value, participants: participants) else { return nil }
                checked = valid
            }
            guard let checked else {
                if isRequired { return nil }
                result[key] = nil
                continue
            }
            if isRequired { required += 1 }
            if checked != value { result[key] = checked }
        }
        var declaredRequired = 0
        for index in self.fields.indices where self.fields[index].required { declaredRequired += 1 }
        return required == declaredRequired ? result : nil
    }

    /// Refuses the first field (in key order) that the input does not have, by its name.
    private func refuseUnknown(_ fields: LuaObject) throws(Rejection) {
        if fields.keys.contains(where: { key in !self.fields.contains { $0.name == key } }) {
            let key = JSONWriter.sortedKeys(fields).first { key in !self.fields.contains { $0.name == key } } ?? ""
            let names = self.fields.map(\.name)
            let hint: (nl: String, en: String)
            if let close = Suggestion.closest(to: key, in: names) {
                hint = ("bedoel je '\(close)'?", "did you mean '\(close)'?")
            } else if names.isEmpty {
                hint = ("ze heeft geen velden", "it takes no fields")
            } else {
                hint = ("de velden zijn \(names.joined(separator: ", "))", "its fields are \(names.joined(separator: ", "))")
            }
            throw Rejection(
                .unknownField, field: "fields.\(key)", nl: "De invoer '\(name)' heeft geen veld '\(key)'; \(hint.nl)", en: "the input '\(name)' has no field '\(key)'; \(hint.en)")
        }
    }
}

extension FieldDeclaration {
    /// The value in canonical form, or nil for an empty text.
    func validate(_ value: LuaValue, participants: Set<String>) throws(Rejection) -> LuaValue? {
        // what a rejection says is made only for a rejection: this runs for every input
        var path: String { "fields.\(name)" }
        func invalid(_ nl: String, _ en: String) -> Rejection {
            let found = ParamDeclaration.show(value)
            return Rejection(.invalidValue, field: path, nl: "Het veld '\(name)' \(nl); gevonden: \(found)", en: "the field '\(name)' \(en); found \(found)")
        }
        switch kind {
        case .text:
            guard let text = value.stringValue else { throw invalid("moet tekst zijn", "must be text") }
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            if let maxLength, trimmed.utf8.count > maxLength, trimmed.count > maxLength {  // no more bytes than that: no more characters
                throw Rejection(
                    .tooLong, field: path, nl: "De tekst is \(trimmed.count) tekens lang; er passen er hoogstens \(maxLength)",
                    en: "the text is \(trimmed.count) characters long; at most \(maxLength) fit")
            }
            return .string(trimmed)
        case .integer, .number:
            let number: Double
            let canonical: LuaValue
            if kind == .integer {
                guard let integer = value.integerValue else { throw invalid("moet een geheel getal zijn", "must be a whole number") }
                number = Double(integer)
                canonical = .integer(integer)
            } else {
                guard let double = value.doubleValue else { throw invalid("moet een getal zijn", "must be a number") }
                number = double
                canonical = value
            }
            var shown: String { ParamDeclaration.show(number) }
            if let minimum, number < minimum {
                let bound = ParamDeclaration.show(minimum)
                throw Rejection(.outOfRange, field: path, nl: "\(shown) is kleiner dan het minimum \(bound)", en: "\(shown) is below the minimum \(bound)")
            }
            if let maximum, number > maximum {
                let bound = ParamDeclaration.show(maximum)
                throw Rejection(.outOfRange, field: path, nl: "\(shown) is groter dan het maximum \(bound)", en: "\(shown) is above the maximum \(bound)")
            }
            return canonical
        case .boolean:
            guard value.boolValue != nil else { throw invalid("moet ja of nee (true of false) zijn", "must be true or false") }
            return value
        case .choice:
            guard let choice = value.stringValue, options.contains(where: { $0.value == choice }) else {
                let list = options.map(\.value).joined(separator: ", ")
                throw invalid("moet een van \(list) zijn", "must be one of \(list)")
            }
            return value
        case .participant:
            guard let id = value.stringValue, participants.contains(id) else {
                throw invalid("moet een deelnemer van de sessie zijn", "must be a participant of the session")
            }
            return value
        }
    }
}

extension String {
    /// Without white space (and newlines) or invisible format characters at either end.
    func trimmingWhitespace() -> String {
        // the usual case: text that starts and ends with a visible ASCII character
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        let scalars = unicodeScalars
        // white space, and what shows nothing: zero-width spaces and joiners, a byte order mark
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || (0x200B...0x200F).contains(scalar.value) || (0x2060...0x2064).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar.value == 0x00AD
        }
        guard let first = scalars.firstIndex(where: { !blank($0) }),
            let last = scalars.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
