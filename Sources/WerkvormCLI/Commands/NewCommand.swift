import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm new exercise ID`: a commented, working exercise and its tests to start from.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start something new from a template.",
        subcommands: [Exercise.self]
    )

    struct Exercise: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented, working exercise and its test file.",
            discussion: "Writes ID.lua and ID.test.lua in the library directory (default: the current directory). Then try: werkvorm exercises check DIR, werkvorm test DIR.")

        @Argument(help: "The new exercise's id: lowercase letters, digits and dashes, like check-out.")
        var id: String

        @Option(name: .customLong("library"), help: ArgumentHelp("The directory to write into; created if missing.", valueName: "dir"))
        var directory: String = "."

        func run() throws {
            guard ExerciseFiles.isExerciseID(id) else {
                throw CLIError("'\(id)' is not a valid exercise id; use lowercase letters, digits and dashes, like check-out")
            }
            let folder = URL(fileURLWithPath: directory)
            let files = [
                (folder.appendingPathComponent("\(id).lua"), ExerciseTemplate.exercise(id: id)),
                (folder.appendingPathComponent("\(id).test.lua"), ExerciseTemplate.tests(id: id)),
            ]
            for (file, _) in files where FileManager.default.fileExists(atPath: file.path) {
                throw CLIError("\(Installation.displayPath(file)) already exists; choose another id or remove the file")
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError("\(directory): cannot create the directory; check that its parent exists and can be written")
            }
            for (file, text) in files {
                do {
                    try replaceFile(at: file, with: Array(text.utf8), what: "the exercise")
                } catch {
                    throw CLIError("\(Installation.displayPath(file)): \(error)")
                }
                print("wrote \(Installation.displayPath(file))")
            }
        }
    }
}
