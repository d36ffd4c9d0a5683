import Testing

@testable import Werkvorm
@testable import WerkvormLibrary
@testable import WerkvormRendering

@Suite("Session scripts: validation")
struct SessionValidationTests {
    /// A valid head for scripts whose steps are under test.
    static let head = """
        title: Proef
        date: 2024-03-05
        start: "09:30"
        steps:

        """

    @Test func yamlSyntaxErrorsHaveLineAndColumn() {
        #expect(
            SessionFixtures.problems("title: x\nsteps:\n  - block: a\n   minutes: 3\n") == [
                "s.yaml:4:4: not valid YAML, while parsing a block collection: did not find expected '-' indicator; check the indentation, and put text containing ': ' or ' #' in quotes"
            ])
        #expect(
            SessionFixtures.problems("title: a: b\n") == [
                "s.yaml:1:9: not valid YAML: mapping values are not allowed in this context; check the indentation, and put text containing ': ' or ' #' in quotes"
            ])
    }

    @Test func anEmptyFileOrAWrongRootSaysWhatIsNeeded() {
        #expect(SessionFixtures.problems("") == ["s.yaml:1:1: the file is empty; a session script needs at least title, date, start and steps"])
        #expect(SessionFixtures.problems("- a\n") == ["s.yaml:1:1: a session script is a mapping with title, date, start and steps; found a list"])
    }

    @Test func missingFieldsAreNamed() {
        #expect(
            SessionFixtures.problems("language: nl\n") == [
                "s.yaml:1:1: title: is missing; add `title: Iedereen Mee, sessie 6`",
                "s.yaml:1:1: date: is missing; add `date: 2023-06-23`",
                "s.yaml:1:1: start: is missing; add `start: 09:30`",
                "s.yaml:1:1: steps: is missing; add `steps:` with a list of exercises, breaks and blocks",
            ])
    }

    @Test func unknownKeysGetADidYouMean() {
        let text = Self.head + "  - exercise: dot-vote\n    minuten: 20\n    param: {}\n  - excercise: dot-vote\n"
        #expect(
            SessionFixtures.problems("titel: x\n" + text) == [
                "s.yaml:1:1: titel: unknown key; did you mean 'title'?",
                "s.yaml:7:5: steps[1].minuten: unknown key; did you mean 'minutes'?",
                "s.yaml:8:5: steps[1].param: unknown key; did you mean 'params'?",
                "s.yaml:9:5: steps[2].excercise: unknown key; did you mean 'exercise'?",
            ])
        #expect(
            SessionFixtures.problems(Self.head + "  - break: 5\n    color: red\n") == [
                "s.yaml:6:5: steps[1].color: unknown key; the keys here are break, title"
            ])
    }

    @Test func unknownExercisesGetADidYouMean() {
        #expect(
            SessionFixtures.problems(Self.head + "  - exercise: dot-vot\n  - exercise: world-cafe\n") == [
                "s.yaml:5:15: steps[1].exercise: there is no exercise 'dot-vot'; did you mean 'dot-vote'?",
                "s.yaml:6:15: steps[2].exercise: there is no exercise 'world-cafe'; `werkvorm exercises list` shows them all",
            ])
    }

    @Test func paramsAreCheckedAtTheirOwnNode() {
        let text =
            Self.head + """
                  - exercise: dot-vote
                    params:
                      dots: 50
                      mode: loud
                      question: [a, b]
                      ideas:
                        - Koffie
                        - Een idee dat veel te lang is voor een post-it, echt veel te lang
                      dotz: 3

                """
        #expect(
            SessionFixtures.problems(text) == [
                "s.yaml:7:13: steps[1].params.dots: is 50, above the maximum 20; choose from 1 to 20",
                "s.yaml:8:13: steps[1].params.mode: must be one of \"silent\", \"open\"; found \"loud\"",
                "s.yaml:9:17: steps[1].params.question: must be text (a string, or { nl = \"...\", en = \"...\" }); found list",
                "s.yaml:12:11: steps[1].params.ideas[2]: is 64 characters long; at most 40 fit",
                "s.yaml:13:7: steps[1].params.dotz: the exercise 'dot-vote' has no param 'dotz'; did you mean 'dots'?",
            ])
        #expect(
            SessionFixtures.problems(Self.head + "  - exercise: dot-vote\n    params:\n      dots: \"5\"\n") == [
                "s.yaml:7:13: steps[1].params.dots: must be a whole number; found \"5\""
            ])
    }

    @Test func minutesBelowTheExercisesMinimumAreRefused() {
        #expect(
            SessionFixtures.problems(Self.head + "  - exercise: dot-vote\n    minutes: 5\n") == [
                "s.yaml:6:14: steps[1].minutes: is 5, but 'dot-vote' needs at least 10 minutes; plan 10 or more, or choose a shorter exercise"
            ])
        #expect(
            SessionFixtures.problems(Self.head + "  - break: kwartier\n  - block: Koffie\n  - block: Koffie\n    minutes: 0\n") == [
                "s.yaml:5:12: steps[1].break: must be a whole number of minutes from 1 to 1440 (a day); found \"kwartier\"",
                "s.yaml:6:5: steps[2].minutes: is missing; say how long the block takes (`minutes: 15`)",
                "s.yaml:8:14: steps[3].minutes: must be a whole number of minutes from 1 to 1440 (a day); found \"0\"",
            ])
    }

    @Test func badDatesTimesAndAnEndBeforeTheStart() {
        let text = """
            title: Proef
            language: de
            date: 23-06-2023
            start: "9.30"
            end: "25:00"
            steps:
              - break: 5

            """
        #expect(
            SessionFixtures.problems(text) == [
                "s.yaml:2:11: language: must be nl or en; found \"de\"",
                "s.yaml:3:7: date: must be a date as YYYY-MM-DD (2023-06-23), or YYYY-MM when the day is not known; found \"23-06-2023\"",
                "s.yaml:4:8: start: must be a time as HH:MM on a 24-hour clock (09:30, 13:45); found \"9.30\"",
                "s.yaml:5:6: end: must be a time as HH:MM on a 24-hour clock (09:30, 13:45); found \"25:00\"",
            ])
        let early = "title: Proef\ndate: 2024-03-05\nstart: \"09:30\"\nend: \"09:00\"\nsteps:\n  - break: 5\n"
        #expect(SessionFixtures.problems(early) == ["s.yaml:4:6: end: is 09:00, before the start 09:30; give a later end, or leave end out"])
    }

    @Test func stepsMustBeOneThing() {
        #expect(
            SessionFixtures.problems(Self.head + "  - exercise: dot-vote\n    break: 5\n  - notes: x\n  - hallo\n") == [
                "s.yaml:5:5: steps[1]: has both exercise and break; a step is one exercise, break or block: split it into separate steps",
                "s.yaml:7:5: steps[2]: needs one of `exercise: ID`, `break: MINUTES` or `block: TITLE`",
                "s.yaml:8:5: steps[3]: must be a mapping: `- exercise: ID`, `- break: MINUTES` or `- block: TITLE`; found \"hallo\"",
            ])
        #expect(
            SessionFixtures.problems("title: x\ndate: 2024-03-05\nstart: \"09:30\"\nsteps: []\n") == [
                "s.yaml:4:8: steps: must be a list with at least one step (- exercise: ID, - break: MINUTES or - block: TITLE); found a list"
            ])
    }

    @Test func theRosterIsChecked() {
        let text = "title: x\ndate: 2024-03-05\nstart: \"09:30\"\nroster:\n  - Ann\n  - Ann\n  - anonymous: nul\n  - anoniem: 3\nsteps:\n  - break: 5\n"
        #expect(
            SessionFixtures.problems(text) == [
                "s.yaml:6:5: roster[2]: 'Ann' is on the roster twice; give each participant a different name or pseudonym",
                "s.yaml:7:16: roster[3].anonymous: must be a whole number of participants, 1 or more; found \"nul\"",
                "s.yaml:8:5: roster[4].anoniem: unknown key; the keys here are anonymous",
                "s.yaml:8:5: roster[4]: must be a name, or `anonymous: N` for N participants without a name",
            ])
    }

    @Test func everyProblemInOneScriptIsReportedInTheOrderOfTheFile() {
        let text = """
            title: Proef
            date: 2024-3-5
            start: "09:30"
            stepz: []
            steps:
              - exercise: dot-vote
                minutes: 5
                params: { dots: 0 }
              - exercise: dotvote
              - block: Pauze

            """
        #expect(
            SessionFixtures.problems(text) == [
                "s.yaml:2:7: date: must be a date as YYYY-MM-DD (2023-06-23), or YYYY-MM when the day is not known; found \"2024-3-5\"",
                "s.yaml:4:1: stepz: unknown key; did you mean 'steps'?",
                "s.yaml:7:14: steps[1].minutes: is 5, but 'dot-vote' needs at least 10 minutes; plan 10 or more, or choose a shorter exercise",
                "s.yaml:8:21: steps[1].params.dots: is 0, below the minimum 1; choose from 1 to 20",
                "s.yaml:9:15: steps[2].exercise: there is no exercise 'dotvote'; did you mean 'dot-vote'?",
                "s.yaml:10:5: steps[3].minutes: is missing; say how long the block takes (`minutes: 15`)",
            ])
    }
}
