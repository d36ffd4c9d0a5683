import Foundation
import LuaHost

/// Where `require(name)` looks for `name.lua`: modules given by name first (those a record
/// carries), then the directories in order.
public struct ModuleDirectories: Sendable {
    /// The directories, searched in order, each with the path that messages show for it.
    public var directories: [(url: URL, shown: String)]
    /// Modules given by name, found before any directory is searched.
    public var embedded: [String: LuaModule]

    /// Modules found in `directories`, searched in order, after `embedded`; messages show each
    /// directory as its path given, or as `shown`.
    public init(_ directories: [URL], shown: [String]? = nil, embedded: [String: LuaModule] = [:]) {
        self.directories = directories.enumerated().map { index, url in (url, shown.flatMap { index < $0.count ? $0[index] : nil } ?? url.relativePath) }
        self.embedded = embedded
    }

    /// The module `name`: an embedded one, or from the first directory that has `name.lua`.
    public func find(_ name: String) -> LuaModule? {
        if let module = embedded[name] { return module }
        for directory in directories {
            let file = directory.url.appendingPathComponent(name + ".lua")
            if let source = try? String(contentsOf: file, encoding: .utf8) {
                return LuaModule(source: source, path: directory.shown + "/" + name + ".lua")
            }
        }
        return nil
    }
}
