import Foundation
import FuzzSupport
import LuaHost
import Werkvorm
import WerkvormRendering

/// The scratch file the record is written to: `RecordedSession` reads a path, as the commands do.
let path = Fuzz.scratchFile("record.json")

/// A record is replayed only when it has at most this many events: each may run an exercise's
/// handler, which is bounded by its instruction limit only.
let maximumReplayed = 64

/// A record as `werkvorm replay` and `werkvorm report` read it (`RecordedSession(contentsOf:)`,
/// whole, for a report's summary, and streamed).
/// When it reads: its report in text, Markdown and HTML (the exercises' own report functions
/// from the record), its outcomes as JSON, anonymised, and when it is short, its replay and
/// timeline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.write(UnsafeRawBufferPointer(start: data, count: size), to: path)
    // as a report reads it: only a summary of the events
    let summary: RecordedSession?
    do {
        summary = try RecordedSession(contentsOf: path, events: .summary)
    } catch {
        for problem in error.problems {
            Fuzz.check(problem.file != nil, "a problem of a record read for a report without its file: \(problem)")
        }
        summary = nil
    }
    let session: RecordedSession
    do {
        session = try RecordedSession(contentsOf: path)
    } catch {
        for problem in error.problems {
            Fuzz.check(problem.file != nil, "a problem of a record without its file: \(problem)")
        }
        return 0
    }
    // what reads whole reads for a report, with the same summary of its events
    Fuzz.check(summary != nil, "a record that reads whole does not read for a report")
    if let summary {
        Fuzz.check(summary.everyone == session.everyone && summary.eventCount == session.eventCount, "the report's summary of the events differs")
        Fuzz.check(summary.times.mapValues { [$0.first, $0.last] } == session.times.mapValues { [$0.first, $0.last] }, "the report's times differ")
    }
    for recorded in [session, session.anonymised()] {
        for language in Language.allCases {
            guard let blocks = try? SessionReport.blocks(recorded, language: language) else { continue }
            let renderer = ReportRenderer(language: language)
            _ = renderer.text(blocks)
            _ = renderer.markdown(blocks)
            _ = renderer.htmlDocument(title: recorded.script.title, blocks: blocks)
        }
    }
    // what reads whole reads streamed, as `werkvorm replay` reads a large record, with the same replay
    let streamed = try? RecordedSession(contentsOf: path, events: .streamed(largerThan: 0))
    Fuzz.check(streamed?.eventCount == session.eventCount, "a record that reads whole does not read to be streamed")
    if session.events.count <= maximumReplayed {
        let whole = try? SessionReplay.replay(session)
        Fuzz.check(whole != nil, "a record read whole does not replay")
        if let streamed { Fuzz.check((try? SessionReplay.replay(streamed))?.divergences == whole?.divergences, "a streamed replay differs from a replay of the events read whole") }
        _ = SessionReplay.timeline(session)
    }
    return 0
}

/// The entry point: SwiftPM links `main` to `FuzzRecord_main`.
@_cdecl("FuzzRecord_main")
public func fuzzRecordMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzRecord)
}
