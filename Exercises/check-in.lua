-- Check-in: everyone arrives by saying one word or one sentence, in a round,
-- in pairs or in small groups of three to five. Seed 001 (learning network
-- "Iedereen Mee", session 6) ran it in pairs: "Stel jezelf voor aan je buur.
-- Geef een voorbeeld van een vooroordeel dat je had. Vertel het aan je buur."
--
-- New pairs or groups avoid putting together people who were together
-- before (`avoid`: the pairs or groups of an earlier step, taken with
-- `from` in the session script).

local groups = require("groups")
local text = require("text")

local f = string.format

local question_default = {
  -- seed 001's question, whole: the last sentence says who you tell it to
  nl = "Stel jezelf voor aan je buur. Geef een voorbeeld van een vooroordeel dat je had. Vertel het aan je buur.",
  en = "Introduce yourself to your neighbour. Give an example of a prejudice you once had. Tell it to your neighbour.",
}

------------------------------------------------------------------------
-- state

-- Pairs are drawn at random, then listed in roster order (members of a pair
-- and the pairs themselves), so the list reads like the room.
local function roster_positions(participants)
  local position = {}
  for index, id in ipairs(participants) do
    position[id] = index
  end
  return position
end

-- How many of the drawn groups' members were together in `avoid`: a set
-- of "a\0b" keys for every two people who met before.
local function met_before(avoid)
  local met = {}
  for _, group in ipairs(avoid) do
    for _, a in ipairs(group) do
      for _, b in ipairs(group) do
        if a ~= b then
          met[a .. "\0" .. b] = true
        end
      end
    end
  end
  return met
end

local function repeats(drawn, met)
  local count = 0
  for _, group in ipairs(drawn) do
    for i = 1, #group do
      for j = i + 1, #group do
        if met[group[i] .. "\0" .. group[j]] then
          count = count + 1
        end
      end
    end
  end
  return count
end

-- The draw with the fewest repeats of a few tries (each try is seeded, so a
-- replay draws the same), stopping at the first without any.
local TRIES = 25

local function draw(participants, mode, size, avoid)
  local position = roster_positions(participants)
  local by_roster = function(a, b) return position[a] < position[b] end
  local met = met_before(avoid)
  local best, fewest
  for _ = 1, next(met) and TRIES or 1 do
    local drawn
    if mode == "pairs" then
      drawn = groups.pairs(participants)
    else
      drawn = groups.split(participants, math.max(1, (#participants + size - 1) // size))
    end
    local count = repeats(drawn, met)
    if not fewest or count < fewest then
      best, fewest = drawn, count
    end
    if count == 0 then
      break
    end
  end
  for _, group in ipairs(best) do
    table.sort(group, by_roster)
  end
  table.sort(best, function(a, b) return a[1] ~= nil and (b[1] == nil or by_roster(a[1], b[1])) end)
  return best, fewest
end

-- In groups, seed 001's question speaks of the group instead of the neighbour.
local question_in_groups = {
  nl = "Stel jezelf voor aan je groepje. Geef een voorbeeld van een vooroordeel dat je had. "
    .. "Vertel het aan je groepje.",
  en = "Introduce yourself to your group. Give an example of a prejudice you once had. Tell it to your group.",
}

local function init(params, participants)
  local question = params.question
  if params.mode == "groups" and question.nl == question_default.nl and question.en == question_default.en then
    question = question_in_groups
  end
  local state = {
    mode = params.mode,
    question = question,
    participants = participants,
    statements = {},  -- { text =, participant = } or { text =, anonymous = true }
    shared = {},      -- participant -> true once they shared under their name
    passed = {},      -- participant -> true while their pass stands
  }
  if params.mode ~= "round" then
    state.groups, state.repeats = draw(participants, params.mode, params.group_size, params.avoid)
  end
  return state
end

------------------------------------------------------------------------
-- handlers

-- A statement may be shared anonymously (the runtime leaves the participant
-- out): saying a prejudice aloud takes courage, writing it down need not cost
-- a name. Passing is not final: the round comes back to those who passed.
local function statement(state, input)
  local who = input.participant
  if who and state.shared[who] then
    return false, text.both("Je hebt al iets gedeeld", "You have already shared something")
  end
  local said = text.trim(input.fields.text)
  if said == "" then
    return false, text.both("Schrijf eerst een woord of een zin", "Write a word or a sentence first")
  end
  if who then
    state.statements[#state.statements + 1] = { participant = who, text = said }
    state.shared[who] = true
    state.passed[who] = nil
  else
    state.statements[#state.statements + 1] = { anonymous = true, text = said }
  end
end

-- Passing is always allowed and needs no explanation: challenge by choice.
local function pass(state, input)
  local who = input.participant
  if state.shared[who] then
    return false, text.both("Je hebt al iets gedeeld; passen hoeft niet meer",
      "You have already shared something; no need to pass")
  end
  if state.passed[who] then
    return false, text.both("Je hebt al gepast", "You have already passed")
  end
  state.passed[who] = true
end

-- Someone who comes in late is not left alone, and nobody is moved behind
-- their back: the newcomer pairs with whoever has no partner yet, or else
-- joins the last pair of two, which becomes a three. In a round they come last.
local function join(state, participant)
  state.participants[#state.participants + 1] = participant
  if state.mode == "round" then
    return
  end
  if state.mode == "groups" then
    groups.join(state.groups, participant)
    return
  end
  local single, two
  for _, pair in ipairs(state.groups) do
    if #pair == 1 then
      single = single or pair
    elseif #pair == 2 then
      two = pair
    end
  end
  local group = single or two
  if group then
    group[#group + 1] = participant
  else
    state.groups[#state.groups + 1] = { participant }
  end
end

------------------------------------------------------------------------
-- outcome

local function passed_list(state)
  local list = {}
  for _, who in ipairs(state.participants) do
    if state.passed[who] then
      list[#list + 1] = who
    end
  end
  return list
end

local function copy_list(list)
  local result = {}
  for index, value in ipairs(list) do
    result[index] = type(value) == "table" and copy_list(value) or value
  end
  return result
end

local function outcome(state)
  local result = {
    mode = state.mode,
    question = state.question,
    statements = {},
    passed = passed_list(state),
  }
  for index, said in ipairs(state.statements) do
    result.statements[index] = { participant = said.participant, anonymous = said.anonymous, text = said.text }
  end
  if state.mode == "round" then
    -- the round goes around the room in roster order
    result.order = copy_list(state.participants)
  else
    result[state.mode] = copy_list(state.groups)  -- pairs or groups
    result.repeats = state.repeats
  end
  return result
end

------------------------------------------------------------------------
-- view: your partner(s) or your turn, and whether you shared or passed

local function partners_of(state, participant)
  for _, pair in ipairs(state.groups or {}) do
    for _, member in ipairs(pair) do
      if member == participant then
        local others = {}
        for _, other in ipairs(pair) do
          if other ~= participant then
            others[#others + 1] = other
          end
        end
        return others
      end
    end
  end
  return {}
end

-- The facilitator (participant nil) sees the pairs, or the order of the
-- round, and who has passed, so the round can come back to them.
local function view(state, participant)
  if participant == nil then
    return {
      mode = state.mode,
      pairs = state.mode == "pairs" and copy_list(state.groups) or nil,
      groups = state.mode == "groups" and copy_list(state.groups) or nil,
      order = state.mode == "round" and copy_list(state.participants) or nil,
      passed = passed_list(state),
      shared = #state.statements,
    }
  end
  local seen = {
    mode = state.mode,
    question = state.question,
    shared = state.shared[participant] == true,
    passed = state.passed[participant] == true,
  }
  if state.mode ~= "round" then
    seen.partners = partners_of(state, participant)
  else
    seen.turn = roster_positions(state.participants)[participant]
  end
  return seen
end

------------------------------------------------------------------------
-- report

local function report(result, ctx)
  local lang = ctx.lang
  local blocks = {
    { type = "heading", text = "Check-in" },
    { type = "paragraph", text = text.pick(result.question, lang) },
  }
  -- Who sat with whom, and who said what, only when the session script shows names for
  -- this step (ctx.names); otherwise what was shared, without names.
  local drawn = result.pairs or result.groups
  if ctx.names and drawn then
    local rows = {}
    for index, pair in ipairs(drawn) do
      rows[#rows + 1] = { index, table.concat(pair, ", ") }
    end
    blocks[#blocks + 1] = { type = "table",
      columns = { result.pairs and { nl = "Tweetal", en = "Pair" } or { nl = "Groepje", en = "Group" },
        { nl = "Deelnemers", en = "Participants" } },
      rows = rows }
  elseif ctx.names then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "Volgorde van de ronde: %s.", en = "Order of the round: %s." }, lang,
        table.concat(result.order, ", ")) }
  elseif result.pairs then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "In %s.", en = "In %s." }, lang,
        text.count(#result.pairs, text.pick({ nl = "tweetal", en = "pair" }, lang),
          text.pick({ nl = "tweetallen", en = "pairs" }, lang))) }
  elseif result.groups then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "In %s.", en = "In %s." }, lang,
        text.count(#result.groups, text.pick({ nl = "groepje", en = "group" }, lang),
          text.pick({ nl = "groepjes", en = "groups" }, lang))) }
  end
  if #result.statements == 0 and drawn then
    return blocks  -- told to the neighbour, and not written down
  end
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Gedeeld", en = "Shared" } }
  local items = {}
  for _, said in ipairs(result.statements) do
    if ctx.names then
      local name = said.participant or text.pick({ nl = "Anoniem", en = "Anonymous" }, lang)
      items[#items + 1] = f("%s: %s", name, said.text)
    else
      items[#items + 1] = said.text
    end
  end
  if #items > 0 then
    blocks[#blocks + 1] = { type = "list", items = items }
  else
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Er is niets gedeeld.", en = "Nothing was shared." } }
  end
  if #result.passed > 0 and ctx.names then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "Gepast: %s.", en = "Passed: %s." }, lang, table.concat(result.passed, ", ")) }
  elseif #result.passed > 0 then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "%s gepast.", en = "%s passed." }, lang,
        text.count(#result.passed, text.pick({ nl = "deelnemer heeft", en = "participant" }, lang),
          text.pick({ nl = "deelnemers hebben", en = "participants" }, lang))) }
  end
  return blocks
end

------------------------------------------------------------------------

return {
  id = "check-in",
  version = "1.2.1",
  title = { nl = "Check-in", en = "Check-in" },
  summary = {
    nl = text.prose([[
Iedereen komt binnen met één woord of één zin, in een rondje, in tweetallen of in groepjes. Wie wil, deelt iets
met de groep, eventueel anoniem; passen mag.]]),
    en = text.prose([[
Everyone arrives with one word or one sentence, in a round, in pairs or in small groups. Whoever wants to shares
something with the group, anonymously if they like; passing is allowed.]]),
  },
  purpose = {
    nl = text.prose([[
Aankomen, elkaar leren kennen en het thema persoonlijk maken. Met een vraag naar een eigen
vooroordeel wordt meteen zichtbaar dat iedereen stereotiepe ideeën heeft.]]),
    en = text.prose([[
Arrive, get to know each other and make the theme personal. A question about a prejudice of your
own shows from the start that everyone holds stereotyped ideas.]]),
  },
  duration = { default = 10, minimum = 5 },
  group_size = { min = 2, max = 50 },
  materials = {
    { nl = "Stoelen in een kring", en = "Chairs in a circle", when = { mode = "round" } },
  },
  params = {
    { name = "mode", type = "choice", label = { nl = "Vorm", en = "Format" }, default = "pairs",
      options = {
        { value = "pairs", label = { nl = "In tweetallen", en = "In pairs" } },
        { value = "groups", label = { nl = "In groepjes van drie tot vijf", en = "In groups of three to five" } },
        { value = "round", label = { nl = "Rondje in de groep", en = "A round in the group" } },
      } },
    { name = "group_size", type = "integer", label = { nl = "Deelnemers per groepje", en = "Participants per group" },
      default = 4, min = 3, max = 5 },
    { name = "avoid", type = "groups",
      label = { nl = "Wie al samen zat, niet weer samen (de tweetallen of groepjes van een eerdere stap)",
        en = "Who sat together before, not together again (the pairs or groups of an earlier step)" },
      default = {} },
    { name = "question", type = "bilingual", label = { nl = "Vraag", en = "Question" },
      default = question_default },
  },
  phases = {
    { id = "check-in",
      title = { nl = "Check-in", en = "Check-in" },
      instructions = {
        nl = text.prose([[
In tweetallen: vorm de tweetallen die Werkvorm voorstelt (bij een oneven aantal is er één
drietal), of laat mensen met hun buur praten. Stel de vraag, bijvoorbeeld: stel jezelf voor aan je
buur; geef een voorbeeld van een vooroordeel dat je had; vertel het aan je buur. Geef elk tweetal
een paar minuten en kondig het wisselen aan.

In groepjes: vorm de groepjes van drie tot vijf die Werkvorm voorstelt; iedereen vertelt om de
beurt. Wie in een eerdere stap al samen zat, zit zo mogelijk niet weer samen.

In een rondje: iedereen zegt om de beurt één woord of één zin, een halve tot een hele minuut. Geef
geen commentaar en laat ook de groep geen commentaar geven: een check-in is om te luisteren, niet
om te bespreken.

Passen mag altijd, zonder uitleg; wie gepast heeft, krijgt aan het eind van de ronde nog een kans.
Wie iets met de hele groep wil delen, kan dat onder eigen naam of anoniem doen.]]),
        en = text.prose([[
In pairs: form the pairs Werkvorm proposes (with an odd number there is one group of three), or
let people talk with their neighbour. Ask the question, for example: introduce yourself to your
neighbour; give an example of a prejudice you once had; tell it to your neighbour. Give each pair a
few minutes and announce when to switch.

In groups: form the groups of three to five Werkvorm proposes; everyone speaks in turn. Whoever sat
together in an earlier step is, where possible, not put together again.

In a round: everyone in turn says one word or one sentence, half a minute to a minute. Give no
comments and let the group give none either: a check-in is for listening, not for discussion.

Passing is always allowed, without explanation; whoever passed gets another chance at the end of
the round. Whoever wants to share something with the whole group can do so under their own name or
anonymously.]]),
      },
      inputs = {
        { name = "statement", title = { nl = "Delen", en = "Share" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", label = { nl = "Eén woord of één zin", en = "One word or one sentence" },
              required = true, max_length = 280 },
          } },
        { name = "pass", title = { nl = "Passen", en = "Pass" },
          by = "participant", fields = {} },
      } },
    { id = "debrief",
      title = { nl = "Afronding", en = "Wrap-up" },
      instructions = {
        nl = text.prose([[
Bedank iedereen. Als je naar vooroordelen vroeg, sta er even bij stil: het uitspreken van
vooroordelen die we hebben is niet eenvoudig. Het vraagt introspectie en inzicht in het eigen
referentiekader.

Iedereen heeft stereotiepe ideeën. Dat is een normaal neurologisch proces, omdat ons brein heel
snel beslissingen moet kunnen nemen. Dat doen we door anderen te categoriseren op basis van
kenmerken zoals gender, herkomst, huidskleur, leeftijd, seksualiteit en taal. We vormen ons een
beeld van de ander op basis van eerdere ervaringen of van het meest gangbare discours. Daardoor
ontwikkelen we vaak een onvolledig, ongenuanceerd of eenzijdig beeld van de ander, waarbij we
voorbijgaan aan de unieke identiteit van elke persoon.]]),
        en = text.prose([[
Thank everyone. If you asked about prejudices, take a moment for it: saying aloud the prejudices we
hold is not easy. It takes introspection and insight into your own frame of reference.

Everyone holds stereotyped ideas. That is a normal neurological process, because our brain has to
make decisions very quickly. We do that by categorising others by features such as gender, origin,
skin colour, age, sexuality and language. We form a picture of the other from earlier experiences
or from the most common discourse. As a result we often develop an incomplete, unnuanced or
one-sided picture of the other, in which we overlook the unique identity of each person.]]),
      },
      inputs = {} },
  },
  init = init,
  handlers = {
    statement = statement,
    pass = pass,
  },
  outcome = outcome,
  view = view,
  join = join,
  report = report,
}
