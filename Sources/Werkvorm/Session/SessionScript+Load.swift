import Foundation
import LuaHost
import Yams

extension SessionScript {
    /// The file extensions a session script may have: YAML, or the same structure in JSON.
    public static let extensions = ["yaml", "yml", "json"]

    /// Reads the script at `path` and checks it against `library` before anything runs: every
    /// problem at once, each with its file, line, column and field.
    public static func load(path: String, library: ExerciseLibrary) throws(Problems) -> SessionScript {
        try loadWithText(path: path, library: library).script
    }

    /// The same, with the script's text as read: what a record keeps.
    public static func loadWithText(path: String, library: ExerciseLibrary) throws(Problems) -> (script: SessionScript, text: String) {
        let url = URL(fileURLWithPath: path)
        guard extensions.contains(url.pathExtension.lowercased()) else {
            throw Problems([Problem(file: path, "a session script is a .yaml, .yml or .json file; rename it or give the right file")])
        }
        let text: String
        do {
            text = try TextFile.text(path, what: "the session script")
        } catch {
            throw Problems([error])
        }
        return (try parse(text, file: path, library: library), text)
    }

    /// Reads a script from `text` (YAML or JSON) shown as `file` in problems, and checks it.
    /// With `tryingOutcomes` (the default), a param taken from an earlier step is tried on that
    /// step's outcome before any input; a record's script, which ran already, is read without.
    public static func parse(_ text: String, file: String, library: ExerciseLibrary, tryingOutcomes: Bool = true) throws(Problems) -> SessionScript {
        let root: Node?
        do {
            root = try YAMLSource.compose(text, file: file)
        } catch {
            throw Problems([error])
        }
        var reader = SessionScriptReader(file: file, library: library, triesOutcomes: tryingOutcomes)
        let script = reader.read(root)
        guard reader.problems.isEmpty, let script else {
            throw Problems(
                reader.problems.enumerated().sorted { first, second in
                    let a = (first.element.line ?? 0, first.element.column ?? 0), b = (second.element.line ?? 0, second.element.column ?? 0)
                    return a != b ? a < b : first.offset < second.offset
                }.map(\.element))
        }
        return script
    }
}

/// Walks the YAML nodes of a session script, collecting every problem with its place.
struct SessionScriptReader {
    let file: String
    let library: ExerciseLibrary
    /// Whether a param taken from an earlier step is tried on that step's outcome.
    let triesOutcomes: Bool
    var problems: [Problem] = []
    /// The session's language, once read.
    var language = Language.nl

    static let topKeys = ["title", "language", "date", "start", "end", "roster", "ask_names", "steps"]

    /// Notes a problem at `node`'s line and column.
    mutating func report(_ node: Node?, _ field: String?, _ message: String) {
        let mark = node?.mark
        problems.append(Problem(file: file, line: mark?.line, column: mark?.column, field: field, message))
    }

    /// The script, or nil when a required part is missing or wrong (the problems say why).
    mutating func read(_ root: Node?) -> SessionScript? {
        guard let root else {
            problems.append(Problem(file: file, line: 1, column: 1, "the file is empty; a session script needs at least title, date, start and steps"))
            return nil
        }
        guard let mapping = root.mapping else {
            report(root, nil, "a session script is a mapping with title, date, start and steps; found \(YAMLSource.kind(root))")
            return nil
        }
        checkKeys(mapping, allowed: Self.topKeys, prefix: "")
        let title = requiredText(mapping, "title", field: "title", example: "title: Iedereen Mee, sessie 6")
        if let node = mapping["language"] {
            if let text = YAMLSource.text(node), let chosen = Language(rawValue: text) {
                language = chosen
            } else {
                report(node, "language", "must be nl or en; found \(YAMLSource.kind(node))")
            }
        }
        var date: SessionDate?
        if let text = requiredText(mapping, "date", field: "date", example: "date: 2023-06-23") {
            date = SessionDate(text)
            if date == nil { report(mapping["date"], "date", "must be a date as YYYY-MM-DD (2023-06-23), or YYYY-MM when the day is not known; found \"\(Excerpt.of(text))\"") }
        }
        let start = time(mapping, "start", required: true)
        let end = time(mapping, "end", required: false)
        if let start, let end, end <= start {
            report(mapping["end"], "end", "is \(end), \(end == start ? "the same as" : "before") the start \(start); give a later end, or leave end out")
        }
        let roster = mapping["roster"].map { readRoster($0) } ?? []
        var steps: [SessionStep] = []
        if let node = mapping["steps"] {
            if let sequence = node.sequence, !sequence.isEmpty {
                for (offset, item) in sequence.enumerated() {
                    if let step = readStep(item, id: offset + 1, earlier: steps) { steps.append(step) }
                }
            } else {
                report(node, "steps", "must be a list with at least one step (- exercise: ID, - break: MINUTES or - block: TITLE); found \(YAMLSource.kind(node))")
            }
        } else {
            report(root, "steps", "is missing; add `steps:` with a list of exercises, breaks and blocks")
        }
        let asksNames = mapping["ask_names"].flatMap { boolean($0, field: "ask_names") } ?? false
        guard let title, let date, let start else { return nil }
        var script = SessionScript(file: file, title: title, language: language, date: date, start: start, end: end, roster: roster, steps: steps)
        script.asksNames = asksNames
        return script
    }

    /// Reports every key of `mapping` that is not in `allowed`, with a "did you mean".
    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], prefix: String) {
        for key in mapping.keys {
            let name = YAMLSource.text(key) ?? ""
            guard !allowed.contains(name) else { continue }
            let hint = Suggestion.closest(to: name, in: allowed).map { "did you mean '\($0)'?" } ?? "the keys here are \(allowed.joined(separator: ", "))"
            report(key, prefix + name, "unknown key; \(hint)")
        }
    }

    /// The non-empty text at `key`, or a problem saying it is missing or not text.
    mutating func requiredText(_ mapping: Node.Mapping, _ key: String, field: String, example: String) -> String? {
        guard let node = mapping[key] else {
            report(Node.mapping(mapping), field, "is missing; add `\(example)`")
            return nil
        }
        return text(node, field: field)
    }

    /// The non-empty text of `node`, or a problem.
    mutating func text(_ node: Node, field: String) -> String? {
        guard let text = YAMLSource.text(node) else {
            report(node, field, "must be text; found \(YAMLSource.kind(node))")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            report(node, field, "is empty; write the text after the colon")
            return nil
        }
        return trimmed
    }

    /// A clock time at `key` (`09:30`), or a problem.
    mutating func time(_ mapping: Node.Mapping, _ key: String, required: Bool) -> ClockTime? {
        guard mapping[key] != nil || required else { return nil }
        guard let text = requiredText(mapping, key, field: key, example: "\(key): 09:30") else { return nil }
        guard let time = ClockTime(text) else {
            report(mapping[key], key, "must be a time as HH:MM on a 24-hour clock (09:30, 13:45); found \"\(Excerpt.of(text))\"")
            return nil
        }
        return time
    }

    /// The roster: names or pseudonyms, and `anonymous: N` entries.
    mutating func readRoster(_ node: Node) -> [RosterEntry] {
        guard let sequence = node.sequence else {
            report(node, "roster", "must be a list of names or pseudonyms (and `- anonymous: N`); found \(YAMLSource.kind(node))")
            return []
        }
        var entries: [RosterEntry] = []
        var seen: Set<String> = []
        for (offset, item) in sequence.enumerated() {
            let field = "roster[\(offset + 1)]"
            if let mapping = item.mapping {
                checkKeys(mapping, allowed: ["anonymous"], prefix: field + ".")
                guard let count = mapping["anonymous"] else {
                    report(item, field, "must be a name, or `anonymous: N` for N participants without a name")
                    continue
                }
                guard let number = YAMLSource.integer(count), number >= 1 else {
                    report(count, field + ".anonymous", "must be a whole number of participants, 1 or more; found \(YAMLSource.kind(count))")
                    continue
                }
                entries.append(.anonymous(number))
            } else if let name = text(item, field: field) {
                guard seen.insert(name).inserted else {
                    report(item, field, "'\(name)' is on the roster twice; give each participant a different name or pseudonym")
                    continue
                }
                entries.append(.named(name))
            }
        }
        return entries
    }
}
