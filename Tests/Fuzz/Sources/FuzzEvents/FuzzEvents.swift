import Foundation
import FuzzSupport
import LuaHost
import Werkvorm

/// The session the events are applied to: the shipped example with the most exercises, which
/// has no roster, so that whoever appears in the events takes part.
let script: SessionScript = {
    let path = Fuzz.root.appendingPathComponent("Examples/iedereen-mee-sessie-6.yaml").path
    do {
        return try SessionScript.load(path: path, library: Fuzz.library)
    } catch {
        Fuzz.check(false, "the example script does not load: \(error)")
        fatalError()
    }
}()

/// At most this many events of one input are applied to the session: each may run an
/// exercise's handler, which is bounded by its instruction limit only.
let maximumApplied = 256

/// An events file as `werkvorm run --events` reads it (`SessionEvent.parseLines`). Every event
/// read must read back the same from its JSON (`value`), as the journal does on `--resume`;
/// then the events are applied to a session of the shipped example, and every recorded event
/// must read back the same from its JSON, as a record's reader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    // `--events -` decodes standard input leniently; a file must be UTF-8. Both end here.
    let text = Fuzz.text(data, size) ?? String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines: [(line: Int, event: SessionEvent)]
    do {
        lines = try SessionEvent.parseLines(text, file: "fuzz.events.jsonl")
    } catch {
        for problem in error.problems {
            Fuzz.check(problem.file != nil && problem.line != nil, "a problem of an events file without its file and line: \(problem)")
        }
        return 0
    }
    for (line, event) in lines {
        let json = JSONWriter.string(event.value)
        do {
            let again = try SessionEvent(try JSONReader.parse(json))
            Fuzz.check(again == event, "line \(line): the event reads back differently from its JSON \(json): \(again) != \(event)")
        } catch {
            Fuzz.check(false, "line \(line): the event's own JSON \(json) does not read back: \(error)")
        }
    }
    let events = Array(lines.prefix(maximumApplied).map(\.event))
    let run = SessionRun(
        script: script, modules: Fuzz.library.modules, seed: 1,
        participants: SessionRun.participants(of: script, events: events))
    let recorded = run.apply(events)
    Fuzz.check(recorded.count == events.count, "\(events.count) events applied, \(recorded.count) recorded")
    for (index, event) in recorded.enumerated() {
        let json = JSONWriter.string(event.value)
        do {
            let again = try RecordedEvent(try JSONReader.parse(json))
            if case .failed = event.result {
                // a failure's reason is recorded as text: only its kind reads back
                Fuzz.check(again.result.kind == .failed && again.event == event.event, "event \(index + 1): a failed event reads back differently from \(json)")
            } else {
                Fuzz.check(again == event, "event \(index + 1): the recorded event reads back differently from its JSON \(json): \(again) != \(event)")
            }
        } catch {
            Fuzz.check(false, "event \(index + 1): the recorded event's own JSON \(json) does not read back: \(error)")
        }
    }
    _ = run.outcomes()
    return 0
}

/// The entry point: SwiftPM links `main` to `FuzzEvents_main`.
@_cdecl("FuzzEvents_main")
public func fuzzEventsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzEvents)
}
