import ArgumentParser
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm replay RECORD`: runs a recorded session again and proves the outcomes are the same.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a recorded session again from the record alone and compare every outcome.",
        discussion: """
            The record carries the script, the exercises' sources, the modules they required, the seed, \
            the participants and every event, so a replay needs no library. Exits 0 when every result \
            and outcome is identical, 1 with each place where they differ.
            """
    )

    @Argument(help: "The record, as written by werkvorm run.")
    var record: String

    @Option(
        name: .customLong("library"),
        help: ArgumentHelp(
            "Replay against the current library (the shipped exercises and these directories) instead of the record's sources, and show what changed (repeatable).",
            valueName: "dir"))
    var libraries: [String] = []

    @Flag(help: "Print the result as JSON for machines.")
    var json = false

    @Flag(help: "Walk through the session input by input, showing how each outcome grew.")
    var timeline = false

    func run() throws {
        let current = libraries.isEmpty ? nil : ExerciseLibrary(directories: ExerciseLibrary.directories(extra: libraries), cache: DeclarationCacheDirectory.standard())
        if timeline {
            let session = try RecordFile.session(record, current: current)
            for change in session.changes { print("changed: \(change)") }
            for line in SessionReplay.timeline(session) { print(line) }
            return
        }
        let replay: SessionReplay
        do {
            replay = try SessionReplay.replay(try RecordFile.session(record, current: current, events: .replayed))
        } catch let problems as Problems {
            throw CLIError(problems.description)
        }
        if json {
            let divergences: [LuaValue] = replay.divergences.map { divergence in
                var fields: LuaObject = [
                    "step": .integer(Int64(divergence.step)), "path": .string(divergence.path),
                    "recorded": .string(divergence.recorded), "replayed": .string(divergence.replayed),
                ]
                if let exercise = divergence.exercise { fields["exercise"] = .string(exercise) }
                return .object(fields)
            }
            print(
                JSONWriter.string(
                    [
                        "identical": .bool(replay.divergences.isEmpty), "changes": .array(replay.changes.map { .string($0) }), "events": .integer(Int64(replay.events)),
                        "steps": .integer(Int64(replay.steps)), "divergences": .array(divergences),
                    ], pretty: true))
        } else {
            for change in replay.changes { print("changed: \(change)") }
            if replay.divergences.isEmpty {
                let events = replay.events == 1 ? "1 event" : "\(replay.events) events"
                let steps = replay.steps == 1 ? "1 exercise step" : "\(replay.steps) exercise steps"
                print("replayed \(events) in \(steps): every result and outcome is identical")
            } else {
                for divergence in replay.divergences { print(divergence.description) }
            }
        }
        if !replay.divergences.isEmpty {
            throw CLIError("\(record): the replay differs from the record in \(replay.divergences.count) place\(replay.divergences.count == 1 ? "" : "s")")
        }
    }
}
