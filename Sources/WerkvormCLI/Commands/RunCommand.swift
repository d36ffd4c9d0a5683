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

    @Option(help: ArgumentHelp("The events, one JSON object a line ('-': standard input).", valueName: "file"))
    var events: String

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
        let eventLines = try readEvents()
        let named = SessionRun.participants(of: script, events: eventLines.map(\.event))
        let pseudonyms = anonymise ? Pseudonyms(participants: named, language: script.language) : nil
        let participants = pseudonyms?.participants ?? named
        func prepared(_ event: SessionEvent) -> SessionEvent { pseudonyms?.apply(to: event, in: script) ?? event }
        let recordURL = URL(fileURLWithPath: record)
        let journalURL = Journal.url(forRecord: recordURL)
        let journalPath = record + ".journal"  // as the user would write it
        let journal: Journal
        let session: SessionRun
        var skip = 0
        if resume {
            let done: (seed: Int64, scriptSHA256: String, events: [SessionEvent])
            do { done = try Journal.read(journalURL) } catch { throw CLIError(error.description) }
            guard done.scriptSHA256 == Journal.sha256(scriptText) else {
                throw CLIError("\(journalPath): the session script changed since this run started; resume with the script as it was")
            }
            session = SessionRun(script: script, modules: library.modules, seed: seed ?? done.seed, participants: participants)
            for event in done.events { session.apply(prepared(event)) }
            for (index, event) in done.events.enumerated() where index < eventLines.count && eventLines[index].event != event {
                throw CLIError("\(events):\(eventLines[index].line): this event differs from event \(index + 1) in the journal; resume with the events file the run started with")
            }
            skip = min(done.events.count, eventLines.count)
            do { journal = try Journal(appendingTo: journalURL) } catch { throw CLIError("\(journalPath): cannot open the journal to go on (\(LuaCommand.reason(error)))") }
            Terminal.error("resumed: \(done.events.count) event\(done.events.count == 1 ? "" : "s") from the journal")
        } else {
            if FileManager.default.fileExists(atPath: journalURL.path) {
                throw CLIError("\(journalPath): a run of this record was interrupted; go on with --resume, or remove the journal to start over")
            }
            let chosen = seed ?? Int64.random(in: 1...Int64(Int32.max))
            session = SessionRun(script: script, modules: library.modules, seed: chosen, participants: participants)
            do { journal = try Journal(creating: journalURL, scriptText: scriptText, seed: chosen) } catch {
                throw CLIError("\(journalPath): cannot create the journal; check that the record's directory exists and is writable")
            }
        }
        for (line, event) in eventLines.dropFirst(skip) {
            do {
                try journal.append(event)
            } catch {
                throw CLIError("\(journalPath): cannot write the journal (\(LuaCommand.reason(error))); the session stops here and loses nothing before this event: --resume goes on")
            }
            switch session.apply(prepared(event)) {
            case .accepted: break
            case .rejected(let reason):
                Terminal.error("\(events):\(line): step \(event.step): rejected: \(reason.text(script.language))")
            case .failed(let problem):
                Terminal.error("\(events):\(line): step \(event.step): the exercise raised an error, the input is rejected: \(problem.description)")
            }
        }
        do {
            try SessionRecord.write(SessionRecord.make(session, scriptText: pseudonyms?.apply(toScript: scriptText) ?? scriptText), to: recordURL)
        } catch {
            throw CLIError("\(record): cannot write the record (\(LuaCommand.reason(error))); the journal \(journalPath) keeps every event: fix the path and run again with --resume")
        }
        try? FileManager.default.removeItem(at: journalURL)
        let accepted = session.events.filter { $0.result == .accepted }.count
        print("\(session.events.count) events, \(accepted) accepted, \(session.events.count - accepted) rejected; wrote \(record)")
    }

    private func readEvents() throws -> [(line: Int, event: SessionEvent)] {
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
