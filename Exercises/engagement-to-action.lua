-- From engagement to action: small groups turn a chosen engagement into
-- action with the four questions of seed 001 (learning network "Iedereen
-- Mee", session 6), where two groups each took one of the engagements chosen
-- by dot voting. The engagements usually come from the vote's outcome
-- (`engagements: { from: engagement-voting, take: chosen.text }`); group 1
-- takes the first, group 2 the second, and so on, and the facilitator can
-- give a group another one. A first small step says who takes it and by when.

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

-- The engagement of a session whose script gives none: an example for the
-- room, in the session's language.
local example_engagement = {
  nl = "Ik durf met ervaringsdeskundigen aan de slag te gaan.",
  en = "I dare to work with experts by experience.",
}

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

local function init(params, participants, ctx)
  local engagements = params.engagements
  if #engagements == 0 then
    engagements = { text.pick(example_engagement, ctx.lang) }
  end
  local state = {
    -- group number -> its engagement: the chosen ones in turn
    engagements = {},
    -- drawn at random as a proposal for the room, members in roster order
    members = groups.split_listed(participants, params.groups),
    answers = {},  -- group number -> question id -> list of texts
    -- group number -> question id -> the texts in lower case, as a set: a
    -- new answer is checked against it instead of against every answer
    given = {},
    -- group number -> the first small steps: { text, who, by }
    actions = {},
  }
  for group = 1, params.groups do
    state.engagements[group] = engagements[(group - 1) % #engagements + 1]
    state.answers[group] = per_question()
    state.given[group] = per_question()
    state.actions[group] = {}
  end
  return state
end

------------------------------------------------------------------------
-- handlers

-- Why a group number is not one of the groups; nil when it is.
local function no_group(state, group)
  local count = #state.answers
  if group > count and count == 1 then
    return text.both("Er is maar 1 groep; kies groep 1", "There is only 1 group; choose group 1")
  elseif group > count then
    return text.both(f("Er zijn maar %d groepen; kies een groep van 1 tot %d", count, count),
      f("There are only %d groups; choose a group from 1 to %d", count, count))
  end
end

-- Anyone may write for any group: groups form in the room, and the person
-- at the keyboard is often the group's scribe. The input names the group.
-- A first small step may say who takes it and by when.
local function answer(state, input)
  local question = input.fields.question
  -- without a group number, the answer is for the writer's own group
  local group = input.fields.group or (input.participant and groups.find(state.members, input.participant))
  if group == nil then
    return false, text.both("Geef het nummer van de groep", "Give the group's number")
  end
  local wrong = no_group(state, group)
  if wrong then
    return false, wrong
  end
  local who, by = input.fields.who, input.fields.by
  if question ~= "first_step" and (who or by) then
    return false, text.both("Wie en tegen wanneer horen bij een eerste kleine stap; laat ze hier leeg",
      "Who and by when belong to a first small step; leave them empty here")
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
  if question == "first_step" then
    table.insert(state.actions[group], { text = said, who = who, by = by })
  end
end

-- The facilitator gives a group another engagement: the room chose
-- differently, or a group took one that was not at the top.
local function set_engagement(state, input)
  local group = input.fields.group
  local wrong = no_group(state, group)
  if wrong then
    return false, wrong
  end
  state.engagements[group] = text.trim(input.fields.engagement)
end

-- The facilitator notes who takes a first small step and by when, as the
-- groups report back. What is left empty stays as it was.
local function take_step(state, input)
  local group, number = input.fields.group, input.fields.step
  local wrong = no_group(state, group)
  if wrong then
    return false, wrong
  end
  local action = state.actions[group][number]
  if not action then
    local count = #state.actions[group]
    if count == 0 then
      return false, text.both_format("Groep %d heeft nog geen eerste kleine stap",
        "Group %d has no first small step yet", group)
    end
    return false, text.both(
      f("Groep %d heeft %s; kies een nummer van 1 tot %d", group,
        text.count(count, "eerste kleine stap", "eerste kleine stappen"), count),
      f("Group %d has %s; choose a number from 1 to %d", group,
        text.count(count, "first small step", "first small steps"), count))
  end
  action.who = input.fields.who or action.who
  action.by = input.fields.by or action.by
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
  local actions = {}
  for index, action in ipairs(state.actions[group]) do
    actions[index] = { text = action.text, who = action.who, by = action.by }
  end
  return {
    group = group, engagement = state.engagements[group], members = copy_list(state.members[group]),
    answers = answers, actions = actions,
  }
end

-- The engagements worked on, each once, in the order of the groups.
local function engagements_of(state)
  local list, seen = {}, {}
  for _, engagement in ipairs(state.engagements) do
    if not seen[engagement] then
      seen[engagement] = true
      list[#list + 1] = engagement
    end
  end
  return list
end

local function outcome(state)
  local per_group = {}
  for group = 1, #state.answers do
    per_group[group] = group_outcome(state, group)
  end
  return {
    engagements = engagements_of(state),
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
  local numbered, engagements = {}, {}
  for index, question in ipairs(questions) do
    numbered[index] = { number = index, text = { nl = question.text.nl, en = question.text.en } }
  end
  for group, engagement in ipairs(state.engagements) do
    engagements[group] = { number = group, text = engagement }
  end
  local seen = { questions = numbered, groups = #state.answers }
  if participant == nil then
    seen.engagements = engagements  -- the facilitator sees every group's
  end
  local group = group_of(state, participant)
  if group then
    local mine = group_outcome(state, group)
    seen.group, seen.engagement, seen.members = group, mine.engagement, mine.members
    -- what the group wrote so far, each answer with its question in short
    local answers = {}
    for _, question in ipairs(questions) do
      for _, said in ipairs(mine.answers[question.id]) do
        answers[#answers + 1] = {
          text = { nl = question.short.nl .. ": " .. said, en = question.short.en .. ": " .. said },
        }
      end
    end
    seen.answers = answers
  end
  return seen
end

------------------------------------------------------------------------
-- report: laid out like the minutes of seed 001, engagement by engagement,
-- question by question

-- A first small step as the minutes list it: what, and who takes it by when.
local function action_line(action, lang)
  if action.who and action.by then
    return text.format({ nl = "%s (%s, tegen %s)", en = "%s (%s, by %s)" }, lang, action.text, action.who, action.by)
  elseif action.who then
    return f("%s (%s)", action.text, action.who)
  elseif action.by then
    return text.format({ nl = "%s (tegen %s)", en = "%s (by %s)" }, lang, action.text, action.by)
  end
  return action.text
end

local function action_lines(actions, lang)
  local items = {}
  for _, action in ipairs(actions) do
    items[#items + 1] = action_line(action, lang)
  end
  return items
end

-- The groups of each engagement, in the order of the engagements.
local function by_engagement(result)
  local list, index = {}, {}
  for _, group in ipairs(result.groups) do
    local at = index[group.engagement]
    if not at then
      at = #list + 1
      index[group.engagement] = at
      list[at] = { engagement = group.engagement, groups = {} }
    end
    table.insert(list[at].groups, group)
  end
  return list
end

local function group_blocks(blocks, group, ctx, with_heading)
  local lang = ctx.lang
  local heading = text.format({ nl = "Groep %d", en = "Group %d" }, lang, group.group)
  -- the members by name only when the session script shows names for this step
  if #group.members > 0 and ctx.names then
    heading = f("%s: %s", heading, table.concat(group.members, ", "))
  end
  if with_heading or ctx.names then
    blocks[#blocks + 1] = { type = "paragraph", text = heading }
  end
  for _, question in ipairs(questions) do
    blocks[#blocks + 1] = { type = "heading", text = text.pick(question.text, lang) }
    local answers = group.answers[question.id]
    if question.id == "first_step" then
      answers = action_lines(group.actions, lang)
    end
    if #answers > 0 then
      blocks[#blocks + 1] = { type = "list", items = copy_list(answers) }
    else
      blocks[#blocks + 1] = { type = "paragraph", text = { nl = "(Geen antwoorden.)", en = "(No answers.)" } }
    end
  end
end

-- What the minutes put first: the first small steps, with who takes them and
-- by when, under the engagement they turn into action.
local function decisions(result, ctx)
  local blocks = {}
  for _, entry in ipairs(by_engagement(result)) do
    local items = {}
    for _, group in ipairs(entry.groups) do
      for _, line in ipairs(action_lines(group.actions, ctx.lang)) do
        items[#items + 1] = line
      end
    end
    if #items > 0 then
      blocks[#blocks + 1] = { type = "heading",
        text = text.format({ nl = "Acties voor “%s”", en = "Actions for “%s”" }, ctx.lang, entry.engagement) }
      blocks[#blocks + 1] = { type = "list", items = items }
    end
  end
  return blocks
end

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = {}
  local list = by_engagement(result)
  for number, entry in ipairs(list) do
    local title = text.format({ nl = "Gekozen engagement: “%s”", en = "Chosen engagement: “%s”" }, lang,
      entry.engagement)
    if #list > 1 then
      title = f("%d) %s", number, title)
    end
    blocks[#blocks + 1] = { type = "heading", text = title }
    for _, group in ipairs(entry.groups) do
      group_blocks(blocks, group, ctx, #entry.groups > 1)
    end
  end
  return blocks
end

------------------------------------------------------------------------

local set_engagement_input = {
  name = "set_engagement", title = { nl = "Engagement van een groep", en = "A group's engagement" },
  by = "facilitator",
  fields = {
    { name = "group", type = "integer", label = { nl = "Groep", en = "Group" }, min = 1, max = 10 },
    { name = "engagement", type = "text", label = { nl = "Engagement", en = "Engagement" }, max_length = 280 },
  },
}

local function question_options()
  local options = {}
  for _, question in ipairs(questions) do
    options[#options + 1] = { value = question.id, label = { nl = question.short.nl, en = question.short.en } }
  end
  return options
end

return {
  id = "engagement-to-action",
  version = "2.0.0",
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
    { name = "engagements", type = "text_list", label = { nl = "Gekozen engagementen", en = "Chosen engagements" },
      default = {}, max_length = 280 },
    { name = "groups", type = "integer", label = { nl = "Aantal groepen", en = "Number of groups" },
      default = 2, min = 1, max = 10 },
  },
  phases = {
    { id = "introduce",
      title = { nl = "Engagement en groepen", en = "Engagement and groups" },
      instructions = {
        nl = text.prose([[
Lees de gekozen engagementen voor, bijvoorbeeld die met de meeste stemmen uit "Stemmen op
engagementen". Verdeel de deelnemers in groepen; Werkvorm stelt een verdeling voor. Groep 1 neemt
het eerste gekozen engagement, groep 2 het tweede, enzovoort; kiest een groep een ander
engagement, geef het dan hier in. Geef elke groep een flip-over met de vier vragen en laat één
persoon per groep noteren.]]),
        en = text.prose([[
Read out the chosen engagements, for example those with the most votes in "Voting on
engagements". Divide the participants into groups; Werkvorm proposes a division. Group 1 takes the
first chosen engagement, group 2 the second, and so on; if a group chooses another engagement,
enter it here. Give each group a flip chart with the four questions and let one person per group
take notes.]]),
      },
      inputs = { set_engagement_input } },
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
            -- left empty on a participant's phone: their own group
            { name = "group", type = "integer", label = { nl = "Groep", en = "Group" }, min = 1, max = 10,
              required = false },
            { name = "question", type = "choice", label = { nl = "Vraag", en = "Question" },
              options = question_options() },
            { name = "text", type = "text", label = { nl = "Antwoord", en = "Answer" }, max_length = 500 },
            { name = "who", type = "text", required = false, max_length = 80,
              label = { nl = "Wie zet de eerste stap?", en = "Who takes the first step?" } },
            { name = "by", type = "text", required = false, max_length = 40,
              label = { nl = "Tegen wanneer?", en = "By when?" } },
          } },
      } },
    { id = "share",
      title = { nl = "Terugkoppeling", en = "Report back" },
      instructions = {
        nl = text.prose([[
Elke groep stelt kort zijn antwoorden voor, te beginnen bij de eerste kleine stap. Vraag wie die
stap zet en tegen wanneer, en vul het in bij de stap.

Spreek af hoe jullie erop terugkomen. Zonder terugkoppeling en opvolging verdwijnt engagement, en
vaak moet je acties herhalen voor je resultaat ziet: derde keer, goeie keer.]]),
        en = text.prose([[
Each group briefly presents its answers, starting with the first small step. Ask who takes that
step and by when, and fill it in with the step.

Agree how you will come back to it. Without feedback and follow-up, engagement fades, and actions
often have to be repeated before you see results: third time lucky.]]),
      },
      inputs = {
        { name = "take_step", title = { nl = "Wie zet de stap, tegen wanneer", en = "Who takes the step, by when" },
          by = "facilitator",
          fields = {
            { name = "group", type = "integer", label = { nl = "Groep", en = "Group" }, min = 1, max = 10 },
            { name = "step", type = "integer", min = 1, max = 50,
              label = { nl = "Eerste kleine stap (nummer in de groep)",
                en = "First small step (number within the group)" } },
            { name = "who", type = "text", required = false, max_length = 80,
              label = { nl = "Wie", en = "Who" } },
            { name = "by", type = "text", required = false, max_length = 40,
              label = { nl = "Tegen wanneer", en = "By when" } },
          } },
      } },
  },
  init = init,
  handlers = {
    answer = answer,
    set_engagement = set_engagement,
    take_step = take_step,
  },
  outcome = outcome,
  view = view,
  join = join,
  report = report,
  decisions = decisions,
}
