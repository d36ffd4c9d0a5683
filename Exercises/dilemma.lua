-- Dilemma: a case from practice with a few options. Everyone chooses one and
-- says why; after the conversation people may choose again. The outcome keeps
-- how many chose each option and the reasons given, without names: the
-- reasons are what the conversation is about.

local text = require("text")

local f = string.format

-- The exercise's own case, used when the session script gives none.
local CASE = {
  nl = "Tijdens de lunch maakt een collega een grap over moslims. Een paar anderen lachen. Wat doe je?",
  en = "During lunch a colleague makes a joke about Muslims. A few others laugh. What do you do?",
}
local OPTIONS = {
  nl = {
    "Ik zeg er meteen iets van, aan tafel.",
    "Ik spreek de collega later onder vier ogen aan.",
    "Ik zeg niets, maar ik lach niet mee.",
    "Ik meld het bij mijn leidinggevende.",
  },
  en = {
    "I say something at once, at the table.",
    "I speak to the colleague later, in private.",
    "I say nothing, but I do not laugh along.",
    "I report it to my manager.",
  },
}

local function init(params, _, ctx)
  local options = {}
  for index, said in ipairs(#params.options > 0 and params.options or OPTIONS[ctx.lang]) do
    options[index] = said
  end
  return {
    case = params.case,
    options = options,
    choice = {},     -- participant -> option number
    first = {},      -- participant -> their first option number
    reasons = {},    -- option number -> list of reasons, in the order given
    anonymous = {},  -- option number -> choices made without a name
  }
end

-- A choice, with a reason if there is one. Choosing again after the
-- conversation replaces the earlier choice; the reason given stays with the
-- option it was given for.
local function choose(state, input)
  local option = input.fields.option
  if state.options[option] == nil then
    return false, text.both(f("Er is geen keuze %d; kies er een van 1 tot %d", option, #state.options),
      f("There is no option %d; choose one from 1 to %d", option, #state.options))
  end
  local who = input.participant
  if who and state.choice[who] == option then
    return false, text.both("Dat heb je al gekozen", "You have already chosen that")
  end
  if who then
    state.first[who] = state.first[who] or option
    state.choice[who] = option
  else
    state.anonymous[option] = (state.anonymous[option] or 0) + 1
  end
  local reason = input.fields.reason and text.trim(input.fields.reason) or ""
  if reason ~= "" then
    local list = state.reasons[option] or {}
    list[#list + 1] = reason
    state.reasons[option] = list
  end
end

local function outcome(state)
  local count, changed, chosen = {}, 0, 0
  for index in ipairs(state.options) do
    count[index] = state.anonymous[index] or 0
    chosen = chosen + count[index]
  end
  for who, option in pairs(state.choice) do
    count[option] = count[option] + 1
    chosen = chosen + 1
    if state.first[who] ~= option then
      changed = changed + 1
    end
  end
  local options = {}
  for index, said in ipairs(state.options) do
    local reasons = {}
    for position, reason in ipairs(state.reasons[index] or {}) do
      reasons[position] = reason
    end
    options[index] = { number = index, text = said, count = count[index], reasons = reasons }
  end
  return { case = state.case, options = options, chosen = chosen, changed = changed }
end

-- The case, the options to choose from (numbered, as the phone lists them)
-- and your choice.
local function view(state, participant)
  local options = {}
  for index, said in ipairs(state.options) do
    options[index] = { number = index, text = said }
  end
  local mine = participant and state.choice[participant]
  return { case = state.case, options = options, choice = mine and f("%d. %s", mine, state.options[mine]) or nil }
end

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = { { type = "paragraph", text = text.pick(result.case, lang) } }
  if result.chosen == 0 then
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Er is niet gekozen.", en = "Nobody chose." } }
    return blocks
  end
  local bars = {}
  for index, option in ipairs(result.options) do
    bars[index] = { label = f("%d. %s", option.number, option.text), value = option.count }
  end
  blocks[#blocks + 1] = { type = "bar_chart", title = { nl = "Keuzes", en = "Choices" }, bars = bars }
  if result.changed > 0 then
    local nl = result.changed == 1 and "Na het gesprek koos 1 deelnemer anders."
      or f("Na het gesprek kozen %d deelnemers anders.", result.changed)
    local en = f("After the conversation %s chose differently.",
      text.count(result.changed, "participant", "participants"))
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = nl, en = en } }
  end
  for _, option in ipairs(result.options) do
    if #option.reasons > 0 then
      blocks[#blocks + 1] = { type = "heading",
        text = text.format({ nl = "Waarom %d: %s", en = "Why %d: %s" }, lang, option.number, option.text) }
      blocks[#blocks + 1] = { type = "list", items = option.reasons }
    end
  end
  return blocks
end

return {
  id = "dilemma",
  version = "1.0.0",
  title = { nl = "Dilemmaspel", en = "Dilemma game" },
  summary = {
    nl = text.prose([[
Een casus uit de praktijk met een paar mogelijke reacties. Iedereen kiest er een en zegt waarom; na
het gesprek mag je opnieuw kiezen.]]),
    en = text.prose([[
A case from practice with a few possible responses. Everyone chooses one and says why; after the
conversation you may choose again.]]),
  },
  purpose = {
    nl = text.prose([[
Oefenen met situaties waarin er geen eenvoudig goed antwoord is, en horen hoe anderen afwegen. De
redenen zijn belangrijker dan de keuze: ze laten zien welke waarden botsen.]]),
    en = text.prose([[
Practise situations without a simple right answer, and hear how others weigh them up. The reasons
matter more than the choice: they show which values clash.]]),
  },
  duration = { default = 20, minimum = 10 },
  group_size = { min = 3, max = 80 },
  materials = {},
  params = {
    { name = "case", type = "bilingual", label = { nl = "Casus", en = "Case" }, default = CASE, max_length = 1000 },
    { name = "options", type = "text_list",
      label = { nl = "Keuzes (leeg: die van de werkvorm, in de taal van de sessie)",
        en = "Options (empty: the exercise's own, in the session's language)" },
      default = {} },
  },
  phases = {
    { id = "choose",
      title = { nl = "Kiezen en bespreken", en = "Choose and discuss" },
      instructions = {
        nl = text.prose([[
Lees de casus voor en de mogelijke reacties. Iedereen kiest er een, op de telefoon of door naar een
hoek te gaan, en schrijft er kort bij waarom. Vraag per keuze een paar mensen naar hun redenen: wat
weegt voor hen het zwaarst? Benoem welke waarden botsen, zonder een antwoord goed of fout te noemen.
Wie daarna anders kiest, mag opnieuw kiezen.]]),
        en = text.prose([[
Read out the case and the possible responses. Everyone chooses one, on their phone or by going to a
corner, and writes briefly why. For each option, ask a few people for their reasons: what weighs
most for them? Name the values that clash, without calling an answer right or wrong. Whoever then
chooses differently may choose again.]]),
      },
      inputs = {
        { name = "choose", title = { nl = "Kiezen", en = "Choose" }, by = "participant", anonymous = true,
          fields = {
            { name = "option", type = "integer", label = { nl = "Keuze", en = "Option" }, min = 1, max = 10,
              refers_to = "options" },
            { name = "reason", type = "text", label = { nl = "Waarom", en = "Why" },
              max_length = 500, required = false },
          } },
      } },
  },
  init = init,
  handlers = {
    choose = choose,
  },
  outcome = outcome,
  view = view,
  report = report,
}
