import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `--library DIR`, shared by the commands that use exercises.
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("library"), help: ArgumentHelp("A directory of exercises to add (repeatable); later ones may override an id.", valueName: "dir"))
    var directories: [String] = []

    /// The library, with its notices printed on standard error; an error when there is no
    /// library at all (a program copied away from its exercises).
    func load() throws -> ExerciseLibrary {
        let found = ExerciseLibrary.directories(extra: directories)
        guard !found.isEmpty else {
            throw CLIError(
                "no exercise library found (looked in \(Installation.searched)); install with `make install PREFIX=DIR`, set WERKVORM_HOME to a directory holding Exercises/ and Plugins/, or give --library DIR"
            )
        }
        let library = ExerciseLibrary(directories: found, cache: DeclarationCacheDirectory.standard())
        for notice in library.notices { Terminal.error(notice) }
        return library
    }
}

/// Writing to the terminal.
enum Terminal {
    /// A line on standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A line on standard output, written at once (not buffered), also into a pipe or a log.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
