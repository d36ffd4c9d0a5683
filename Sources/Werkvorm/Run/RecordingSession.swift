import Foundation
import LuaHost

/// A session being recorded: the one session core that an events file, the facilitator's
/// console and a server all drive. Every event is journalled (written and synced) before it
/// is applied; at the end the record is written and the journal removed.
///
/// It runs on a serial executor of its own, so that a long Lua call or a journal sync never
/// blocks the threads that Swift's tasks share. Events submitted together are journalled with
/// one sync (group commit), and each is answered only after its sync. With `anonymise`,
/// names are replaced by pseudonyms before anything is journalled.
public actor RecordingSession {
    private nonisolated let executor: SessionExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The script being run.
    public nonisolated let script: SessionScript
    /// The seed of the session's random numbers.
    public nonisolated let seed: Int64
    /// Events that came from the journal when resuming.
    public nonisolated let resumedEvents: Int
    /// The events read back from the journal when resuming, as they were journalled.
    public nonisolated let journalledEvents: [SessionEvent]

    private let run: SessionRun
    private let journal: Journal
    private let recordURL: URL
    private let scriptText: String
    private var pseudonyms: Pseudonyms?
    private var waiting: [(event: SessionEvent, reply: CheckedContinuation<RecordedEvent, any Error>)] = []
    private var commitScheduled = false
    private var subscribers: [UUID: AsyncStream<SessionChange>.Continuation] = [:]
    private var finished = false
    /// The results of the events applied so far.
    private var results = Results()

    /// What a recording keeps of the results of the events it applied.
    private struct Results {
        /// How many events had each kind of result.
        var counts: [EventResult.Kind: Int] = [:]
        /// When the events are not kept: those whose result is not a plain acceptance, by number.
        var unusual: [Int: RecordedEvent] = [:]

        /// Counts the results of `applied`; keeps the unusual ones unless the run keeps every event.
        mutating func note(_ applied: [RecordedEvent], runKeepsEvents: Bool) {
            for recorded in applied {
                counts[recorded.result.kind, default: 0] += 1
                if !runKeepsEvents, recorded.result != .accepted || recorded.duplicateOf != nil, let seq = recorded.event.seq { unusual[seq] = recorded }
            }
        }
    }

    /// How many events had each kind of result.
    public var resultCounts: [EventResult.Kind: Int] { results.counts }

    /// Starts a new recording. Refuses when a journal is there: of an interrupted run (go on
    /// with `resume`), or of a run going on now (named in the message).
    ///
    /// Without `keepsEvents`, the events are not kept in memory, only the results that are not
    /// a plain acceptance, and the record's events are read back from the journal when it is
    /// written: for a long file of events, which needs no views and no ``events``.
    public init(
        script: SessionScript, scriptText: String, modules: ModuleDirectories, participants: [String], seed: Int64, record: URL, anonymise: Bool, keepsEvents: Bool = true
    ) throws(Problem) {
        executor = SessionExecutor(label: "werkvorm.session")
        try Self.checkPlace(of: record)
        let pseudonyms = anonymise ? Pseudonyms(participants: participants, language: script.language) : nil
        journal = try Journal(creating: Journal.url(forRecord: record), seed: seed, scriptText: scriptText, anonymise: anonymise)
        run = SessionRun(script: script, modules: modules, seed: seed, participants: pseudonyms?.participants ?? participants)
        run.keepsEvents = keepsEvents
        self.pseudonyms = pseudonyms
        self.script = script
        self.seed = seed
        recordURL = record
        self.scriptText = scriptText
        resumedEvents = 0
        journalledEvents = []
    }

    /// Goes on with an interrupted recording: the journal's events are applied again. A seed or
    /// an `anonymise` that contradicts the journal's header is refused, and so is a changed
    /// script.
    public init(
        resuming script: SessionScript, scriptText: String, modules: ModuleDirectories, participants: [String], record: URL, anonymise: Bool, seed given: Int64? = nil,
        keepsEvents: Bool = true
    ) throws(Problems) {
        executor = SessionExecutor(label: "werkvorm.session")
        do { try Self.checkPlace(of: record) } catch { throw Problems([error]) }
        let journal = try Journal(resuming: Journal.url(forRecord: record))
        let shown = journal.url.relativePath
        let header = journal.header
        guard header.scriptSHA256 == Journal.sha256(scriptText) else {
            throw Problems([Problem(file: shown, "the session script changed since this run started; resume with the script as it was")])
        }
        if let given, given != header.seed {
            throw Problems([Problem(file: shown, "this run started with --seed \(header.seed); resume without --seed, or with --seed \(header.seed)")])
        }
        guard anonymise == header.anonymise else {
            throw Problems([
                Problem(
                    file: shown,
                    header.anonymise
                        ? "this run started with --anonymise; resume with --anonymise too, so that no name enters the record"
                        : "this run started without --anonymise, and the journal holds names; resume without --anonymise, or start over")
            ])
        }
        self.journal = journal
        let pseudonyms = anonymise ? Pseudonyms(participants: participants, language: script.language) : nil
        run = SessionRun(script: script, modules: modules, seed: header.seed, participants: pseudonyms?.participants ?? participants)
        run.keepsEvents = keepsEvents
        self.pseudonyms = pseudonyms
        self.script = script
        seed = header.seed
        recordURL = record
        self.scriptText = scriptText
        resumedEvents = journal.events.count
        journalledEvents = journal.events
        results.note(run.apply(journal.events.map(\.unnumbered)), runKeepsEvents: keepsEvents)
        for participant in run.participants { self.pseudonyms?.adopt(participant) }
    }

    /// The event as it will be journalled: with `anonymise`, every name replaced by its
    /// pseudonym (a new name gets the next one).
    public func pseudonymised(_ event: SessionEvent) -> SessionEvent {
        pseudonyms?.apply(to: event, in: script) ?? event
    }

    /// Journals events with one sync, then applies them in order. Throws only when the journal
    /// cannot be written; then none of them is applied and everything before them is safe.
    @discardableResult
    public func submit(_ events: [SessionEvent]) throws(Problem) -> [RecordedEvent] {
        guard !finished else { throw Problem(file: recordURL.relativePath, "the session has ended; its record is written") }
        let given = events.map { pseudonymised($0).unnumbered }
        var numbered = given
        for index in numbered.indices { numbered[index].seq = run.nextSeq + index }
        try journal.append(numbered)
        let applied = run.apply(given)
        results.note(applied, runKeepsEvents: run.keepsEvents)
        announce(applied)
        return applied
    }

    /// Journals and applies one event, answering once it is synced. Events submitted at about
    /// the same time, by many clients, are journalled together with one sync.
    public func submit(_ event: SessionEvent) async throws(Problem) -> RecordedEvent {
        do {
            return try await withCheckedThrowingContinuation { reply in
                waiting.append((event, reply))
                guard !commitScheduled else { return }
                commitScheduled = true
                // after the submissions queued behind this one, before any view a page waits for
                Task(priority: .high) { self.commitWaiting() }
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem("\(error)")
        }
    }

    /// Someone joins from a phone: under `name`, or, without one, under the next free
    /// pseudonym (`deelnemer-4`). Answers once the join is synced; the recorded event names the
    /// participant as journalled (with `anonymise`, by their pseudonym).
    public func join(name: String?) async throws(Problem) -> RecordedEvent {
        let chosen = name ?? freePseudonym()
        return try await submit(SessionEvent(step: nil, action: .join(chosen)))
    }

    /// The next `deelnemer-N` that nobody has and no waiting join asks for.
    private func freePseudonym() -> String {
        let word = script.language == .nl ? "deelnemer" : "participant"
        var asked = Set(waiting.compactMap(\.event.participant))
        asked.formUnion(run.participants)
        var number = run.participants.count + 1
        while asked.contains("\(word)-\(number)") || pseudonyms?.mapping["\(word)-\(number)"] != nil { number += 1 }
        return "\(word)-\(number)"
    }

    private func commitWaiting() {
        let batch = waiting
        waiting.removeAll()
        commitScheduled = false
        do {
            let applied = try submit(batch.map(\.event))
            for (waiter, recorded) in zip(batch, applied) { waiter.reply.resume(returning: recorded) }
        } catch {
            for waiter in batch { waiter.reply.resume(throwing: error) }
        }
    }

    /// Refuses a record path that can never be written, before anything is recorded.
    static func checkPlace(of record: URL) throws(Problem) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: record.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Problem(file: record.relativePath, "is a directory; the record must be a file: choose another --record, such as \(record.relativePath)/session.json")
        }
    }

    /// Writes the record and removes the journal. The session takes no events after it.
    public func finish() throws(Problem) {
        guard !finished else { return }
        let text = pseudonyms?.apply(toScript: scriptText) ?? scriptText
        do {
            let record = SessionRecord(run, scriptText: text)
            if run.keepsEvents {
                try record.write(to: recordURL)
            } else {
                try record.write(to: recordURL) { (each: (RecordedEvent) -> Void) throws(FileWriteError) in
                    do throws(Problem) {
                        try journal.readEvents { group in
                            for event in group { each(event.seq.flatMap { results.unusual[$0] } ?? RecordedEvent(event, result: .accepted)) }
                        }
                    } catch {
                        throw FileWriteError(message: "cannot read the events back from the journal: \(error.description)", remedy: "check the disk")
                    }
                }
            }
        } catch {
            throw Problem(
                file: recordURL.relativePath,
                "\(error.message); the journal \(journal.url.relativePath) keeps every event: \(error.remedy), then run the same command with --resume")
        }
        journal.remove()
        finished = true
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
    }

    /// The record as it would be written now: to export while the session goes on.
    public func record() -> SessionRecord {
        SessionRecord(run, scriptText: pseudonyms?.apply(toScript: scriptText) ?? scriptText)
    }

    // MARK: What changed

    /// A stream of what changes, after each applied group of events, until the session ends.
    public func changes() -> AsyncStream<SessionChange> {
        let (stream, continuation) = AsyncStream<SessionChange>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    private func announce(_ applied: [RecordedEvent]) {
        guard !subscribers.isEmpty, let change = SessionChange(applied, in: run) else { return }
        for subscriber in subscribers.values { subscriber.yield(change) }
    }

    // MARK: Views and state

    /// What `participant`'s screen shows now (by default at the current step).
    public func participantView(_ participant: String, step: Int? = nil) -> ParticipantView {
        run.participantView(participant, step: step)
    }

    /// What the facilitator's control page shows now.
    public func facilitatorView() -> FacilitatorView {
        run.facilitatorView()
    }

    /// What the projector shows now (by default at the current step).
    public func projectorView(step: Int? = nil) -> ProjectorView {
        run.projectorView(step: step)
    }

    /// The report of a step's outcome now, in `language`; nil for a step that is not an exercise.
    public func report(ofStep step: Int, language: Language) throws(Problem) -> [ReportBlock]? {
        try run.report(ofStep: step, language: language)
    }

    /// What `participant`'s screen shows now, with the sequence number of the last event it
    /// reflects (an event stream's id).
    public func participantSnapshot(_ participant: String) -> (seq: Int, view: ParticipantView) {
        (run.nextSeq - 1, run.participantView(participant))
    }

    /// The facilitator's view now, with the sequence number of the last event it reflects.
    public func facilitatorSnapshot() -> (seq: Int, view: FacilitatorView) {
        (run.nextSeq - 1, run.facilitatorView())
    }

    /// The projector's view now, with the sequence number of the last event it reflects.
    /// The names are left for the caller to mask (`ProjectorView.masked()`), away from the
    /// session, which meanwhile answers submissions.
    public func projectorSnapshot() -> (seq: Int, view: ProjectorView) {
        (run.nextSeq - 1, run.projectorView(maskingLater: true))
    }

    /// Whether `participant` takes part, and the step the session is at: what a submission
    /// from a phone is checked against, in one visit.
    public func standing(of participant: String) -> (takesPart: Bool, currentStep: Int?) {
        (run.joined[participant] != nil, run.currentStep)
    }

    /// The sequence number of the last event applied (0 before the first).
    public var lastSeq: Int { run.nextSeq - 1 }

    /// Whether the session has ended and its record is written.
    public var hasFinished: Bool { finished }

    /// Every event so far, with its result.
    public var events: [RecordedEvent] { run.events }

    /// Who takes part now, in the order they joined.
    public var participants: [String] { run.participants }

    /// The step the session is at, if it has gone to one.
    public var currentStep: Int? { run.currentStep }

    /// The phase a step is in, if it has started.
    public func phase(ofStep step: Int) -> String? { run.phase(ofStep: step) }
}

/// What an applied group of events changed, for pages to update without polling.
public struct SessionChange: Sendable, Hashable {
    /// The sequence number of the last event applied: an event stream's id.
    public var seq: Int
    /// The steps whose outcome, phase, revealing or held inputs changed.
    public var steps: Set<Int>
    /// The participants whose own inputs or results changed. A changed step changes the views
    /// of everyone at it too.
    public var participants: Set<String>
    /// Whether the current step, the pause or who takes part changed.
    public var session: Bool

    /// A change with its parts.
    public init(seq: Int, steps: Set<Int>, participants: Set<String>, session: Bool) {
        self.seq = seq
        self.steps = steps
        self.participants = participants
        self.session = session
    }

    init?(_ applied: [RecordedEvent], in run: SessionRun) {
        guard let last = applied.last?.event.seq else { return nil }
        seq = last
        steps = []
        participants = []
        session = false
        for recorded in applied where recorded.duplicateOf == nil {
            let event = recorded.event
            if let who = event.participant { participants.insert(who) }
            switch event.action {
            case .join, .go, .pause: session = true
            case .approve(let seq), .hide(let seq):
                if let step = run.inputResults[seq]?.step { steps.insert(step) }
                if let who = run.inputResults[seq]?.input.participant { participants.insert(who) }
            default: break
            }
            if let step = event.step { steps.insert(step) }
        }
    }
}
