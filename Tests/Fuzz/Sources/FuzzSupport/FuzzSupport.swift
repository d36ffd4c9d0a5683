import Foundation
import FuzzDriver
import Werkvorm
import WerkvormLibrary

/// What the fuzz targets share.
public enum Fuzz {
    /// The checkout this package is in: Tests/Fuzz/Sources/FuzzSupport/ is four folders down.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped exercises (`Exercises/`): `$WERKVORM_HOME/Exercises` when set, else the
    /// checkout's.
    public static let exercisesDirectory: URL =
        Installation.exercisesDirectory
        ?? root.appendingPathComponent("Exercises")

    /// The shipped library, loaded once for every input.
    public static let library: ExerciseLibrary = {
        let library = ExerciseLibrary(directories: [exercisesDirectory])
        check(
            library.problems.isEmpty && !library.exercises.isEmpty,
            "the shipped library at \(exercisesDirectory.path) does not load: \(library.problems)")
        return library
    }()

    /// A file of this process's own in the temporary directory, for readers that take a path.
    public static func scratchFile(_ name: String) -> String {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return directory + "/werkvorm-fuzz-\(getpid())-" + name
    }

    /// Writes `bytes` to `path`, replacing what was there.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let ok = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        check(ok, "cannot write the scratch file \(path)")
    }

    /// Traps when `condition` is false: a finding of the fuzzer, with what was expected.
    public static func check(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition() else { return }
        FileHandle.standardError.write(Data("FUZZ CHECK FAILED: \(message())\n".utf8))
        fatalError("fuzz check failed", file: file, line: line)
    }

    /// The input as text: the bytes when they are UTF-8, else nil (what the commands refuse
    /// with "cannot read the file as UTF-8 text").
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}

extension Fuzz {
    /// One input of a fuzz target: the bytes and their count (the bytes may be nil when empty).
    public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer on `test`: the body of each target's `<Target>_main`.
    public static func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: Test) -> Int32 {
        werkvorm_fuzz_main(argc, argv, test)
    }
}
