import FuzzSupport
import Werkvorm
import WerkvormRendering

/// A session script as `werkvorm plan` reads it (`SessionScript.load` after reading the file as
/// UTF-8), checked against the shipped library; when it reads, its agenda in every format.
/// Problems are expected; a crash, a trap, a hang or a memory blow-up is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = Fuzz.text(data, size) else { return 0 }
    let script: SessionScript
    do {
        script = try SessionScript.parse(text, file: "fuzz.yaml", library: Fuzz.library)
    } catch {
        // Every problem of a script is placed: it names the file.
        for problem in error.problems {
            Fuzz.check(problem.file != nil, "a problem of a session script without its file: \(problem)")
        }
        return 0
    }
    let agenda = Agenda(script: script)
    for format in ReportFormat.allCases {
        _ = agenda.render(format)
    }
    return 0
}

/// The entry point: SwiftPM links `main` to `FuzzSessionScript_main`.
@_cdecl("FuzzSessionScript_main")
public func fuzzSessionScriptMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzSessionScript)
}
