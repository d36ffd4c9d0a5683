import Foundation
import LuaHost
import Testing

@testable import Werkvorm

/// Events files as editors and other systems write them, and as nobody should: each line is read
/// or refused with its line and column.
@Suite struct HostileEventsTests {
    @Test func crlfLineEndsAndAByteOrderMarkAreRead() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"go\": 1}\r\n# note\r\n\r\n{\"go\": 2}\r\n".utf8)
        let events = try SessionEvent.parseLines(bytes: bytes, file: "e.jsonl")
        #expect(events.map(\.line) == [1, 4])
        #expect(events.map(\.event.step) == [1, 2])
    }

    @Test func aByteThatIsNotUTF8IsNamedWithItsLineAndColumn() {
        let latin1: [UInt8] = Array("{\"go\": 1}\n{\"step\": 1, \"input\": \"x\", \"fields\": {\"t\": \"caf".utf8) + [0xE9] + Array("\"}}\n".utf8)
        #expect(throws: Problems.self) { try SessionEvent.parseLines(bytes: latin1, file: "e.jsonl") }
        do {
            _ = try SessionEvent.parseLines(bytes: latin1, file: "e.jsonl")
        } catch {
            #expect(error.description == "e.jsonl:2:47: is not UTF-8 text: the byte 0xE9 here is not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8")
        }
    }

    @Test func aTextFileThatIsNotThereOrIsADirectorySaysSo() throws {
        #expect(throws: Problem(file: "/nonexistent/e.jsonl", "there is no such file; check the path and the name of the events file")) {
            try TextFile.bytes("/nonexistent/e.jsonl", what: "the events file")
        }
        #expect(throws: Problem(file: "/tmp", "is a directory; give the path of the events file, a file")) {
            try TextFile.bytes("/tmp", what: "the events file")
        }
    }

    @Test func aTextOfOnlyInvisibleCharactersIsEmpty() {
        #expect("\u{200B}\u{200B} \u{FEFF}".trimmingWhitespace() == "")
        #expect("\u{200B}Luisteren\u{2060}".trimmingWhitespace() == "Luisteren")
        #expect("👩‍👩‍👧".trimmingWhitespace() == "👩‍👩‍👧")  // joiners inside a character stay
    }

    @Test func aProblemWithAHugeMessageOrManyProblemsStaysReadable() {
        let problem = Problem(file: "e.jsonl", line: 3, field: "fields.t", String(repeating: "a", count: 10_000))
        #expect(problem.description.count < 700)
        #expect(problem.description.hasPrefix("e.jsonl:3: fields.t: aaaa"))
        let many = Problems((1...120).map { Problem(file: "e.jsonl", line: $0, "wrong") })
        let lines = many.description.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.last == "e.jsonl:51: … and 70 more problems, from this line on; fix these first")
        #expect(Problem(file: "e.jsonl", line: 2, field: "a\nb", "one\ntwo").description == "e.jsonl:2: a⏎b: one⏎two")
    }
}
