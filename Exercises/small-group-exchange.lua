-- Small-group exchange: groups of four or five exchange what they already do,
-- what they can build on and what did not work, with the three guiding
-- questions of seed 001 (learning network "Iedereen Mee", session 6). The
-- minutes list every group's answers under each question, without names:
-- the point is to put strengths in the spotlight and to learn from mistakes,
-- not to say who made them.

local groups = require("groups")
local text = require("text")

local f = string.format

-- The three guiding questions, in the seed's words and order.
local questions = {
  { id = "proud",
    text = { nl = "Wat doe je nu al, wat onderneem je nu al? Op welke acties die je al doet ben je echt trots?",
      en = "What do you already do, what do you already undertake? Which of the actions you already take "
        .. "are you really proud of?" },
    short = { nl = "Waar we trots op zijn", en = "What we are proud of" } },
  { id = "build_on",
    text = { nl = "Waarop kunnen we verder bouwen? Denk aan bestaande beleidskaders, acties en activiteiten, "
      .. "netwerken, organisatiecultuur…",
      en = "What can we build on? Think of existing policy frameworks, actions and activities, networks, "
        .. "organisational culture…" },
    short = { nl = "Waarop we verder bouwen", en = "What we build on" } },
  { id = "did_not_work",
    text = { nl = "Wat heb je al geprobeerd en heeft echt niet gewerkt?",
      en = "What have you already tried that really did not work?" },
    short = { nl = "Wat niet werkte", en = "What did not work" } },
}

------------------------------------------------------------------------
-- state

-- Groups of about `size` people, drawn at random as a proposal for the
-- room; members are listed in roster order.
local function draw_groups(participants, size)
  return groups.split_listed(participants, math.max(1, (#participants + size - 1) // size))
end

local function per_question()
  local answers = {}
  for _, question in ipairs(questions) do
    answers[question.id] = {}
  end
  return answers
end

local function init(params, participants)
  local state = {
    members = draw_groups(participants, params.group_size),
    answers = {},  -- group number -> question id -> list of texts
    given = {},    -- group number -> question id -> set of texts in lower case
  }
  for group = 1, #state.members do
    state.answers[group] = per_question()
    state.given[group] = per_question()
  end
  return state
end

------------------------------------------------------------------------
-- handlers

-- The group's scribe writes for the group, on a phone or the facilitator's
-- laptop: the input names the group.
-- Without a group number, the answer is for the writer's own group.
local function answer(state, input)
  local group, question = input.fields.group, input.fields.question
  group = group or (input.participant and groups.find(state.members, input.participant))
  if group == nil then
    return false, text.both("Geef het nummer van het groepje", "Give the group's number")
  end
  local count = #state.answers
  if group > count and count == 1 then
    return false, text.both("Er is maar één groepje: groepje 1", "There is only one group: group 1")
  elseif group > count then
    return false, text.both(f("Er zijn %d groepjes; kies er een van 1 tot %d", count, count),
      f("There are %d groups; choose one from 1 to %d", count, count))
  end
  local said = text.trim(input.fields.text)
  if said == "" then
    return false, text.both("Schrijf eerst een antwoord op", "Write an answer first")
  end
  local given = state.given[group][question]
  if given[said:lower()] then
    return false, text.both(f("Dit antwoord staat al bij groep %d", group),
      f("Group %d already has this answer", group))
  end
  given[said:lower()] = true
  table.insert(state.answers[group][question], said)
end

------------------------------------------------------------------------
-- outcome

local function copy_list(list)
  local result = {}
  for index, value in ipairs(list) do
    result[index] = value
  end
  return result
end

-- Per question, every group's answers in the order of the groups: the
-- minutes read them as one list, as the seed's do.
local function outcome(state)
  local per_question_list, sizes = {}, {}
  for _, question in ipairs(questions) do
    local answers = {}
    for group = 1, #state.answers do
      for _, said in ipairs(state.answers[group][question.id]) do
        answers[#answers + 1] = { group = group, text = said }
      end
    end
    per_question_list[#per_question_list + 1] = {
      id = question.id, text = { nl = question.text.nl, en = question.text.en }, answers = answers,
    }
  end
  local members = {}
  for group, list in ipairs(state.members) do
    sizes[group] = #list
    members[group] = copy_list(list)
  end
  return { questions = per_question_list, group_sizes = sizes, members = members }
end

------------------------------------------------------------------------
-- view: your group, its members and what it has written so far


-- The guiding questions (numbered), and for a participant their group, who
-- is in it and what it has written so far.
local function view(state, participant)
  local seen = { groups = #state.members, questions = {} }
  for index, question in ipairs(questions) do
    seen.questions[index] = { number = index, text = { nl = question.text.nl, en = question.text.en } }
  end
  local group = participant and groups.find(state.members, participant)
  if group then
    local answers = {}
    for _, question in ipairs(questions) do
      for _, said in ipairs(state.answers[group][question.id]) do
        answers[#answers + 1] = {
          text = { nl = question.short.nl .. ": " .. said, en = question.short.en .. ": " .. said },
        }
      end
    end
    seen.group, seen.members, seen.answers = group, copy_list(state.members[group]), answers
  end
  return seen
end

-- Someone who comes in late joins the smallest group (the first of them).
local function join(state, participant)
  groups.join(state.members, participant)
end

------------------------------------------------------------------------
-- report: laid out like the minutes of seed 001, question by question

local function sizes_text(sizes, lang)
  local least, most = math.huge, 0
  for _, size in ipairs(sizes) do
    least, most = math.min(least, size), math.max(most, size)
  end
  local size = least == most and tostring(most) or f(lang == "en" and "%d or %d" or "%d of %d", least, most)
  return text.format({ nl = "In %s van %s.", en = "In %s of %s." }, lang,
    text.count(#sizes, lang == "en" and "group" or "groepje", lang == "en" and "groups" or "groepjes"), size)
end

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = { { type = "paragraph", text = sizes_text(result.group_sizes, lang) } }
  if ctx.names then
    for group, members in ipairs(result.members) do
      blocks[#blocks + 1] = { type = "paragraph",
        text = text.format({ nl = "Groep %d: %s", en = "Group %d: %s" }, lang, group, table.concat(members, ", ")) }
    end
  end
  for _, question in ipairs(result.questions) do
    blocks[#blocks + 1] = { type = "heading", text = question.text }
    if #question.answers == 0 then
      blocks[#blocks + 1] = { type = "paragraph", text = { nl = "(Geen antwoorden.)", en = "(No answers.)" } }
    else
      local items = {}
      for _, entry in ipairs(question.answers) do
        items[#items + 1] = entry.text
      end
      blocks[#blocks + 1] = { type = "list", items = items }
    end
  end
  return blocks
end

------------------------------------------------------------------------

local function question_options()
  local options = {}
  for _, question in ipairs(questions) do
    options[#options + 1] = { value = question.id, label = { nl = question.short.nl, en = question.short.en } }
  end
  return options
end

return {
  id = "small-group-exchange",
  version = "1.0.0",
  title = { nl = "Uitwisseling in kleine groepjes", en = "Small-group exchange" },
  summary = {
    nl = text.prose([[
In groepjes van vier of vijf wisselen deelnemers uit wat ze al doen en waar ze trots op zijn,
waarop ze verder kunnen bouwen, en wat ze al probeerden en niet werkte.]]),
    en = text.prose([[
In groups of four or five, participants exchange what they already do and are proud of, what they
can build on, and what they tried that did not work.]]),
  },
  purpose = {
    nl = text.prose([[
Elkaar inspireren met wat er al is: goede acties en praktijken zichtbaar maken, en leren van wat
mislukte. Veranderen gaat altijd met vallen en opstaan.]]),
    en = text.prose([[
Inspire each other with what is already there: make good actions and practices visible, and learn
from what failed. Change always comes with trial and error.]]),
  },
  duration = { default = 30, minimum = 15 },
  group_size = { min = 3, max = 60 },
  materials = {
    { nl = "Per groepje een blad met de drie richtvragen",
      en = "A sheet with the three guiding questions for each group" },
  },
  params = {
    { name = "group_size", type = "integer",
      label = { nl = "Deelnemers per groepje (ongeveer)", en = "Participants per group (about)" },
      default = 5, min = 2, max = 10 },
  },
  phases = {
    { id = "exchange",
      title = { nl = "Uitwisselen in groepjes", en = "Exchange in groups" },
      instructions = {
        nl = text.prose([[
Verdeel de deelnemers in groepjes van vier of vijf; Werkvorm stelt een verdeling voor. Zeg dat de
richtvragen bedoeld zijn om sterktes in de verf te zetten, maar ook om stil te staan bij het leren
uit fouten: veranderen gaat met vallen en opstaan.

Eén: wat doe je nu al, waar ben je echt trots op? Twee: waarop kunnen we verder bouwen (beleid,
acties, netwerken, organisatiecultuur)? Drie: wat heb je al geprobeerd en werkte echt niet? Eén
persoon per groepje noteert; op de telefoon van een deelnemer gaat een antwoord naar diens eigen
groepje.]]),
        en = text.prose([[
Divide the participants into groups of four or five; Werkvorm proposes a division. Say that the
guiding questions are meant to put strengths in the spotlight, and also to stop and learn from
mistakes: change comes with trial and error.

One: what do you already do, what are you really proud of? Two: what can we build on (policy,
actions, networks, organisational culture)? Three: what have you tried that really did not work?
One person per group takes notes; from a participant's phone an answer goes to their own group.]]),
      },
      inputs = {
        { name = "answer", title = { nl = "Antwoord", en = "Answer" },
          by = "participant", anonymous = true,
          fields = {
            -- left empty on a participant's phone: their own group
            { name = "group", type = "integer", label = { nl = "Groepje", en = "Group" }, min = 1, max = 30,
              required = false },
            { name = "question", type = "choice", label = { nl = "Richtvraag", en = "Guiding question" },
              options = question_options() },
            { name = "text", type = "text", label = { nl = "Antwoord", en = "Answer" }, max_length = 1000 },
          } },
      } },
    { id = "share",
      title = { nl = "Delen in de groep", en = "Share with everyone" },
      instructions = {
        nl = text.prose([[
Elk groepje deelt kort één actie waar het trots op is en één les uit wat niet werkte. Vraag door
op wat anderen kunnen overnemen. Op de telefoons hoeft nu niets meer.]]),
        en = text.prose([[
Each group briefly shares one action it is proud of and one lesson from what did not work. Ask
what others could take over. Nothing more is needed on the phones now.]]),
      },
      inputs = {} },
  },
  init = init,
  handlers = {
    answer = answer,
  },
  outcome = outcome,
  view = view,
  join = join,
  report = report,
}
