import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

@main
struct WerkvormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "werkvorm",
        abstract: "Plan, run, record and replay workshop sessions built from exercises written in Lua.",
        version: Werkvorm.version,
        subcommands: [
            ExercisesCommand.self, TestCommand.self, NewCommand.self, PlanCommand.self, RunCommand.self, ServeCommand.self, ReplayCommand.self, ReportCommand.self, LuaCommand.self,
        ]
    )

    /// Errors the user can fix print as their own one line on standard error and exit 1;
    /// usage errors get ArgumentParser's message with help.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            if !error.description.isEmpty { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
