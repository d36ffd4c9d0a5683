import Foundation
import LuaHost

/// The exercises a trainer can use: every `*.lua` in the library directories (not `*.test.lua`,
/// not `lib/`). A later directory may override an id on purpose; that is noted.
public struct ExerciseLibrary: Sendable {
    /// The directories, in order: the shipped `Exercises/`, then `WERKVORM_PATH`, then `--library`.
    public let directories: [URL]
    /// The exercises, by id.
    public private(set) var exercises: [String: Exercise] = [:]
    /// Notes for the user, such as an id overridden by a later directory.
    public private(set) var notices: [String] = []
    /// Files that could not be loaded, with their problems.
    public private(set) var problems: [Problem] = []
    /// Modules given by name (a record's), found before the directories' `lib/`.
    public private(set) var embeddedModules: [String: LuaModule] = [:]

    /// Where `require` finds modules: embedded ones, then the `lib/` of each directory, later
    /// directories first.
    public var modules: ModuleDirectories {
        ModuleDirectories(directories.reversed().map { $0.appendingPathComponent("lib") }, embedded: embeddedModules)
    }

    /// A library of exercises given as sources (those a record carries), with their modules.
    public init(sources: [ExerciseSource], modules: [String: LuaModule], limits: LuaLimits = .default) {
        directories = []
        embeddedModules = modules
        for source in sources {
            do {
                let exercise = try LoadedExercise(source: source, modules: self.modules, limits: limits).exercise
                exercises[exercise.id] = exercise
            } catch {
                problems += error.problems
            }
        }
    }

    /// The library directories for a command: the shipped exercises, `WERKVORM_PATH`
    /// (colon-separated) and `extra` (`--library`), in that order.
    public static func directories(extra: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var directories: [URL] = []
        if let shipped = Installation.exercisesDirectory { directories.append(shipped) }
        for path in (environment["WERKVORM_PATH"] ?? "").split(separator: ":") where !path.isEmpty {
            directories.append(URL(fileURLWithPath: String(path)))
        }
        directories += extra.map { URL(fileURLWithPath: $0) }
        var seen: Set<String> = []
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// Loads every exercise in `directories`.
    public init(directories: [URL], limits: LuaLimits = .default) {
        self.directories = directories
        for directory in directories {
            let files: [URL]
            do {
                files = try ExerciseLibrary.exerciseFiles(in: directory)
            } catch {
                problems.append(Problem(file: Installation.displayPath(directory), "cannot read the directory; check the path given with --library or WERKVORM_PATH"))
                continue
            }
            for file in files {
                let path = Installation.displayPath(file)
                guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                    problems.append(Problem(file: path, "cannot read the file as UTF-8 text"))
                    continue
                }
                do {
                    let loaded = try LoadedExercise(source: ExerciseSource(path: path, text: text, libraryPath: file.lastPathComponent), modules: modules, limits: limits)
                    let exercise = loaded.exercise
                    if let earlier = exercises[exercise.id] {
                        notices.append("notice: \(path) overrides the exercise '\(exercise.id)' from \(earlier.source.path)")
                    }
                    exercises[exercise.id] = exercise
                } catch {
                    problems += error.problems
                }
            }
        }
    }

    /// The `*.lua` exercise files directly in `directory`, sorted by name.
    public static func exerciseFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "lua" && !$0.lastPathComponent.hasSuffix(".test.lua") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The exercises sorted by id.
    public var sorted: [Exercise] {
        exercises.values.sorted { $0.id < $1.id }
    }

    /// The exercise `id`, or a problem with a "did you mean".
    public func exercise(_ id: String) throws(Problem) -> Exercise {
        if let exercise = exercises[id] { return exercise }
        let hint = Suggestion.closest(to: id, in: Array(exercises.keys)).map { "; did you mean '\($0)'?" } ?? "; `werkvorm exercises list` shows them all"
        throw Problem("there is no exercise '\(id)'\(hint)")
    }

    /// The test file beside an exercise file (`Exercises/check-in.test.lua`).
    public static func testFile(for exercise: URL) -> URL {
        exercise.deletingPathExtension().appendingPathExtension("test.lua")
    }
}
