import ArgumentParser
import Foundation
import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// `werkvorm report RECORD`: every step's results, from the exercises' own report blocks.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report a recorded session: every step's results, with pictures in HTML.",
        discussion: """
            The report is made from the record alone, by the exercises' sources it carries. html is one \
            self-contained file (inline SVG and styles) that opens and prints offline; json gives \
            every step's outcome.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html, json
    }

    @Argument(help: "The record, as written by werkvorm run; several records compare the same exercises' results.")
    var records: [String]

    @Option(help: "text, md, html or json.")
    var format: Format = .text

    @Option(help: "nl or en (default: the session's language).")
    var lang: Language?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("A report plugin from Plugins/ (verslag: Dutch minutes; csv: every input) instead of --format.", valueName: "name"))
    var plugin: String?

    @Flag(help: "Replace participants' names by stable pseudonyms (deelnemer-1, deelnemer-2...) in the report.")
    var anonymise = false

    @Option(name: .customLong("plugins"), help: ArgumentHelp("Another directory of report plugins (repeatable).", valueName: "dir"))
    var pluginDirectories: [String] = []

    func run() throws {
        guard let record = records.first else { throw CLIError("give the record to report (werkvorm report RECORD)") }
        if records.count > 1 {
            return try compare()  // reads every record itself
        }
        let read = try RecordFile.session(record, events: plugin == nil ? .summary : .all)  // plugins get every event
        let recorded = anonymise ? read.anonymised() : read
        let language = lang ?? recorded.script.language
        var text: String
        if let plugin {
            do {
                let source = try PluginDirectories.find(plugin, in: pluginDirectories.map { URL(fileURLWithPath: $0) })
                let session = try ReportPlugin.session(recorded, language: language)
                text = try ReportPlugin.render(source, session: session, modules: ModuleDirectories(displaying: ModuleDirectories.standardLibrary))
            } catch let error as Problems {
                throw CLIError(error.description)
            } catch let error as Problem {
                throw CLIError(error.description)
            }
            if !text.hasSuffix("\n") { text += "\n" }
            return try emit(text)
        }
        switch format {
        case .json:
            text = JSONWriter.string(RecordFile.outcomes(recorded), pretty: true) + "\n"
        case .text, .md, .html:
            let blocks: [ReportBlock]
            do {
                blocks = try SessionReport.blocks(recorded, language: language)
            } catch {
                throw CLIError(error.description)
            }
            let renderer = ReportRenderer(language: language)
            switch format {
            case .text: text = recorded.script.title + "\n" + String(repeating: "=", count: recorded.script.title.count) + "\n\n" + renderer.text(blocks)
            case .md: text = "# " + ReportRenderer.markdownLine(recorded.script.title) + "\n\n" + renderer.markdown(blocks)
            default: text = renderer.htmlDocument(title: recorded.script.title, blocks: blocks)
            }
        }
        try emit(text)
    }

    /// Several records: the same exercises' results side by side, one session after the other.
    private func compare() throws {
        guard plugin == nil else { throw CLIError("a report plugin reports one record at a time; give one record with --plugin") }
        let sessions = try records.map { record in
            let session = try RecordFile.session(record, events: .summary)
            return anonymise ? session.anonymised() : session
        }
        let language = lang ?? sessions[0].script.language
        let title = (language == .nl ? "Vergelijking: " : "Comparison: ") + sessions.map(\.script.title).joined(separator: " / ")
        let blocks: [ReportBlock]
        do {
            blocks = try SessionReport.comparison(sessions, language: language)
        } catch {
            throw CLIError(error.description)
        }
        let renderer = ReportRenderer(language: language)
        switch format {
        case .text: try emit(title + "\n" + String(repeating: "=", count: title.count) + "\n\n" + renderer.text(blocks))
        case .md: try emit("# " + ReportRenderer.markdownLine(title) + "\n\n" + renderer.markdown(blocks))
        case .html: try emit(renderer.htmlDocument(title: title, blocks: blocks))
        case .json:
            try emit(JSONWriter.string(.array(sessions.map(RecordFile.outcomes)), pretty: true) + "\n")
        }
    }

    private func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try replaceFile(at: URL(fileURLWithPath: output), with: Array(text.utf8), what: "the report")
        } catch {
            throw CLIError("\(output): \(error)")
        }
        print("wrote \(output)")
    }
}
