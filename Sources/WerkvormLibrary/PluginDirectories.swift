import Foundation
import Werkvorm

/// Where report plugins are found: the given directories, then the shipped `Plugins/`.
public enum PluginDirectories {
    /// The plugin `name` from the shipped `Plugins/` or `directories`, as a source.
    /// A name is a name: letters, digits, `-` and `_`, so that it never reaches outside them.
    public static func find(_ name: String, in directories: [URL]) throws(Problem) -> ExerciseSource {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }) else {
            throw Problem("'\(name)' is not the name of a report plugin: a name has letters, digits, - and _ only, like verslag")
        }
        let all = directories + (Installation.pluginsDirectory.map { [$0] } ?? [])
        for directory in all {
            let file = directory.appendingPathComponent(name + ".lua")
            if let text = try? String(contentsOf: file, encoding: .utf8) {
                return ExerciseSource(path: Installation.displayPath(file), text: text)
            }
        }
        let known = all.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
            .filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }.sorted()
        let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? (known.isEmpty ? "" : "; the plugins are \(known.joined(separator: ", "))")
        throw Problem("there is no report plugin '\(name)'\(hint)")
    }

}
