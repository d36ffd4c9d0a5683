import ArgumentParser
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm exercises`: the exercise library.
struct ExercisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List, show and check the exercises in the library.",
        subcommands: [List.self, Show.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the exercises.")
        @OptionGroup var library: LibraryOptions
        @Flag(help: "Print JSON for machines.") var json = false
        @Option(help: "nl or en.") var lang: Language = .nl

        func run() throws {
            let library = try library.load()
            for problem in library.problems { Terminal.error(problem.description) }
            if json {
                let list: [LuaValue] = library.sorted.map { exercise in
                    [
                        "id": .string(exercise.id), "version": .string(exercise.version), "title": exercise.title.value,
                        "summary": exercise.summary.value, "path": .string(exercise.source.path),
                        "duration": ["default": .integer(Int64(exercise.duration.defaultMinutes)), "minimum": .integer(Int64(exercise.duration.minimumMinutes))],
                    ]
                }
                print(JSONWriter.string(.array(list), pretty: true))
            } else {
                let width = library.sorted.map(\.id.count).max() ?? 0
                for exercise in library.sorted {
                    let id = exercise.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    print("\(id)  \(String(exercise.duration.defaultMinutes).leftPadded(3)) min  \(exercise.title.text(lang))")
                }
            }
            if !library.problems.isEmpty { throw CLIError("\(library.problems.count) problem(s) in the library; `werkvorm exercises check` lists them") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show all a trainer needs to run an exercise, even on paper.")
        @OptionGroup var library: LibraryOptions
        @Argument(help: "The exercise id.") var id: String
        @Option(help: "nl or en.") var lang: Language = .nl

        func run() throws {
            let library = try library.load()
            do {
                print(Handout(exercise: try library.exercise(id), language: lang).text, terminator: "")
            } catch {
                throw CLIError(error.description)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check exercises: declarations, then a dry run with simulated participants.",
            discussion: "Without paths, checks every exercise in the library. Exits 1 listing every problem.")
        @OptionGroup var library: LibraryOptions
        @Argument(help: "Exercise files or directories to check.") var paths: [String] = []

        func run() throws {
            let files = try ExerciseFiles.resolve(paths, library: library)
            var problemCount = 0
            var unsound = 0
            for (file, modules) in files {
                let path = Installation.displayPath(file)
                let text: String
                do {
                    text = try TextFile.text(file.path, what: "the exercise")
                } catch {
                    var problem = error
                    problem.file = path  // as the library shows it
                    print(problem.description)
                    problemCount += 1
                    unsound += 1
                    continue
                }
                let problems = ExerciseCheck.problems(in: ExerciseSource(path: path, text: text), modules: modules)
                for problem in problems { print(problem.description) }
                problemCount += problems.count
                if !problems.isEmpty { unsound += 1 }
            }
            if problemCount == 0 {
                print("\(files.count) exercise\(files.count == 1 ? "" : "s") checked: no problems")
            } else {
                // on standard output, after the problems it sums up
                print("\(problemCount) problem\(problemCount == 1 ? "" : "s") in \(unsound) of \(files.count) exercise\(files.count == 1 ? "" : "s")")
                throw CLIError("", exitCode: 1)
            }
        }
    }
}

extension Language: ExpressibleByArgument {}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Exercise files named on the command line (files or directories), or the whole library.
enum ExerciseFiles {
    /// Whether `id` is a valid exercise id: lowercase letters, digits and dashes.
    static func isExerciseID(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }
    }

    static func resolve(_ paths: [String], library options: LibraryOptions) throws -> [(URL, ModuleDirectories)] {
        let directories = ExerciseLibrary.directories(extra: options.directories)
        func modules(for directory: URL) -> ModuleDirectories {
            ModuleDirectories(displaying: [directory.appendingPathComponent("lib")] + directories.reversed().map { $0.appendingPathComponent("lib") })
        }
        guard !paths.isEmpty else {
            return try directories.flatMap { directory in
                try ExerciseLibrary.exerciseFiles(in: directory).map { ($0, modules(for: directory)) }
            }
        }
        var files: [(URL, ModuleDirectories)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                files += try ExerciseLibrary.exerciseFiles(in: url).map { ($0, modules(for: url)) }
            } else if url.pathExtension != "lua" {
                throw CLIError("\(path): an exercise is a .lua file; give an exercise's .lua file, or a directory of them")
            } else {
                files.append((url, modules(for: url.deletingLastPathComponent())))
            }
        }
        return files
    }
}
