import Foundation
import LuaHost
import Werkvorm

extension ExerciseLibrary {
    /// Loads every exercise in `directories`: every `*.lua` in them (not `*.test.lua`, not
    /// `lib/`), paths shown relative to the current directory. `require` finds modules in the
    /// `lib/` of each directory, later directories first. With a `cache`, exercises loaded
    /// before are read from it (see ``DeclarationCache``).
    public init(directories: [URL], limits: LuaLimits = .default, cache: DeclarationCache? = nil) {
        var sources: [ExerciseSource] = []
        var problems: [Problem] = []
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
                let text: String
                do {
                    text = try TextFile.text(file.path, what: "the exercise")
                } catch {
                    var problem = error
                    problem.file = path
                    problems.append(problem)
                    continue
                }
                sources.append(ExerciseSource(path: path, text: text, libraryPath: file.lastPathComponent))
            }
        }
        let modules = ModuleDirectories(displaying: directories.reversed().map { $0.appendingPathComponent("lib") })
        self.init(directories: directories, sources: sources, problems: problems, modules: modules, limits: limits, cache: cache)
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

    /// The `*.lua` exercise files directly in `directory`, sorted by name.
    public static func exerciseFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "lua" && !$0.lastPathComponent.hasSuffix(".test.lua") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The test file beside an exercise file (`Exercises/check-in.test.lua`).
    public static func testFile(for exercise: URL) -> URL {
        exercise.deletingPathExtension().appendingPathExtension("test.lua")
    }
}

extension ModuleDirectories {
    /// Modules found in `directories`, searched in order; messages show their paths relative
    /// to the current directory when below it.
    public init(displaying directories: [URL]) {
        self.init(directories, shown: directories.map(Installation.displayPath))
    }

    /// The exercise standard library shipped with Werkvorm (`Exercises/lib`).
    public static var standardLibrary: [URL] {
        Installation.exercisesDirectory.map { [$0.appendingPathComponent("lib")] } ?? []
    }
}
