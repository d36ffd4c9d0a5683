import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm plan SESSION`: the agenda of a session script, to print and take into the room.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check a session script and print its agenda.",
        discussion: """
            The agenda is in the session's language: the steps with clock times, the total against \
            the available time, the materials to bring, and per exercise its settings, the trainer's \
            notes and the facilitator's instructions. A script with problems prints every problem \
            (file:line:column: field: message) on standard error and exits 1.
            """
    )

    /// The formats of the agenda.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html

        var report: ReportFormat {
            switch self {
            case .text: .text
            case .md: .md
            case .html: .html
            }
        }
    }

    @OptionGroup var library: LibraryOptions

    @Argument(help: "The session script (.yaml, .yml or .json).")
    var session: String

    @Option(help: "text (80 columns), md or html (a printable page).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the agenda to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let library = try library.load()
        let script: SessionScript
        do {
            script = try SessionScript.load(path: session, library: library)
        } catch {
            for problem in library.problems { Terminal.error(problem.description) }
            throw CLIError(error.description)
        }
        let agenda = Agenda(script: script).render(format.report)
        guard let output else {
            print(agenda, terminator: "")
            return
        }
        do {
            try replaceFile(at: URL(fileURLWithPath: output), with: Array(agenda.utf8), what: "the agenda")
        } catch {
            throw CLIError("\(output): \(error)")
        }
        print("wrote \(output)")
    }
}
