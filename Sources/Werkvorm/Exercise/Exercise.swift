import LuaHost

/// A workshop exercise ("werkvorm"): one Lua file that declares what it is, what a trainer can
/// set, the phases it moves through with the inputs each accepts, and how it responds.
public struct Exercise: Sendable, Hashable {
    /// How long an exercise takes, in minutes.
    public struct Duration: Sendable, Hashable {
        public var defaultMinutes: Int
        public var minimumMinutes: Int
    }

    /// How many participants it suits.
    public struct GroupSize: Sendable, Hashable {
        public var minimum: Int
        public var maximum: Int?
    }

    /// Something to bring into the room, for every step or, with a `when`, for some settings only
    /// (`{ nl = "Stoelen in een kring", en = "Chairs in a circle", when = { mode = "round" } }`).
    public struct Material: Sendable, Hashable {
        public var text: BilingualText
        /// As a phase's: each param named must have one of the values listed. Empty: always.
        public var when: [String: [LuaValue]] = [:]

        /// Whether a step with these params needs it.
        public func isUsed(with params: LuaObject) -> Bool {
            Exercise.holds(when, for: params)
        }

        /// The text with the values of `params` filled in: `{dots}` in "Gekleurde bolletjes,
        /// {dots} per deelnemer" becomes the step's number of dots. A name that is no number or
        /// text param stays as written.
        public func filled(with params: LuaObject) -> BilingualText {
            BilingualText(nl: Self.fill(text.nl, params), en: Self.fill(text.en, params))
        }

        private static func fill(_ text: String, _ params: LuaObject) -> String {
            guard text.contains("{") else { return text }
            var result = text
            for (name, value) in params {
                let shown: String
                switch value {
                case .integer, .double: shown = BilingualText.format(value)
                case .string(let text): shown = text
                default: continue
                }
                result = result.replacingOccurrences(of: "{\(name)}", with: shown)
            }
            return result
        }
    }

    public var id: String
    public var version: String
    public var title: BilingualText
    public var summary: BilingualText
    public var purpose: BilingualText
    public var duration: Duration
    public var groupSize: GroupSize
    public var materials: [Material]
    public var params: [ParamDeclaration]
    public var phases: [PhaseDeclaration]
    /// Whether the exercise shows participants a view of their own (e.g. only their own dots).
    public var hasView: Bool
    /// The file it came from.
    public var source: ExerciseSource

    /// Every param's default, checked.
    static func defaults(of params: [ParamDeclaration]) throws(Problem) -> LuaObject {
        var values: LuaObject = [:]
        for param in params { values[param.name] = try param.validate(param.defaultValue, at: param.name) }
        return values
    }

    /// The materials a step with these params needs, with its values filled in.
    public func materials(with params: LuaObject) -> [BilingualText] {
        materials.filter { $0.isUsed(with: params) }.map { $0.filled(with: params) }
    }

    /// Whether `params` meet a `when`: each param it names has one of the values it lists.
    static func holds(_ when: [String: [LuaValue]], for params: LuaObject) -> Bool {
        when.allSatisfy { name, values in params[name].map(values.contains) ?? false }
    }

    /// The phases a step with these params goes through, in order.
    public func phases(for params: LuaObject) -> [PhaseDeclaration] {
        phases.filter { $0.isUsed(with: params) }
    }

    /// Every input of every phase, with its phase.
    public var inputs: [(phase: PhaseDeclaration, input: InputDeclaration)] {
        phases.flatMap { phase in phase.inputs.map { (phase, $0) } }
    }

    /// The declaration of the input called `name`, and the phase it belongs to.
    public func input(named name: String) -> (phase: PhaseDeclaration, input: InputDeclaration)? {
        inputs.first { $0.input.name == name }
    }

    /// The params with their defaults, overridden by `given`; every value checked.
    public func resolve(params given: LuaObject, at path: String = "params") throws(Problems) -> LuaObject {
        var problems: [Problem] = []
        var resolved: LuaObject = [:]
        for key in JSONWriter.sortedKeys(given) where !params.contains(where: { $0.name == key }) {
            let known = params.map(\.name)
            let hint =
                Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; it takes none" : "; its params are \(known.joined(separator: ", "))")
            problems.append(Problem(field: "\(path).\(key)", "the exercise '\(id)' has no param '\(key)'\(hint)"))
        }
        for param in params {
            do {
                resolved[param.name] = try param.validate(given[param.name] ?? param.defaultValue, at: "\(path).\(param.name)")
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw Problems(problems) }
        return resolved
    }
}

/// Where an exercise came from: its file, as shown to users, and its text.
public struct ExerciseSource: Sendable, Hashable {
    /// The path shown in messages, relative to the current directory when below it.
    public var path: String
    /// The Lua text.
    public var text: String
    /// Its path relative to its library (`check-in.lua`): what a record keeps, wherever the
    /// command ran.
    public var libraryPath: String

    /// A source with its shown path, text, and path in its library (by default the shown path).
    public init(path: String, text: String, libraryPath: String? = nil) {
        self.path = path
        self.text = text
        self.libraryPath = libraryPath ?? path
    }

    /// The line of the first line that matches `needle` at or after `line` (1-based).
    /// Compares bytes, not characters: it runs for every declaration an exercise has, each time
    /// the exercise is loaded.
    public func line(of needle: String, from line: Int = 1) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return line }
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var current = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    current += 1
                } else if byte == first, current >= line, index + pattern.count <= bytes.count,
                    !pattern.indices.contains(where: { bytes[index + $0] != pattern[$0] })
                {
                    return current
                }
                index += 1
            }
            return nil
        }
    }
}
