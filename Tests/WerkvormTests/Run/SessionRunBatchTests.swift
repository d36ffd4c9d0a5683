import Foundation
import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite struct SessionRunBatchTests {
    /// An example session's script and events, with a few wrong events added at the end.
    static func example(_ name: String) throws -> (SessionScript, [SessionEvent]) {
        let library = ExerciseLibrary(directories: [Fixtures.exercises])
        let base = Fixtures.root.appendingPathComponent("Examples/\(name)")
        let script = try SessionScript.parse(try String(contentsOf: base.appendingPathExtension("yaml"), encoding: .utf8), file: name, library: library)
        var events = try SessionEvent.parseLines(try String(contentsOf: base.appendingPathExtension("events.jsonl"), encoding: .utf8), file: name).map(\.event)
        let last = try #require(events.last)
        events += [
            SessionEvent(step: 99, action: .input(ExerciseInput(name: "dot", participant: "An"))),
            SessionEvent(step: last.step, action: .input(ExerciseInput(name: "no-such-input", participant: nil))),
            last,
        ]
        return (script, events)
    }

    @Test(arguments: ["iedereen-mee-sessie-6", "safer-spaces-sessie-1", "safer-spaces-sessie-2", "op-stap-kennissessie", "amersfoort-werkconferentie", "polarisatie-workshop"])
    func applyingEventsInBatchesGivesWhatOneAtATimeGives(name: String) throws {
        let (script, events) = try Self.example(name)
        let participants = SessionRun.participants(of: script, events: events)
        let oneByOne = SessionRun(script: script, modules: Fixtures.modules, seed: 1, participants: participants)
        let batched = SessionRun(script: script, modules: Fixtures.modules, seed: 1, participants: participants)
        let expected = events.map { oneByOne.apply($0) }
        #expect(batched.apply(events) == expected)
        #expect(batched.events == expected)
        #expect(expected.contains { $0.result != .accepted })  // the wrong events at the end, at least
        for step in script.steps {
            #expect(batched.outcome(ofStep: step.id) == oneByOne.outcome(ofStep: step.id))
        }
    }
}
