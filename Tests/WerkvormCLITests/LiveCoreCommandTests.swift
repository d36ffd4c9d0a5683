import Foundation
import LuaHost
import Testing

/// The session core as `werkvorm run` shows it: session events in an events file, a resume that
/// contradicts the run, and records of format 1.
@Suite struct LiveCoreCommandTests {
    static let script = CLI.root.appendingPathComponent("Examples/iedereen-mee-sessie-6.yaml").path

    @Test func anEventsFileSteersTheSessionAndRetriesCountOnce() throws {
        try CLI.withTemporaryDirectory { directory in
            let events = """
                {"go": 6}
                {"join": "Zoë"}
                {"step": 6, "participant": "Zoë", "input": "engagement", "fields": {"text": "Samen koken"}, "id": "a1"}
                {"step": 6, "participant": "Zoë", "input": "engagement", "fields": {"text": "Samen koken"}, "id": "a1"}
                {"step": 3, "participant": "An", "input": "statement", "fields": {"text": "Te laat"}}
                {"pause": true}
                {"step": 6, "participant": "An", "input": "engagement", "fields": {"txt": "Tijdens de pauze"}}
                {"pause": false}
                {"step": 6, "participant": "An", "input": "engagement", "fields": {"txt": "Typfout"}}
                {"step": 6, "reveal": true}

                """
            try events.write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["run", Self.script, "--events", "events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            #expect(result.status == 0)
            #expect(
                result.stderr == """
                    events.jsonl:5: step 3: rejected: Stap 3 (Check-in) is gesloten; de sessie is nu bij stap 6
                    events.jsonl:7: step 6: rejected: De invoer staat even stil; wacht tot de begeleider hem weer opent
                    events.jsonl:9: step 6: rejected: De invoer 'engagement' heeft geen veld 'txt'; bedoel je 'text'?

                    """)
            #expect(result.stdout == "10 events, 7 accepted, 3 rejected; wrote record.json\n")
            let record = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
            #expect(record.contains(#""duplicate": 3"#))
            #expect(record.contains(#""code": "step_closed""#))
            #expect(record.contains(#""revealed": true"#))
            #expect(record.filter { !$0.isWhitespace }.contains(#""notes":[{"id":1,"text":"Samenkoken"}]"#))
            let replay = try CLI.run(["replay", "record.json"], in: directory)
            #expect(replay.status == 0, "\(replay.stdout)")
            let timeline = try CLI.run(["replay", "record.json", "--timeline"], in: directory)
            #expect(timeline.stdout.contains("session: Zoë joins  ✔\n"))
            #expect(timeline.stdout.contains("step 6: Zoë: engagement text=\"Samen koken\"  ↺ repeats event 3\n"))
        }
    }

    @Test func aResumeWithAnotherSeedOrWithoutAnonymiseIsRefused() throws {
        try CLI.withTemporaryDirectory { directory in
            try RunCommandTests.votingEvents(rounds: 1).write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            // a journal left by a run that was stopped: its header and its first event
            let header = #"{"anonymise":true,"journal":"werkvorm","process":0,"script_sha256":"SHA","seed":5,"started":"2026-12-01T10:00:00Z","version":2}"#
            let sha = try Self.sha256(of: Self.script)
            try (header.replacingOccurrences(of: "SHA", with: sha) + "\n").write(to: directory.appendingPathComponent("record.json.journal"), atomically: true, encoding: .utf8)
            let arguments = ["run", Self.script, "--events", "events.jsonl", "--record", "record.json", "--resume"]
            let seed = try CLI.run(arguments + ["--seed", "6", "--anonymise"], in: directory)
            #expect(seed.status == 1)
            #expect(seed.stderr == "record.json.journal: this run started with --seed 5; resume without --seed, or with --seed 5\n")
            let names = try CLI.run(arguments, in: directory)
            #expect(names.status == 1)
            #expect(names.stderr == "record.json.journal: this run started with --anonymise; resume with --anonymise too, so that no name enters the record\n")
            let resumed = try CLI.run(arguments + ["--anonymise"], in: directory)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8).contains(#""seed": 5"#))
        }
    }

    @Test(arguments: ["iedereen-mee-sessie-6", "polarisatie-workshop"])
    func recordsOfFormatOneReportAsTheSameSessionRecordedNow(name: String) throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/\(name)").path
            let old = CLI.root.appendingPathComponent("Tests/WerkvormTests/Fixtures/records-v1/\(name).record.json").path
            #expect(try CLI.run(["replay", old]).status == 0)
            let formats = [["--format", "md"], ["--format", "html"], ["--plugin", "verslag"], ["--plugin", "csv"]]
            // the Iedereen Mee example has been made again after the seed's minutes since its record
            // of format 1: that record is another session now, which still replays and reports
            if name == "iedereen-mee-sessie-6" {
                for format in formats { #expect(try CLI.run(["report", old] + format).status == 0, "\(format)") }
                return
            }
            // the same session now, with the exercises as they were then (from the record), so that
            // only the record's format differs
            let then = directory.appendingPathComponent("then")
            try FileManager.default.createDirectory(at: then.appendingPathComponent("lib"), withIntermediateDirectories: true)
            let record = try JSONReader.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: old))))
            for (id, source) in record["exercises"]?.objectValue ?? [:] {
                try (source["source"]?.stringValue ?? "").write(to: then.appendingPathComponent("\(id).lua"), atomically: true, encoding: .utf8)
            }
            for (name, source) in record["modules"]?.objectValue ?? [:] {
                try (source["source"]?.stringValue ?? "").write(to: then.appendingPathComponent("lib/\(name).lua"), atomically: true, encoding: .utf8)
            }
            let run = try CLI.run(
                ["run", "--library", "then", example + ".yaml", "--events", example + ".events.jsonl", "--record", "now.json", "--seed", "1"], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            for format in formats {
                let then = try CLI.run(["report", old] + format)
                let now = try CLI.run(["report", "now.json"] + format, in: directory)
                #expect(then.status == 0 && then.stdout == now.stdout, "\(format)")
            }
            // the file of format 1 is read, never rewritten
            #expect(try String(contentsOfFile: old, encoding: .utf8).contains(#""version": 1"#))
        }
    }

    static func sha256(of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}

@Suite struct ConcurrentRunTests {
    @Test func aSecondRunOnARecordBeingRecordedIsRefusedNamingTheFirst() throws {
        try CLI.withTemporaryDirectory { directory in
            try ConsoleTests.script.write(to: directory.appendingPathComponent("live.yaml"), atomically: true, encoding: .utf8)
            // the first run: the facilitator's console, waiting for what is typed
            let first = Process()
            first.executableURL = CLI.executable
            first.arguments = ["run", "live.yaml", "--record", "live.json", "--seed", "1"]
            first.currentDirectoryURL = directory
            let typed = Pipe()
            first.standardInput = typed
            first.standardOutput = FileHandle.nullDevice
            first.standardError = FileHandle.nullDevice
            try first.run()
            let journal = directory.appendingPathComponent("live.json.journal")
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: journal.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            try #"{"step": 1, "participant": "An", "input": "engagement", "fields": {"text": "Tweede"}}"#.write(
                to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let second = try CLI.run(["run", "live.yaml", "--events", "events.jsonl", "--record", "live.json", "--seed", "2"], in: directory)
            #expect(second.status == 1)
            #expect(second.stderr.hasPrefix("live.json.journal: the run of process \(first.processIdentifier), started "))
            #expect(second.stderr.hasSuffix(" is recording this session; wait for it to end, or choose another --record\n"))
            let resumed = try CLI.run(["run", "live.yaml", "--events", "events.jsonl", "--record", "live.json", "--resume"], in: directory)
            #expect(resumed.status == 1 && resumed.stderr.contains("is recording this session"))
            typed.fileHandleForWriting.write(Data("engagement An text=Eerst\nquit\n".utf8))
            try typed.fileHandleForWriting.close()
            first.waitUntilExit()
            #expect(first.terminationStatus == 0)
            let record = try String(contentsOf: directory.appendingPathComponent("live.json"), encoding: .utf8)
            #expect(record.contains("Eerst") && !record.contains("Tweede"))
        }
    }
}
