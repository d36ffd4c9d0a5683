import Foundation
import Testing

@Suite struct NewCommandTests {
    @Test func writesAWorkingExerciseAndItsTests() throws {
        try CLI.withTemporaryDirectory { directory in
            let result = try CLI.run(["new", "exercise", "check-out", "--library", "my-exercises"], in: directory)
            #expect(result.status == 0)
            #expect(result.stdout == "wrote my-exercises/check-out.lua\nwrote my-exercises/check-out.test.lua\n")
            let check = try CLI.run(["exercises", "check", "my-exercises"], in: directory)
            #expect(check.stdout == "1 exercise checked: no problems\n")
            let test = try CLI.run(["test", "my-exercises"], in: directory)
            #expect(test.status == 0)
            #expect(test.stdout.hasSuffix(" passed, 0 failed\n"))
            let show = try CLI.run(["exercises", "show", "check-out", "--library", "my-exercises", "--lang", "en"], in: directory)
            #expect(show.status == 0)
            #expect(show.stdout.hasPrefix("Check-out: one word (check-out 0.1.0)\n"))
        }
    }

    @Test func refusesToOverwriteAndRefusesBadIDs() throws {
        try CLI.withTemporaryDirectory { directory in
            _ = try CLI.run(["new", "exercise", "check-out"], in: directory)
            let again = try CLI.run(["new", "exercise", "check-out"], in: directory)
            #expect(again.status == 1)
            #expect(again.stderr == "check-out.lua already exists; choose another id or remove the file\n")
            let bad = try CLI.run(["new", "exercise", "Check Out"], in: directory)
            #expect(bad.status == 1)
            #expect(bad.stderr == "'Check Out' is not a valid exercise id; use lowercase letters, digits and dashes, like check-out\n")
        }
    }
}
