import Foundation
import LuaHost

/// Where `require(name)` looks for `name.lua`, in order.
public struct ModuleDirectories: Sendable {
    /// The directories, searched in order.
    public var directories: [URL]

    /// Modules found in `directories`, searched in order.
    public init(_ directories: [URL]) {
        self.directories = directories
    }

    /// The module `name` from the first directory that has `name.lua`.
    public func find(_ name: String) -> LuaModule? {
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
