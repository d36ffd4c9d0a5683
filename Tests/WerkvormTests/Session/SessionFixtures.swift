import Foundation

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// A small exercise library for session tests: one exercise, `dot-vote`, whose texts the tests
/// can spell out in full.
enum SessionFixtures {
    static let exercise = """
        return {
          id = "dot-vote",
          version = "1.0.0",
          title = { nl = "Bolletjes plakken", en = "Dot voting" },
          summary = { nl = "Iedereen plakt bolletjes op de ideeën.", en = "Everyone puts dots on the ideas." },
          purpose = { nl = "Kiezen.", en = "Choosing." },
          duration = { default = 20, minimum = 10 },
          group_size = { min = 3, max = 12 },
          materials = { { nl = "Post-its", en = "Post-its" }, { nl = "Bolletjes", en = "Dots" } },
          params = {
            { name = "dots", type = "integer", label = { nl = "Bolletjes per persoon", en = "Dots per person" }, default = 5, min = 1, max = 20 },
            { name = "mode", type = "choice", label = { nl = "Stemmen", en = "Voting" }, default = "silent",
              options = { { value = "silent", label = { nl = "In stilte", en = "Silently" } },
                          { value = "open", label = { nl = "Open", en = "Openly" } } } },
            { name = "question", type = "bilingual", label = { nl = "Vraag", en = "Question" },
              default = { nl = "Wat kiezen we?", en = "What do we choose?" } },
            { name = "ideas", type = "text_list", label = { nl = "Ideeën", en = "Ideas" }, default = {}, max_length = 40 },
          },
          phases = {
            { id = "vote", title = { nl = "Stemmen", en = "Vote" },
              instructions = { nl = "Deel de bolletjes uit.\\n\\nIedereen stemt in stilte.", en = "Hand out the dots.\\n\\nEveryone votes silently." },
              inputs = {
                { name = "dot", title = { nl = "Bolletje", en = "Dot" },
                  fields = { { name = "idea", type = "integer", label = { nl = "Idee", en = "Idea" }, min = 1, max = 50 } } },
              } },
            { id = "results", title = { nl = "Uitslag", en = "Results" }, instructions = { nl = "Lees de uitslag voor.", en = "Read out the results." }, inputs = {} },
          },
          init = function() return { dots = {} } end,
          handlers = { dot = function(state, input) table.insert(state.dots, input.fields.idea) end },
          outcome = function(state) return { count = #state.dots } end,
          report = function(outcome) return { { type = "paragraph", text = "Bolletjes: " .. outcome.count } } end,
        }
        """

    /// The library with only `dot-vote` (plus nothing shipped).
    static let library: ExerciseLibrary = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-session-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? exercise.write(to: directory.appendingPathComponent("dot-vote.lua"), atomically: true, encoding: .utf8)
        return ExerciseLibrary(directories: [directory])
    }()

    /// Parses `text` as the script `s.yaml` (or another file name) against the fixture library.
    static func parse(_ text: String, file: String = "s.yaml") throws(Problems) -> SessionScript {
        try SessionScript.parse(text, file: file, library: library)
    }

    /// The problems `text` has, one description a line.
    static func problems(_ text: String, file: String = "s.yaml") -> [String] {
        do {
            _ = try parse(text, file: file)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}
