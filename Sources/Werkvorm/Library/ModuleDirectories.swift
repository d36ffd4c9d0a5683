import Foundation
import LuaHost

/// Where `require(name)` looks for `name.lua`: modules given by name first (those a record
/// carries), then the directories in order.
public struct ModuleDirectories: Sendable {
    /// The directories, searched in order.
    public var directories: [URL]
    /// Modules given by name, found before any directory is searched.
    public var embedded: [String: LuaModule]

    /// Modules found in `directories`, searched in order, after `embedded`.
    public init(_ directories: [URL], embedded: [String: LuaModule] = [:]) {
        self.directories = directories
        self.embedded = embedded
    }

    /// The module `name`: an embedded one, or from the first directory that has `name.lua`.
    public func find(_ name: String) -> LuaModule? {
        if let module = embedded[name] { return module }
        for directory in directories {
            let file = directory.appendingPathComponent(name + ".lua")
            if let source = try? String(contentsOf: file, encoding: .utf8) {
                return LuaModule(source: source, path: Installation.displayPath(file))
            }
        }
        return nil
    }

    /// The exercise standard library shipped with Werkvorm (`Exercises/lib`).
    public static var standardLibrary: [URL] {
        Installation.exercisesDirectory.map { [$0.appendingPathComponent("lib")] } ?? []
    }
}
