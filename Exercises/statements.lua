-- Statements ("stellingen", four corners): the facilitator puts up one
-- statement at a time and everyone takes a place, in a corner of the room or
-- on a line from disagree to agree. After hearing each other, people may move:
-- the outcome keeps where they stood first and where they ended, per
-- statement, and how many moved. Nobody's place is kept with their name.

local text = require("text")

local f = string.format

-- The places, from disagree to agree. The four corners leave out the middle:
-- a corner asks for a choice, a line leaves room for doubt.
local PLACES = {
  { id = "strongly_disagree", label = { nl = "Helemaal oneens", en = "Strongly disagree" } },
  { id = "disagree", label = { nl = "Oneens", en = "Disagree" } },
  { id = "neutral", label = { nl = "Twijfel", en = "Unsure" }, line_only = true },
  { id = "agree", label = { nl = "Eens", en = "Agree" } },
  { id = "strongly_agree", label = { nl = "Helemaal eens", en = "Strongly agree" } },
}

-- The exercise's own statements, used when the session script gives none.
local STATEMENTS = {
  nl = {
    "Iedereen heeft vooroordelen, ik ook.",
    "Als organisatie moeten we neutraal blijven in maatschappelijke discussies.",
    "Over polarisatie praten maakt het alleen maar erger.",
  },
  en = {
    "Everyone has prejudices, me too.",
    "As an organisation we should stay neutral in public debates.",
    "Talking about polarisation only makes it worse.",
  },
}

local function places_of(form)
  local list = {}
  for _, place in ipairs(PLACES) do
    if form == "line" or not place.line_only then
      list[#list + 1] = place
    end
  end
  return list
end

local function init(params, _, ctx)
  local given = params.statements
  local statements = {}
  for index, said in ipairs(#given > 0 and given or STATEMENTS[ctx.lang]) do
    statements[index] = { number = index, text = said, first = {}, now = {} }
  end
  return {
    form = params.form,
    places = places_of(params.form),
    statements = statements,
    current = 1,
    shown = 1,  -- the highest statement put up so far
  }
end

-- The facilitator puts up the next statement (or goes back to one).
local function show_statement(state, input)
  local number = input.fields.number
  if state.statements[number] == nil then
    return false, text.both(f("Er is geen stelling %d; kies er een van 1 tot %d", number, #state.statements),
      f("There is no statement %d; choose one from 1 to %d", number, #state.statements))
  end
  state.current = number
  state.shown = math.max(state.shown, number)
end

-- A place for the statement on the screen, by its number in the list the
-- phone shows (the four corners, or the line's five places). The first place
-- counts as where someone stood first; a later one is a move.
local function take_place(state, input)
  local chosen = state.places[input.fields.place]
  if chosen == nil then
    return false, text.both(f("Kies een plaats van 1 tot %d", #state.places),
      f("Choose a place from 1 to %d", #state.places))
  end
  local place = chosen.id
  local statement = state.statements[state.current]
  local who = input.participant
  if statement.now[who] == place then
    return false, text.both("Daar sta je al", "You are already there")
  end
  if statement.first[who] == nil then
    statement.first[who] = place
  end
  statement.now[who] = place
end

local function counts(places, chosen)
  local count = {}
  for _, place in ipairs(places) do
    count[place.id] = 0
  end
  for _, place in pairs(chosen) do
    count[place] = count[place] + 1
  end
  local list = {}
  for index, place in ipairs(places) do
    list[index] = { place = place.id, count = count[place.id] }
  end
  return list
end

local function outcome(state)
  local places = places_of(state.form)
  local statements = {}
  for index, statement in ipairs(state.statements) do
    local placed, moved = 0, 0
    for who, place in pairs(statement.now) do
      placed = placed + 1
      if statement.first[who] ~= place then
        moved = moved + 1
      end
    end
    statements[index] = {
      number = statement.number, text = statement.text, placed = placed, moved = moved,
      first = counts(places, statement.first), final = counts(places, statement.now),
    }
  end
  local labels = {}
  for index, place in ipairs(places) do
    labels[index] = { id = place.id, label = { nl = place.label.nl, en = place.label.en } }
  end
  -- the statements put up so far: a reveal does not give away the next ones
  local shown = {}
  for index = 1, state.shown do
    shown[index] = statements[index]
  end
  return { form = state.form, places = labels, statements = shown }
end

-- The statement on the screen and the places to choose from, numbered; your
-- place by its label.
local function view(state, participant)
  local statement = state.statements[state.current]
  local places, mine = {}, nil
  for index, place in ipairs(state.places) do
    places[index] = { number = index, text = { nl = place.label.nl, en = place.label.en } }
    if participant and statement.now[participant] == place.id then
      mine = places[index].text
    end
  end
  return {
    statement = f("%d/%d: %s", statement.number, #state.statements, statement.text),
    places = places,
    position = mine,
  }
end

local function report(result, ctx)
  local lang = ctx.lang
  local label = {}
  for _, place in ipairs(result.places) do
    label[place.id] = place.label
  end
  local blocks = {}
  for _, statement in ipairs(result.statements) do
    blocks[#blocks + 1] = { type = "heading", text = f("%d. %s", statement.number, statement.text) }
    if statement.placed == 0 then
      blocks[#blocks + 1] = { type = "paragraph",
        text = { nl = "Niemand nam een plaats in.", en = "Nobody took a place." } }
    else
      local bars = {}
      for index, entry in ipairs(statement.final) do
        bars[index] = { label = label[entry.place], value = entry.count }
      end
      blocks[#blocks + 1] = { type = "bar_chart", bars = bars }
      local people = lang == "en" and text.count(statement.placed, "participant", "participants")
        or text.count(statement.placed, "deelnemer", "deelnemers")
      local line = statement.moved == 0
        and text.format({ nl = "%s; niemand is van plaats gewisseld.", en = "%s; nobody moved." }, lang, people)
        or text.format(
          { nl = "%s; %d van plaats gewisseld na het gesprek.", en = "%s; %d moved after the conversation." },
          lang, people, statement.moved)
      blocks[#blocks + 1] = { type = "paragraph", text = line }
    end
  end
  return blocks
end

return {
  id = "statements",
  version = "1.0.1",
  title = { nl = "Stellingen", en = "Statements" },
  summary = {
    nl = text.prose([[
De begeleider zet een stelling op het scherm; iedereen kiest een plaats, in een hoek van de zaal of
op een lijn van oneens tot eens. Na het gesprek mag je van plaats wisselen.]]),
    en = text.prose([[
The facilitator puts a statement on the screen; everyone chooses a place, in a corner of the room or
on a line from disagree to agree. After the conversation you may move.]]),
  },
  purpose = {
    nl = text.prose([[
Zichtbaar maken dat meningen verschillen, en waarom: wie ergens staat, legt uit waarom, en wie
overtuigd raakt, wisselt van plaats. Het gesprek gaat over de redenen, niet over wie gelijk heeft.]]),
    en = text.prose([[
Make visible that opinions differ, and why: who stands somewhere explains why, and who is
convinced moves. The conversation is about the reasons, not about who is right.]]),
  },
  duration = { default = 20, minimum = 10 },
  group_size = { min = 4, max = 80 },
  materials = {
    { nl = "Vier bladen met de plaatsen, één per hoek", en = "Four sheets with the places, one for each corner",
      when = { form = "corners" } },
    { nl = "Tape voor een lijn op de vloer, en bladen met de plaatsen langs de lijn",
      en = "Tape for a line on the floor, and sheets with the places along it", when = { form = "line" } },
  },
  params = {
    { name = "statements", type = "text_list",
      label = { nl = "Stellingen (leeg: die van de werkvorm, in de taal van de sessie)",
        en = "Statements (empty: the exercise's own, in the session's language)" },
      default = {} },
    { name = "form", type = "choice", label = { nl = "Vorm", en = "Form" }, default = "corners",
      options = {
        { value = "corners", label = { nl = "Vier hoeken (geen midden)", en = "Four corners (no middle)" } },
        { value = "line", label = { nl = "Een lijn met een midden", en = "A line with a middle" } },
      } },
  },
  phases = {
    { id = "statements",
      title = { nl = "Stellingen", en = "Statements" },
      instructions = {
        nl = text.prose([[
Lees de stelling voor en laat iedereen een plaats kiezen, zonder te overleggen. Vraag dan in elke
hoek of op elk stuk van de lijn één of twee mensen waarom ze daar staan. Vraag niet wie gelijk
heeft, maar wat de redenen zijn. Wie na het gesprek anders denkt, mag van plaats wisselen: vraag
wat hen deed bewegen. Zet dan de volgende stelling op het scherm.]]),
        en = text.prose([[
Read out the statement and let everyone choose a place without conferring. Then ask one or two
people in each corner, or on each part of the line, why they stand there. Do not ask who is
right, but what the reasons are. Whoever thinks differently after the conversation may move: ask
what moved them. Then put the next statement on the screen.]]),
      },
      inputs = {
        { name = "take_place", title = { nl = "Plaats kiezen", en = "Take a place" }, by = "participant",
          fields = {
            { name = "place", type = "integer", min = 1, max = 5, refers_to = "places",
              label = { nl = "Plaats", en = "Place" } },
          } },
        { name = "show_statement", title = { nl = "Stelling tonen", en = "Show a statement" }, by = "facilitator",
          fields = {
            { name = "number", type = "integer", min = 1,
              label = { nl = "Nummer van de stelling", en = "Number of the statement" } },
          } },
      } },
  },
  init = init,
  handlers = {
    take_place = take_place,
    show_statement = show_statement,
  },
  outcome = outcome,
  view = view,
  report = report,
}
