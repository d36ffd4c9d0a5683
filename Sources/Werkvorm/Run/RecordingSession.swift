import Foundation
import LuaHost

/// A session being recorded: every event is journalled (appended and flushed) before it is
/// applied, and at the end the record is written and the journal removed. Used by the events
/// mode and the interactive mode of `werkvorm run` alike.
public final class RecordingSession {
    /// The run.
    public let run: SessionRun
    /// Events that came from the journal when resuming.
    public let resumedEvents: Int
    private let journal: Journal
    private let recordURL: URL
    private let scriptText: String
    private let pseudonyms: Pseudonyms?

    /// Starts a new recording. Refuses when a journal of an interrupted run is there.
    public init(script: SessionScript, scriptText: String, modules: ModuleDirectories, participants: [String], seed: Int64, record: URL, anonymise: Bool) throws(Problem) {
        let journalURL = Journal.url(forRecord: record)
        let shown = Self.shownPath(journalURL)
        if FileManager.default.fileExists(atPath: journalURL.path) {
            throw Problem(file: shown, "a run of this record was interrupted; go on with --resume, or remove the journal to start over")
        }
        pseudonyms = anonymise ? Pseudonyms(participants: participants, language: script.language) : nil
        run = SessionRun(script: script, modules: modules, seed: seed, participants: pseudonyms?.participants ?? participants)
        do {
            journal = try Journal(creating: journalURL, scriptText: scriptText, seed: seed)
        } catch {
            throw Problem(file: shown, "cannot create the journal; check that the record's directory exists and is writable")
        }
        recordURL = record
        self.scriptText = scriptText
        resumedEvents = 0
    }

    /// Goes on with an interrupted recording: the journal's events are applied again.
    public init(resuming script: SessionScript, scriptText: String, modules: ModuleDirectories, participants: [String], record: URL, anonymise: Bool) throws(Problems) {
        let journalURL = Journal.url(forRecord: record)
        let done = try Journal.read(journalURL)
        guard done.scriptSHA256 == Journal.sha256(scriptText) else {
            throw Problems([Problem(file: Self.shownPath(journalURL), "the session script changed since this run started; resume with the script as it was")])
        }
        pseudonyms = anonymise ? Pseudonyms(participants: participants, language: script.language) : nil
        run = SessionRun(script: script, modules: modules, seed: done.seed, participants: pseudonyms?.participants ?? participants)
        do {
            journal = try Journal(appendingTo: journalURL)
        } catch {
            throw Problems([Problem(file: Self.shownPath(journalURL), "cannot open the journal to go on")])
        }
        recordURL = record
        self.scriptText = scriptText
        resumedEvents = done.events.count
        for event in done.events { run.apply(pseudonyms?.apply(to: event, in: script) ?? event) }
        journalledEvents = done.events
    }

    /// The events read back from the journal when resuming, as they were entered.
    public private(set) var journalledEvents: [SessionEvent] = []

    /// Journals the event, then applies it. Throws only when the journal cannot be written; then
    /// the event is not applied and everything before it is safe.
    public func submit(_ event: SessionEvent) throws(Problem) -> EventResult {
        do {
            try journal.append(event)
        } catch {
            throw Problem(file: Self.shownPath(journal.url), "cannot write the journal; the session stops here and loses nothing before this event: --resume goes on")
        }
        return run.apply(pseudonyms?.apply(to: event, in: run.script) ?? event)
    }

    /// Writes the record and removes the journal.
    public func finish() throws(Problem) {
        let text = pseudonyms?.apply(toScript: scriptText) ?? scriptText
        do {
            try SessionRecord.write(SessionRecord.make(run, scriptText: text), to: recordURL)
        } catch {
            throw Problem(file: Self.shownPath(recordURL), "cannot write the record; the journal \(Self.shownPath(journal.url)) keeps every event: fix the path and run again with --resume")
        }
        try? FileManager.default.removeItem(at: journal.url)
    }

    static func shownPath(_ url: URL) -> String {
        Installation.displayPath(url)
    }
}
