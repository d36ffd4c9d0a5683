import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm test`: runs exercise tests written in Lua.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests of exercises (ID.test.lua beside ID.lua).",
        discussion: "Every case runs twice in fresh states; a difference fails it. Exits 1 when a case fails.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "Exercise files, test files or directories; without, the whole library.") var paths: [String] = []

    func run() throws {
        let files = try ExerciseFiles.resolve(paths.map { $0.hasSuffix(".test.lua") ? String($0.dropLast(".test.lua".count)) + ".lua" : $0 }, library: library)
        var passed = 0
        var failed = 0
        for (file, modules) in files {
            let testFile = ExerciseLibrary.testFile(for: file)
            guard let tests = try? String(contentsOf: testFile, encoding: .utf8), let text = try? String(contentsOf: file, encoding: .utf8) else {
                print("\(Installation.displayPath(file)): no tests (write them in \(Installation.displayPath(testFile)))")
                continue
            }
            let runner = ExerciseTestRunner(
                exercise: ExerciseSource(path: Installation.displayPath(file), text: text),
                tests: ExerciseSource(path: Installation.displayPath(testFile), text: tests), modules: modules)
            for result in runner.run() {
                if result.passed {
                    passed += 1
                } else {
                    failed += 1
                    let place = result.line.map { "\(result.file):\($0)" } ?? result.file
                    print("\(place): FAILED \"\(result.name)\"")
                    for failure in result.failures { print("    \(failure)") }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw CLIError("", exitCode: 1) }
    }
}
