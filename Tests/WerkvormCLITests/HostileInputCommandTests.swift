import Foundation
import LuaHost
import Testing
import Werkvorm

/// What users and attackers hand the command line: damaged and hostile records, files that are
/// not what they seem, planted links. Each ends in a clear error and exit 1, or works.
@Suite struct HostileInputCommandTests {
    /// The record of `example` with `change` made to its JSON.
    static func damaged(_ example: String, in directory: URL, as name: String, _ change: (inout LuaObject) -> Void) throws {
        try ReplayCommandTests.record(example, in: directory)
        let text = try String(contentsOf: directory.appendingPathComponent("record.json"), encoding: .utf8)
        var record = try #require(try JSONReader.parse(text).objectValue)
        change(&record)
        try JSONWriter.string(.object(record)).write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Every number inside `value` made `number`.
    static func everyNumber(_ value: LuaValue, _ number: Double) -> LuaValue {
        switch value {
        case .array(let list): .array(list.map { everyNumber($0, number) })
        case .object(let fields): .object(fields.mapValues { everyNumber($0, number) })
        case .integer, .double: .double(number)
        default: value
        }
    }

    @Test func outcomesWithHugeNumbersEndInLocatedErrorsInEveryFormat() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.damaged("iedereen-mee-sessie-6", in: directory, as: "huge.json") { record in
                record["steps"] = .array(
                    (record["steps"]?.arrayValue ?? []).map { step in
                        guard var fields = step.objectValue, let outcome = fields["outcome"] else { return step }
                        fields["outcome"] = Self.everyNumber(outcome, 1e20)
                        return .object(fields)
                    })
            }
            for format in ["text", "md", "html"] {
                let result = try CLI.run(["report", "huge.json", "--format", format], in: directory)
                #expect(result.status == 1)
                #expect(
                    result.stderr.contains(
                        "huge.json: steps[6].outcome: the report of step 6 (engagement-voting) fails on the recorded outcome: lib/engagement_voting_report.lua:"),
                    "\(format): \(result.stderr)")
                #expect(!result.stderr.contains("sandbox:"))
            }
        }
    }

    @Test func aRecordWhoseExercisesLoopEndsWithinItsBudget() throws {
        try CLI.withTemporaryDirectory { directory in
            try Self.damaged("iedereen-mee-sessie-6", in: directory, as: "loop.json") { record in
                record["exercises"] = .object(
                    (record["exercises"]?.objectValue ?? [:]).mapValues { exercise in
                        guard var fields = exercise.objectValue else { return exercise }
                        // every function of the state loops: init, the handlers, outcome, report
                        let source = (fields["source"]?.stringValue ?? "").replacing(/local function (\w+)\(state([^)]*)\)/) { match in
                            "local function \(match.1)(state\(match.2)) while true do end"
                        }
                        fields["source"] = .string(source)
                        fields["sha256"] = .string(Journal.sha256(source))
                        return .object(fields)
                    })
            }
            let replay = try CLI.run(["replay", "loop.json"], in: directory)
            #expect(replay.status == 1)
            #expect(replay.stderr.hasPrefix("loop.json: the replay differs from the record in "))
            #expect(replay.stdout.contains("step 2: events[1].result: recorded \"accepted\", replayed \"failed\" (house-rules.lua:"))
            #expect(replay.stdout.contains("instruction budget used up: the exercises of this run may take 371000000 instructions in all"))
        }
    }

    @Test func aTitleIsEscapedInMarkdownAndFormulasAreDefusedInCSV() throws {
        try CLI.withTemporaryDirectory { directory in
            let script = """
                title: "# *Kop* [x](y)"
                language: nl
                date: 2024-01-01
                start: "09:00"
                roster:
                  - "=HYPERLINK(\\"http://x\\")"
                steps:
                  - exercise: house-rules
                    names: true

                """
            try script.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
            let events = "{\"go\": 1}\n{\"step\": 1, \"input\": \"propose\", \"participant\": \"=HYPERLINK(\\\"http://x\\\")\", \"fields\": {\"text\": \"Luisteren\"}}\n"
            try events.write(to: directory.appendingPathComponent("e.jsonl"), atomically: true, encoding: .utf8)
            #expect(try CLI.run(["run", "s.yaml", "--events", "e.jsonl", "--record", "r.json", "--seed", "1"], in: directory).status == 0)
            let markdown = try CLI.run(["report", "r.json", "--format", "md"], in: directory)
            #expect(markdown.stdout.hasPrefix("# \\# \\*Kop\\* \\[x\\](y)\n"))
            let csv = try CLI.run(["report", "r.json", "--plugin", "csv"], in: directory)
            #expect(csv.stdout.contains("\n1,,\"'=HYPERLINK(\"\"http://x\"\")\",propose,Luisteren,aanvaard,\n"), "\(csv.stdout)")
        }
    }

    @Test func anOutputPathThatIsALinkIsReplacedNotFollowed() throws {
        try CLI.withTemporaryDirectory { directory in
            try ReplayCommandTests.record("polarisatie-workshop", in: directory)
            let victim = directory.appendingPathComponent("victim.txt")
            try "keep".write(to: victim, atomically: true, encoding: .utf8)
            for (command, name) in [
                (["report", "record.json", "--format", "html"], "report.html"), (["plan", CLI.root.appendingPathComponent("Examples/polarisatie-workshop.yaml").path], "plan.txt"),
            ] {
                try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(name).path, withDestinationPath: victim.path)
                let result = try CLI.run(command + ["--output", name], in: directory)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
                let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
                #expect(attributes[.type] as? FileAttributeType == .typeRegular)
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".partial") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func filesThatAreNotWhatTheySeemSayWhatTheyAre() throws {
        try CLI.withTemporaryDirectory { directory in
            let example = CLI.root.appendingPathComponent("Examples/polarisatie-workshop").path
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("adir"), withIntermediateDirectories: true)
            let record = try CLI.run(["run", example + ".yaml", "--events", example + ".events.jsonl", "--record", "adir", "--seed", "1"], in: directory)
            #expect(record.status == 1)
            #expect(record.stderr == "adir: is a directory; the record must be a file: choose another --record, such as adir/session.json\n")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("adir.journal").path))
            let lua = try CLI.run(["lua", "adir"], in: directory)
            #expect(lua.status == 1)
            #expect(lua.stderr == "adir: is a directory; give the path of the Lua file, a file\n")
            let check = try CLI.run(["exercises", "check", example + ".yaml"], in: directory)
            #expect(check.status == 1)
            #expect(check.stderr == example + ".yaml: an exercise is a .lua file; give an exercise's .lua file, or a directory of them\n")
            var latin1 = Array("{\"go\": 3}\n{\"step\": 3, \"input\": \"position\", \"participant\": \"Ren".utf8)
            latin1 += [0xE9] + Array("e\", \"fields\": {\"place\": \"joiner\"}}\n".utf8)
            try Data(latin1).write(to: directory.appendingPathComponent("latin1.jsonl"))
            let events = try CLI.run(["run", example + ".yaml", "--events", "latin1.jsonl", "--record", "r.json", "--seed", "1"], in: directory)
            #expect(events.status == 1)
            #expect(events.stderr == "latin1.jsonl:2:53: is not UTF-8 text: the byte 0xE9 here is not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8\n")
            let crlf = try String(contentsOfFile: example + ".events.jsonl", encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try crlf.write(to: directory.appendingPathComponent("crlf.jsonl"), atomically: true, encoding: .utf8)
            let windows = try CLI.run(["run", example + ".yaml", "--events", "crlf.jsonl", "--record", "w.json", "--seed", "1"], in: directory)
            #expect(windows.status == 0, "\(windows.stderr)")
            #expect(windows.stdout == "22 events, 21 accepted, 1 rejected; wrote w.json\n")
        }
    }

    @Test func aBrokenExerciseIsNamedAsBrokenNotAsMissing() throws {
        try CLI.withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("lib2"), withIntermediateDirectories: true)
            try "return {\n  id = \"kapot\",\n  x = = 1\n}\n".write(to: directory.appendingPathComponent("lib2/kapot.lua"), atomically: true, encoding: .utf8)
            try "title: T\ndate: 2024-01-01\nstart: \"09:00\"\nsteps:\n  - exercise: kapot\n".write(
                to: directory.appendingPathComponent("k.yaml"), atomically: true, encoding: .utf8)
            let plan = try CLI.run(["plan", "k.yaml", "--library", "lib2"], in: directory)
            #expect(plan.status == 1)
            #expect(
                plan.stderr == """
                    lib2/kapot.lua:3: unexpected symbol near '='
                    k.yaml:5:15: steps[1].exercise: the exercise 'kapot' does not load: lib2/kapot.lua has problems (unexpected symbol near '='); fix them, `werkvorm exercises check lib2/kapot.lua` lists them

                    """)
        }
    }

    @Test func aProgramWithoutItsLibrarySaysWhereItLookedAndAnInstalledOneFindsIt() throws {
        try CLI.withTemporaryDirectory { directory in
            let bin = directory.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.executable, to: bin.appendingPathComponent("werkvorm"))
            let copied = try CLI.run(["exercises", "list"], in: directory, executable: bin.appendingPathComponent("werkvorm"))
            #expect(copied.status == 1)
            #expect(copied.stderr.hasPrefix("no exercise library found (looked in $WERKVORM_HOME/Exercises, share/werkvorm/Exercises beside the program's bin/"))
            let share = directory.appendingPathComponent("share/werkvorm")
            try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
            for name in ["Exercises", "Plugins"] {
                try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(name), to: share.appendingPathComponent(name))
            }
            let installed = try CLI.run(["exercises", "list"], in: directory, executable: bin.appendingPathComponent("werkvorm"))
            #expect(installed.status == 0, "\(installed.stderr)")
            #expect(installed.stdout.contains("engagement-voting"))
        }
    }
}
