import Foundation
import Testing

@Suite struct RunCommandTests {
    static let script = CLI.root.appendingPathComponent("Examples/iedereen-mee-sessie-6.yaml").path

    /// Dot voting in step 6 of the Iedereen Mee example: engagements, then dots.
    static func votingEvents(rounds: Int) -> String {
        var lines = ["# generated: engagements, then dot votes"]
        let people = ["An", "Bram", "Cem", "Dewi"]
        for person in people {
            lines.append(#"{"step": 6, "participant": "\#(person)", "input": "engagement", "fields": {"text": "Engagement van \#(person)"}}"#)
        }
        lines.append(#"{"step": 6, "phase": "vote"}"#)
        for round in 0..<rounds {
            for (offset, person) in people.enumerated() {
                lines.append(#"{"step": 6, "participant": "\#(person)", "input": "dot", "fields": {"note": \#((round + offset) % 4 + 1)}}"#)
                lines.append(#"{"step": 6, "participant": "\#(person)", "input": "remove_dot", "fields": {"note": \#((round + offset) % 4 + 1)}}"#)
            }
        }
        lines.append(#"{"step": 6, "participant": "An", "input": "dot", "fields": {"note": 1, "count": 5}}"#)
        lines.append(#"{"step": 6, "phase": "results"}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func runsFromEventsIntoARecord() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.votingEvents(rounds: 2).write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["run", Self.script, "--events", "events.jsonl", "--record", "record.json", "--seed", "7"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "23 events, 23 accepted, 0 rejected; wrote record.json\n")
            let record = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
            #expect(record.contains(#""format": "werkvorm-record""#))
            #expect(record.contains(#""seed": 7"#))
            #expect(record.contains(#""participants": [\#n    "An",\#n    "Bram",\#n    "Cem",\#n    "Dewi"\#n  ]"#))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("record.json.journal").path))
        }
    }

    @Test func rejectedEventsAreShownAndTheSessionGoesOn() throws {
        try CLI.withTemporaryDirectory { directory in
            let events =
                Self.votingEvents(rounds: 0) + #"{"step": 6, "participant": "An", "input": "dot", "fields": {"note": 2}}"# + "\n"
                + #"{"step": 8, "participant": "An", "input": "dot"}"# + "\n"
            try events.write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["run", Self.script, "--events", "events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            #expect(result.status == 0)
            #expect(
                result.stderr == """
                    events.jsonl:9: step 6: rejected: 'dot' hoort bij de fase 'Stemmen met bolletjes', en de werkvorm is nu in de fase 'Uitslag'
                    events.jsonl:10: step 8: rejected: Stap 8 (Afsluiting en volgend lerend netwerk) is geen werkvorm; ze neemt geen invoer

                    """)
            #expect(result.stdout == "9 events, 7 accepted, 2 rejected; wrote record.json\n")
        }
    }

    @Test func malformedEventLinesAreLocatedAndNothingRuns() throws {
        try CLI.withTemporaryDirectory { directory in
            let events = """
                {"step": 6, "participant": "An", "input": "engagement", "fields": {"text": "x"}}
                {"step": 6, "participant": "An", "inptu": "engagement"}
                {"step": 6, "participant": "An", "input": "engagement", "fields": {"text": "x"}
                {"step": "acht", "phase": "vote"}

                """
            try events.write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["run", Self.script, "--events", "events.jsonl", "--record", "record.json"], in: directory)
            #expect(result.status == 1)
            #expect(
                result.stderr == """
                    events.jsonl:2: inptu: is not a field of an event; did you mean 'input'?
                    events.jsonl:3:80: the JSON ends inside an object; expected ',' or '}'; each line must be one JSON object
                    events.jsonl:4: step: must be the number of a step of the session (1, 2, 3...)

                    """)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("record.json.journal").path))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("record.json").path))
        }
    }

    @Test func anInterruptedRunIsNeverOverwritten() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.votingEvents(rounds: 1).write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            try "{\"journal\":\"werkvorm\"}\n".write(to: directory.appendingPathComponent("record.json.journal"), atomically: true, encoding: .utf8)
            let result = try CLI.run(["run", Self.script, "--events", "events.jsonl", "--record", "record.json"], in: directory)
            #expect(result.status == 1)
            #expect(result.stderr == "record.json.journal: a run of this record was interrupted; go on with --resume, or remove the journal to start over\n")
        }
    }

    @Test func aRunKilledAtAnyPointAndResumedGivesTheSameRecord() throws {
        try CLI.withTemporaryDirectory { directory in
            // 2,405 events: three groups of up to 1,024, each journalled with one sync
            try Self.votingEvents(rounds: 300).write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let arguments = ["run", Self.script, "--events", "events.jsonl", "--seed", "11"]
            let reference = try CLI.run(arguments + ["--record", "reference.json"], in: directory)
            #expect(reference.status == 0)
            let expected = try Data(contentsOf: directory.appendingPathComponent("reference.json"))
            // Kill once the journal holds this many lines (header included): mid-run, at points
            // from the first event to near the end.
            for lines in [2, 50, 1100, 2100] {
                let record = "killed-\(lines).json"
                let journalFile = directory.appendingPathComponent(record + ".journal")
                let process = Process()
                process.executableURL = CLI.executable
                process.arguments = arguments + ["--record", record]
                process.currentDirectoryURL = directory
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let deadline = Date().addingTimeInterval(20)
                while process.isRunning, Date() < deadline {
                    let written = (try? String(contentsOf: journalFile, encoding: .utf8))?.split(separator: "\n").count ?? 0
                    if written >= lines { break }
                    Thread.sleep(forTimeInterval: 0.001)
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal, "the run ended before it could be killed at \(lines) journal lines")
                let journal = directory.appendingPathComponent(record + ".journal")
                let resumed = try CLI.run(
                    FileManager.default.fileExists(atPath: journal.path) ? arguments + ["--record", record, "--resume"] : arguments + ["--record", record],
                    in: directory)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                #expect(try Data(contentsOf: directory.appendingPathComponent(record)) == expected, "killed at \(lines) journal lines")
            }
        }
    }
}

@Suite struct RecordSchemaTests {
    /// "valid", or what Python's jsonschema (installed by `make test` when missing) says is wrong.
    static func validate(_ record: URL) throws -> String {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // the project's virtual environment, which `make test` makes, else the system's python3
        let venv = CLI.root.appendingPathComponent(".venv/bin/python").path
        check.arguments = [
            FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3", "-c",
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(json.load(open(sys.argv[2])), schema)
            print("valid")
            """, CLI.root.appendingPathComponent("docs/record.schema.json").path, record.path,
        ]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        return text
    }

    @Test func recordsValidateAgainstTheSchema() throws {
        try CLI.withTemporaryDirectory { directory in
            let events = RunCommandTests.votingEvents(rounds: 1) + #"{"step": 6, "participant": "An", "input": "dot"}"# + "\n"
            try events.write(to: directory.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", RunCommandTests.script, "--events", "events.jsonl", "--record", "record.json", "--seed", "3"], in: directory)
            #expect(run.status == 0)
            #expect(try Self.validate(directory.appendingPathComponent("record.json")) == "valid\n")
        }
    }

    @Test(arguments: ["iedereen-mee-sessie-6", "safer-spaces-sessie-1", "safer-spaces-sessie-2", "op-stap-kennissessie", "amersfoort-werkconferentie", "polarisatie-workshop"])
    func everyExampleRecordValidates(name: String) throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/\(name)").path
            let run = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            #expect(run.status == 0)
            #expect(try Self.validate(directory.appendingPathComponent("record.json")) == "valid\n")
        }
    }
}

@Suite struct ExampleSessionTests {
    @Test(arguments: [
        ("iedereen-mee-sessie-6", "171 events, 170 accepted, 1 rejected"),
        ("safer-spaces-sessie-1", "16 events, 15 accepted, 1 rejected"),
        ("safer-spaces-sessie-2", "6 events, 6 accepted, 0 rejected"),
        ("op-stap-kennissessie", "11 events, 11 accepted, 0 rejected"),
        ("amersfoort-werkconferentie", "67 events, 67 accepted, 0 rejected"),
        ("polarisatie-workshop", "22 events, 21 accepted, 1 rejected"),
    ])
    func everyExampleRunsFromItsEvents(name: String, summary: String) throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/\(name)").path
            let result = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "\(summary); wrote record.json\n")
            #expect(!result.stderr.contains("raised an error"))
        }
    }

    @Test func theIedereenMeeDotVotesMatchTheMinutes() throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/iedereen-mee-sessie-6").path
            _ = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "record.json", "--seed", "1"], in: directory)
            let record = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
            let compact = record.filter { !$0.isWhitespace }
            #expect(compact.contains(#""tally":[6,4,0,3,6,3,0,3,0,0,5,4,1,2,3,3,7]"#))
            // the library modules the exercises required travel with the record, source and all
            for module in ["rank", "text", "groups", "words"] {
                let source = try String(contentsOf: CLI.root.appendingPathComponent("Exercises/lib/\(module).lua"), encoding: .utf8)
                #expect(record.contains("\"path\": \"lib/\(module).lua\""), "\(module)")  // relative to the library
                #expect(record.contains(JSONWriterQuoted.quote(source)), "\(module) source")
            }
        }
    }
}

@Suite struct AnonymiseTests {
    @Test func anAnonymisedRecordHoldsNoNames() throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/iedereen-mee-sessie-6").path
            let events = try String(contentsOfFile: example + ".events.jsonl", encoding: .utf8)
            let result = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "record.json", "--seed", "1", "--anonymise"], in: directory)
            #expect(result.status == 0)
            let record = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
            let names = Set(
                events.split(separator: "\n").compactMap { line -> String? in
                    guard let range = line.range(of: #""participant": ""#) else { return nil }
                    return String(line[range.upperBound...].prefix { $0 != "\"" })
                })
            #expect(names.count == 10)
            for name in names {
                #expect(!record.contains("\"\(name)\""), "\(name) is in the record")
            }
            #expect(record.contains(#""participants": [\#n    "deelnemer-1",\#n    "deelnemer-2","#))
        }
    }
}

/// JSON string quoting as the record writes it.
enum JSONWriterQuoted {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
