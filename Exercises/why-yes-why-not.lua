-- Waarom wel? Waarom niet?
--
-- The two-column table of seed 000 ("Safe(r) Spaces — Verkenning"): one main
-- question, and the group fills a column of reasons for and a column of
-- reasons against. The table maps the arguments; it does not vote on them.
-- An argument may follow on from an earlier one in the same column, shown
-- with an arrow, as the seed wrote "Dit is niet de rol van de overheid →"
-- with "→ Dit moet je maar privé organiseren" below it.

local SIDES = { "pro", "con" }

local COLUMN = {
  pro = { nl = "Waarom wel?", en = "Why?" },
  con = { nl = "Waarom niet?", en = "Why not?" },
}

-- Texts in both languages, and input clean-up: see lib/text.lua.
local say = require("text").both_format
local trim = require("text").trim

-- state.follow_ups_of lists, for each argument, the numbers of the arguments
-- that follow on from it, in order: the columns and the check before a
-- removal read them instead of going through all arguments.
local function new_argument(state, side, text, follows, author)
  local number = #state.arguments + 1
  state.arguments[number] = {
    number = number, side = side, text = text, follows = follows, author = author,
  }
  state.follow_ups_of[number] = {}
  if follows then
    table.insert(state.follow_ups_of[follows], number)
  end
end

-- Rules that hold for participants and the facilitator alike.
local function check_argument(state, fields)
  local text = trim(fields.text)
  if text == "" then
    return false, say("Je argument is leeg: schrijf in een paar woorden waarom.",
      "Your argument is empty: say in a few words why.")
  end
  local follows = fields.follows
  if follows == nil then
    return true
  end
  -- Follow-ups are the seed's arrows; a trainer may switch them off to keep
  -- the table flat, for instance with a large group on phones.
  if not state.follow_ups then
    return false, say("Vervolgen op een argument staan in deze sessie uit: voeg het toe als nieuw argument.",
      "Follow-ups are switched off in this session: add it as a new argument.")
  end
  local parent = state.arguments[follows]
  if parent == nil or parent.removed then
    return false, say("Er is geen argument nr. %d om op voort te bouwen.",
      "There is no argument no. %d to follow on from.", follows)
  end
  -- An arrow continues a thought in its own column; a counter-argument is
  -- simply a new argument in the other column.
  if parent.side ~= fields.side then
    return false, say("Argument nr. %d staat bij '%s'; een vervolg komt in dezelfde kolom.",
      "Argument no. %d is under '%s'; a follow-up goes in the same column.",
      follows, COLUMN[parent.side].nl, COLUMN[parent.side].en)
  end
  return true
end

local function add_by_participant(state, input)
  local who = input.participant
  local given = who and state.given[who] or 0
  -- A cap per person keeps one voice from filling the wall; it can only be
  -- counted for participants who put their name to their arguments.
  if who and given >= state.max_per_person then
    return false, {
      nl = string.format("Je hebt al %d %s gegeven; het maximum is %d per persoon.",
        given, given == 1 and "argument" or "argumenten", state.max_per_person),
      en = string.format("You have already given %d %s; the maximum is %d per person.",
        given, given == 1 and "argument" or "arguments", state.max_per_person),
    }
  end
  local ok, reason = check_argument(state, input.fields)
  if not ok then
    return false, reason
  end
  if who then
    state.given[who] = given + 1
  end
  new_argument(state, input.fields.side, trim(input.fields.text), input.fields.follows, who)
end

local function add_by_facilitator(state, input)
  local ok, reason = check_argument(state, input.fields)
  if not ok then
    return false, reason
  end
  new_argument(state, input.fields.side, trim(input.fields.text), input.fields.follows, nil)
end

local function has_follow_ups(state, number)
  for _, follow_up in ipairs(state.follow_ups_of[number]) do
    if not state.arguments[follow_up].removed then
      return true
    end
  end
  return false
end

-- Moderation: the facilitator takes an argument off the wall (a duplicate,
-- or something that crosses the line). Its follow-ups would lose their
-- place, so they go first.
local function remove_argument(state, input)
  local number = input.fields.number
  local argument = state.arguments[number]
  if argument == nil or argument.removed then
    return false, say("Er is geen argument nr. %d.", "There is no argument no. %d.", number)
  end
  if has_follow_ups(state, number) then
    return false, say("Argument nr. %d heeft nog vervolgen; haal die eerst weg.",
      "Argument no. %d still has follow-ups; remove those first.", number)
  end
  argument.removed = true
end

-- A column in reading order: each argument, then what follows on from it.
-- Arrows as in the seed: "… →" on an argument that continues, "→ …" on
-- the argument that continues it.
local function column(state, side)
  local items = {}
  local function add(argument)
    if argument.side == side and not argument.removed then
      local item = { number = argument.number, text = argument.text, follows = argument.follows }
      items[#items + 1] = item
      item.continued = has_follow_ups(state, argument.number)
      for _, follow_up in ipairs(state.follow_ups_of[argument.number]) do
        add(state.arguments[follow_up])
      end
    end
  end
  for _, argument in ipairs(state.arguments) do
    if argument.follows == nil then
      add(argument)
    end
  end
  return items
end

local function column_lines(items)
  local lines = {}
  for _, item in ipairs(items) do
    local line = item.follows and ("→ " .. item.text) or item.text
    lines[#lines + 1] = item.continued and (line .. " →") or line
  end
  return lines
end

local collect_instructions = {
  nl = table.concat({
    "Zet de hoofdvraag groot bovenaan en teken twee kolommen: 'Waarom wel?' en 'Waarom niet?'.",
    "Vraag de groep om argumenten voor beide kolommen. Iedereen mag in beide kolommen schrijven,",
    "ook als je zelf een duidelijke mening hebt: we brengen eerst alle redenen in kaart, we beslissen nog niets.",
    "Ga niet in discussie over een argument; vraag hooguit wat iemand bedoelt",
    "en schrijf het op in de woorden van de deelnemer.",
    "Bouwt een argument voort op een eerder argument, dan komt het eronder met een pijl (→), in dezelfde kolom.",
    "Een tegenargument is een nieuw argument in de andere kolom.",
    "Argumenten die in de zaal genoemd worden, kun je zelf noteren.",
  }, " "),
  en = table.concat({
    "Write the main question large at the top and draw two columns: 'Why?' and 'Why not?'.",
    "Ask the group for arguments for both columns. Everyone may write in both columns,",
    "even if they hold a clear view: first we map all the reasons, we do not decide anything yet.",
    "Do not debate an argument; at most ask what someone means, and write it down in the participant's own words.",
    "If an argument builds on an earlier one, it goes below it with an arrow (→), in the same column.",
    "A counter-argument is a new argument in the other column.",
    "You can note arguments that are said aloud in the room yourself.",
  }, " "),
}

local discuss_instructions = {
  nl = table.concat({
    "Lees beide kolommen hardop voor, eerst 'Waarom wel?', dan 'Waarom niet?'.",
    "Vraag: wat valt op? Welke argumenten wegen voor jou het zwaarst, en welke hoor je voor het eerst?",
    "Welke vragen moeten we beantwoorden voordat we kunnen kiezen",
    "(bijvoorbeeld: wat is het doel, voor wie doen we het)?",
    "Noteer die vragen als vervolg; de tabel zelf is geen stemming.",
  }, " "),
  en = table.concat({
    "Read both columns aloud, first 'Why?', then 'Why not?'.",
    "Ask: what stands out? Which arguments weigh most for you, and which do you hear for the first time?",
    "Which questions must we answer before we can choose (for instance: what is the aim, who is it for)?",
    "Write those questions down as next steps; the table itself is not a vote.",
  }, " "),
}

local argument_fields = {
  { name = "side", type = "choice",
    label = { nl = "Kolom", en = "Column" },
    options = {
      { value = "pro", label = COLUMN.pro },
      { value = "con", label = COLUMN.con },
    } },
  { name = "text", type = "text", max_length = 200,
    label = { nl = "Argument", en = "Argument" } },
  { name = "follows", type = "integer", min = 1, required = false,
    label = { nl = "Vervolg op argument nr. (→)", en = "Follows on from argument no. (→)" } },
}

return {
  id = "why-yes-why-not",
  version = "1.0.1",
  title = { nl = "Waarom wel? Waarom niet?", en = "Why? Why not?" },
  summary = {
    nl = "De groep verzamelt bij één hoofdvraag argumenten in twee kolommen: waarom wel en waarom niet. "
      .. "Een argument kan met een pijl voortbouwen op een eerder argument.",
    en = "For one main question the group collects arguments in two columns: why, and why not. "
      .. "An argument can build on an earlier one, shown with an arrow.",
  },
  purpose = {
    nl = "Een gevoelige keuze verkennen zonder dat het meteen een debat wordt: alle redenen, ook die je zelf "
      .. "niet deelt, komen op tafel voordat er iets besloten wordt. Zo ziet de groep waar de zorgen en de "
      .. "kansen zitten en welke vragen eerst beantwoord moeten worden.",
    en = "To explore a sensitive choice without it turning into a debate straight away: every reason, including "
      .. "those you do not share yourself, is on the table before anything is decided. The group sees where the "
      .. "concerns and the opportunities lie, and which questions must be answered first.",
  },
  duration = { default = 30, minimum = 15 },
  group_size = { min = 3, max = 40 },
  materials = {
    { nl = "Flip-over of whiteboard met twee kolommen", en = "Flip chart or whiteboard with two columns" },
    { nl = "Stiften", en = "Markers" },
  },
  params = {
    { name = "question", type = "bilingual",
      label = { nl = "Hoofdvraag", en = "Main question" },
      default = {
        nl = "Is het onze rol als Bureau Safe Space dialogen te organiseren?",
        en = "Is it our role, as Bureau Safe Space, to organise dialogues?",
      } },
    { name = "max_per_person", type = "integer",
      label = { nl = "Maximum aantal argumenten per persoon", en = "Maximum number of arguments per person" },
      default = 5, min = 1, max = 20 },
    { name = "follow_ups", type = "choice",
      label = { nl = "Vervolgen met een pijl (→)", en = "Follow-ups with an arrow (→)" },
      default = "allowed",
      options = {
        { value = "allowed", label = { nl = "Toegestaan", en = "Allowed" } },
        { value = "off", label = { nl = "Uit: alleen losse argumenten", en = "Off: separate arguments only" } },
      } },
  },
  phases = {
    { id = "collect",
      title = { nl = "Argumenten verzamelen", en = "Collect arguments" },
      instructions = collect_instructions,
      inputs = {
        { name = "argument",
          title = { nl = "Argument", en = "Argument" },
          by = "participant", anonymous = true,
          fields = argument_fields },
        { name = "record_argument",
          title = { nl = "Argument noteren", en = "Note an argument" },
          by = "facilitator",
          fields = argument_fields },
        { name = "remove_argument",
          title = { nl = "Argument weghalen", en = "Remove an argument" },
          by = "facilitator",
          fields = {
            { name = "number", type = "integer", min = 1,
              label = { nl = "Nummer van het argument", en = "Number of the argument" } },
          } },
      } },
    { id = "discuss",
      title = { nl = "Bespreken", en = "Discuss" },
      instructions = discuss_instructions,
      inputs = {} },
  },

  init = function(params)
    return {
      question = params.question,
      max_per_person = params.max_per_person,
      follow_ups = params.follow_ups == "allowed",
      arguments = {},
      follow_ups_of = {},  -- argument number -> numbers of its follow-ups
      given = {},
    }
  end,

  handlers = {
    argument = add_by_participant,
    record_argument = add_by_facilitator,
    remove_argument = remove_argument,
  },

  outcome = function(state)
    local result = { question = state.question, counts = {} }
    for _, side in ipairs(SIDES) do
      result[side] = column(state, side)
      result.counts[side] = #result[side]
    end
    return result
  end,

  view = function(state, participant)
    local given = participant and state.given[participant] or 0
    return {
      question = state.question,
      pro = column_lines(column(state, "pro")),
      con = column_lines(column(state, "con")),
      left = state.max_per_person - given,
    }
  end,

  report = function(outcome)
    return {
      { type = "heading", text = outcome.question },
      { type = "two_columns",
        left = { title = COLUMN.pro, items = column_lines(outcome.pro) },
        right = { title = COLUMN.con, items = column_lines(outcome.con) } },
      { type = "paragraph",
        text = say("Argumenten waarom wel: %d; waarom niet: %d.", "Arguments why: %d; why not: %d.",
          outcome.counts.pro, outcome.counts.con) },
    }
  end,
}
