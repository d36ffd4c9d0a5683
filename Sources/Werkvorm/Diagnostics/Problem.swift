/// Something wrong in a file a user wrote (an exercise, a session script, an event line), said
/// so that they can find and fix it: the file, line and column, the field, and what to do.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it or relative to its library.
    public var file: String?
    /// The line in that file (1-based), when known.
    public var line: Int?
    /// The column in that line (1-based), when known.
    public var column: Int?
    /// The field inside the file's data (`params[2].default`), when the problem is in one.
    public var field: String?
    /// What is wrong and what to do, in one or two sentences.
    public var message: String

    /// A problem with what is wrong, and as much of the place as is known.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, with the parts that are known.
    public var description: String {
        var place = ""
        if let file {
            place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            place += ": "
        }
        if let field { place += Self.shortened(field, keeping: 200) + ": " }
        return place + Self.shortened(message, keeping: 600)
    }

    /// `text` on one line (a line break shown as `⏎`), or its start and end around `…` when it is
    /// longer than `keeping` characters: an error that quotes a huge value stays one readable line.
    static func shortened(_ text: String, keeping limit: Int) -> String {
        let line = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? "⏎" : $0 }) : text
        guard line.count > limit else { return line }
        let end = limit / 4
        return String(line.prefix(limit - end)) + " … " + String(line.suffix(end))
    }

    /// This problem, placed in `file` at `line` if it has no place yet.
    public func located(file: String, line: Int? = nil) -> Problem {
        var copy = self
        if copy.file == nil {
            copy.file = file
            if copy.line == nil { copy.line = line }
        }
        return copy
    }
}

/// Several problems at once, so that a user can fix them all in one go.
public struct Problems: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var problems: [Problem]

    /// A list of problems.
    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    /// At most this many problems are printed; the rest are counted.
    public static let shown = 50

    /// One problem a line.
    public var description: String {
        let lines = problems.prefix(Self.shown).map(\.description)
        guard problems.count > Self.shown else { return lines.joined(separator: "\n") }
        let more = problems.count - Self.shown
        // where the rest start, when they are all in one file
        let next = problems[Self.shown]
        let oneFile = Set(problems.compactMap(\.file)).count == 1
        let place = oneFile ? (next.file ?? "") + (next.line.map { ":\($0)" } ?? "") + ": " : ""
        let from = oneFile && next.line != nil ? ", from this line on" : ""
        return (lines + ["\(place)… and \(more) more problem\(more == 1 ? "" : "s")\(from); fix these first"]).joined(separator: "\n")
    }
}
