-- Check-out: at the end of a session everyone leaves with one word or one
-- sentence, the mirror of the check-in. Passing is allowed and nobody
-- comments. The minutes keep what was said, never who said it: the outcome
-- holds no names.

local text = require("text")
local words = require("words")

local f = string.format

local QUESTION = {
  nl = "Met welk woord of welke zin ga je naar huis?",
  en = "Which word or sentence do you take home with you?",
}

local function init(params, participants)
  return {
    question = params.question,
    one_word = params.form == "word",
    participants = participants,
    said = {},    -- texts, in the order given
    done = {},    -- participant -> true once they said something
    passed = {},  -- participant -> true while their pass stands
  }
end

-- One word or one sentence per person; a pass is not final: who passed may
-- still say something later in the round.
local function leave_with(state, input)
  local who = input.participant
  if who and state.done[who] then
    return false, text.both("Je hebt al iets gezegd", "You have already said something")
  end
  local said = text.trim(input.fields.text)
  if state.one_word and said:find("%s") then
    return false, text.both("Eén woord, geen zin", "One word, not a sentence")
  end
  state.said[#state.said + 1] = said
  if who then
    state.done[who] = true
    state.passed[who] = nil
  end
end

local function pass(state, input)
  local who = input.participant
  if state.done[who] then
    return false, text.both("Je hebt al iets gezegd", "You have already said something")
  end
  if state.passed[who] then
    return false, text.both("Je hebt al gepast", "You have already passed")
  end
  state.passed[who] = true
end

local function outcome(state)
  local said, passed = {}, 0
  for index, entry in ipairs(state.said) do
    said[index] = entry
  end
  for _, who in ipairs(state.participants) do
    if state.passed[who] then
      passed = passed + 1
    end
  end
  return {
    question = state.question,
    form = state.one_word and "word" or "sentence",
    said = said,
    passed = passed,
    words = words.frequencies(said, "nl", { limit = 40 }),
  }
end

-- The question; whether you passed only once you did.
local function view(state, participant)
  return {
    question = state.question,
    one_word = state.one_word,
    done = participant ~= nil and state.done[participant] == true,
    passed = participant ~= nil and state.passed[participant] or nil,
  }
end

local function join(state, participant)
  state.participants[#state.participants + 1] = participant
end

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = { { type = "paragraph", text = text.pick(result.question, lang) } }
  if #result.said == 0 then
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Er is niets gezegd.", en = "Nothing was said." } }
  elseif result.form == "word" then
    blocks[#blocks + 1] = { type = "word_cloud", words = result.words }
  else
    blocks[#blocks + 1] = { type = "list", items = result.said }
  end
  if result.passed > 0 then
    blocks[#blocks + 1] = { type = "paragraph",
      text = { nl = f("%s gepast.", text.count(result.passed, "deelnemer heeft", "deelnemers hebben")),
        en = f("%s passed.", text.count(result.passed, "participant", "participants")) } }
  end
  return blocks
end

return {
  id = "check-out",
  version = "1.0.0",
  title = { nl = "Check-out", en = "Check-out" },
  summary = {
    nl = text.prose([[
Aan het eind van de sessie zegt iedereen één woord of één zin waarmee hij of zij naar huis gaat.
Passen mag; niemand geeft commentaar.]]),
    en = text.prose([[
At the end of the session everyone says one word or one sentence they take home. Passing is
allowed; nobody comments.]]),
  },
  purpose = {
    nl = text.prose([[
De sessie samen afsluiten, zoals de check-in haar opende: iedereen komt nog even aan het woord, en
de groep hoort wat de anderen meenemen, zonder een nieuwe discussie te openen.]]),
    en = text.prose([[
Close the session together, as the check-in opened it: everyone speaks once more, and the group
hears what the others take with them, without opening a new discussion.]]),
  },
  duration = { default = 10, minimum = 5 },
  group_size = { min = 2, max = 60 },
  materials = {},
  params = {
    { name = "question", type = "bilingual", label = { nl = "Vraag", en = "Question" }, default = QUESTION },
    { name = "form", type = "choice", label = { nl = "Vorm", en = "Form" }, default = "sentence",
      options = {
        { value = "sentence", label = { nl = "Eén woord of één zin", en = "One word or one sentence" } },
        { value = "word", label = { nl = "Eén woord (een woordwolk)", en = "One word (a word cloud)" } },
      } },
  },
  phases = {
    { id = "round",
      title = { nl = "Rondje", en = "Round" },
      instructions = {
        nl = text.prose([[
Stel de vraag en geef een voorbeeld van één zin. Ga de kring rond of laat deelnemers het op hun
telefoon typen. Passen mag, en wie paste, mag later in het rondje alsnog iets zeggen. Geef geen
commentaar en laat de anderen dat ook niet doen: bedank iedereen aan het eind samen.]]),
        en = text.prose([[
Ask the question and give an example of one sentence. Go round the circle or let participants type
it on their phones. Passing is allowed, and who passed may still say something later in the round.
Do not comment and do not let others comment: thank everyone together at the end.]]),
      },
      inputs = {
        { name = "leave_with", title = { nl = "Wat ik meeneem", en = "What I take home" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", label = { nl = "Eén woord of één zin", en = "One word or one sentence" },
              max_length = 200 },
          } },
        { name = "pass", title = { nl = "Passen", en = "Pass" }, by = "participant", fields = {} },
      } },
  },
  init = init,
  handlers = {
    leave_with = leave_with,
    pass = pass,
  },
  outcome = outcome,
  view = view,
  join = join,
  report = report,
}
