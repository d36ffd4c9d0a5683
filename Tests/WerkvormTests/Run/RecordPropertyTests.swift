import Foundation
import LuaHost
import PropertyBased
import Testing

@testable import Werkvorm

/// Whatever happens in a session, its record reads back as it was written and replays to the
/// same results and outcomes. The events are built from a list of numbers, so that a failing
/// case shrinks to a few events.
@Suite struct RecordPropertyTests {
    static let texts = ["Samen", "Weg", "\"Wij\" en \"zij\"", "ë é 😀", "  ruimte  ", "\u{200B}", "lange " + String(repeating: "tekst ", count: 40), "="]
    static let people = ["An", "Bram", "Cem", "Dewi"]

    static func events(from numbers: [Int]) -> [SessionEvent] {
        numbers.map { number in
            var event = event(from: number)
            if number % 3 == 0 { event.time = "10:\(10 + number % 50)" }  // some events carry a time, as the console's do
            return event
        }
    }

    static func event(from number: Int) -> SessionEvent {
        let pick = number / 16, who = people[pick % people.count], text = texts[pick % texts.count]
        switch number % 16 {
        case 0: return SessionEvent(step: [1, 3, 4][pick % 3], action: .go)
        case 1: return SessionEvent(step: nil, action: .join(who))
        case 2, 3: return LiveFixtures.input(1, who, "engagement", ["text": .string(text)], id: pick % 4 == 0 ? "same" : nil)
        case 4: return SessionEvent(step: 1, action: .phase(["collect", "vote", "results"][pick % 3]))
        case 5, 6: return LiveFixtures.input(1, who, "dot", ["note": .integer(Int64(pick % 5)), "count": .integer(Int64(pick % 3))])
        case 7: return LiveFixtures.input(1, who, "remove_dot", ["note": .integer(Int64(pick % 5))])
        case 8: return SessionEvent(step: nil, action: .approve(1 + pick % 30))
        case 9: return SessionEvent(step: nil, action: .hide(1 + pick % 30))
        case 10: return SessionEvent(step: [1, 3][pick % 2], action: .reveal(pick % 2 == 0))
        case 11: return SessionEvent(step: nil, action: .pause(pick % 3 == 0))
        case 12, 13: return LiveFixtures.input([3, 4][pick % 2], who, "statement", ["text": .string(text)])
        case 14: return LiveFixtures.input(3, who, "pass")
        default: return LiveFixtures.input(1 + pick % 6, who, "unknown", ["x": .integer(Int64(pick))])
        }
    }

    @Test func aRecordReadsBackAsWrittenAndReplaysIdentically() async throws {
        let script = try LiveFixtures.script()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        await propertyCheck(count: 60, input: Gen.int(in: 0...2000).array(of: 0...80)) { numbers in
            let run = SessionRun(script: script, modules: LiveFixtures.library.modules, seed: 3, participants: ["An", "Bram"])
            run.apply(Self.events(from: numbers))
            let record = SessionRecord(run, scriptText: LiveFixtures.scriptText)
            let file = directory.appendingPathComponent("\(UUID().uuidString).json")
            do {
                try record.write(to: file)
                // written an event at a time, the same bytes as the whole value
                #expect(try String(contentsOf: file, encoding: .utf8) == JSONWriter.string(record.value, pretty: true) + "\n")
                let read = try RecordedSession(contentsOf: file.path)
                #expect(read.events == record.events)
                // a report's reading keeps no events, and the same summary of them
                let summary = try RecordedSession(contentsOf: file.path, events: .summary)
                #expect(summary.events.isEmpty)
                #expect(summary.eventCount == record.events.count && read.eventCount == record.events.count)
                #expect(summary.everyone == read.everyone)
                #expect(summary.times.mapValues { [$0.first, $0.last] } == read.times.mapValues { [$0.first, $0.last] })
                #expect(read.steps == record.steps)
                let replay = try SessionReplay.replay(read)
                #expect(replay.divergences.isEmpty, "\(replay.divergences.prefix(3))")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
