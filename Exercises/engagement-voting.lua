-- Voting on engagements: dot voting as in seed 001 (learning network
-- "Iedereen Mee", session 6). One engagement per post-it, at most three per
-- person; everyone gets five coloured dots and may stack or spread them; the
-- engagements with the most dots go on to "engagement to action".

local rank = require("rank")
local text = require("text")
-- The report for the minutes: see lib/engagement_voting_report.lua.
local voting_report = require("engagement_voting_report")
local report, decisions = voting_report.report, voting_report.decisions
-- "1 bolletje", "5 bolletjes"; "1 dot", "5 dots"
local dots_nl, dots_en = voting_report.dots_nl, voting_report.dots_en

local f = string.format

local question_default = {
  nl = "Welke engagementen wil je aangaan binnen jouw dienst of sector om je dienstverlening te interculturaliseren?",
  en = "Which engagements do you want to take on in your service or sector to make your services more intercultural?",
}

------------------------------------------------------------------------
-- state

local function init(params, participants)
  return {
    participants = participants,
    question = params.question,
    rules = {
      max_per_person = params.max_per_person,
      dots = params.dots,
      max_per_note = params.max_per_note,
      top = params.top,
    },
    notes = {},    -- { id =, text =, author = }, numbered in the order written
    written = {},  -- participant -> number of engagements written
    dots = {},     -- participant -> { [note id] = dots }
    used = {},     -- participant -> dots used
    -- Kept up to date by the handlers, so that outcome and view only read
    -- them, however many people and notes there are:
    tally = {},    -- note id -> everyone's dots on it
    finished = 0,  -- participants who have used all their dots
    merged = {},   -- { from =, into = }: duplicates the facilitator merged
    override = {}, -- note id -> true (chosen by the facilitator) or false (left out)
  }
end

local function dots_on(state, participant, note)
  local mine = state.dots[participant]
  return mine and mine[note] or 0
end

local function no_such_note(state, note)
  if #state.notes == 0 then
    return text.both("Er zijn nog geen engagementen om op te stemmen",
      "There are no engagements to vote on yet")
  end
  return text.both(f("Er is geen engagement %d; kies een nummer van 1 tot %d", note, #state.notes),
    f("There is no engagement %d; choose a number from 1 to %d", note, #state.notes))
end

------------------------------------------------------------------------
-- handlers

-- One engagement per post-it, at most max_per_person each: a short list
-- keeps the wall readable and makes everyone choose what matters most.
local function engagement(state, input)
  local who = input.participant
  local limit = state.rules.max_per_person
  local written = state.written[who] or 0
  if written >= limit then
    return false, text.both(
      f("Je hebt al %s geschreven; het maximum is %d per persoon",
        text.count(written, "engagement", "engagementen"), limit),
      f("You have already written %s; the maximum is %d per person",
        text.count(written, "engagement", "engagements"), limit))
  end
  local note = text.trim(input.fields.text)
  if note == "" then
    return false, text.both("Schrijf je engagement op het briefje", "Write your engagement on the note")
  end
  local id = #state.notes + 1
  state.notes[id] = { id = id, text = note, author = who }
  state.tally[id] = 0
  state.written[who] = written + 1
end

-- Why a note cannot be voted on or chosen: it is not there, or it went into
-- another one.
local function not_available(state, note)
  local merged = state.notes[note] and state.notes[note].merged_into
  if merged then
    return text.both(f("Engagement %d is samengevoegd met %d", note, merged),
      f("Engagement %d was merged into %d", note, merged))
  end
  return no_such_note(state, note)
end

-- A paper post-it, typed in by the facilitator: it has no author and counts
-- towards nobody's maximum.
local function add_note(state, input)
  local note = text.trim(input.fields.text)
  local id = #state.notes + 1
  state.notes[id] = { id = id, text = note }
  state.tally[id] = 0
end

-- Two post-its that say the same: the first goes into the second, before the
-- vote. The numbers of the others stay as they are.
local function merge(state, input)
  local from, into = input.fields.from, input.fields.into
  for _, note in ipairs({ from, into }) do
    if not state.notes[note] or state.notes[note].merged_into then
      return false, not_available(state, note)
    end
  end
  if from == into then
    return false, text.both("Kies twee verschillende engagementen", "Choose two different engagements")
  end
  state.notes[from].merged_into = into
  state.merged[#state.merged + 1] = { from = from, into = into }
end

-- After the vote the group may take an engagement that was not at the top,
-- as seed 001 did, or leave one out: the facilitator says so.
local function set_choice(state, input, chosen)
  local note = input.fields.note
  if not state.notes[note] or state.notes[note].merged_into then
    return false, not_available(state, note)
  end
  state.override[note] = chosen
end

local function choose_note(state, input)
  return set_choice(state, input, true)
end

local function leave_out_note(state, input)
  return set_choice(state, input, false)
end

-- Dots may be stacked: cumulative voting lets people show how strongly they
-- feel, not only what they like. An optional cap per note keeps one person
-- from deciding alone.
local function dot(state, input)
  local who, note = input.participant, input.fields.note
  local count = input.fields.count or 1
  local rules = state.rules
  if not state.notes[note] then
    return false, no_such_note(state, note)
  end
  if state.notes[note].merged_into then
    return false, not_available(state, note)
  end
  local left = rules.dots - (state.used[who] or 0)
  if left == 0 then
    return false, text.both(f("Je hebt je %s al gebruikt", dots_nl(rules.dots)),
      f("You have used all your %s", dots_en(rules.dots)))
  end
  if count > left then
    return false, text.both(f("Je hebt nog %d van je %s over", left, dots_nl(rules.dots)),
      f("You have %d of your %s left", left, dots_en(rules.dots)))
  end
  local already = dots_on(state, who, note)
  if rules.max_per_note > 0 and already + count > rules.max_per_note then
    local nl = f("Je mag hoogstens %s op één engagement zetten", dots_nl(rules.max_per_note))
    local en = f("You may put at most %s on one engagement", dots_en(rules.max_per_note))
    if already > 0 then
      nl = nl .. f("; op engagement %d staan er al %d van jou", note, already)
      en = en .. f("; engagement %d already has %d of yours", note, already)
    end
    return false, text.both(nl, en)
  end
  state.dots[who] = state.dots[who] or {}
  state.dots[who][note] = already + count
  state.used[who] = (state.used[who] or 0) + count
  state.tally[note] = state.tally[note] + count
  if state.used[who] == rules.dots then
    state.finished = state.finished + 1
  end
end

-- Taking a dot back is allowed while the vote is open: on the wall people
-- move their stickers too.
local function remove_dot(state, input)
  local who, note = input.participant, input.fields.note
  local count = input.fields.count or 1
  if not state.notes[note] then
    return false, no_such_note(state, note)
  end
  local already = dots_on(state, who, note)
  if already < count then
    return false, text.both(
      f("Je hebt %s op engagement %d", already == 0 and "geen bolletjes" or dots_nl(already), note),
      f("You have %s on engagement %d", already == 0 and "no dots" or dots_en(already), note))
  end
  if state.used[who] == state.rules.dots then
    state.finished = state.finished - 1
  end
  state.dots[who][note] = already - count
  state.used[who] = state.used[who] - count
  state.tally[note] = state.tally[note] - count
end

-- Someone who comes in late writes and votes like everyone else: they get
-- the same dots, and their dots count.
local function join(state, participant)
  state.participants[#state.participants + 1] = participant
end

------------------------------------------------------------------------
-- outcome

-- A copy of the tally that dot and remove_dot keep: the outcome is a
-- snapshot, and the state goes on changing.
local function tally_of(state)
  return table.move(state.tally, 1, #state.tally, 1, {})
end

-- Most dots first; ties share a rank and keep the order of the notes. A
-- merged note is not ranked.
local function ranking_of(state, counts)
  local ranking = rank.listed(counts, function(id) return state.notes[id].merged_into ~= nil end)
  for _, entry in ipairs(ranking) do
    entry.text = state.notes[entry.key].text
  end
  return ranking
end

-- A note without dots is never chosen by the vote, even when few notes got
-- any; the facilitator may still choose it, or leave a chosen one out. The
-- chosen stay in the order of the ranking.
local function chosen_of(ranking, top, override)
  local by_vote = {}
  for _, entry in ipairs(rank.top(ranking, top)) do
    if entry.count > 0 then
      by_vote[entry.key] = true
    end
  end
  local chosen = {}
  for _, entry in ipairs(ranking) do
    local choice = override[entry.key]
    if choice == true or (choice == nil and by_vote[entry.key]) then
      chosen[#chosen + 1] = {
        key = entry.key, count = entry.count, rank = entry.rank, text = entry.text,
        by = by_vote[entry.key] and "vote" or "facilitator",
      }
    end
  end
  return chosen
end

local function dots_left_of(state)
  local left = {}
  for _, who in ipairs(state.participants) do
    local n = state.rules.dots - (state.used[who] or 0)
    if n > 0 then
      left[#left + 1] = { participant = who, left = n }
    end
  end
  return left
end

local function public_notes(state)
  local notes = {}
  for _, note in ipairs(state.notes) do
    if not note.merged_into then
      notes[#notes + 1] = { id = note.id, text = note.text }
    end
  end
  return notes
end

-- Notes are listed without their authors: on the wall the post-its are
-- anonymous too, and the minutes list them that way.
local function outcome(state)
  local counts = tally_of(state)
  local ranking = ranking_of(state, counts)
  local used = 0
  for _, who in ipairs(state.participants) do
    used = used + (state.used[who] or 0)
  end
  return {
    question = state.question,
    rules = state.rules,
    participants = #state.participants,
    notes = public_notes(state),
    tally = counts,
    ranking = ranking,
    chosen = chosen_of(ranking, state.rules.top, state.override),
    merged = table.move(state.merged, 1, #state.merged, 1, {}),
    dots_used = used,
    dots_left = dots_left_of(state),
  }
end

------------------------------------------------------------------------
-- view: voting is silent, so until the results a participant sees only
-- their own dots (people follow each other when they see the wall fill up)

-- Only the notes this participant put dots on, in the order of the notes.
local function my_dots(state, who)
  local mine = {}
  for id, n in pairs(state.dots[who] or {}) do
    if n > 0 then
      mine[#mine + 1] = { note = id, count = n }
    end
  end
  table.sort(mine, function(a, b) return a.note < b.note end)
  return mine
end

local function still_voting(state)
  return #state.participants - state.finished
end

-- The ranking as a screen lists it: each engagement by its own number (the
-- one to give when choosing or leaving one out), most dots first.
local function ranking_view(ranking)
  local list = {}
  for index, entry in ipairs(ranking) do
    list[index] = { id = entry.key, text = entry.text, count = entry.count, rank = entry.rank }
  end
  return list
end

-- The facilitator (participant nil) sees the numbered engagements to read
-- out, and while voting how many still have dots, never who voted what.
local function facilitator_view(state, ctx)
  local seen = { phase = ctx.phase, notes = public_notes(state) }
  if ctx.phase == "vote" then
    seen.still_voting = still_voting(state)
  elseif ctx.phase ~= "collect" then
    seen.ranking = ranking_view(outcome(state).ranking)
  end
  return seen
end

local function view(state, participant, ctx)
  if participant == nil then
    return facilitator_view(state, ctx)
  end
  local seen = {
    phase = ctx.phase,
    question = state.question,
    notes = public_notes(state),
  }
  if ctx.phase == "collect" then
    seen.written = state.written[participant] or 0
    seen.may_write = state.rules.max_per_person - seen.written
    return seen
  end
  seen.my_dots = my_dots(state, participant)
  seen.dots_left = state.rules.dots - (state.used[participant] or 0)
  if ctx.phase == "vote" then
    seen.still_voting = still_voting(state)
    return seen
  end
  local result = outcome(state)
  seen.tally = result.tally
  seen.ranking = ranking_view(result.ranking)
  seen.chosen = ranking_view(result.chosen)
  return seen
end

------------------------------------------------------------------------

return {
  id = "engagement-voting",
  version = "1.1.2",
  title = { nl = "Stemmen op engagementen", en = "Voting on engagements" },
  summary = {
    nl = text.prose([[
Iedereen schrijft engagementen, één per post-it, en verdeelt daarna in stilte een vast aantal
bolletjes over de engagementen. De engagementen met de meeste bolletjes gaan door.]]),
    en = text.prose([[
Everyone writes engagements, one per post-it, then silently spreads a fixed number of dots over
them. The engagements with the most dots go on.]]),
  },
  purpose = {
    nl = text.prose([[
Van veel goede voornemens naar een gedeelde keuze: zichtbaar maken welke engagementen de groep het
sterkst draagt, zonder dat de luidste stem beslist.]]),
    en = text.prose([[
From many good intentions to a shared choice: show which engagements the group supports most,
without the loudest voice deciding.]]),
  },
  duration = { default = 30, minimum = 15 },
  group_size = { min = 3, max = 50 },
  materials = {
    { nl = "Post-its en stiften", en = "Post-its and markers" },
    { nl = "Gekleurde bolletjes (stickers), {dots} per deelnemer",
      en = "Coloured dot stickers, {dots} per participant" },
    { nl = "Een muur of flip-over om de post-its op te hangen", en = "A wall or flip chart for the post-its" },
  },
  params = {
    { name = "question", type = "bilingual", label = { nl = "Vraag", en = "Question" },
      default = question_default },
    { name = "max_per_person", type = "integer",
      label = { nl = "Engagementen per persoon (hoogstens)", en = "Engagements per person (at most)" },
      default = 3, min = 1, max = 10 },
    -- usual range 3 to 5 dots; rule of thumb: one dot per three notes
    { name = "dots", type = "integer",
      label = { nl = "Bolletjes per deelnemer", en = "Dots per participant" },
      default = 5, min = 1, max = 20 },
    { name = "max_per_note", type = "integer",
      label = { nl = "Bolletjes per engagement per persoon (0 = geen grens)",
        en = "Dots per engagement per person (0 = no cap)" },
      default = 0, min = 0, max = 20 },
    { name = "top", type = "integer",
      label = { nl = "Aantal gekozen engagementen (gelijke stand gaat mee)",
        en = "Number of chosen engagements (ties included)" },
      default = 2, min = 1, max = 10 },
  },
  phases = {
    { id = "collect",
      title = { nl = "Engagementen verzamelen", en = "Collect engagements" },
      instructions = {
        nl = text.prose([[
Leg uit wat we met een engagement bedoelen: als je een engagement aangaat, voel je betrokkenheid en
heb je goesting om iets te doen voor een ander, om een belofte te maken. Vanuit dat engagement
willen we acties voeren.

Geef een paar voorbeelden: ik wil me inlezen in racisme en discriminatie of vormingen hierrond
volgen; ik wil representatieve beelden gebruiken zodat iedereen zich vertegenwoordigd voelt; ik
wil de onderliggende vooroordelen in mijn team blootleggen; ik wil rolmodellen inzetten om mijn
doelgroep beter te bereiken.

Stel de vraag. Iedereen schrijft één engagement per post-it, hoogstens drie per persoon (of het
aantal dat je instelde), en hangt ze op. Laat de groep daarna alle post-its rustig doorlezen
voordat de stemming begint.]]),
        en = text.prose([[
Explain what we mean by an engagement: when you take on an engagement, you feel involved and you
want to do something for someone else, to make a promise. From that engagement we want to act.

Give a few examples: I want to read up on racism and discrimination or take training on it; I want
to use representative images so that everyone feels represented; I want to uncover the underlying
prejudices in my team; I want to work with role models to reach my target group better.

Ask the question. Everyone writes one engagement per post-it, at most three per person (or the
number you set), and puts them on the wall. Then let the group read all the post-its calmly before
the vote starts.]]),
      },
      inputs = {
        { name = "engagement", title = { nl = "Engagement", en = "Engagement" },
          by = "participant", anonymous = false,
          fields = {
            { name = "text", type = "text", label = { nl = "Jouw engagement", en = "Your engagement" },
              required = true, max_length = 280 },
          } },
        { name = "add_note", title = { nl = "Post-it van papier intypen", en = "Type in a paper post-it" },
          by = "facilitator",
          fields = {
            { name = "text", type = "text", label = { nl = "Engagement", en = "Engagement" }, max_length = 280 },
          } },
        { name = "merge", title = { nl = "Dubbele samenvoegen", en = "Merge duplicates" },
          by = "facilitator",
          fields = {
            { name = "from", type = "integer", min = 1, refers_to = "notes",
              label = { nl = "Engagement (nummer) dat opgaat in", en = "Engagement (number) that goes into" } },
            { name = "into", type = "integer", min = 1, refers_to = "notes",
              label = { nl = "Engagement (nummer)", en = "Engagement (number)" } },
          } },
      } },
    { id = "vote",
      title = { nl = "Stemmen met bolletjes", en = "Dot voting" },
      instructions = {
        nl = text.prose([[
Iedereen krijgt vijf gekleurde bolletjes (of het aantal dat je instelde). Je mag ze spreiden,
bijvoorbeeld één bolletje op vijf engagementen, of stapelen: alle vijf op één engagement dat je
echt belangrijk vindt. Je mag ook op je eigen engagement stemmen.

Stem in stilte en overleg niet: iedereen ziet alleen zijn eigen bolletjes tot de stemming sluit,
zodat niemand de anderen volgt. Zolang de stemming loopt, mag je een bolletje nog verplaatsen.
Sluit de stemming als iedereen klaar is; wie nog bolletjes over heeft, krijgt een laatste kans.]]),
        en = text.prose([[
Everyone gets five coloured dots (or the number you set). You may spread them, for example one dot
on each of five engagements, or stack them: all five on one engagement you really care about. You
may vote for your own engagement too.

Vote in silence and do not confer: everyone sees only their own dots until the vote closes, so
nobody follows the others. While the vote is open you may still move a dot. Close the vote when
everyone is done; whoever still has dots left gets a last chance.]]),
      },
      inputs = {
        { name = "dot", title = { nl = "Bolletje plakken", en = "Place a dot" },
          by = "participant",
          fields = {
            { name = "note", type = "integer", label = { nl = "Engagement (nummer)", en = "Engagement (number)" },
              min = 1, refers_to = "notes" },
            { name = "count", type = "integer", label = { nl = "Aantal bolletjes", en = "Number of dots" },
              required = false, min = 1, max = 20 },
          } },
        { name = "remove_dot", title = { nl = "Bolletje terugnemen", en = "Take a dot back" },
          by = "participant", undoes = "dot",
          fields = {
            { name = "note", type = "integer", label = { nl = "Engagement (nummer)", en = "Engagement (number)" },
              min = 1, refers_to = "notes" },
            { name = "count", type = "integer", label = { nl = "Aantal bolletjes", en = "Number of dots" },
              required = false, min = 1, max = 20 },
          } },
      } },
    { id = "results",
      title = { nl = "Uitslag", en = "Results" },
      instructions = {
        nl = text.prose([[
Toon de uitslag en lees de engagementen met de meeste bolletjes voor. Bij een gelijke stand gaan ze
allemaal door. Vraag wie zich herkent in de gekozen engagementen en wie ermee aan de slag wil, en
werk ze verder uit in kleine groepen met "Van engagement naar actie".

Benoem ook de engagementen met weinig bolletjes: ze blijven waardevol voor wie ze schreef. Kiest de
groep toch een ander engagement, of laat ze er een vallen, leg dat dan vast: de gekozen lijst is die
van de groep.]]),
        en = text.prose([[
Show the results and read out the engagements with the most dots. In a tie they all go on. Ask who
recognises themselves in the chosen engagements and who wants to take them up, and work them out
in small groups with "From engagement to action".

Mention the engagements with few dots as well: they remain valuable to whoever wrote them. If the
group takes another engagement after all, or drops one, record it: the chosen list is the group's.]]),
      },
      inputs = {
        { name = "choose_note", title = { nl = "Toch kiezen", en = "Choose after all" }, by = "facilitator",
          fields = {
            { name = "note", type = "integer", min = 1, refers_to = "notes",
              label = { nl = "Engagement (nummer)", en = "Engagement (number)" } },
          } },
        { name = "leave_out_note", title = { nl = "Niet kiezen", en = "Leave out" }, by = "facilitator",
          fields = {
            { name = "note", type = "integer", min = 1, refers_to = "notes",
              label = { nl = "Engagement (nummer)", en = "Engagement (number)" } },
          } },
      } },
  },
  init = init,
  handlers = {
    engagement = engagement,
    add_note = add_note,
    merge = merge,
    dot = dot,
    remove_dot = remove_dot,
    choose_note = choose_note,
    leave_out_note = leave_out_note,
  },
  outcome = outcome,
  view = view,
  join = join,
  report = report,
  decisions = decisions,
}
