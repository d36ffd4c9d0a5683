import LuaHost

/// A session script: a workshop's title, language, date and times, who takes part, and its
/// steps in order (exercises, breaks and free blocks). Read from YAML or JSON with `load`.
public struct SessionScript: Sendable {
    /// The file it was read from, as the user named it.
    public var file: String
    /// The session's title.
    public var title: String
    /// The language of the session: what the agenda and the exercises' texts are in.
    public var language: Language
    /// The day of the session.
    public var date: SessionDate
    /// When the session starts.
    public var start: ClockTime
    /// When the session must end: the available time is from `start` to `end`.
    public var end: ClockTime?
    /// The participants, named or anonymous.
    public var roster: [RosterEntry]
    /// The steps, with ids 1, 2, 3… in order.
    public var steps: [SessionStep]
    /// Whether people who join from a phone are asked for their name (`ask_names: true`).
    /// Without it they take part under a pseudonym the session gives them.
    public var asksNames = false

    /// The total planned minutes.
    public var totalMinutes: Int { steps.reduce(0) { $0 + $1.minutes } }

    /// The minutes from `start` to `end`, when an end is given.
    public var availableMinutes: Int? { end.map { $0.minutes - start.minutes } }

    /// The number of participants on the roster (names plus anonymous ones).
    public var participantCount: Int { roster.reduce(0) { $0 + $1.count } }

    /// When each step starts, in the order of the steps: `start` plus the minutes of the steps
    /// before it.
    public var startsOfSteps: [ClockTime] {
        var clock = start
        return steps.map { step in
            defer { clock = clock.adding(step.minutes) }
            return clock
        }
    }
}

/// One step of a session: an exercise, a break or a free block, with its length.
public struct SessionStep: Sendable {
    /// What the step is.
    public enum Kind: Sendable {
        /// An exercise from the library, with its params resolved (defaults filled in).
        case exercise(ExerciseStep)
        /// A break, with an optional title ("Lunch").
        case pause(title: String?)
        /// A free block: a talk, a refresher, drinks; with the trainer's notes.
        case block(title: String, notes: String?)
    }

    /// The longest a step can take, in minutes: a day.
    public static let longest = 24 * 60

    /// The step's number: 1, 2, 3… in the order of the script.
    public var id: Int
    /// What the step is.
    public var kind: Kind
    /// How long it takes.
    public var minutes: Int

    /// The step's title in `language`: the exercise's title, the block's title, or "Pauze".
    public func title(_ language: Language) -> String {
        switch kind {
        case .exercise(let step): step.title ?? step.exercise.title.text(language)
        case .pause(let title): title ?? (language == .nl ? "Pauze" : "Break")
        case .block(let title, _): title
        }
    }

    /// The trainer's notes for the step, if any.
    public var notes: String? {
        switch kind {
        case .exercise(let step): step.notes
        case .pause: nil
        case .block(_, let notes): notes
        }
    }
}

/// An exercise step: the exercise, its params and the trainer's notes.
public struct ExerciseStep: Sendable {
    /// The exercise from the library.
    public var exercise: Exercise
    /// Every param, with the defaults filled in and every value checked.
    public var params: LuaObject
    /// The names of the params the script set itself, in its order.
    public var given: [String]
    /// The params the script takes from an earlier step's outcome, by name. Until the step
    /// starts, ``params`` holds what they would take from that step before any input.
    public var from: [String: ParamSource] = [:]
    /// The trainer's notes.
    public var notes: String?
    /// A title shown instead of the exercise's own ("Open vraag: eerste prioriteit").
    public var title: String?
    /// Whether participants' free text waits for the facilitator's approval before it counts
    /// (`moderation: true`): pre-moderation, against rude or identifying input.
    public var moderated = false
    /// Whether the projector may show participants' names next to what they entered
    /// (`names: true`); by default it shows none.
    public var showsNames = false

    /// The phases the step goes through with its params.
    public var phases: [PhaseDeclaration] { exercise.phases(for: params) }

    /// The same for every step of an exercise with the same phases: the exercise's id and the
    /// ids of its phases.
    public var phasesKey: String { ([exercise.id] + phases.map(\.id)).joined(separator: " ") }
}

/// Who takes part: a name or pseudonym, or a number of anonymous participants.
public enum RosterEntry: Sendable, Hashable {
    /// A participant by name or pseudonym.
    case named(String)
    /// This many participants without a name.
    case anonymous(Int)

    /// How many participants the entry stands for.
    public var count: Int {
        switch self {
        case .named: 1
        case .anonymous(let count): count
        }
    }
}

/// A time of day, to the minute (`09:30`).
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since midnight; may pass 24 hours when a session runs late.
    public var minutes: Int

    /// The time `minutes` after midnight.
    public init(minutes: Int) { self.minutes = minutes }

    /// Reads `HH:MM` (`9:30` too); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
        else { return nil }
        self.minutes = hours * 60 + minutes
    }

    /// This time plus `minutes`.
    public func adding(_ minutes: Int) -> ClockTime { ClockTime(minutes: self.minutes + minutes) }

    /// `HH:MM`, on a 24-hour clock.
    public var description: String {
        let hours = (minutes / 60) % 24, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Whether one time is earlier than another.
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// The day of a session (`2023-06-23`), or only its month (`2024-02`) when the day is not known.
public struct SessionDate: Sendable, Hashable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, when known.
    public var day: Int?

    /// Reads `YYYY-MM-DD` or `YYYY-MM`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
        if parts.count == 3 {
            guard let day = Int(parts[2]), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
            self.day = day
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM`.
    public var description: String {
        let month = (self.month < 10 ? "0" : "") + "\(self.month)"
        guard let day else { return "\(year)-\(month)" }
        return "\(year)-\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// The date written out in `language`: "vrijdag 23 juni 2023", "Friday 23 June 2023", or
    /// "februari 2024".
    public func written(_ language: Language) -> String {
        let months =
            language == .nl
            ? ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard let day else { return "\(months[month - 1]) \(year)" }
        let weekdays =
            language == .nl
            ? ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return "\(weekdays[weekday(day)]) \(day) \(months[month - 1]) \(year)"
    }

    /// The day of the week, 0 for Monday (Sakamoto's method).
    private func weekday(_ day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return (sunday0 + 6) % 7
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
