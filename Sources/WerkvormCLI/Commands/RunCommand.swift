import ArgumentParser
import Foundation
import LuaHost
import Werkvorm

/// `werkvorm run SESSION --events EVENTS --record RECORD`: runs a session from its events and
/// records everything, journalling each event before it is applied.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a session from a file of events and record everything to JSON.",
        discussion: """
            EVENTS has one JSON object a line: {"step": 3, "participant": "ann", "input": "dot", \
            "fields": {"note": 1}} or {"step": 3, "phase": "vote"}; '-' reads standard input. \
            Every event is appended and flushed to RECORD.journal before it is applied, so a run \
            that is killed loses nothing: run the same command with --resume to go on. A rejected \
            event is shown with its reason and the session goes on.
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

    @Flag(help: "Replace participants' names by stable pseudonyms (deelnemer-1, deelnemer-2...) before anything is recorded.")
    var anonymise = false

    func run() throws {
        let library = library.load()
        let scriptText: String
        let script: SessionScript
        do {
            scriptText = try String(contentsOfFile: session, encoding: .utf8)
            script = try SessionScript.load(path: session, library: library)
        } catch let error as Problems {
            throw CLIError(error.description)
        } catch {
            throw CLIError("\(session): cannot read the session script; check the path")
        }
        guard let events else {
            return try runInConsole(script: script, scriptText: scriptText, library: library)
        }
        let eventLines = try readEvents(events)
        let participants = SessionRun.participants(of: script, events: eventLines.map(\.event))
        let recording: RecordingSession
        var skip = 0
        do {
            if resume {
                recording = try RecordingSession(
                    resuming: script, scriptText: scriptText, modules: library.modules, participants: participants,
                    record: URL(fileURLWithPath: record), anonymise: anonymise)
                for (index, event) in recording.journalledEvents.enumerated() where index < eventLines.count && eventLines[index].event != event {
                    throw CLIError("\(events):\(eventLines[index].line): this event differs from event \(index + 1) in the journal; resume with the events file the run started with")
                }
                skip = min(recording.resumedEvents, eventLines.count)
                Terminal.error("resumed: \(recording.resumedEvents) event\(recording.resumedEvents == 1 ? "" : "s") from the journal")
            } else {
                recording = try RecordingSession(
                    script: script, scriptText: scriptText, modules: library.modules, participants: participants,
                    seed: seed ?? Int64.random(in: 1...Int64(Int32.max)), record: URL(fileURLWithPath: record), anonymise: anonymise)
            }
        } catch let error as Problems {
            throw CLIError(error.description)
        } catch let error as Problem {
            throw CLIError(error.description)
        }
        for (line, event) in eventLines.dropFirst(skip) {
            let result: EventResult
            do {
                result = try recording.submit(event)
            } catch {
                throw CLIError(error.description)
            }
            switch result {
            case .accepted: break
            case .rejected(let reason):
                Terminal.error("\(events):\(line): step \(event.step): rejected: \(reason.text(script.language))")
            case .failed(let problem):
                Terminal.error("\(events):\(line): step \(event.step): the exercise raised an error, the input is rejected: \(problem.description)")
            }
        }
        do {
            try recording.finish()
        } catch {
            throw CLIError(error.description)
        }
        let session = recording.run
        let accepted = session.events.filter { $0.result == .accepted }.count
        print("\(session.events.count) events, \(accepted) accepted, \(session.events.count - accepted) rejected; wrote \(record)")
    }

    /// The facilitator's console: inputs typed in the terminal, journalled like events.
    private func runInConsole(script: SessionScript, scriptText: String, library: ExerciseLibrary) throws {
        let participants = SessionRun.participants(of: script, events: [])
        guard !participants.isEmpty else {
            throw CLIError("\(session): a session run in the console needs a roster (roster: [An, Bram] or - anonymous: 12); or give the events with --events")
        }
        let recordURL = URL(fileURLWithPath: record)
        do {
            let recording = resume
                ? try RecordingSession(resuming: script, scriptText: scriptText, modules: library.modules, participants: participants, record: recordURL, anonymise: anonymise)
                : try RecordingSession(
                    script: script, scriptText: scriptText, modules: library.modules, participants: participants,
                    seed: seed ?? Int64.random(in: 1...Int64(Int32.max)), record: recordURL, anonymise: anonymise)
            try FacilitatorConsole(recording: recording).run()
            print("\(recording.run.events.count) events; wrote \(record)")
        } catch let error as Problems {
            throw CLIError(error.description)
        } catch let error as Problem {
            throw CLIError(error.description)
        }
    }

    private func readEvents(_ events: String) throws -> [(line: Int, event: SessionEvent)] {
        let text: String
        if events == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            do {
                text = try String(contentsOfFile: events, encoding: .utf8)
            } catch {
                throw CLIError("\(events): cannot read the events file; check the path")
            }
        }
        do {
            return try SessionEvent.parseLines(text, file: events)
        } catch {
            throw CLIError(error.description)
        }
    }
}
