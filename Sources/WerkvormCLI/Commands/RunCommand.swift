import ArgumentParser
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm run SESSION --events EVENTS --record RECORD`: runs a session from its events and
/// records everything, journalling the events before they are applied.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a session from a file of events and record everything to JSON.",
        discussion: """
            EVENTS has one JSON object a line: {"step": 3, "participant": "ann", "input": "dot", \
            "fields": {"note": 1}}, {"step": 3, "phase": "vote"}, {"join": "ann"}, {"go": 3} and \
            the others of docs/events.md; '-' reads standard input. Every event is written and \
            synced to RECORD.journal before it is applied, so a run that is killed loses nothing: \
            run the same command with --resume to go on. A rejected event is shown with its reason \
            and the session goes on.
            """
    )

    @OptionGroup var library: LibraryOptions

    @Argument(help: "The session script (.yaml, .yml or .json).")
    var session: String

    @Option(help: ArgumentHelp("The events, one JSON object a line ('-': standard input). Without it, the session runs in the facilitator's console.", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Where to write the record.", valueName: "file"))
    var record: String

    @Option(help: "Seed for the session's random numbers (pairs, groups); recorded. Default: a random seed.")
    var seed: Int64?

    @Flag(help: "Go on with a run that was interrupted, from RECORD.journal.")
    var resume = false

    @Flag(help: "Replace participants' names by stable pseudonyms (deelnemer-1, deelnemer-2...) before anything is journalled or recorded.")
    var anonymise = false

    /// How many events of a file are journalled with one sync.
    static let groupSize = 1024
    /// Up to how many events of a file are kept from its first reading, and kept in memory by
    /// the run for the record. A longer file is read again a group at a time, and its record's
    /// events are read back from the journal, so that its events are never all in memory.
    static let eventsKept = 131_072

    func run() async throws {
        let library = try library.load()
        let (script, scriptText) = try Self.load(session: session, library: library)
        let recordURL = URL(fileURLWithPath: record)
        guard let events else {
            let participants = SessionRun.participants(of: script, events: [])
            let recording = try open(script: script, scriptText: scriptText, library: library, participants: participants, record: recordURL)
            try await FacilitatorConsole(recording: recording).run()
            print("\(await recording.events.count) events; wrote \(record)")
            return
        }
        // the events file is let go of before the record is written
        let recording = try await submit(events: events, script: script, scriptText: scriptText, library: library, record: recordURL)
        do {
            try await recording.finish()
        } catch {
            throw CLIError(error.description)
        }
        let counts = await recording.resultCounts
        let all = counts.values.reduce(0, +)
        let accepted = counts[.accepted] ?? 0
        let held = counts[.held] ?? 0
        print("\(all) events, \(accepted) accepted, \(all - accepted - held) rejected" + (held > 0 ? ", \(held) held" : "") + "; wrote \(record)")
    }

    /// Reads the events file and submits its events, a group at a time, to a new (or resumed)
    /// recording: read once whole first, to refuse a file with a wrong line before anything
    /// runs and to find who takes part; a long file's events are then read again a group at a
    /// time.
    private func submit(events: String, script: SessionScript, scriptText: String, library: ExerciseLibrary, record: URL) async throws -> RecordingSession {
        let lines = try eventLines(events)
        var reading = lines
        var found = SessionRun.ParticipantsFound()
        var kept: [(line: Int, event: SessionEvent)]? = []
        while !reading.atEnd {
            let group = reading.next(Self.groupSize)
            for (_, event) in group { found.add(event) }
            if let count = kept?.count {
                if count + group.count <= Self.eventsKept { kept?.append(contentsOf: group) } else { kept = nil }
            }
        }
        guard reading.problems.isEmpty else { throw CLIError(Problems(reading.problems).description) }
        var source = (kept: kept, lines: lines, start: 0)
        /// The next group of events, from those kept or read again.
        func nextGroup() -> ArraySlice<(line: Int, event: SessionEvent)> {
            guard let kept = source.kept else { return source.lines.next(Self.groupSize)[...] }
            let group = kept[source.start..<min(source.start + Self.groupSize, kept.count)]
            source.start += group.count
            return group
        }
        let participants = SessionRun.participants(of: script, found: found)
        // a long file's record is written from the journal
        let recording = try open(script: script, scriptText: scriptText, library: library, participants: participants, record: record, keepsEvents: kept != nil)
        var group = nextGroup()
        if resume {
            let journalled = recording.journalledEvents
            var index = 0
            while index < journalled.count, let (line, event) = group.first {
                // as journalled: with --anonymise, the pseudonyms given in the same order again
                guard await recording.pseudonymised(event).unnumbered == journalled[index].unnumbered else {
                    throw CLIError("\(events):\(line): this event differs from event \(index + 1) in the journal; resume with the events file the run started with")
                }
                index += 1
                group = group.dropFirst()
                if group.isEmpty { group = nextGroup() }
            }
            Terminal.error("resumed: \(journalled.count) event\(journalled.count == 1 ? "" : "s") from the journal")
        }
        while !group.isEmpty {
            let applied: [RecordedEvent]
            do {
                applied = try await recording.submit(group.map(\.event))
            } catch {
                throw CLIError(error.description)
            }
            for ((line, _), recorded) in zip(group, applied) {
                // the place is made only for what is shown
                func place() -> String { "\(events):\(line): " + (recorded.event.step.map { "step \($0): " } ?? "") }
                switch recorded.result {
                case .accepted, .held: break
                case .rejected(let rejection):
                    Terminal.error(place() + "rejected: " + rejection.reason.text(script.language))
                case .failed(let problem):
                    Terminal.error(place() + "the exercise raised an error, the input is rejected: \(problem.description)")
                }
            }
            group = nextGroup()
        }
        return recording
    }

    /// The recording, new or resumed.
    private func open(
        script: SessionScript, scriptText: String, library: ExerciseLibrary, participants: [String], record: URL, keepsEvents: Bool = true
    ) throws -> RecordingSession {
        try Self.open(
            script: script, scriptText: scriptText, library: library, participants: participants, record: record, resume: resume, anonymise: anonymise, seed: seed,
            keepsEvents: keepsEvents)
    }

    /// A recording of `script` to `record`, new or resumed; what is wrong as a `CLIError`.
    static func open(
        script: SessionScript, scriptText: String, library: ExerciseLibrary, participants: [String], record: URL, resume: Bool, anonymise: Bool, seed: Int64?,
        keepsEvents: Bool = true
    ) throws -> RecordingSession {
        do {
            if resume {
                return try RecordingSession(
                    resuming: script, scriptText: scriptText, modules: library.modules, participants: participants,
                    record: record, anonymise: anonymise, seed: seed, keepsEvents: keepsEvents)
            }
            return try RecordingSession(
                script: script, scriptText: scriptText, modules: library.modules, participants: participants,
                seed: seed ?? Int64.random(in: 1...Int64(Int32.max)), record: record, anonymise: anonymise, keepsEvents: keepsEvents)
        } catch let error as Problems {
            throw CLIError(error.description)
        } catch let error as Problem {
            throw CLIError(error.description)
        }
    }

    /// The script and its text, or a `CLIError` naming the file.
    static func load(session: String, library: ExerciseLibrary) throws -> (script: SessionScript, text: String) {
        do {
            let (script, text) = try SessionScript.loadWithText(path: session, library: library)
            return (script, text)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The lines of the events file, to read its events from.
    private func eventLines(_ events: String) throws -> SessionEvent.Lines {
        do {
            let bytes = events == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : try TextFile.bytes(events, what: "the events file")
            return SessionEvent.Lines(bytes: bytes, file: events)
        } catch {
            throw CLIError(error.description)
        }
    }
}
