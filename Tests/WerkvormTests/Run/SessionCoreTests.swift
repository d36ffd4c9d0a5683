import Foundation
import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// A live session on the shipped exercises: steering, joining, retries, moderation, views.
enum LiveFixtures {
    static let library = ExerciseLibrary(directories: [Fixtures.exercises])

    static let scriptText = """
        title: Live
        language: nl
        date: 2024-05-01
        start: "10:00"
        roster: [An, Bram]
        steps:
          - exercise: engagement-voting
            moderation: true
            params:
              dots: 3
          - break: 10
          - exercise: check-in
          - exercise: check-in
            title: Check-in met namen
            names: true

        """

    static func script() throws -> SessionScript {
        try SessionScript.parse(scriptText, file: "live.yaml", library: library)
    }

    static func run() throws -> SessionRun {
        SessionRun(script: try script(), modules: library.modules, seed: 3, participants: ["An", "Bram"])
    }

    static func input(_ step: Int, _ who: String?, _ name: String, _ fields: LuaObject = [:], id: String? = nil) -> SessionEvent {
        SessionEvent.input(step, ExerciseInput(name: name, participant: who, fields: fields), id: id)
    }

    static func withDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    static func session(_ record: URL, anonymise: Bool = false) throws -> RecordingSession {
        try RecordingSession(
            script: try script(), scriptText: scriptText, modules: library.modules, participants: ["An", "Bram"], seed: 3,
            record: record, anonymise: anonymise)
    }
}

@Suite struct SessionCoreTests {
    typealias F = LiveFixtures

    @Test func someoneJoinsDuringTheSessionAndTheirDotsCount() throws {
        let run = try F.run()
        #expect(run.apply(F.input(1, "Cem", "engagement", ["text": "Koffie met de buren"])).result.kind == .rejected)
        #expect(run.apply(SessionEvent(step: nil, action: .join("Cem"))).result == .accepted)
        #expect(
            run.apply(SessionEvent(step: nil, action: .join("Cem"))).result
                == .rejected(Rejection(.alreadyJoined, field: "join", nl: "'Cem' doet al mee", en: "'Cem' has joined already")))
        #expect(run.participants == ["An", "Bram", "Cem"])
        #expect(run.joined["Cem"] == 2)
        // the step is moderated: text waits; the facilitator approves it by its number
        #expect(run.apply(F.input(1, "Cem", "engagement", ["text": "Koffie met de buren"])).result == .held)
        #expect(run.apply(SessionEvent(step: nil, action: .approve(4))).result == .accepted)
        run.apply(SessionEvent(step: 1, action: .phase("vote")))
        #expect(run.apply(F.input(1, "Cem", "dot", ["note": 1, "count": 3])).result == .accepted)
        let outcome = try run.outcome(of: 1).get()
        #expect(outcome["tally"] == [3])
        #expect(outcome["participants"] == 3)
    }

    @Test func goingToAStepClosesTheOthersAndAPauseStopsParticipants() throws {
        let run = try F.run()
        #expect(run.apply(SessionEvent(step: 3, action: .go)).result == .accepted)
        #expect(run.currentStep == 3)
        #expect(
            run.apply(F.input(1, "An", "engagement", ["text": "Te laat"])).result
                == .rejected(
                    Rejection(
                        .stepClosed, field: "step",
                        nl: "Stap 1 (Stemmen op engagementen) is gesloten; de sessie is nu bij stap 3", en: "Step 1 (Voting on engagements) is closed; the session is at step 3 now"
                    )))
        #expect(run.apply(SessionEvent(step: 9, action: .go)).result.kind == .rejected)
        run.apply(SessionEvent(step: nil, action: .pause(true)))
        #expect(
            run.apply(F.input(3, "An", "statement", ["text": "Ik dacht..."])).result
                == .rejected(
                    Rejection(
                        .inputPaused,
                        nl: "De invoer staat even stil; wacht tot de begeleider hem weer opent", en: "Input is paused; wait until the facilitator opens it again")))
        // the facilitator may still enter something for someone without a phone
        var onBehalf = F.input(3, "An", "statement", ["text": "Ik dacht..."])
        onBehalf.onBehalf = true
        #expect(run.apply(onBehalf).result == .accepted)
        run.apply(SessionEvent(step: nil, action: .pause(false)))
        #expect(run.apply(F.input(3, "Bram", "statement", ["text": "Ik ook"])).result == .accepted)
        #expect(run.events.map { $0.event.seq } == Array(1...8).map { Optional($0) })
    }

    @Test func aRetriedInputCountsOnceAndGetsTheFirstAnswer() throws {
        let run = try F.run()
        run.apply(SessionEvent(step: 3, action: .go))
        let first = run.apply(F.input(3, "An", "statement", ["text": "Een"], id: "k3x9"))
        let retry = run.apply(F.input(3, "An", "statement", ["text": "Een"], id: "k3x9"))
        #expect(first.result == .accepted && first.duplicateOf == nil)
        #expect(retry.result == .accepted && retry.duplicateOf == 2 && retry.event.seq == 3)
        // the same id from someone else is their own input; a retry of a rejection is rejected again
        #expect(run.apply(F.input(3, "Bram", "statement", ["text": "Twee"], id: "k3x9")).duplicateOf == nil)
        let again = run.apply(F.input(3, "An", "statement", ["text": "Nog een"], id: "z"))
        #expect(run.apply(F.input(3, "An", "statement", ["text": "Nog een"], id: "z")).result == again.result)
        #expect(try run.outcome(of: 3).get()["statements"]?.arrayValue?.count == 2)
        // within one batch too
        let batch = try F.run()
        let results = batch.apply([SessionEvent(step: 3, action: .go)] + Array(repeating: F.input(3, "An", "statement", ["text": "Een"], id: "b"), count: 3))
        #expect(results.map(\.duplicateOf) == [nil, nil, 2, 2])
    }

    @Test func heldTextsAreApprovedOrHiddenAndTheParticipantSeesWhichBecame() throws {
        let run = try F.run()
        run.apply(SessionEvent(step: 1, action: .go))
        #expect(run.apply(F.input(1, "An", "engagement", ["txt": "Typo"])).result.kind == .rejected)  // checked before it waits
        #expect(run.apply(F.input(1, "An", "engagement", ["text": "Samen koken"])).result == .held)
        #expect(run.apply(F.input(1, "Bram", "engagement", ["text": "Iets kwetsends"])).result == .held)
        #expect(run.held.map(\.seq) == [3, 4])
        #expect(try run.outcome(of: 1).get()["notes"] == [])
        #expect(
            run.apply(SessionEvent(step: nil, action: .hide(4))).result
                == .rejected(Rejection(.hidden, nl: "De begeleider heeft dit verborgen", en: "The facilitator has hidden this")))
        #expect(run.apply(SessionEvent(step: nil, action: .approve(3))).result == .accepted)
        #expect(run.apply(SessionEvent(step: nil, action: .approve(3))).result.kind == .rejected)  // not held any more
        #expect(try run.outcome(of: 1).get()["notes"] == [["id": 1, "text": "Samen koken"]])
        #expect(
            run.participantView("An").mine.map(\.result) == [
                .rejected(
                    Rejection(
                        .unknownField, field: "fields.txt", nl: "De invoer 'engagement' heeft geen veld 'txt'; bedoel je 'text'?",
                        en: "the input 'engagement' has no field 'txt'; did you mean 'text'?")),
                .accepted,
            ])
        #expect(run.participantView("Bram").mine.map(\.result.kind) == [.rejected])
        #expect(run.facilitatorView().held.isEmpty)
        // a retry of a held input gets what became of it
        let waiting = run.apply(F.input(1, "An", "engagement", ["text": "Nog een"], id: "r"))
        #expect(waiting.result == .held)
        run.apply(SessionEvent(step: nil, action: .approve(waiting.event.seq ?? 0)))
        #expect(run.apply(F.input(1, "An", "engagement", ["text": "Nog een"], id: "r")).result == .accepted)
    }

    @Test func theViewsShowWhatEachPersonShouldSeeNow() throws {
        let run = try F.run()
        #expect(run.participantView("An").step == nil)  // before the session goes to a step
        run.apply(SessionEvent(step: 1, action: .go))
        run.apply(SessionEvent(step: 1, action: .phase("vote")))
        let phone = run.participantView("An")
        #expect(phone.step?.id == 1 && phone.step?.phase?.id == "vote")
        #expect(phone.inputs.map(\.name) == ["dot", "remove_dot"])
        #expect(phone.view?["dots_left"] == 3)
        #expect(run.participantView("Zoë").joined == false && run.participantView("Zoë").inputs.isEmpty)
        let facilitator = run.facilitatorView()
        #expect(facilitator.participants.map(\.id) == ["An", "Bram"])
        #expect(facilitator.step?.title == "Stemmen op engagementen")
        // the projector shows no results until they are revealed
        #expect(run.projectorView().blocks == nil)
        #expect(run.projectorView().instructions?.hasPrefix("Iedereen krijgt vijf gekleurde bolletjes") == true)
        run.apply(SessionEvent(step: 1, action: .reveal(true)))
        #expect(run.projectorView().blocks?.isEmpty == false)
        run.apply(SessionEvent(step: 1, action: .reveal(false)))
        #expect(run.projectorView().blocks == nil)
    }

    @Test func theProjectorShowsNoNamesUnlessTheStepSaysSo() throws {
        let run = try F.run()
        for step in [3, 4] {
            run.apply(SessionEvent(step: step, action: .go))
            run.apply(F.input(step, "An", "statement", ["text": "Ik dacht dat..."]))
            run.apply(SessionEvent(step: step, action: .reveal(true)))
        }
        func shown(_ step: Int) -> String {
            JSONWriter.string(.array((run.projectorView(step: step).blocks ?? []).map(\.value)))
        }
        // the exercise's report leaves the name out (ctx.names), so nothing is left to mask
        #expect(!shown(3).contains("An") && !shown(3).contains("Bram") && !shown(3).contains("een deelnemer"))
        #expect(shown(3).contains(#""Ik dacht dat...""#))
        #expect(shown(4).contains("An: Ik dacht dat..."))
    }
}

@Suite struct RecordingSessionTests {
    typealias F = LiveFixtures

    @Test func eventsSubmittedTogetherAreJournalledOnceEachAndNumberedInOrder() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("live.json")
            let session = try F.session(record)
            try await session.submit([SessionEvent(step: 3, action: .go)])
            let results = try await withThrowingTaskGroup(of: RecordedEvent.self) { group in
                for index in 0..<40 {
                    group.addTask { try await session.submit(F.input(3, index % 2 == 0 ? "An" : "Bram", "statement", ["text": .string("Zin \(index)")], id: "c\(index)")) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(results.compactMap(\.event.seq)) == Set(2...41))
            let journal = try String(contentsOf: Journal.url(forRecord: record), encoding: .utf8).split(separator: "\n")
            #expect(journal.count == 42)  // the header, the go, and forty inputs
            #expect(try await session.events.map(\.event.seq) == Array(1...41).map { Optional($0) })
            try await session.finish()
            #expect(!FileManager.default.fileExists(atPath: Journal.url(forRecord: record).path))
        }
    }

    @Test func aRecordWrittenFromTheJournalIsTheRecordOfTheEventsKept() async throws {
        try await F.withDirectory { directory in
            let events: [SessionEvent] = [
                SessionEvent(step: 3, action: .go), SessionEvent(step: nil, action: .join("Cem")), F.input(3, "Cem", "statement", ["text": "Een"], id: "a"),
                F.input(3, "Cem", "statement", ["text": "Een"], id: "a"), F.input(3, "Dirk", "statement", ["text": "Wie?"]), SessionEvent(step: 3, action: .reveal(true)),
                SessionEvent(step: 1, action: .go), F.input(1, "An", "engagement", ["text": "Samen"]), F.input(1, "Bram", "engagement", ["text": "Weg"]),
                SessionEvent(step: nil, action: .approve(8)), SessionEvent(step: nil, action: .hide(9)), SessionEvent(step: nil, action: .pause(true)),
            ]
            var records: [[UInt8]] = []
            for keepsEvents in [true, false] {
                let record = directory.appendingPathComponent("kept-\(keepsEvents).json")
                let session = try RecordingSession(
                    script: try F.script(), scriptText: F.scriptText, modules: F.library.modules, participants: ["An", "Bram"], seed: 3, record: record, anonymise: false,
                    keepsEvents: keepsEvents)
                try await session.submit(Array(events[..<5]))
                try await session.submit(Array(events[5...]))
                #expect(await session.resultCounts == [.accepted: 8, .rejected: 2, .held: 2])
                #expect(await session.events.count == (keepsEvents ? 12 : 0))
                try await session.finish()
                records.append(Array(try Data(contentsOf: record)))
            }
            #expect(records[0] == records[1])
            let read = try RecordedSession(contentsOf: directory.appendingPathComponent("kept-false.json").path)
            #expect(read.events.map(\.result.kind) == [.accepted, .accepted, .accepted, .accepted, .rejected, .accepted, .accepted, .held, .held, .accepted, .rejected, .accepted])
            #expect(read.events[3].duplicateOf == 3)
        }
    }

    @Test func changesAreAnnouncedAfterEachGroup() async throws {
        try await F.withDirectory { directory in
            let session = try F.session(directory.appendingPathComponent("live.json"))
            let changes = await session.changes()
            try await session.submit([SessionEvent(step: 1, action: .go), SessionEvent(step: nil, action: .join("Cem"))])
            try await session.submit([F.input(1, "Cem", "engagement", ["text": "Samen"])])
            var iterator = changes.makeAsyncIterator()
            #expect(await iterator.next() == SessionChange(seq: 2, steps: [1], participants: ["Cem"], session: true))
            #expect(await iterator.next() == SessionChange(seq: 3, steps: [1], participants: ["Cem"], session: false))
            try await session.finish()
            #expect(await iterator.next() == nil)
        }
    }

    @Test func aSecondRunOnTheSameRecordIsRefusedNamingTheFirst() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("live.json")
            let first = try F.session(record)
            #expect {
                _ = try F.session(record)
            } throws: { error in
                let message = (error as? Problem)?.message ?? ""
                return message.hasPrefix("the run of process \(getpid()), started ")
                    && message.hasSuffix(" is recording this session; wait for it to end, or choose another --record")
            }
            try await first.finish()
            _ = try F.session(record)  // free again once the first has ended
        }
    }

    @Test func aResumeGoesOnFromTheJournalAndRefusesWhatContradictsIt() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("live.json")
            let events = [SessionEvent(step: 3, action: .go), F.input(3, "An", "statement", ["text": "Een"]), F.input(3, "Bram", "pass")]
            do {  // a run that stops without finishing, as after a kill
                let session = try F.session(record)
                try await session.submit(Array(events.prefix(2)))
            }
            func resume(seed: Int64? = nil, anonymise: Bool = false) throws -> RecordingSession {
                try RecordingSession(
                    resuming: try F.script(), scriptText: F.scriptText, modules: F.library.modules, participants: ["An", "Bram"], record: record, anonymise: anonymise, seed: seed)
            }
            #expect(throws: Problems.self) { try resume(seed: 4) }
            #expect(throws: Problems.self) { try resume(anonymise: true) }
            let resumed = try resume(seed: 3)
            #expect(resumed.resumedEvents == 2)
            try await resumed.submit([events[2]])
            try await resumed.finish()
            // the same as a run that was never interrupted
            let other = directory.appendingPathComponent("other.json")
            let whole = try F.session(other)
            try await whole.submit(events)
            try await whole.finish()
            #expect(try Data(contentsOf: record) == Data(contentsOf: other))
        }
    }

    @Test func aDamagedJournalIsRefusedBeforeAnythingInItIsCut() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("live.json")
            let journal = Journal.url(forRecord: record)
            do {
                let session = try F.session(record)
                try await session.submit([SessionEvent(step: 3, action: .go)])
            }
            let damaged = try String(contentsOf: journal, encoding: .utf8) + "{\"step\": \"drie\"}\n{\"go\": 3"
            try damaged.write(to: journal, atomically: true, encoding: .utf8)
            #expect {
                _ = try RecordingSession(resuming: try F.script(), scriptText: F.scriptText, modules: F.library.modules, participants: [], record: record, anonymise: false)
            } throws: { error in
                (error as? Problems)?.description
                    == "\(journal.relativePath):3: step: must be the number of a step of the session (1, 2, 3...); the journal is damaged at this line, and nothing was changed"
            }
            #expect(try String(contentsOf: journal, encoding: .utf8) == damaged)
        }
    }

    @Test func symbolicLinksAreNeverFollowed() async throws {
        try await F.withDirectory { directory in
            let target = directory.appendingPathComponent("precious.txt")
            try "precious\n".write(to: target, atomically: true, encoding: .utf8)
            let record = directory.appendingPathComponent("live.json")
            try FileManager.default.createSymbolicLink(at: Journal.url(forRecord: record), withDestinationURL: target)
            #expect(throws: Problem.self) { try F.session(record) }
            #expect(throws: Problems.self) {
                try RecordingSession(resuming: try F.script(), scriptText: F.scriptText, modules: F.library.modules, participants: [], record: record, anonymise: false)
            }
            try FileManager.default.removeItem(at: Journal.url(forRecord: record))
            // a link planted where the record goes is replaced, its target left alone
            try FileManager.default.createSymbolicLink(at: record, withDestinationURL: target)
            let session = try F.session(record)
            try await session.finish()
            #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
            #expect(try String(contentsOf: record, encoding: .utf8).hasPrefix("{"))
        }
    }

    @Test func withAnonymiseNoNameReachesTheJournalOrTheRecord() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("live.json")
            let session = try F.session(record, anonymise: true)
            try await session.submit([
                SessionEvent(step: 3, action: .go), SessionEvent(step: nil, action: .join("Cem")),
                F.input(3, "Cem", "statement", ["text": "Ik dacht..."]), F.input(3, "An", "pass"),
            ])
            let journal = try String(contentsOf: Journal.url(forRecord: record), encoding: .utf8)  // in the middle of the run
            for name in ["An", "Bram", "Cem"] { #expect(!journal.contains("\"\(name)\""), "\(name) in the journal") }
            #expect(journal.contains("\"join\":\"deelnemer-3\""))
            #expect(journal.contains("\"anonymise\":true"))
            try await session.finish()
            let text = try String(contentsOf: record, encoding: .utf8)
            for name in ["An", "Bram", "Cem"] { #expect(!text.contains("\"\(name)\""), "\(name) in the record") }
        }
    }
}

@Suite struct RecordReadingTests {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/WerkvormTests/Fixtures/records-v1")

    @Test(arguments: ["iedereen-mee-sessie-6", "amersfoort-werkconferentie", "polarisatie-workshop", "safer-spaces-verkenning", "polarisatie-workshop-rejections"])
    func recordsOfFormatOneReplayIdentically(name: String) throws {
        let recorded = try RecordedSession(contentsOf: Self.fixtures.appendingPathComponent("\(name).record.json").path)
        #expect(recorded.version == 1)
        #expect(recorded.events.map(\.event.seq) == Array(1...recorded.events.count).map { Optional($0) })
        let replay = try SessionReplay.replay(recorded)
        #expect(replay.divergences.isEmpty, "\(replay.divergences.prefix(3))")
    }

    @Test(arguments: ["iedereen-mee-sessie-6", "polarisatie-workshop-rejections"])
    func aStreamedRecordGivesTheSameEventsAndReplay(name: String) throws {
        let path = Self.fixtures.appendingPathComponent("\(name).record.json").path
        let whole = try RecordedSession(contentsOf: path)
        let streamed = try RecordedSession(contentsOf: path, events: .streamed(largerThan: 0))
        #expect(streamed.events.isEmpty)
        #expect(streamed.eventCount == whole.events.count)
        var groups: [[RecordedEvent]] = []
        try streamed.forEachGroup(of: 100) { groups.append($0) }
        #expect(groups.map(\.count) == Array(repeating: 100, count: whole.events.count / 100) + [whole.events.count % 100])
        #expect(groups.flatMap { $0 } == whole.events)
        #expect(try SessionReplay.replay(streamed).divergences == SessionReplay.replay(whole).divergences)
        #expect(try SessionReplay.replay(streamed).events == whole.events.count)
    }

    @Test func aDamagedEventOfAStreamedRecordIsNamedAsItIsReplayed() throws {
        let path = Self.fixtures.appendingPathComponent("polarisatie-workshop.record.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let third = try #require(lines.indices.filter { lines[$0] == #"      "input": "position","# }.dropFirst(2).first)
        lines[third] = #"      "input": 3,"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString).json")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let expected = [#"\#(file.path): events[4].input: must be the name of an input, like "dot"; the record is damaged or was changed by hand"#]
        #expect {
            _ = try RecordedSession(contentsOf: file.path)
        } throws: { error in
            (error as? Problems)?.problems.map(\.description) == expected
        }
        // streamed, the record reads for what a report needs; the event is read in full, and
        // refused with the same words, as it is replayed
        let streamed = try RecordedSession(contentsOf: file.path, events: .streamed(largerThan: 0))
        #expect(streamed.eventCount == 22)
        #expect {
            _ = try SessionReplay.replay(streamed)
        } throws: { error in
            (error as? Problems)?.problems.map(\.description) == expected
        }
    }

    @Test func aChangedSourceWithTheOldHashIsRefused() throws {
        let path = Self.fixtures.appendingPathComponent("polarisatie-workshop.record.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "Brandsma", with: "Brandsmo")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("changed-\(UUID().uuidString).json")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try RecordedSession(contentsOf: file.path)
        } throws: { error in
            let lines = (error as? Problems)?.problems.map(\.description) ?? []
            return lines.contains(
                "\(file.path): exercises.polarisation-map.sha256: does not match the SHA-256 of the source (Exercises/polarisation-map.lua) the record carries; the record was changed after it was written, so it cannot prove what was run"
            )
        }
    }

    @Test func aRecordReadsBackAsItWasWritten() throws {
        let run = try LiveFixtures.run()
        run.apply([
            SessionEvent(step: 3, action: .go), SessionEvent(step: nil, action: .join("Cem")), LiveFixtures.input(3, "Cem", "statement", ["text": "Een"], id: "a"),
            LiveFixtures.input(3, "Cem", "statement", ["text": "Een"], id: "a"), SessionEvent(step: 3, action: .reveal(true)),
            SessionEvent(step: 1, action: .go), LiveFixtures.input(1, "An", "engagement", ["text": "Samen"]), LiveFixtures.input(1, "Bram", "engagement", ["text": "Weg"]),
            SessionEvent(step: nil, action: .approve(7)), SessionEvent(step: nil, action: .hide(8)), SessionEvent(step: nil, action: .pause(true)),
        ])
        #expect(run.events.map(\.result.kind) == [.accepted, .accepted, .accepted, .accepted, .accepted, .accepted, .held, .held, .accepted, .rejected, .accepted])
        let record = SessionRecord(run, scriptText: LiveFixtures.scriptText)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("round-\(UUID().uuidString).json")
        try record.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let read = try RecordedSession(contentsOf: file.path)
        #expect(read.events == record.events)
        #expect(read.everyone == ["An", "Bram", "Cem"])
        #expect(read.steps == record.steps)
        #expect(try SessionReplay.replay(read).divergences.isEmpty)
    }

    @Test func aStepWhoseOutcomeFailedReplaysAsTheSame() throws {
        let failing = Fixtures.counter([("outcome = function(state) return", "outcome = function(state) if state.total > 2 then error(\"too many\") end return")])
        #expect(failing.text.contains("too many"))
        let library = ExerciseLibrary(sources: [failing], modules: [:])
        let text = "title: T\nlanguage: nl\ndate: 2025-01-01\nstart: \"09:00\"\nsteps:\n  - exercise: counter\n"
        let script = try SessionScript.parse(text, file: "t.yaml", library: library)
        let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: ["An"])
        run.apply([SessionEvent.input(1, ExerciseInput(name: "add", participant: "An", fields: ["n": 3]))])
        let record = SessionRecord(run, scriptText: text)
        #expect(record.steps[0].outcome == nil)
        #expect(record.steps[0].error?.contains("too many") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("failed-outcome-\(UUID().uuidString).json")
        try record.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try SessionReplay.replay(try RecordedSession(contentsOf: file.path)).divergences.isEmpty)
    }
    @Test func aLongTimelineShowsTheOutcomeAfterEveryFewEventsWithinItsBudget() throws {
        let library = ExerciseLibrary(sources: [Fixtures.counter()], modules: [:])
        let text = "title: T\nlanguage: nl\ndate: 2025-01-01\nstart: \"09:00\"\nsteps:\n  - exercise: counter\n    params:\n      limit: 10\n"
        let script = try SessionScript.parse(text, file: "t.yaml", library: library)
        let run = SessionRun(script: script, modules: library.modules, seed: 1, participants: ["An", "Bram"])
        run.apply(
            (1...7).map { SessionEvent.input(1, ExerciseInput(name: "add", participant: $0 % 2 == 0 ? "Bram" : "An", fields: ["n": 1])) } + [
                SessionEvent(step: 1, action: .phase("done"))
            ])
        let recorded = try RecordedSession(SessionRecord(run, scriptText: text), file: "t.json")
        // within the standard budget: the change after every input
        let every = SessionReplay.timeline(recorded)
        #expect(every[0] == #"step 1: An: add n=1  ✔  outcome: nothing → {"by":{"An":1},"total":1}"#)
        #expect(every[1] == "step 1: Bram: add n=1  ✔  outcome.by.Bram: nothing → 1; outcome.total: 1 → 2")
        #expect(every[2] == "step 1: An: add n=1  ✔  outcome.by.An: 1 → 2; outcome.total: 2 → 3")
        // a budget of two values an event: the outcome (four to five values) after every few, the change over them
        let sparse = SessionReplay.timeline(recorded, budget: .init(start: 0, perEvent: 2))
        #expect(
            sparse == [
                #"step 1: An: add n=1  ✔  outcome: nothing → {"by":{"An":1},"total":1}"#,
                "step 1: Bram: add n=1  ✔",
                "step 1: An: add n=1  ✔",
                "step 1: Bram: add n=1  ✔  outcome.by.An: 1 → 2; outcome.by.Bram: nothing → 2; outcome.total: 1 → 4  (over the last 3 accepted events)",
                "step 1: An: add n=1  ✔",
                "step 1: Bram: add n=1  ✔",
                "step 1: An: add n=1  ✔  outcome.by.An: 2 → 4; outcome.by.Bram: 2 → 3; outcome.total: 4 → 7  (over the last 3 accepted events)",
                "step 1: → phase done  ✔",
            ])
        // a phase change (or the step's last event) shows what is still pending
        let last = SessionReplay.timeline(recorded, budget: .init(start: 0, perEvent: 1))
        #expect(last.last == "step 1: → phase done  ✔  outcome.by.An: 1 → 4; outcome.by.Bram: nothing → 3; outcome.total: 1 → 7  (over the last 7 accepted events)")
    }
}
