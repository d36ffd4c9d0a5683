import ArgumentParser
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm lua FILE`: runs one Lua file in exactly the sandbox plugins get.
struct LuaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua",
        abstract: "Run a Lua file in the plugin sandbox and print what it returns as JSON.",
        discussion: """
            The file runs with the same libraries, limits and determinism as an exercise: \
            require finds modules in lib/ beside the file and in the exercise library. \
            print writes to standard error. An error prints one line on standard error and exits 1.
            """
    )

    @Argument(help: "The Lua file to run.")
    var file: String

    @Option(help: "Seed for math.random.")
    var seed: Int64 = 0

    @Option(help: "Lua instructions one call may run.")
    var maxInstructions: Int = LuaLimits.default.instructions

    @Option(help: "Bytes the Lua state may use.")
    var maxMemory: Int = LuaLimits.default.memory

    func run() throws {
        let source: String
        do {
            source = try TextFile.text(file, what: "the Lua file")
        } catch {
            throw CLIError(error.description)
        }
        var limits = LuaLimits.default
        limits.instructions = maxInstructions
        limits.memory = maxMemory
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let modules = ModuleDirectories(displaying: [directory.appendingPathComponent("lib"), directory] + ModuleDirectories.standardLibrary)
        do {
            let state = try LuaState(limits: limits, seed: seed, modules: modules.find)
            state.onPrint = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let result = try state.run(source: source, path: file)
            print(JSONWriter.string(result, pretty: true))
        } catch {
            throw CLIError(error.description)
        }
    }
}
