import Foundation
import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary

/// A cache in memory, that counts what is asked of it.
private final class MemoryCache: DeclarationCache, @unchecked Sendable {
    var entries: [String: [UInt8]] = [:]
    var hits = 0

    func bytes(for key: String) -> [UInt8]? {
        if entries[key] != nil { hits += 1 }
        return entries[key]
    }

    func store(_ bytes: [UInt8], for key: String) { entries[key] = bytes }
}

@Suite struct DeclarationCacheTests {
    /// A copy of the shipped library in a fresh directory, to change.
    private static func copyOfLibrary() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.exercises, to: directory)
        return directory
    }

    @Test func aLibraryReadFromTheCacheIsTheSameAsOneLoaded() throws {
        let cache = MemoryCache()
        let loaded = ExerciseLibrary(directories: [Fixtures.exercises], cache: cache)
        #expect(cache.entries.count == ShippedExercisesTests.ids.count)
        #expect(cache.hits == 0)
        let cached = ExerciseLibrary(directories: [Fixtures.exercises], cache: cache)
        #expect(cache.hits == ShippedExercisesTests.ids.count)
        #expect(cached.problems.isEmpty)
        #expect(cached.sorted == loaded.sorted)
        #expect(cached.sorted == ExerciseLibrary(directories: [Fixtures.exercises]).sorted)
        #expect(cached.sorted.contains { $0.hasView })
    }

    @Test func aChangedSourceOrModuleIsLoadedAgain() throws {
        let directory = try Self.copyOfLibrary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = MemoryCache()
        _ = ExerciseLibrary(directories: [directory], cache: cache)
        // a changed title is a new source: loaded, not taken from the old entry
        let file = directory.appendingPathComponent("check-in.lua")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: #"title = { nl = "Check-in", en = "Check-in" }"#, with: #"title = { nl = "Inchecken", en = "Check-in" }"#).write(
            to: file, atomically: true, encoding: .utf8)
        let changed = ExerciseLibrary(directories: [directory], cache: cache)
        #expect(try changed.exercise("check-in").title.nl == "Inchecken")
        #expect(cache.entries.count == ShippedExercisesTests.ids.count + 1)
        // an exercise that requires a module while loading depends on it: a changed module is a miss
        try """
        local M = {}
        M.title = { nl = "Uit de module", en = "From the module" }
        return M
        """.write(to: directory.appendingPathComponent("lib/titles.lua"), atomically: true, encoding: .utf8)
        let withModule = Fixtures.counter([(#"title = { nl = "Teller", en = "Counter" },"#, #"title = require("titles").title,"#)])
        let modules = ModuleDirectories(displaying: [directory.appendingPathComponent("lib")])
        let first = ExerciseLibrary(directories: [], sources: [withModule], problems: [], modules: modules, cache: cache)
        #expect(first.problems.map(\.description) == [])
        #expect(try first.exercise("counter").title.nl == "Uit de module")
        try """
        local M = {}
        M.title = { nl = "Nieuw in de module", en = "New in the module" }
        return M
        """.write(to: directory.appendingPathComponent("lib/titles.lua"), atomically: true, encoding: .utf8)
        let hitsBefore = cache.hits
        let second = ExerciseLibrary(directories: [], sources: [withModule], problems: [], modules: modules, cache: cache)
        #expect(cache.hits == hitsBefore + 1)  // found, but stale
        #expect(try second.exercise("counter").title.nl == "Nieuw in de module")
    }

    @Test func aDamagedEntryIsLoadedAgainAndABrokenExerciseIsNeverCached() throws {
        let cache = MemoryCache()
        let broken = Fixtures.counter([(#"version = "1.0.0","#, "version = 1,")])
        let library = ExerciseLibrary(directories: [], sources: [broken], problems: [], modules: Fixtures.modules, cache: cache)
        #expect(library.problems.count == 1)
        #expect(cache.entries.isEmpty)
        let sound = Fixtures.counter()
        cache.entries[CachedDeclarations.key(sound)] = Array("{\"format\": 1, \"declarations\": ".utf8)
        let again = ExerciseLibrary(directories: [], sources: [sound], problems: [], modules: Fixtures.modules, cache: cache)
        #expect(again.problems.isEmpty)
        #expect(try again.exercise("counter").title.en == "Counter")
        #expect(CachedDeclarations(bytes: try #require(cache.entries[CachedDeclarations.key(sound)])) != nil)  // stored anew
    }

    @Test func theDirectoryCacheKeepsFilesForTheUserAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = try #require(DeclarationCacheDirectory.standard(environment: ["WERKVORM_CACHE": directory.path, "HOME": "/nowhere"]))
        #expect(cache.url.path == directory.appendingPathComponent("declarations").path)
        _ = ExerciseLibrary(directories: [Fixtures.exercises], cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.url.path)
        #expect(files.count == ShippedExercisesTests.ids.count)
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.url.appendingPathComponent(files[0]).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(DeclarationCacheDirectory.standard(environment: ["WERKVORM_CACHE": "off", "HOME": "/h"]) == nil)
        #expect(DeclarationCacheDirectory.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.url.path == "/c/werkvorm/declarations")
        #expect(DeclarationCacheDirectory.standard(environment: ["HOME": "/h"])?.url.path == "/h/.cache/werkvorm/declarations")
    }
}
