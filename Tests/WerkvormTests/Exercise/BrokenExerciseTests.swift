import LuaHost
import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite struct BrokenExerciseTests {
    func problems(_ source: ExerciseSource) -> [String] {
        ExerciseCheck.problems(in: source, modules: Fixtures.modules).map(\.description)
    }

    @Test func aSoundExerciseHasNoProblems() {
        #expect(problems(Fixtures.counter()) == [])
    }

    @Test func aSyntaxErrorNamesFileAndLine() {
        #expect(
            problems(Fixtures.counter([("version = \"1.0.0\",", "version = \"1.0.0\"")])) == [
                "Lib/counter.lua:5: '}' expected (to close '{' at line 2) near 'title'"
            ])
    }

    @Test func aDefaultOutOfBoundsNamesFileLineAndField() {
        #expect(
            problems(Fixtures.counter([("default = 3, min = 1", "default = 30, min = 1")])) == [
                "Lib/counter.lua:12: params[1].default: is 30, above the maximum 10; choose from 1 to 10"
            ])
    }

    @Test func everyProblemIsListedNotJustTheFirst() {
        let found = problems(
            Fixtures.counter([
                ("title = { nl = \"Teller\", en = \"Counter\" }", "title = { nl = \"Teller\" }"),
                ("duration = { default = 10, minimum = 5 }", "duration = { default = 3, minimum = 5 }"),
                ("type = \"integer\", label", "type = \"count\", label"),
                ("id = \"counter\"", "id = \"teller\""),
            ]))
        #expect(
            found == [
                "Lib/counter.lua:3: id: \"teller\" does not match the file name counter.lua; name the file teller.lua or change the id",
                "Lib/counter.lua:5: title: needs text in both languages: en is missing; write { nl = \"...\", en = \"...\" }",
                "Lib/counter.lua:8: duration: needs 1 ≤ minimum ≤ default ≤ 1440; found default = 3, minimum = 5",
                "Lib/counter.lua:12: params[1].type: unknown type \"count\"; use one of integer, number, text, bilingual, choice, boolean, text_list, groups",
                "Lib/counter.lua:17: phases[1].inputs[1].fields[1].type: unknown type \"count\"; use one of text, integer, number, boolean, choice, participant",
            ])
    }

    @Test func aHandlerThatRaisesIsFoundByTheDryRun() {
        #expect(
            problems(Fixtures.counter([("state.total = state.total + input.fields.n", "state.total = state.totl + input.fields.n")])) == [
                "Lib/counter.lua:28: dry run: the handler of 'add' raised an error: attempt to perform arithmetic on a nil value (field 'totl')"
            ])
    }

    @Test func aMissingHandlerIsNamed() {
        #expect(
            problems(Fixtures.counter([("add = function(state, input)", "plus = function(state, input)")])) == [
                "Lib/counter.lua:23: handlers.add: is missing: the input 'add' needs a handler function(state, input, ctx)"
            ])
    }

    @Test func aReportThatIsNotBlocksIsNamed() {
        let message = "report[1].type: unknown block type \"chart\"; use one of heading, paragraph, list, table, bar_chart, two_columns, position_map, word_cloud"
        #expect(
            problems(Fixtures.counter([("{ { type = \"paragraph\", text = \"Totaal \" .. outcome.total } }", "{ { type = \"chart\" } }")])) == [
                "Lib/counter.lua:33: dry run, phase 'count', report in nl: \(message)",
                "Lib/counter.lua:33: dry run, phase 'count', report in en: \(message)",
                "Lib/counter.lua:33: dry run, phase 'done', report in nl: \(message)",
                "Lib/counter.lua:33: dry run, phase 'done', report in en: \(message)",
            ])
    }
}

@Suite struct ExerciseRunTests {
    func run(params: LuaObject = [:]) throws(Problems) -> ExerciseRun {
        try ExerciseRun(source: Fixtures.counter(), modules: Fixtures.modules, params: params, participants: ["ann", "bob"], seed: 1)
    }

    @Test func acceptsRejectsAndKeepsTheStateOnRejection() throws {
        let run = try run()
        #expect(run.handle(ExerciseInput(name: "add", participant: "ann", fields: ["n": 2])) == .accepted)
        #expect(
            run.handle(ExerciseInput(name: "add", participant: "bob", fields: ["n": 2]))
                == .rejected(.exercise(BilingualText(nl: "Boven de grens van 3", en: "Above the limit of 3"))))
        #expect(try run.outcome() == ["total": 2, "by": ["ann": 2]])
    }

    @Test(arguments: [
        (
            ExerciseInput(name: "ad", participant: "ann", fields: ["n": 1]),
            Rejection(
                .unknownInput, field: "input",
                nl: "De werkvorm 'counter' kent geen invoer 'ad'; bedoel je 'add'?", en: "the exercise 'counter' has no input 'ad'; did you mean 'add'?")
        ),
        (
            ExerciseInput(name: "add", participant: "cem", fields: ["n": 1]),
            Rejection(
                .unknownParticipant, field: "participant",
                nl: "'cem' neemt niet deel aan deze sessie; laat wie meedoet eerst aansluiten", en: "'cem' is not a participant of this session; let them join first")
        ),
        (
            ExerciseInput(name: "add", participant: nil, fields: ["n": 1]),
            Rejection(
                .participantNeeded, field: "participant",
                nl: "'add' vraagt wie het geeft", en: "'add' needs the participant who gives it")
        ),
        (
            ExerciseInput(name: "add", participant: "ann", fields: [:]),
            Rejection(
                .missingField, field: "fields.n",
                nl: "Het veld 'n' ontbreekt; 'add' heeft het nodig", en: "the field 'n' is missing; the input 'add' needs it")
        ),
        (
            ExerciseInput(name: "add", participant: "ann", fields: ["n": "twee"]),
            Rejection(
                .invalidValue, field: "fields.n",
                nl: "Het veld 'n' moet een geheel getal zijn; gevonden: \"twee\"", en: "the field 'n' must be a whole number; found \"twee\"")
        ),
        (
            ExerciseInput(name: "add", participant: "ann", fields: ["n": 9]),
            Rejection(
                .outOfRange, field: "fields.n",
                nl: "9 is groter dan het maximum 5", en: "9 is above the maximum 5")
        ),
        (
            ExerciseInput(name: "add", participant: "ann", fields: ["n": 1, "kleur": 2]),
            Rejection(
                .unknownField, field: "fields.kleur",
                nl: "De invoer 'add' heeft geen veld 'kleur'; de velden zijn n", en: "the input 'add' has no field 'kleur'; its fields are n")
        ),
        // a misspelt field is refused by its name, not reported as the field it misses
        (
            ExerciseInput(name: "add", participant: "ann", fields: ["nn": 1]),
            Rejection(
                .unknownField, field: "fields.nn",
                nl: "De invoer 'add' heeft geen veld 'nn'; bedoel je 'n'?", en: "the input 'add' has no field 'nn'; did you mean 'n'?")
        ),
    ])
    func inputsAreCheckedAgainstTheirDeclaration(input: ExerciseInput, rejection: Rejection) throws {
        #expect(try run().handle(input) == .rejected(rejection))
    }

    @Test func inputsOnlyInTheirPhase() throws {
        let run = try run()
        try run.move(to: "done")
        #expect(
            run.handle(ExerciseInput(name: "add", participant: "ann", fields: ["n": 1]))
                == .rejected(
                    Rejection(
                        .wrongPhase, field: "input",
                        nl: "'add' hoort bij de fase 'Tellen', en de werkvorm is nu in de fase 'Klaar'",
                        en: "'add' belongs to the phase 'Count', and the exercise is in the phase 'Done' now")))
        #expect(
            throws: Rejection(
                .unknownPhase, field: "phase", nl: "De werkvorm 'counter' heeft geen fase 'vote'; de fasen zijn count, done",
                en: "the exercise 'counter' has no phase 'vote'; its phases are count, done")
        ) { try run.move(to: "vote") }
    }

    @Test func aHandlerThatRaisesRejectsOnlyThatInputAndRestoresTheState() throws {
        let source = Fixtures.counter([
            ("state.total = state.total + input.fields.n", "state.total = state.total + input.fields.n\n      if input.fields.n == 2 then error('boom') end")
        ])
        let run = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 10], participants: ["ann", "bob"], seed: 1)
        #expect(run.handle(ExerciseInput(name: "add", participant: "ann", fields: ["n": 1])) == .accepted)
        #expect(run.handle(ExerciseInput(name: "add", participant: "bob", fields: ["n": 2])) == .failed(Problem(file: "Lib/counter.lua", line: 29, "boom")))
        #expect(try run.outcome() == ["total": 1, "by": ["ann": 1]])
        #expect(run.handle(ExerciseInput(name: "add", participant: "bob", fields: ["n": 3])) == .accepted)
        #expect(try run.outcome() == ["total": 4, "by": ["ann": 1, "bob": 3]])
    }

    @Test func aBatchGivesTheResultsAndOutcomeOfOneInputAtATime() throws {
        let source = Fixtures.counter([
            ("state.total = state.total + input.fields.n", "state.total = state.total + input.fields.n\n      if input.fields.n == 2 then error('boom') end")
        ])
        func add(_ who: String?, _ n: LuaValue, name: String = "add") -> ExerciseInput { ExerciseInput(name: name, participant: who, fields: ["n": n]) }
        let inputs = [
            add("ann", 1), add("bob", 2), add("bob", 3), add("ann", 1, name: "ad"), add("cem", 1), add("ann", 4),
            add("ann", 2), add("bob", 1), add("bob", 1), add("bob", 1),
        ]
        let oneByOne = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 10], participants: ["ann", "bob"], seed: 1)
        let batch = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 10], participants: ["ann", "bob"], seed: 1)
        let results = batch.handle(inputs)
        #expect(results == inputs.map(oneByOne.handle))
        #expect(
            results == [
                .accepted, .failed(Problem(file: "Lib/counter.lua", line: 29, "boom")), .accepted,
                .rejected(
                    Rejection(
                        .unknownInput, field: "input", nl: "De werkvorm 'counter' kent geen invoer 'ad'; bedoel je 'add'?",
                        en: "the exercise 'counter' has no input 'ad'; did you mean 'add'?")),
                .rejected(
                    Rejection(
                        .unknownParticipant, field: "participant", nl: "'cem' neemt niet deel aan deze sessie; laat wie meedoet eerst aansluiten",
                        en: "'cem' is not a participant of this session; let them join first")),
                .accepted, .failed(Problem(file: "Lib/counter.lua", line: 29, "boom")), .accepted, .accepted,
                .rejected(.exercise(BilingualText(nl: "Boven de grens van 10", en: "Above the limit of 10"))),
            ])
        #expect(try batch.outcome() == ["total": 10, "by": ["ann": 5, "bob": 5]])
        #expect(try batch.outcome() == oneByOne.outcome())
        let applied = batch.history.compactMap { change -> ExerciseInput? in
            if case .input(_, let input) = change { return input }
            return nil
        }
        #expect(applied == [add("ann", 1), add("bob", 3), add("ann", 4), add("bob", 1), add("bob", 1)])
    }

    @Test func aLongRunKeepsAShortHistoryAndStillRestoresTheStateAfterAHandlerRaised() throws {
        let source = Fixtures.counter([
            ("state.total = state.total + input.fields.n", "state.total = state.total + input.fields.n\n      if input.fields.n == 2 then error('boom') end"),
            ("if state.total + input.fields.n > state.limit then", "if false then"),
        ])
        func add(_ who: String, _ n: LuaValue) -> ExerciseInput { ExerciseInput(name: "add", participant: who, fields: ["n": n]) }
        let inputs = (0..<40).map { add($0 % 3 == 0 ? "ann" : "bob", $0 % 7 == 3 ? 2 : 1) }
        let full = try ExerciseRun(source: source, modules: Fixtures.modules, params: [:], participants: ["ann", "bob"], seed: 1)
        let short = try ExerciseRun(source: source, modules: Fixtures.modules, params: [:], participants: ["ann", "bob"], seed: 1)
        short.historyKept = 4
        let results = inputs.prefix(20).map(short.handle) + short.handle(Array(inputs.dropFirst(20)))
        #expect(results == inputs.map(full.handle))
        #expect(results.filter { if case .failed = $0 { true } else { false } }.count == 6)
        #expect(try short.outcome() == full.outcome())
        #expect(try short.outcome()["total"] == 34)
        #expect(short.history.count < 4)
        #expect(full.history.count == 34)
    }

    @Test func eachHandlerInABatchHasAWholeInstructionBudget() throws {
        let source = Fixtures.counter([
            ("if state.total + input.fields.n > state.limit then", "if input.fields.n == 5 then while true do end end\n      if false then"),
            ("state.total = state.total + input.fields.n", "state.total = state.total + input.fields.n\n      for _ = 1, 3000 do end"),
        ])
        let run = try ExerciseRun(source: source, modules: Fixtures.modules, params: [:], participants: ["ann"], seed: 1, limits: LuaLimits(instructions: 10_000))
        // ten handlers of over 3,000 instructions each: far more than 10,000 in the one call into Lua
        let results = run.handle(
            Array(repeating: ExerciseInput(name: "add", participant: "ann", fields: ["n": 1]), count: 10) + [
                ExerciseInput(name: "add", participant: "ann", fields: ["n": 5]), ExerciseInput(name: "add", participant: "ann", fields: ["n": 1]),
            ])
        #expect(results.prefix(10).allSatisfy { $0 == .accepted })
        #expect(
            results[10]
                == .failed(Problem(file: "Lib/counter.lua", line: 25, "instruction limit reached: more than 10000 instructions in one call; look for a loop that does not end")))
        #expect(results[11] == .accepted)
        #expect(try run.outcome() == ["total": 11, "by": ["ann": 11]])
    }

    @Test func aReasonThatIsNotPlainDataStillRejects() throws {
        let source = Fixtures.counter([
            (
                "if state.total + input.fields.n > state.limit then",
                "if input.fields.n == 3 then return false, print end\n      if input.fields.n == 4 then return false end\n      if false then"
            )
        ])
        let run = try ExerciseRun(source: source, modules: Fixtures.modules, params: ["limit": 10], participants: ["ann"], seed: 1)
        let results = run.handle([1, 3, 4, 2].map { ExerciseInput(name: "add", participant: "ann", fields: ["n": .integer($0)]) })
        #expect(
            results == [
                .accepted, .rejected(.exercise(BilingualText("reason is a function; only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin"))),
                .rejected(.exercise(BilingualText(nl: "Geweigerd", en: "Rejected"))), .accepted,
            ])
        #expect(try run.outcome() == ["total": 3, "by": ["ann": 3]])
    }

    @Test func paramsAreCheckedWithADidYouMean() throws {
        #expect(throws: Problems.self) { try run(params: ["limt": 4]) }
        do {
            _ = try run(params: ["limt": 4, "limit": 11])
        } catch {
            #expect(
                error.description
                    == "params.limt: the exercise 'counter' has no param 'limt'; did you mean 'limit'?\nparams.limit: is 11, above the maximum 10; choose from 1 to 10")
        }
    }
}

@Suite struct ContextLanguageTests {
    @Test func aReportInAnotherLanguageLeavesTheSessionsLanguageForHandlers() throws {
        let source = Fixtures.counter([
            ("state.total = state.total + input.fields.n", "state.total = state.total + input.fields.n\n      state.lang = ctx.lang"),
            ("add = function(state, input)", "add = function(state, input, ctx)"),
            ("outcome = function(state) return { total = state.total, by = state.by } end", "outcome = function(state) return { total = state.total, lang = state.lang } end"),
        ])
        let run = try ExerciseRun(source: source, modules: Fixtures.modules, params: [:], participants: ["ann"], seed: 1, language: .nl)
        _ = try run.report(try run.outcome(), language: .en)
        #expect(run.handle(ExerciseInput(name: "add", participant: "ann", fields: ["n": 1])) == .accepted)
        #expect(try run.outcome() == ["total": 1, "lang": "nl"])
    }
}

@Suite struct ExerciseTestFileTests {
    @Test func aMisspeltKeyInATestCaseFailsIt() {
        let tests = ExerciseSource(
            path: "counter.test.lua",
            text: """
                return {
                  { name = "typo", participants = { "ann" }, events = { { inptu = "add", participant = "ann", fieldz = { n = 1 } } } },
                  { name = "typo in the case", participant = { "ann" }, outcome = { total = 0 } },
                }
                """)
        let results = ExerciseTestRunner(exercise: Fixtures.counter(), tests: tests, modules: Fixtures.modules).run()
        #expect(
            results.map(\.failures) == [
                ["events[1].fieldz: is not a key of a test event; did you mean 'fields'?", "events[1].inptu: is not a key of a test event; did you mean 'input'?"],
                ["participant: is not a key of a test case; did you mean 'participants'?"],
            ])
    }

    @Test func aTestCaseRunsInTheSessionLanguageItGives() {
        let tests = ExerciseSource(
            path: "counter.test.lua",
            text: """
                return {
                  { name = "english", lang = "en", participants = { "ann" }, outcome = { lang = "en" } },
                  { name = "dutch by default", participants = { "ann" }, outcome = { lang = "nl" } },
                  { name = "english expected, dutch given", participants = { "ann" }, outcome = { lang = "en" } },
                  { name = "french", lang = "fr", participants = { "ann" } },
                }
                """)
        let counter = Fixtures.counter([
            ("outcome = function(state) return { total = state.total, by = state.by } end", "outcome = function(state, ctx) return { total = state.total, lang = ctx.lang } end")
        ])
        let results = ExerciseTestRunner(exercise: counter, tests: tests, modules: Fixtures.modules).run()
        #expect(results.map(\.passed) == [true, true, false, false])
        #expect(results[3].failures == ["lang: must be \"nl\" or \"en\", the session's language; found \"fr\""])
    }
}
