import Foundation
import LuaHost
import Testing

@testable import Werkvorm

/// Joining from phones: pseudonyms the session gives, also when many join at once and after a
/// resume; the declarations that phones draw their forms from.
@Suite struct LiveJoinTests {
    typealias F = LiveFixtures

    @Test func peopleWhoJoinWithoutANameGetTheNextFreePseudonym() async throws {
        try await F.withDirectory { directory in
            let session = try F.session(directory.appendingPathComponent("r.json"))
            let joins = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 { group.addTask { try await session.join(name: nil).event.participant } }
                return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
            }
            #expect(Set(joins).count == 20)
            #expect(Set(joins) == Set((3...22).map { "deelnemer-\($0)" }))  // An and Bram are 1 and 2
            let joined = await session.events.filter { $0.result == .accepted }.count
            #expect(joined == 20)
        }
    }

    @Test func aResumedAnonymisedSessionGivesNoPseudonymTwice() async throws {
        try await F.withDirectory { directory in
            let record = directory.appendingPathComponent("r.json")
            do {  // a run that stops without finishing, as after a kill: the journal stays
                let first = try F.session(record, anonymise: true)
                let dewi = try await first.join(name: "Dewi").event.participant
                let anonymous = try await first.join(name: nil).event.participant
                #expect(dewi == "deelnemer-3")
                #expect(anonymous == "deelnemer-4")
            }
            let script = try F.script()
            let resumed = try RecordingSession(
                resuming: script, scriptText: F.scriptText, modules: F.library.modules, participants: ["An", "Bram"], record: record, anonymise: true)
            let next = try await resumed.join(name: "Eva").event.participant
            #expect(next == "deelnemer-5")
            // an input under a pseudonym stays under it
            let vote = try await resumed.submit(F.input(1, "deelnemer-4", "engagement", ["text": "Samen"], id: "a1b2c3d4e5"))
            #expect(vote.event.participant == "deelnemer-4")
            #expect(await resumed.participants == ["deelnemer-1", "deelnemer-2", "deelnemer-3", "deelnemer-4", "deelnemer-5"])
        }
    }

    @Test func theShippedExercisesTellPhonesWhatToDraw() throws {
        let voting = try F.library.exercise("engagement-voting")
        #expect(voting.input(named: "dot")?.input.fields.first?.refersTo == "notes")
        #expect(voting.input(named: "remove_dot")?.input.undoes == "dot")
        let map = try F.library.exercise("polarisation-map")
        let places = try #require(map.input(named: "position")?.input.fields.first?.options)
        #expect(places.count == 6)
        #expect(places.first { $0.value == "bridge_builder" }.map { [$0.x, $0.y] } == [0, 0.9])
        #expect(places.allSatisfy { $0.x != nil && $0.y != nil })
    }
}
