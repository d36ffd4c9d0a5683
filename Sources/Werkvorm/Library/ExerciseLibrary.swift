import Foundation
import LuaHost

/// The exercises a trainer can use, by id, with where `require` finds their modules. Built from
/// the sources of library directories (the WerkvormLibrary module reads them), or from the
/// sources a record carries. A later source may override an id on purpose; that is noted.
public struct ExerciseLibrary: Sendable {
    /// The directories the sources came from, in order; empty for a record's library.
    public let directories: [URL]
    /// The exercises, by id.
    public private(set) var exercises: [String: Exercise] = [:]
    /// Notes for the user, such as an id overridden by a later directory.
    public private(set) var notices: [String] = []
    /// Files that could not be loaded, with their problems.
    public private(set) var problems: [Problem] = []
    /// Where `require` finds modules.
    public let modules: ModuleDirectories

    /// A library of exercises given as sources (those a record carries), with their modules.
    public init(sources: [ExerciseSource], modules: [String: LuaModule], limits: LuaLimits = .default) {
        self.init(directories: [], sources: sources, problems: [], modules: ModuleDirectories([], embedded: modules), limits: limits)
    }

    /// A library of the exercises in `sources`, read from `directories` in order (a later one
    /// overrides an earlier id, with a notice), with `problems` met while reading them. With a
    /// `cache`, an exercise whose source (and the modules it requires) loaded before is not
    /// loaded again: its declarations come from the cache, and are read as if just loaded.
    public init(
        directories: [URL], sources: [ExerciseSource], problems: [Problem], modules: ModuleDirectories, limits: LuaLimits = .default, cache: DeclarationCache? = nil
    ) {
        self.directories = directories
        self.modules = modules
        self.problems = problems
        var moduleSHA256: [String: String?] = [:]
        func sha256(ofModule name: String) -> String? {
            if let known = moduleSHA256[name] { return known }
            let found = modules.find(name).map { Journal.sha256($0.source) }
            moduleSHA256[name] = found
            return found
        }
        for source in sources {
            let key = cache.map { _ in CachedDeclarations.key(source) }
            let exercise: Exercise
            if let cache, let key, let bytes = cache.bytes(for: key), let cached = CachedDeclarations(bytes: bytes)?.exercise(source, moduleSHA256: sha256(ofModule:)) {
                exercise = cached
            } else {
                do {
                    let loaded = try LoadedExercise(source: source, modules: modules, limits: limits)
                    exercise = loaded.exercise
                    if let cache, let key { cache.store(CachedDeclarations(loaded).bytes, for: key) }
                } catch {
                    self.problems += error.problems
                    continue
                }
            }
            if let earlier = exercises[exercise.id] {
                notices.append("notice: \(source.path) overrides the exercise '\(exercise.id)' from \(earlier.source.path)")
            }
            exercises[exercise.id] = exercise
        }
    }

    /// The exercises sorted by id.
    public var sorted: [Exercise] {
        exercises.values.sorted { $0.id < $1.id }
    }

    /// The exercise `id`, or a problem with a "did you mean".
    public func exercise(_ id: String) throws(Problem) -> Exercise {
        if let exercise = exercises[id] { return exercise }
        if let broken = problems.first(where: { $0.file.map { URL(fileURLWithPath: $0).lastPathComponent == "\(id).lua" } ?? false }), let file = broken.file {
            throw Problem(
                "the exercise '\(id)' does not load: \(file) has problems (\(Excerpt.of(broken.message, limit: 80))); fix them, `werkvorm exercises check \(file)` lists them")
        }
        let hint = Suggestion.closest(to: id, in: Array(exercises.keys)).map { "; did you mean '\($0)'?" } ?? "; `werkvorm exercises list` shows them all"
        throw Problem("there is no exercise '\(id)'\(hint)")
    }
}
