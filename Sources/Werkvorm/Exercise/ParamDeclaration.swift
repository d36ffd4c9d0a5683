import LuaHost

/// An option of a choice param or field: the value stored and the label a person reads.
public struct ChoiceOption: Sendable, Hashable {
    public var value: String
    public var label: BilingualText
    /// Where the option lies on a drawn map (the polarisation map): `x` from -1 (the left
    /// pole) to 1 (the right pole), `y` from 0 (the ground) up to 1. A phone draws a choice whose options all have
    /// a place as a map to tap on.
    public var x: Double?
    public var y: Double?

    public init(value: String, label: BilingualText, x: Double? = nil, y: Double? = nil) {
        self.value = value
        self.label = label
        self.x = x
        self.y = y
    }
}

/// Something a trainer sets per session for an exercise (`dots = 5`), declared by the exercise.
public struct ParamDeclaration: Sendable, Hashable {
    /// The kinds of param.
    public enum Kind: String, Sendable, CaseIterable {
        case integer, number, text, bilingual, choice, boolean
        case textList = "text_list"
        /// Groups of participant ids, each a list: the pairs or groups of an earlier step, taken
        /// from its outcome (`from`), so that new groups can avoid them.
        case groups
    }

    public var name: String
    public var kind: Kind
    public var label: BilingualText
    public var defaultValue: LuaValue
    public var minimum: Double?
    public var maximum: Double?
    public var options: [ChoiceOption]
    public var maxLength: Int?

    /// Checks a value for this param and returns it in canonical form (a whole double becomes
    /// an integer for an integer param). The problem names `path`.
    public func validate(_ value: LuaValue, at path: String) throws(Problem) -> LuaValue {
        switch kind {
        case .integer:
            guard let number = value.integerValue else {
                throw Problem(field: path, "must be a whole number; found \(Self.show(value))")
            }
            try checkBounds(Double(number), at: path)
            return .integer(number)
        case .number:
            guard let number = value.doubleValue else {
                throw Problem(field: path, "must be a number; found \(Self.show(value))")
            }
            try checkBounds(number, at: path)
            return value
        case .text:
            guard let text = value.stringValue else {
                throw Problem(field: path, "must be text; found \(Self.show(value))")
            }
            try checkLength(text, at: path)
            return value
        case .bilingual:
            let text = try BilingualText(value, at: ValuePath(path), requireBoth: false)
            try checkLength(text.nl, at: path)
            try checkLength(text.en, at: path)
            return text.value
        case .boolean:
            guard value.boolValue != nil else {
                throw Problem(field: path, "must be true or false; found \(Self.show(value))")
            }
            return value
        case .choice:
            guard let choice = value.stringValue, options.contains(where: { $0.value == choice }) else {
                throw Problem(field: path, "must be one of \(options.map { "\"\($0.value)\"" }.joined(separator: ", ")); found \(Self.show(value))")
            }
            return value
        case .groups:
            guard let groups = value.arrayValue else {
                throw Problem(field: path, "must be a list of groups, each a list of participants; found \(Self.show(value))")
            }
            for (offset, group) in groups.enumerated() {
                guard let members = group.arrayValue, members.allSatisfy({ $0.stringValue != nil }) else {
                    throw Problem(field: "\(path)[\(offset + 1)]", "must be a list of participants; found \(Self.show(group))")
                }
            }
            return value
        case .textList:
            guard let items = value.arrayValue else {
                throw Problem(field: path, "must be a list of texts; found \(Self.show(value))")
            }
            for (offset, item) in items.enumerated() {
                guard let text = item.stringValue else {
                    throw Problem(field: "\(path)[\(offset + 1)]", "must be text; found \(Self.show(item))")
                }
                try checkLength(text, at: "\(path)[\(offset + 1)]")
            }
            return value
        }
    }

    private func checkBounds(_ number: Double, at path: String) throws(Problem) {
        if let minimum, number < minimum {
            throw Problem(field: path, "is \(Self.show(number)), below the minimum \(Self.show(minimum))\(rangeHint)")
        }
        if let maximum, number > maximum {
            throw Problem(field: path, "is \(Self.show(number)), above the maximum \(Self.show(maximum))\(rangeHint)")
        }
    }

    private var rangeHint: String {
        switch (minimum, maximum) {
        case (let low?, let high?): "; choose from \(Self.show(low)) to \(Self.show(high))"
        default: ""
        }
    }

    private func checkLength(_ text: String, at path: String) throws(Problem) {
        if let maxLength, text.count > maxLength {
            throw Problem(field: path, "is \(text.count) characters long; at most \(maxLength) fit")
        }
    }

    public static func show(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }

    public static func show(_ value: LuaValue) -> String {
        switch value {
        case .string, .integer, .double, .bool, .null: value.excerpt
        default: value.typeName
        }
    }
}
