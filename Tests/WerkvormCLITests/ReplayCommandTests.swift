import Foundation
import Testing

@Suite struct ReplayCommandTests {
    /// Runs an example into `record.json` in `directory`.
    static func record(_ name: String, in directory: URL) throws {
        let example = CLI.root.appendingPathComponent("Examples/\(name)").path
        let run = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
        #expect(run.status == 0)
    }

    @Test(arguments: [
        ("iedereen-mee-sessie-6", "171 events in 6 exercise steps"), ("safer-spaces-sessie-1", "16 events in 1 exercise step"),
        ("safer-spaces-sessie-2", "6 events in 2 exercise steps"), ("op-stap-kennissessie", "11 events in 1 exercise step"),
        ("amersfoort-werkconferentie", "67 events in 3 exercise steps"), ("polarisatie-workshop", "22 events in 1 exercise step"),
    ])
    func everyExampleReplaysIdenticallyWithoutTheLibrary(name: String, replayed: String) throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.record(name, in: directory)
            // no exercise library at all: the record carries what it needs
            let replay = try CLI.run(["replay", "record.json"], in: directory, environment: ["WERKVORM_HOME": "/nonexistent"])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout == "replayed \(replayed): every result and outcome is identical\n")
        }
    }

    @Test func alteringOneRecordedVoteNamesTheStepAndThePath() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.record("iedereen-mee-sessie-6", in: directory)
            let file = directory.appendingPathComponent("record.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            // the first dots on engagement 17 ("Ik durf met ervaringsdeskundigen...", 7 in the minutes) go to 16
            let vote = "\"note\": 17\n      },"
            let range = try #require(text.range(of: vote))
            try text.replacingCharacters(in: range, with: "\"note\": 16\n      },").write(to: file, atomically: true, encoding: .utf8)
            let replay = try CLI.run(["replay", "record.json"], in: directory)
            #expect(replay.status == 1)
            // every place, step by step and in key order: the chosen engagements first, the tally
            // last; then the next step, which took the chosen engagements as its params
            let lines = replay.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "step 6 (engagement-voting): outcome.chosen[1].count: recorded 7, replayed 6")
            #expect(lines.contains { $0.hasPrefix("step 6 (engagement-voting): outcome.tally[17]: recorded 7, replayed ") })
            #expect(lines.contains { $0.hasPrefix("step 6 (engagement-voting): outcome.tally[16]: recorded 3, replayed ") })
            #expect(
                lines.contains {
                    $0.hasPrefix("step 7 (engagement-to-action): params.engagements[1]: recorded \"Ik durf met ervaringsdeskundigen aan de slag te gaan\", replayed ")
                })
            #expect(lines.last?.hasPrefix("step 7 (engagement-to-action): outcome.groups[1].engagement: recorded ") == true)
            #expect(replay.stderr == "record.json: the replay differs from the record in \(lines.count) places\n")
        }
    }

    @Test func aTruncatedOrForeignRecordGetsAClearError() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.record("polarisatie-workshop", in: directory)
            let text = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
            try String(text.prefix(500)).write(to: directory.appendingPathComponent("cut.json"), atomically: true, encoding: .utf8)
            let cut = try CLI.run(["replay", "cut.json"], in: directory)
            #expect(cut.status == 1)
            #expect(cut.stderr.hasPrefix("cut.json:") && cut.stderr.hasSuffix("; the record is not valid JSON (cut short, or changed by hand)\n"))
            try #"{"format": "something-else"}"#.write(to: directory.appendingPathComponent("other.json"), atomically: true, encoding: .utf8)
            let other = try CLI.run(["replay", "other.json"], in: directory)
            #expect(other.status == 1)
            #expect(other.stderr == "other.json: format: is not \"werkvorm-record\": this is not a Werkvorm record; the record is damaged or was changed by hand\n")
        }
    }

    @Test func aDamagedEventIsNamedByItsPlace() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.record("polarisatie-workshop", in: directory)
            let file = directory.appendingPathComponent("record.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            let result = "\"result\": \"accepted\""
            let second = try #require(text.ranges(of: result).dropFirst().first)
            try text.replacingCharacters(in: second, with: "\"result\": \"maybe\"").write(to: file, atomically: true, encoding: .utf8)
            let replay = try CLI.run(["replay", "record.json"], in: directory)
            #expect(replay.status == 1)
            #expect(replay.stderr == "record.json: events[2].result: must be \"accepted\", \"rejected\", \"failed\" or \"held\"; the record is damaged or was changed by hand\n")
            let report = try CLI.run(["report", "record.json"], in: directory)
            #expect(report.status == 1)
            #expect(report.stderr == replay.stderr)
        }
    }
}

@Suite struct TimelineTests {
    @Test func theTimelineShowsEveryInputAndHowTheOutcomeGrew() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let result = try CLI.run(["replay", "record.json", "--timeline"], in: directory)
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 171)
            #expect(lines.contains("step 6: Jamal: dot note=17  ✘ Je hebt je 5 bolletjes al gebruikt"))
            #expect(lines.contains("step 6: → phase vote  ✔"))
            #expect(lines.contains { $0.hasPrefix("step 6: Dewi: dot note=17  ✔  outcome.chosen[1].count: 4 → 5") })
        }
    }
}

@Suite struct ReplayAgainstTheLibraryTests {
    @Test func aChangedExerciseShowsWhatItChanges() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("iedereen-mee-sessie-6", in: directory)
            let same = try CLI.run(["replay", "record.json", "--library", CLI.root.appendingPathComponent("Exercises").path], in: directory)
            #expect(same.status == 0)
            #expect(same.stdout == "replayed 171 events in 6 exercise steps: every result and outcome is identical\n")
            // a library where every dot counts twice
            let library = directory.appendingPathComponent("changed")
            try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
            let source = try String(contentsOf: CLI.root.appendingPathComponent("Exercises/engagement-voting.lua"), encoding: .utf8)
            let changed = source.replacingOccurrences(of: "state.tally[note] = state.tally[note] + count", with: "state.tally[note] = state.tally[note] + 2 * count")
                .replacingOccurrences(of: "state.tally[note] = state.tally[note] - count", with: "state.tally[note] = state.tally[note] - 2 * count")
            #expect(changed != source)
            try changed.write(to: library.appendingPathComponent("engagement-voting.lua"), atomically: true, encoding: .utf8)
            let replay = try CLI.run(["replay", "record.json", "--library", "changed"], in: directory)
            #expect(replay.status == 1)
            // every divergence, not only the first
            let lines = replay.stdout.split(separator: "\n").map(String.init)
            #expect(
                lines.prefix(3) == [
                    "changed: engagement-voting: changed/engagement-voting.lua differs from the recorded source (version 1.1.2 → 1.1.2)",
                    "step 6 (engagement-voting): outcome.chosen[1].count: recorded 7, replayed 14",
                    "step 6 (engagement-voting): outcome.ranking[1].count: recorded 7, replayed 14",
                ])
            #expect(lines.last == "step 6 (engagement-voting): outcome.tally[17]: recorded 7, replayed 14")
            #expect(lines.count == 28)
            // and the timeline with the same library shows the doubled counts as they grow
            let timeline = try CLI.run(["replay", "record.json", "--timeline", "--library", "changed"], in: directory)
            #expect(timeline.status == 0)
            #expect(timeline.stdout.contains("step 6: Dewi: dot note=17  ✔  outcome.chosen[1].count: 8 → 10"))
        }
    }
}
