import Foundation
import LuaHost

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

/// The package's shipped exercise library.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exercises = root.appendingPathComponent("Exercises")
    static let modules = ModuleDirectories(displaying: [exercises.appendingPathComponent("lib")])

    /// A small exercise; `replacing` swaps pieces of its text to break it.
    static func counter(_ replacements: [(String, String)] = []) -> ExerciseSource {
        var text = """
            local M = {}
            return {
              id = "counter",
              version = "1.0.0",
              title = { nl = "Teller", en = "Counter" },
              summary = { nl = "Telt.", en = "Counts." },
              purpose = { nl = "Testen.", en = "Testing." },
              duration = { default = 10, minimum = 5 },
              group_size = { min = 2, max = 30 },
              materials = {},
              params = {
                { name = "limit", type = "integer", label = { nl = "Grens", en = "Limit" }, default = 3, min = 1, max = 10 },
              },
              phases = {
                { id = "count", title = { nl = "Tellen", en = "Count" }, instructions = { nl = "Tel.", en = "Count." },
                  inputs = {
                    { name = "add", title = { nl = "Erbij", en = "Add" },
                      fields = { { name = "n", type = "integer", label = { nl = "Aantal", en = "Number" }, min = 1, max = 5 } } },
                  } },
                { id = "done", title = { nl = "Klaar", en = "Done" }, instructions = { nl = "Klaar.", en = "Done." }, inputs = {} },
              },
              init = function(params) return { total = 0, limit = params.limit, by = {} } end,
              handlers = {
                add = function(state, input)
                  if state.total + input.fields.n > state.limit then
                    return false, { nl = "Boven de grens van " .. state.limit, en = "Above the limit of " .. state.limit }
                  end
                  state.total = state.total + input.fields.n
                  state.by[input.participant] = (state.by[input.participant] or 0) + input.fields.n
                end,
              },
              outcome = function(state) return { total = state.total, by = state.by } end,
              report = function(outcome) return { { type = "paragraph", text = "Totaal " .. outcome.total } } end,
            }
            """
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return ExerciseSource(path: "Lib/counter.lua", text: text)
    }
}
