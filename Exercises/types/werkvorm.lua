---@meta _
-- Werkvorm: type definitions of the exercise API and the exercise standard library,
-- for editors that use the Lua language server (LuaLS): completion, hover help and
-- warnings while writing an exercise. Werkvorm itself never loads this file, and it
-- is not an exercise: the library only loads the *.lua files directly in Exercises/.
--
-- .luarc.json at the root of the repository puts this folder (and Exercises/lib) on
-- LuaLS's workspace.library. See docs/authoring.md, "Editor support".
--
-- The reference is docs/exercise-api.md; the sandbox is docs/sandbox.md. Names are
-- prefixed `werkvorm.` so that they never clash with other libraries.
--
-- Typing the standard library: `require("rank")` resolves to Exercises/lib/rank.lua,
-- whose functions carry no type hints. Put the class of the module on the local to
-- get the documented signatures below:
--
--   ---@type werkvorm.rank
--   local rank = require("rank")

------------------------------------------------------------------------------------
-- Text

---@alias werkvorm.Lang "nl"|"en"

---Text in both languages. Metadata, params, phases and inputs need both.
---@class werkvorm.Bilingual
---@field nl string Dutch
---@field en string English

---Text: a plain string (used for both languages) or `{ nl = "...", en = "..." }`.
---In a report a number is text too (table cells).
---@alias werkvorm.Text string|werkvorm.Bilingual

---Plain data: what leaves an exercise (outcome, view, report) and what enters it
---(params, inputs). nil, booleans, integers, floats (no NaN or infinity), UTF-8
---strings, lists (keys 1..n, no holes) and objects (string keys). An empty table is
---an empty list. Functions, cycles, mixed or sparse tables are refused.
---@alias werkvorm.Plain nil|boolean|integer|number|string|table

------------------------------------------------------------------------------------
-- The exercise table (what an exercise file returns)

---The table an exercise file returns. docs/exercise-api.md describes every field.
---@class werkvorm.Exercise
---@field id string Lowercase letters, digits and dashes; equals the file name (`check-in` in check-in.lua).
---@field version string Like "1.0.0"; raise it when the exercise changes.
---@field title werkvorm.Bilingual
---@field summary werkvorm.Bilingual One or two sentences: what happens.
---@field purpose werkvorm.Bilingual Why a trainer uses it.
---@field duration werkvorm.Duration Minutes.
---@field group_size werkvorm.GroupSize Participants.
---@field materials werkvorm.Bilingual[] What the trainer brings; may be `{}`.
---@field params? werkvorm.Param[] What a trainer sets per session; `{}` or left out for none.
---@field phases werkvorm.Phase[] At least one, in order.
---@field init werkvorm.Init Builds the state.
---@field handlers table<string, werkvorm.Handler> One handler for each input name.
---@field outcome werkvorm.Outcome The result: plain data, from the state only.
---@field view? werkvorm.View What one participant may see now (optional).
---@field report werkvorm.Report The outcome as report blocks.

---@class werkvorm.Duration
---@field default integer Minutes, ≥ minimum.
---@field minimum integer Minutes, ≥ 1.

---@class werkvorm.GroupSize
---@field min integer
---@field max? integer Left out: no maximum.

---@alias werkvorm.ParamType
---| "integer"   # a whole number; min and max optional
---| "number"    # a number; min and max optional
---| "text"      # a string; max_length optional
---| "bilingual" # a text table { nl =, en = }
---| "choice"    # one of the options' values
---| "boolean"   # true or false
---| "text_list" # a list of strings; max_length per item optional

---A param: what a trainer sets per session in the session script. The runtime checks
---the values and fills in defaults before `init`.
---@class werkvorm.Param
---@field name string A lowercase identifier: letters, digits and _ (`max_per_person`).
---@field type werkvorm.ParamType
---@field label werkvorm.Bilingual What the trainer sees.
---@field default any Required; valid for the type and bounds.
---@field min? number For integer and number.
---@field max? number For integer and number.
---@field options? werkvorm.Option[] For choice (required there).
---@field max_length? integer Characters, for text and each text_list item.

---An option of a choice param or field.
---@class werkvorm.Option
---@field value string What is stored (`"pairs"`).
---@field label werkvorm.Bilingual What a person reads.

---A phase. The session moves through the phases in order; only the facilitator moves
---it on. An input is accepted only in its own phase.
---@class werkvorm.Phase
---@field id string Lowercase letters, digits, _ and - (`vote`, `wrap-up`); unique.
---@field title werkvorm.Bilingual
---@field instructions werkvorm.Bilingual What the facilitator says and does.
---@field inputs? werkvorm.Input[] What participants or the facilitator enter here.

---@alias werkvorm.Actor
---| "participant" # the default
---| "facilitator" # the input has no participant

---An input a phase accepts. A handler with the same name handles it.
---@class werkvorm.Input
---@field name string Letters, digits and _ (no dashes); unique within the exercise.
---@field title? werkvorm.Bilingual Defaults to the name.
---@field by? werkvorm.Actor Default "participant".
---@field anonymous? boolean true: a participant may leave their name out (input.participant is nil).
---@field fields? werkvorm.Field[]

---@alias werkvorm.FieldType
---| "text"        # trimmed; max_length optional; a required text may not be empty
---| "integer"     # min and max optional
---| "number"      # min and max optional
---| "boolean"
---| "choice"      # one of the options' values
---| "participant" # the id of a participant in the session

---A typed field of an input. The runtime checks it before the handler runs.
---@class werkvorm.Field
---@field name string Letters, digits and _.
---@field type werkvorm.FieldType
---@field label? werkvorm.Bilingual Defaults to the name.
---@field required? boolean Default true; an optional field left out is nil in the handler.
---@field min? number For integer and number.
---@field max? number For integer and number.
---@field max_length? integer Characters, for text.
---@field options? werkvorm.Option[] For choice (required there).

------------------------------------------------------------------------------------
-- The functions and what they get

---The context every function gets.
---@class werkvorm.Ctx
---@field lang werkvorm.Lang The language to write in: use it in report and view, not in the state or outcome.
---@field phase string The id of the current phase.
---@field params table<string, any> Every param, defaults filled in.
---@field participants string[] Participant ids in roster order.

---One input as a handler gets it, checked against its declaration.
---@class werkvorm.InputValue
---@field name string The input's name (`"dot"`).
---@field participant? string nil for anonymous inputs and for facilitator inputs.
---@field fields table<string, any> By field name; text is trimmed; optional fields left out are nil.
---@field phase string The phase it came in.

---`init(params, participants, ctx)`: the state at the start, a table of your own.
---@alias werkvorm.Init fun(params: table<string, any>, participants: string[], ctx: werkvorm.Ctx): table

---A handler: change `state` in place and return nothing to accept the input, or return
---`false, reason` to reject it (decide before changing anything). An error rejects
---the input too, and the runtime rebuilds the state by replaying the accepted inputs.
---@alias werkvorm.Handler fun(state: table, input: werkvorm.InputValue, ctx: werkvorm.Ctx): false?, werkvorm.Text?

---`outcome(state, ctx)`: plain data that depends on the state only.
---@alias werkvorm.Outcome fun(state: table, ctx: werkvorm.Ctx): werkvorm.Plain

---`view(state, participant, ctx)`: plain data; participant is nil for the facilitator.
---@alias werkvorm.View fun(state: table, participant: string?, ctx: werkvorm.Ctx): werkvorm.Plain

---`report(outcome, ctx)`: a list of blocks, called once per language (ctx.lang).
---@alias werkvorm.Report fun(outcome: any, ctx: werkvorm.Ctx): werkvorm.Block[]

------------------------------------------------------------------------------------
-- Report blocks

---@alias werkvorm.Block
---| werkvorm.HeadingBlock
---| werkvorm.ParagraphBlock
---| werkvorm.ListBlock
---| werkvorm.TableBlock
---| werkvorm.BarChartBlock
---| werkvorm.TwoColumnsBlock
---| werkvorm.PositionMapBlock
---| werkvorm.WordCloudBlock

---@class werkvorm.HeadingBlock
---@field type "heading"
---@field text werkvorm.Text

---@class werkvorm.ParagraphBlock
---@field type "paragraph"
---@field text werkvorm.Text

---@class werkvorm.ListBlock
---@field type "list"
---@field items werkvorm.Text[]

---@class werkvorm.TableBlock
---@field type "table"
---@field columns werkvorm.Text[]
---@field rows (werkvorm.Text|number)[][] Cells are text or numbers.

---Bars in the order given: rank them first.
---@class werkvorm.BarChartBlock
---@field type "bar_chart"
---@field title? werkvorm.Text
---@field bars werkvorm.Bar[]

---@class werkvorm.Bar
---@field label werkvorm.Text
---@field value number
---@field highlight? boolean

---@class werkvorm.TwoColumnsBlock
---@field type "two_columns"
---@field left werkvorm.Column
---@field right werkvorm.Column

---@class werkvorm.Column
---@field title werkvorm.Text
---@field items werkvorm.Text[]

---@class werkvorm.PositionMapBlock
---@field type "position_map"
---@field left werkvorm.Text The left pole.
---@field right werkvorm.Text The right pole.
---@field points werkvorm.Point[]

---@class werkvorm.Point
---@field x number From -1 (left pole) to 1 (right pole).
---@field y number From 0 (the ground) to 1 (up).
---@field label werkvorm.Text
---@field count? integer Default 1.

---@class werkvorm.WordCloudBlock
---@field type "word_cloud"
---@field words werkvorm.WordCount[] As words.frequencies returns them.

---@class werkvorm.WordCount
---@field word string
---@field count integer

------------------------------------------------------------------------------------
-- Tests (ID.test.lua returns werkvorm.TestCase[])

---One test case: events in, expected outcome and views out. Every case runs twice in
---fresh states; a difference between the runs fails it (not deterministic).
---@class werkvorm.TestCase
---@field name string
---@field params? table<string, any> The others keep their defaults.
---@field participants string[]
---@field seed? integer For math.random; default 1.
---@field events werkvorm.TestEvent[]
---@field outcome? table Matched as a subset: only the keys given; lists element by element.
---@field views? table<string, table> By participant id, checked after the last event.

---An input (`input = "dot"`, with `participant` unless given by the facilitator or
---anonymously) or a phase move (`{ phase = "vote" }`). `rejected = "text"`: must be
---rejected with a reason containing the text (nl or en); `rejected = true`: any reason.
---@class werkvorm.TestEvent
---@field input? string
---@field participant? string
---@field fields? table<string, any>
---@field rejected? string|true
---@field phase? string

------------------------------------------------------------------------------------
-- The exercise standard library (Exercises/lib), as the files implement it

---`require("tally")`: counting things.
---@class werkvorm.tally
local tally = {}

---Counts the elements of a list. Without `key_fn` every element is its own key; a
---`key_fn` that returns nil leaves that element out.
---@param list any[]
---@param key_fn? fun(element: any): any
---@return table<any, integer> counts `{ [key] = count }`
function tally.count(list, key_fn) end

---Adds `n` (default 1) to `counts[key]`, changing `counts` in place.
---@param counts table<any, number>
---@param key any
---@param n? number
---@return table<any, number> counts the same table
function tally.add(counts, key, n) end

---@class werkvorm.RankEntry
---@field key string|number
---@field count number
---@field rank integer 1 for the highest count; ties share a rank (1, 2, 2, 4).

---`require("rank")`: ranking counted things.
---@class werkvorm.rank
local rank = {}

---The counts as a ranked list: highest count first; ties share a rank (1, 2, 2, 4)
---and are ordered by key, numbers (ascending) before strings (byte-wise), so the
---result never depends on the order of `pairs`. Keys must be numbers or strings.
---@param counts table<string|number, number>
---@return werkvorm.RankEntry[]
function rank.by_count(counts) end

---The entries with rank ≤ k, ties included, as new tables (copies of every field).
---@param ranked werkvorm.RankEntry[]
---@param k integer
---@return werkvorm.RankEntry[]
function rank.top(ranked, k) end

---`require("groups")`: dividing participants with the session's seeded math.random.
---All three leave their argument unchanged.
---@class werkvorm.groups
local groups = {}

---A new list in random order (Fisher-Yates).
---@generic T
---@param list T[]
---@return T[]
function groups.shuffle(list) end

---Random groups of 2; one group of 3 when the count is odd (nobody talks alone); a
---single id gives one group of 1; no ids give `{}`.
---@generic T
---@param ids T[]
---@return T[][]
function groups.pairs(ids) end

---`n` random groups, sizes differing by at most 1, the larger groups first; a group
---is empty when there are fewer ids than groups. Raises unless n is an integer ≥ 1.
---@generic T
---@param ids T[]
---@param n integer
---@return T[][]
function groups.split(ids, n) end

---@class werkvorm.FrequencyOptions
---@field min_length? integer Shortest word kept, in UTF-8 characters; default 3.
---@field stop_words? string[] Extra words to drop (lowercase).
---@field limit? integer Keep only the first n words.

---`require("words")`: word frequencies for word clouds.
---@class werkvorm.words
local words = {}

---Word frequencies, most frequent first, ties by word (byte-wise). Words are
---lowercased, also accented capitals (É → é, Ï → ï); a word is a run of letters and
---digits, with an apostrophe or dash between letters kept ("auto's", "top-down").
---Dutch and English stop words are dropped (except the other language's stop words
---that are real words in `lang`), and words shorter than `opts.min_length` (3).
---@param texts string[]
---@param lang werkvorm.Lang
---@param opts? werkvorm.FrequencyOptions
---@return werkvorm.WordCount[]
function words.frequencies(texts, lang, opts) end

---Counts kept by the exercise (`{ [word] = count }`), most frequent first, ties by word, at
---most `limit`: the order `frequencies` gives.
---@param counts table<string, integer>
---@param limit? integer
---@return werkvorm.WordCount[]
function words.top(counts, limit) end

---`require("text")`: the two-language text values of the exercise API.
---@class werkvorm.text
local text = {}

---The string for `lang`: a plain string is itself (other values go through
---tostring); a table gives t[lang], else the other language; nil gives "".
---@param t werkvorm.Text|nil
---@param lang werkvorm.Lang
---@return string
function text.pick(t, lang) end

---`string.format` on the string picked for `lang`.
---@param t werkvorm.Text
---@param lang werkvorm.Lang
---@param ... any
---@return string
function text.format(t, lang, ...) end

---The text `{ nl = nl, en = en }`.
---@param nl string
---@param en string
---@return werkvorm.Bilingual
function text.both(nl, en) end

---The text `{ nl = string.format(nl, ...), en = string.format(en, ...) }`: the same
---arguments go into both.
---@param nl string
---@param en string
---@param ... any
---@return werkvorm.Bilingual
function text.both_format(nl, en, ...) end

---Wrapped lines joined: a single line break becomes a space, a blank line starts a
---new paragraph (paragraphs are joined by "\n\n"); spaces are collapsed.
---@param s string
---@return string
function text.prose(s) end

---`s` without leading and trailing white space.
---@param s string
---@return string
function text.trim(s) end

---`n` with the singular or plural word: "1 dot", "5 dots" (`%d`: n must be a whole
---number).
---@param n integer
---@param one string
---@param many string
---@return string
function text.count(n, one, many) end

------------------------------------------------------------------------------------
-- The sandbox (docs/sandbox.md)
--
-- Available: assert error ipairs next pairs pcall xpcall print rawequal rawget rawlen
-- rawset select setmetatable getmetatable tonumber tostring type load require
-- collectgarbage("count") _VERSION _G, and string table math utf8 coroutine
-- (read-only: assigning to string.x or math.x is an error).
--
-- Not available: io, os, debug, package, dofile, loadfile, string.dump, and every
-- collectgarbage option but "count". Reading one of them is an error that says why.
-- .luarc.json turns off LuaLS's io, os, debug and package libraries, so using them is
-- an "undefined global" warning; dofile, loadfile and string.dump belong to libraries
-- that stay on, so LuaLS cannot flag them: luacheck does (.luacheckrc).
--
-- Differences that matter:
-- * pairs and next visit keys in a fixed order: numbers ascending, then strings
--   byte-wise, then false and true. A table keyed by tables or functions cannot be
--   iterated (an error).
-- * math.random is seeded by the host from the session's seed; math.randomseed()
--   without a seed is an error (it would use the clock).
-- * tostring of a table or function shows its type only ("table"), never an address;
--   string.format("%p") is refused.
-- * load(text, name, "t", env) only takes text and needs an environment table.
-- * setmetatable refuses a __gc field.
-- * Limits per call: 100,000,000 instructions; 128 MiB per state; 16 MiB per
--   string.rep; 10,000,000 pattern matching steps per find/match/gmatch/gsub
--   ("pattern too complex for its subject"); 10,000,000 elements per table.move.

---Loads a module of the plugin library by name, once per state: `Exercises/lib/NAME.lua`,
---then the `lib/` folder of each library given with `--library` (and, for
---`werkvorm lua FILE`, `lib/NAME.lua` and `NAME.lua` beside the file). There is no
---`package` table and no path to set.
---
---Werkvorm's sandbox defines `require`; this declaration replaces LuaLS's, which
---belongs to the `package` library that .luarc.json turns off.
---@param modname string
---@return any
function require(modname) end
