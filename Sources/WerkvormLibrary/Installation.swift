import Foundation
import Werkvorm

/// Where Werkvorm's own files are: the exercises and plugins it ships.
public enum Installation {
    /// The shipped `Exercises/` directory: `$WERKVORM_HOME/Exercises`, else
    /// `share/werkvorm/Exercises` beside the executable's `bin/` (`make install PREFIX=…`), else
    /// the first `Exercises/` with a `lib/` found walking up from the executable (a checkout's
    /// `.build/debug/werkvorm`), else `./Exercises`.
    public static var exercisesDirectory: URL? { shippedDirectory("Exercises", marker: "lib") }

    /// The shipped `Plugins/` directory, found like ``exercisesDirectory``.
    public static var pluginsDirectory: URL? { shippedDirectory("Plugins", marker: nil) }

    static func shippedDirectory(_ name: String, marker: String?) -> URL? {
        let files = FileManager.default
        func isShipped(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            let probe = marker.map { url.appendingPathComponent($0) } ?? url
            return files.fileExists(atPath: probe.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let home = ProcessInfo.processInfo.environment["WERKVORM_HOME"], !home.isEmpty {
            let url = URL(fileURLWithPath: home).appendingPathComponent(name)
            return isShipped(url) ? url : nil
        }
        var directory = executable.deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/werkvorm/\(name)")
        if isShipped(installed) { return installed.standardizedFileURL }
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name)
            if isShipped(candidate) { return candidate.standardizedFileURL }
            directory = directory.deletingLastPathComponent()
        }
        let local = URL(fileURLWithPath: files.currentDirectoryPath).appendingPathComponent(name)
        return isShipped(local) ? local : nil
    }

    /// The running program's file, with symbolic links resolved, however it was started (by a
    /// path, or by its name through `PATH`).
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    }

    /// Where the shipped library is looked for, for a message when it is not found.
    public static let searched = "$WERKVORM_HOME/Exercises, share/werkvorm/Exercises beside the program's bin/, an Exercises/ above the program, ./Exercises"

    /// A file's path as a user reads it: relative to the current directory when below it.
    public static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
