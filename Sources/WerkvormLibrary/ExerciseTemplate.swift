import Werkvorm

/// The files `werkvorm new exercise ID` writes: a commented, working exercise and its tests.
public enum ExerciseTemplate {
    /// The exercise file for `id`.
    public static func exercise(id: String) -> String {
        return #"""
            -- \#(id): one word to leave with (a check-out round).
            --
            -- `werkvorm new exercise` wrote this file as a starting point. It is a small
            -- exercise that works as it is: change it into your own. Every part of the
            -- exercise API is used once and explained in a comment. The full reference is
            -- docs/exercise-api.md; docs/authoring.md walks through changing this file.
            --
            -- The exercise: at the end of a session everyone says one word about how they
            -- leave. Passing is allowed. The facilitator closes the round. The report shows
            -- the words as a word cloud and as a list.
            --
            -- How an exercise works: Werkvorm reads the table this file returns (at the
            -- bottom). That table says what the exercise is (title, purpose, duration),
            -- what a trainer can set (params), and the phases it moves through with the
            -- inputs each phase accepts. Four functions do the work:
            --   init      builds the state (a Lua table) when the exercise starts
            --   handlers  change the state, one function for each input
            --   outcome   turns the state into the result that is recorded
            --   report    turns that result into blocks for the minutes
            -- Everything runs in a sandbox: no files, no clock, and the same inputs always
            -- give the same result, so that a session can be replayed (docs/sandbox.md).
            --
            -- Lines that start with ---@ are type hints for editors that use the Lua
            -- language server (see docs/authoring.md). Werkvorm ignores them.
            --
            -- Try your changes with:
            --   werkvorm exercises check DIR    checks the declarations, then a dry run
            --   werkvorm test DIR               runs the tests in \#(id).test.lua

            -- The exercise standard library (Exercises/lib): `words` counts words for a
            -- word cloud, `text` helps with text in two languages.
            ---@type werkvorm.words
            local words = require("words")
            ---@type werkvorm.text
            local text = require("text")

            local f = string.format

            -- The default of the param `question` (the params are declared at the bottom).
            local question_default = {
              nl = "Met welk woord ga je naar huis?",
              en = "Which word do you take home?",
            }

            ------------------------------------------------------------------------
            -- init: the state when the exercise starts.
            --
            -- `params` holds every param, with the defaults filled in and checked.
            -- `participants` is the list of participant ids, in roster order.
            -- (A third argument, `ctx`, is the context that every function gets; see the
            -- handlers. This init does not need it.) The state is yours: keep in it all
            -- that the handlers need.

            ---@param params table<string, any>
            ---@param participants string[]
            ---@return table state
            local function init(params, participants)
              return {
                question = params.question,
                participants = participants,
                said = {},       -- { participant =, word = }, in the order given
                word_of = {},    -- participant -> their word
                passed = {},     -- participant -> true while their pass stands
                closed = false,  -- true once the facilitator has closed the round
              }
            end

            ------------------------------------------------------------------------
            -- handlers: one function for each input declared in the phases (below).
            --
            -- A handler gets the state, the input and the context. The input is a table:
            --   { name = "word", participant = "ann", fields = { word = "Moe" }, phase = "round" }
            -- The context, ctx, holds ctx.phase, ctx.params, ctx.participants and ctx.lang.
            -- To ACCEPT the input, change the state and return nothing.
            -- To REJECT it, return false and a reason. The participant reads the reason,
            -- so give it in both languages: { nl = "...", en = "..." }.
            --
            -- Before a handler runs, Werkvorm has checked the input against its
            -- declaration: the input belongs to the current phase, the participant is in
            -- the session, every field has the right type and length, and text is trimmed
            -- (an empty text is rejected). A handler only checks the rules of the exercise.
            --
            -- Decide on a rejection BEFORE you change the state: a rejected input must
            -- leave the state exactly as it was.

            local function closed_reason()
              return text.both("De ronde is gesloten", "The round is closed")
            end

            -- One word, and only one: a short round keeps the end of a session light,
            -- and everyone gets a turn, also when time runs out. Whoever wants to say
            -- more can do so after the round.
            ---@param state table
            ---@param input werkvorm.InputValue
            local function word(state, input)
              local who = input.participant
              local given = input.fields.word  -- trimmed, never empty
              if state.closed then
                return false, closed_reason()
              end
              if state.word_of[who] then
                return false, text.both_format("Je gaf al een woord: %s", "You already gave a word: %s",
                  state.word_of[who])
              end
              -- "%S+" matches a run of characters that are not white space: a word.
              local count = 0
              for _ in given:gmatch("%S+") do
                count = count + 1
              end
              if count > 1 then
                return false, text.both("Eén woord, geen zin", "One word, not a sentence")
              end
              -- Every rule is checked: only now change the state.
              state.said[#state.said + 1] = { participant = who, word = given }
              state.word_of[who] = given
              state.passed[who] = nil  -- a pass is not final: the round comes back
            end

            -- Passing is always allowed and needs no reason: nobody has to speak
            -- ("challenge by choice"). Whoever passed may still give a word later.
            ---@param state table
            ---@param input werkvorm.InputValue
            local function pass(state, input)
              local who = input.participant
              if state.closed then
                return false, closed_reason()
              end
              if state.word_of[who] then
                return false, text.both("Je gaf al een woord; passen hoeft niet meer",
                  "You already gave a word; no need to pass")
              end
              if state.passed[who] then
                return false, text.both("Je hebt al gepast", "You have already passed")
              end
              state.passed[who] = true
            end

            -- The facilitator closes the round when everyone has had a turn, and then
            -- talks about the words before moving on. An input given by the facilitator
            -- has no participant (input.participant is nil).
            ---@param state table
            local function close(state)
              if state.closed then
                return false, text.both("De ronde is al gesloten", "The round is already closed")
              end
              state.closed = true
            end

            ------------------------------------------------------------------------
            -- outcome: the result, recorded with the session and compared when the
            -- session is replayed. It must be plain data (text, numbers, true/false, lists,
            -- tables with text keys; no functions) and depend on the state only: not on
            -- ctx.lang, because one outcome is reported in both languages.
            --
            -- Give lists a meaningful, fixed order: here the order in which words were
            -- given, and the roster order for passes (walk the participants list; do not
            -- rely on the order in which `pairs` visits a table).

            ---@param state table
            ---@return table outcome
            local function outcome(state)
              local said, texts = {}, {}
              for index, entry in ipairs(state.said) do
                -- who said what stays in the outcome, and so in the record; the report
                -- shows it only when the session script says so (ctx.names)
                said[index] = { word = entry.word, participant = entry.participant }
                texts[index] = entry.word
              end
              local passed = {}
              for _, who in ipairs(state.participants) do
                if state.passed[who] then
                  passed[#passed + 1] = who
                end
              end
              return {
                question = state.question,
                words = said,
                passed = passed,
                -- For the word cloud: { { word = "blij", count = 2 }, ... }, most frequent
                -- first, lowercased, without stop words ("de", "the") and words shorter
                -- than 3 letters. Which words count as stop words differs a little per
                -- language, so the outcome has both and the report picks one.
                frequencies = {
                  nl = words.frequencies(texts, "nl"),
                  en = words.frequencies(texts, "en"),
                },
                closed = state.closed,
              }
            end

            ------------------------------------------------------------------------
            -- view (optional): what one participant may see now; `participant` is nil for
            -- the facilitator. A participant sees their own word or pass, not the list of
            -- the others: the words are said aloud in the room, the screen should not
            -- invite comparing. The facilitator sees who has not had a turn yet.

            ---@param state table
            ---@param participant string?
            ---@param ctx werkvorm.Ctx
            local function view(state, participant, ctx)
              if participant == nil then
                local waiting = {}
                for _, who in ipairs(state.participants) do
                  if not state.word_of[who] and not state.passed[who] then
                    waiting[#waiting + 1] = who
                  end
                end
                return { phase = ctx.phase, closed = state.closed, words = #state.said, waiting = waiting }
              end
              return {
                phase = ctx.phase,
                closed = state.closed,
                question = state.question,
                my_word = state.word_of[participant],
                passed = state.passed[participant] == true,
              }
            end

            ------------------------------------------------------------------------
            -- report: the outcome as a list of blocks for the minutes (heading,
            -- paragraph, list, table, bar_chart, two_columns, position_map, word_cloud;
            -- see docs/exercise-api.md). Werkvorm calls it once for each language, with
            -- ctx.lang set. A block's text may be { nl = ..., en = ... }, and Werkvorm
            -- picks the language, or a string you picked yourself with text.pick.

            ---@param result table the outcome
            ---@param ctx werkvorm.Ctx
            ---@return werkvorm.Block[]
            local function report(result, ctx)
              local lang = ctx.lang
              local blocks = {
                { type = "heading", text = { nl = "Check-out: één woord", en = "Check-out: one word" } },
                { type = "paragraph", text = text.pick(result.question, lang) },
              }
              local cloud = result.frequencies[lang]
              if #cloud > 0 then
                blocks[#blocks + 1] = { type = "word_cloud", words = cloud }
              end
              if #result.words > 0 then
                local items = {}
                for _, entry in ipairs(result.words) do
                  -- a word with its name only when the step shows names (`names: true`)
                  items[#items + 1] = ctx.names and f("%s: %s", entry.participant, entry.word) or entry.word
                end
                blocks[#blocks + 1] = { type = "list", items = items }
              else
                blocks[#blocks + 1] = { type = "paragraph",
                  text = { nl = "Niemand gaf een woord.", en = "Nobody gave a word." } }
              end
              if #result.passed > 0 then
                -- Without names the minutes say how many passed, not who: passing is a
                -- right, not something to be reminded of.
                local who = ctx.names and table.concat(result.passed, ", ")
                  or text.count(#result.passed, lang == "en" and "participant" or "deelnemer",
                    lang == "en" and "participants" or "deelnemers")
                blocks[#blocks + 1] = { type = "paragraph",
                  text = text.format({ nl = "Gepast: %s.", en = "Passed: %s." }, lang, who) }
              end
              return blocks
            end

            ------------------------------------------------------------------------
            -- The exercise table. Werkvorm checks every declaration in it and reports
            -- problems with their line (`werkvorm exercises check`).

            return {
              -- Lowercase letters, digits and dashes. The id must equal the file name
              -- (\#(id).lua); session scripts name the exercise by it.
              id = "\#(id)",
              -- Raise the version when you change what the exercise does.
              version = "0.1.0",
              -- What a trainer reads in `werkvorm exercises show`: always both languages.
              title = { nl = "Check-out: één woord", en = "Check-out: one word" },
              summary = {
                -- text.prose joins the lines of a paragraph, so you can wrap long text.
                nl = text.prose([[
            Aan het eind van de sessie zegt iedereen om de beurt één woord over hoe hij of
            zij naar huis gaat. Passen mag.]]),
                en = text.prose([[
            At the end of the session everyone in turn says one word about how they leave.
            Passing is allowed.]]),
              },
              purpose = {
                nl = text.prose([[
            De sessie samen afsluiten: iedereen komt nog even aan het woord, en de groep
            hoort hoe de anderen vertrekken, zonder een nieuwe discussie te openen.]]),
                en = text.prose([[
            Close the session together: everyone speaks once more, and the group hears how
            the others leave, without opening a new discussion.]]),
              },
              duration = { default = 10, minimum = 5 },  -- minutes
              group_size = { min = 2, max = 30 },         -- participants; max may be left out
              -- What the trainer brings; {} when nothing is needed.
              materials = {
                { nl = "Een flip-over om de woorden op te schrijven", en = "A flip chart to write the words on" },
              },
              -- What a trainer sets per session. Types: integer, number, text, bilingual,
              -- choice, boolean, text_list. Every param needs a default.
              params = {
                { name = "question", type = "bilingual", label = { nl = "Vraag", en = "Question" },
                  default = question_default },
              },
              -- The phases, in order. The facilitator moves the session from one phase to
              -- the next; an input is only accepted in its own phase.
              phases = {
                { id = "round",
                  title = { nl = "Rondje", en = "Round" },
                  -- What the facilitator says and does: this is the trainer's handout.
                  instructions = {
                    nl = text.prose([[
            Stel de vraag en laat iedereen om de beurt één woord zeggen. Geef geen
            commentaar en laat ook de groep geen commentaar geven: het rondje is om te
            luisteren.

            Passen mag, zonder uitleg; kom aan het eind van het rondje terug bij wie paste.
            Sluit het rondje als iedereen aan de beurt was.]]),
                    en = text.prose([[
            Ask the question and let everyone in turn say one word. Give no comments and
            let the group give none either: the round is for listening.

            Passing is allowed, without explanation; at the end of the round come back to
            whoever passed. Close the round when everyone has had a turn.]]),
                  },
                  inputs = {
                    -- An input: its name (the handler with the same name handles it), who
                    -- gives it, and its fields. Field types: text, integer, number,
                    -- boolean, choice, participant. Fields are required unless
                    -- `required = false`.
                    { name = "word", title = { nl = "Woord", en = "Word" }, by = "participant",
                      fields = {
                        { name = "word", type = "text", label = { nl = "Jouw woord", en = "Your word" },
                          required = true, max_length = 40 },
                      } },
                    { name = "pass", title = { nl = "Passen", en = "Pass" }, by = "participant", fields = {} },
                    { name = "close", title = { nl = "Rondje sluiten", en = "Close the round" }, by = "facilitator" },
                  } },
                { id = "wrap-up",
                  title = { nl = "Afronding", en = "Wrap-up" },
                  instructions = {
                    nl = text.prose([[
            Toon de woordwolk of lees de woorden voor. Benoem wat opvalt, zonder iemand aan
            te spreken op zijn woord, en bedank iedereen.]]),
                    en = text.prose([[
            Show the word cloud or read out the words. Name what stands out, without
            calling anyone to account for their word, and thank everyone.]]),
                  },
                  inputs = {} },
              },
              init = init,
              handlers = {
                word = word,
                pass = pass,
                close = close,
              },
              outcome = outcome,
              view = view,
              report = report,
            }

            """#
    }

    /// The test file for `id`.
    public static func tests(id: String) -> String {
        return #"""
            -- Tests for \#(id). `werkvorm test` runs them.
            --
            -- The file returns a list of cases. A case gives the participants, params
            -- (the others keep their defaults) and events: inputs, and `{ phase = ... }`
            -- where the facilitator moves on. An input with `rejected = "..."` must be
            -- rejected with a reason that contains that text (in Dutch or English);
            -- `rejected = true` accepts any reason; every other input must be accepted.
            -- After the events, `outcome` and `views` are compared: only the fields you
            -- give, and lists element by element.
            --
            -- Every case runs twice, in fresh states: when the two runs differ, the case
            -- fails, because the exercise is then not deterministic.

            return {
              { name = "a round: words in order, a pass, the facilitator closes",
                participants = { "ann", "bob", "cas" },
                events = {
                  { participant = "ann", input = "word", fields = { word = "Dankbaar" } },
                  { participant = "bob", input = "pass" },
                  { participant = "cas", input = "word", fields = { word = "  moe  " } },  -- the runtime trims
                  { input = "close" },  -- a facilitator input: no participant
                  { phase = "wrap-up" },
                },
                outcome = {
                  words = { { word = "Dankbaar" }, { word = "moe" } },
                  passed = { "bob" },
                  frequencies = { nl = { { word = "dankbaar", count = 1 }, { word = "moe", count = 1 } } },
                  closed = true,
                },
                views = {
                  ann = { phase = "wrap-up", my_word = "Dankbaar", passed = false },
                  bob = { passed = true },
                },
              },

              { name = "one word, once; a pass is not final; nothing after closing",
                participants = { "ann", "bob" },
                events = {
                  { participant = "ann", input = "word", fields = { word = "Heel erg blij" }, rejected = "Eén woord" },
                  { participant = "ann", input = "word", fields = { word = "   " }, rejected = "is empty" },
                  { participant = "ann", input = "word", fields = { word = "Blij" } },
                  { participant = "ann", input = "word", fields = { word = "Moe" }, rejected = "Je gaf al een woord" },
                  { participant = "bob", input = "pass" },
                  { participant = "bob", input = "pass", rejected = "Je hebt al gepast" },
                  { participant = "bob", input = "word", fields = { word = "Benieuwd" } },
                  { participant = "zoe", input = "pass", rejected = true },  -- not in the session
                  { input = "close" },
                  { input = "close", rejected = "al gesloten" },
                  { participant = "ann", input = "pass", rejected = "De ronde is gesloten" },
                  { phase = "wrap-up" },
                  { participant = "bob", input = "pass", rejected = true },  -- another phase
                },
                outcome = {
                  words = { { word = "Blij" }, { word = "Benieuwd" } },
                  passed = {},
                  closed = true,
                },
              },

              { name = "params: another question; the outcome keeps who said what, for the record",
                params = {
                  question = { nl = "Hoe ga je naar huis?", en = "How do you leave?" },
                },
                participants = { "ann", "bob" },
                events = {
                  { participant = "ann", input = "word", fields = { word = "Rustig" } },
                  { participant = "bob", input = "pass" },
                },
                outcome = {
                  question = { nl = "Hoe ga je naar huis?", en = "How do you leave?" },
                  words = { { participant = "ann", word = "Rustig" } },
                  passed = { "bob" },
                  closed = false,
                },
              },

              { name = "the word cloud lowercases (also Ï) and leaves out short words",
                participants = { "ann", "bob", "cas", "dirk" },
                events = {
                  { participant = "ann", input = "word", fields = { word = "Blij" } },
                  { participant = "bob", input = "word", fields = { word = "blij!" } },
                  { participant = "cas", input = "word", fields = { word = "GEÏNSPIREERD" } },
                  { participant = "dirk", input = "word", fields = { word = "ok" } },
                },
                outcome = {
                  words = { { word = "Blij" }, { word = "blij!" }, { word = "GEÏNSPIREERD" }, { word = "ok" } },
                  frequencies = {
                    nl = { { word = "blij", count = 2 }, { word = "geïnspireerd", count = 1 } },
                    en = { { word = "blij", count = 2 }, { word = "geïnspireerd", count = 1 } },
                  },
                },
              },
            }

            """#
    }
}
