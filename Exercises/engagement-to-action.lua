-- From engagement to action: small groups turn one chosen engagement into
-- action with the four questions of seed 001 (learning network "Iedereen
-- Mee", session 6), where two groups each took one of the engagements chosen
-- by dot voting. For two engagements, run the exercise twice.

local groups = require("groups")
local text = require("text")

local f = string.format

-- The four questions, in the seed's words and order: first what will be
-- different (makes the engagement concrete), then where it may chafe, then a
-- first small step and what it needs (the last one "als er tijd is").
local questions = {
  { id = "visible",
    text = { nl = "Wat is er zichtbaar en voelbaar anders eens je het engagement omzet in actie? Maak het concreet.",
      en = "What is visibly and tangibly different once you turn the engagement into action? Make it concrete." },
    short = { nl = "Zichtbaar en voelbaar anders", en = "Visibly and tangibly different" } },
  { id = "chafe",
    text = { nl = "Als je kritisch naar de actie kijkt, waar kan het schuren? Mogelijke drempels?",
      en = "If you look critically at the action, where could it chafe? Possible obstacles?" },
    short = { nl = "Waar het kan schuren", en = "Where it could chafe" } },
  { id = "first_step",
    text = { nl = "Welke eerste kleine stap kan je NU zetten om van engagement naar actie te gaan?",
      en = "What first small step can you take NOW to go from engagement to action?" },
    short = { nl = "Eerste kleine stap", en = "First small step" } },
  { id = "needs",
    text = { nl = "Wat heb je nodig om deze stap te zetten?", en = "What do you need to take this step?" },
    short = { nl = "Wat je nodig hebt", en = "What you need" } },
}

local default_engagement = "Ik durf met ervaringsdeskundigen aan de slag te gaan."

------------------------------------------------------------------------
-- state


-- question id -> an empty table, for each question
local function per_question()
  local answers = {}
  for _, question in ipairs(questions) do
    answers[question.id] = {}
  end
  return answers
end

local function init(params, participants)
  local state = {
    engagement = params.engagement,
    -- drawn at random as a proposal for the room, members in roster order
    members = groups.split_listed(participants, params.groups),
    answers = {},  -- group number -> question id -> list of texts
    -- group number -> question id -> the texts in lower case, as a set: a
    -- new answer is checked against it instead of against every answer
    given = {},
  }
  for group = 1, params.groups do
    state.answers[group] = per_question()
    state.given[group] = per_question()
  end
  return state
end

------------------------------------------------------------------------
-- handlers

-- Anyone may write for any group: groups form in the room, and the person
-- at the keyboard is often the group's scribe. The input names the group.
local function answer(state, input)
  local group, question = input.fields.group, input.fields.question
  local count = #state.answers
  if group > count and count == 1 then
    return false, text.both("Er is maar 1 groep; kies groep 1", "There is only 1 group; choose group 1")
  elseif group > count then
    return false, text.both(f("Er zijn maar %d groepen; kies een groep van 1 tot %d", count, count),
      f("There are only %d groups; choose a group from 1 to %d", count, count))
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

local function question_list()
  local list = {}
  for _, question in ipairs(questions) do
    list[#list + 1] = { id = question.id, text = { nl = question.text.nl, en = question.text.en } }
  end
  return list
end

local function group_outcome(state, group)
  local answers = {}
  for _, question in ipairs(questions) do
    answers[question.id] = copy_list(state.answers[group][question.id])
  end
  return { group = group, members = copy_list(state.members[group]), answers = answers }
end

local function outcome(state)
  local per_group = {}
  for group = 1, #state.answers do
    per_group[group] = group_outcome(state, group)
  end
  return {
    engagement = state.engagement,
    questions = question_list(),
    groups = per_group,
  }
end

------------------------------------------------------------------------
-- view: your proposed group and what your group has written so far

local function group_of(state, participant)
  return groups.find(state.members, participant)
end

-- Someone who comes in late joins the smallest group (the first of them):
-- the groups stay as the room formed them.
local function join(state, participant)
  groups.join(state.members, participant)
end

local function view(state, participant)
  local seen = { engagement = state.engagement, questions = question_list(), groups = #state.answers }
  local group = group_of(state, participant)
  if group then
    local mine = group_outcome(state, group)
    seen.group, seen.members, seen.answers = group, mine.members, mine.answers
  end
  return seen
end

------------------------------------------------------------------------
-- report: laid out like the minutes of seed 001, question by question

local function group_blocks(blocks, group, ctx)
  local lang = ctx.lang
  local heading = text.format({ nl = "Groep %d", en = "Group %d" }, lang, group.group)
  -- the members by name only when the session script shows names for this step
  if #group.members > 0 and ctx.names then
    heading = f("%s: %s", heading, table.concat(group.members, ", "))
  end
  blocks[#blocks + 1] = { type = "heading", text = heading }
  for _, question in ipairs(questions) do
    blocks[#blocks + 1] = { type = "paragraph", text = text.pick(question.text, lang) }
    local answers = group.answers[question.id]
    if #answers > 0 then
      blocks[#blocks + 1] = { type = "list", items = copy_list(answers) }
    else
      blocks[#blocks + 1] = { type = "paragraph", text = { nl = "(Geen antwoorden.)", en = "(No answers.)" } }
    end
  end
end

-- A closing overview of the first steps of all groups: the action list.
local function first_steps(result)
  local items = {}
  for _, group in ipairs(result.groups) do
    for _, step in ipairs(group.answers.first_step) do
      items[#items + 1] = step
    end
  end
  return items
end

-- What the minutes put first: each group's first small steps, under the
-- engagement they turn into action.
local function decisions(result, ctx)
  local steps = first_steps(result)
  if #steps == 0 then
    return {}
  end
  return {
    { type = "heading",
      text = text.format({ nl = "Acties voor “%s”", en = "Actions for “%s”" }, ctx.lang, result.engagement) },
    { type = "list", items = steps },
  }
end

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = {
    { type = "heading", text = text.format({ nl = "Gekozen engagement: “%s”", en = "Chosen engagement: “%s”" },
      lang, result.engagement) },
  }
  for _, group in ipairs(result.groups) do
    group_blocks(blocks, group, ctx)
  end
  local steps = first_steps(result)
  if #steps > 0 and #result.groups > 1 then
    blocks[#blocks + 1] = { type = "heading", text = { nl = "Eerste kleine stappen", en = "First small steps" } }
    blocks[#blocks + 1] = { type = "list", items = steps }
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
  id = "engagement-to-action",
  version = "1.1.0",
  title = { nl = "Van engagement naar actie", en = "From engagement to action" },
  summary = {
    nl = text.prose([[
Kleine groepen werken een gekozen engagement uit met vier vragen: wat is er zichtbaar en voelbaar
anders, waar kan het schuren, welke eerste kleine stap kan je nu zetten, en wat heb je daarvoor
nodig?]]),
    en = text.prose([[
Small groups work out a chosen engagement with four questions: what is visibly and tangibly
different, where could it chafe, what first small step can you take now, and what do you need for
it?]]),
  },
  purpose = {
    nl = text.prose([[
Een engagement concreet en haalbaar maken: van een goed voornemen naar een eerste stap die
deelnemers na de sessie echt zetten, met oog voor de drempels.]]),
    en = text.prose([[
Make an engagement concrete and feasible: from a good intention to a first step that participants
really take after the session, with an eye for the obstacles.]]),
  },
  duration = { default = 45, minimum = 20 },
  group_size = { min = 3, max = 50 },
  materials = {
    { nl = "Per groep een flip-over met de vier vragen", en = "A flip chart with the four questions for each group" },
    { nl = "Stiften", en = "Markers" },
  },
  params = {
    { name = "engagement", type = "text", label = { nl = "Gekozen engagement", en = "Chosen engagement" },
      default = default_engagement, max_length = 280 },
    { name = "groups", type = "integer", label = { nl = "Aantal groepen", en = "Number of groups" },
      default = 2, min = 1, max = 10 },
  },
  phases = {
    { id = "introduce",
      title = { nl = "Engagement en groepen", en = "Engagement and groups" },
      instructions = {
        nl = text.prose([[
Lees het gekozen engagement voor, bijvoorbeeld het engagement met de meeste stemmen uit "Stemmen op
engagementen". Verdeel de deelnemers in groepen; Werkvorm stelt een verdeling voor. Geef elke
groep een flip-over met de vier vragen en laat één persoon per groep noteren.

Werken verschillende groepen aan verschillende engagementen, start dan deze werkvorm één keer per
engagement.]]),
        en = text.prose([[
Read out the chosen engagement, for example the one with the most votes in "Voting on
engagements". Divide the participants into groups; Werkvorm proposes a division. Give each group a
flip chart with the four questions and let one person per group take notes.

If different groups work on different engagements, run this exercise once per engagement.]]),
      },
      inputs = {} },
    { id = "work",
      title = { nl = "Aan de slag in groepen", en = "Work in groups" },
      instructions = {
        nl = text.prose([[
De groepen beantwoorden de vier vragen, in deze volgorde.

Eén: wat is er zichtbaar en voelbaar anders eens je het engagement omzet in actie? Maak het
concreet. Twee: als je kritisch naar de actie kijkt, waar kan het schuren? Mogelijke drempels?
Drie: welke eerste kleine stap kan je NU zetten om van engagement naar actie te gaan? Vier: wat heb
je nodig om deze stap te zetten? Die laatste vraag als er tijd is; de eerste kleine stap is de kern,
sla die niet over.

Drempels benoemen is geen afbreken maar voorbereiden. Houd de eerste stap klein en concreet: iets
wat je morgen kunt doen, geen plan voor volgend jaar. Bij elk antwoord geef je het nummer van je
groep op.]]),
        en = text.prose([[
The groups answer the four questions, in this order.

One: what is visibly and tangibly different once you turn the engagement into action? Make it
concrete. Two: if you look critically at the action, where could it chafe? Possible obstacles?
Three: what first small step can you take NOW to go from engagement to action? Four: what do you
need to take this step? That last question if there is time; the first small step is the core, do
not skip it.

Naming obstacles is not tearing down but preparing. Keep the first step small and concrete:
something you can do tomorrow, not a plan for next year. With every answer, give your group's
number.]]),
      },
      inputs = {
        { name = "answer", title = { nl = "Antwoord", en = "Answer" },
          by = "participant",
          fields = {
            { name = "group", type = "integer", label = { nl = "Groep", en = "Group" }, min = 1, max = 10 },
            { name = "question", type = "choice", label = { nl = "Vraag", en = "Question" },
              options = question_options() },
            { name = "text", type = "text", label = { nl = "Antwoord", en = "Answer" }, max_length = 500 },
          } },
      } },
    { id = "share",
      title = { nl = "Terugkoppeling", en = "Report back" },
      instructions = {
        nl = text.prose([[
Elke groep stelt kort zijn antwoorden voor, te beginnen bij de eerste kleine stap. Vraag wie die
stap zet en wanneer.

Spreek af hoe jullie erop terugkomen. Zonder terugkoppeling en opvolging verdwijnt engagement, en
vaak moet je acties herhalen voor je resultaat ziet: derde keer, goeie keer.]]),
        en = text.prose([[
Each group briefly presents its answers, starting with the first small step. Ask who takes that
step and when.

Agree how you will come back to it. Without feedback and follow-up, engagement fades, and actions
often have to be repeated before you see results: third time lucky.]]),
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
  decisions = decisions,
}
