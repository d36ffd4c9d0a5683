-- Polarisation map, after Bart Brandsma's "Denkkader Polarisatie" (seed 004:
-- "kijk waar je zelf op de polarisatiekaart staat bij bepaalde kwesties").
-- A standing exercise: for one issue with two named poles, everyone stands
-- where they feel at home, explains, and may move after hearing the others.
--
-- Rounds, kept simple: the whole exercise happens in one phase ("map"). The
-- facilitator starts the next round with the input `next_round`; a new round
-- starts with everyone where they stood, and whoever changes place in that
-- round has moved. The number of rounds is a param, so the phases stay fixed.

local text = require("text")

local f = string.format

-- The places on the map, left pole to right pole. x runs from the left pole
-- (-1) to the right pole (1), y from the ground (0) up (1). The scapegoat is
-- not a place one chooses: the facilitator marks it (see `scapegoat`).
local places = {
  { value = "pusher_left", x = -1, y = 0.5,
    label = { nl = "Pusher (linkerpool)", en = "Pusher (left pole)" }, short = "Pusher" },
  { value = "joiner_left", x = -0.5, y = 0.5,
    label = { nl = "Joiner (linkerpool)", en = "Joiner (left pole)" }, short = "Joiner" },
  { value = "middle", x = 0, y = 0.1,
    label = { nl = "Stille midden", en = "Silent middle" } },
  { value = "bridge_builder", x = 0, y = 0.9,
    label = { nl = "Bruggenbouwer", en = "Bridge builder" } },
  { value = "joiner_right", x = 0.5, y = 0.5,
    label = { nl = "Joiner (rechterpool)", en = "Joiner (right pole)" }, short = "Joiner" },
  { value = "pusher_right", x = 1, y = 0.5,
    label = { nl = "Pusher (rechterpool)", en = "Pusher (right pole)" }, short = "Pusher" },
  { value = "scapegoat", x = 0, y = 0.5,
    label = { nl = "Zondebok", en = "Scapegoat" } },
}

local place_of = {}
for _, place in ipairs(places) do
  place_of[place.value] = place
end

local position_options = {}
for _, place in ipairs(places) do
  if place.value ~= "scapegoat" then
    position_options[#position_options + 1] = { value = place.value, label = place.label, x = place.x, y = place.y }
  end
end

local defaults = {
  issue = {
    nl = "De komst van een opvanglocatie voor asielzoekers in de wijk",
    en = "An asylum reception centre coming to the neighbourhood",
  },
  left = { nl = "Voor de opvanglocatie", en = "For the reception centre" },
  right = { nl = "Tegen de opvanglocatie", en = "Against the reception centre" },
}

------------------------------------------------------------------------
-- state

local function copy_map(map)
  local result = {}
  for key, value in pairs(map) do
    result[key] = value
  end
  return result
end

local function init(params, participants)
  return {
    participants = participants,
    issue = params.issue,
    poles = { left = params.left_pole, right = params.right_pole },
    max_rounds = params.rounds,
    -- one entry per round: participant -> place, participant -> true
    rounds = { { positions = {}, scapegoats = {} } },
  }
end

local function current(state)
  return state.rounds[#state.rounds]
end

------------------------------------------------------------------------
-- handlers

-- Everyone chooses their own place; changing it in a later round is a
-- movement ("people may move after hearing others").
local function position(state, input)
  local round = current(state)
  local who, place = input.participant, input.fields.position
  if round.positions[who] == place then
    return false, text.both("Je staat al op die plek", "You are already standing there")
  end
  round.positions[who] = place
end

-- The scapegoat is a role others push someone into, so only the facilitator
-- marks it. On the map a marked person counts as scapegoat, whatever place
-- they chose themselves; their own choice is kept.
local function scapegoat(state, input)
  local round = current(state)
  local who = input.fields.participant
  if input.fields.remove then
    if not round.scapegoats[who] then
      return false, text.both(f("%s is niet als zondebok gemarkeerd", who), f("%s is not marked as scapegoat", who))
    end
    round.scapegoats[who] = nil
    return
  end
  if round.scapegoats[who] then
    return false, text.both(f("%s is al als zondebok gemarkeerd", who), f("%s is already marked as scapegoat", who))
  end
  round.scapegoats[who] = true
end

local function next_round(state)
  local round = current(state)
  if #state.rounds >= state.max_rounds then
    return false, text.both(f("Dit was de laatste ronde (%d van %d)", #state.rounds, state.max_rounds),
      f("This was the last round (%d of %d)", #state.rounds, state.max_rounds))
  end
  if next(round.positions) == nil then
    return false, text.both("Nog niemand staat op de kaart", "Nobody is on the map yet")
  end
  state.rounds[#state.rounds + 1] = {
    positions = copy_map(round.positions),
    scapegoats = copy_map(round.scapegoats),
  }
end

------------------------------------------------------------------------
-- outcome

local function where(round, who)
  if round.scapegoats[who] then
    return "scapegoat"
  end
  return round.positions[who]
end

local function distribution_of(state, number)
  local round = state.rounds[number]
  local counts, positions, marked, unplaced = {}, {}, {}, {}
  for _, place in ipairs(places) do
    counts[place.value] = 0
  end
  for _, who in ipairs(state.participants) do
    local place = where(round, who)
    if place then
      counts[place] = counts[place] + 1
    else
      unplaced[#unplaced + 1] = who
    end
    positions[who] = round.positions[who]
    if round.scapegoats[who] then
      marked[#marked + 1] = who
    end
  end
  return { round = number, counts = counts, positions = positions, scapegoats = marked, unplaced = unplaced }
end

-- A movement: a participant who stood somewhere at the end of one round and
-- stands somewhere else at the end of the next (a first placement in a later
-- round is not a movement).
local function movements_of(state)
  local moves = {}
  for number = 2, #state.rounds do
    local before, after = state.rounds[number - 1], state.rounds[number]
    for _, who in ipairs(state.participants) do
      local from, to = before.positions[who], after.positions[who]
      if from and to and from ~= to then
        moves[#moves + 1] = { round = number, participant = who, from = from, to = to }
      end
    end
  end
  return moves
end

local function outcome(state)
  local distribution = {}
  for number = 1, #state.rounds do
    distribution[number] = distribution_of(state, number)
  end
  return {
    issue = state.issue,
    poles = state.poles,
    rounds = state.max_rounds,
    rounds_played = #state.rounds,
    distribution = distribution,
    movements = movements_of(state),
  }
end

------------------------------------------------------------------------
-- view: a standing exercise is public, everyone sees the room

local function view(state, participant)
  local round = current(state)
  local counts = distribution_of(state, #state.rounds).counts
  return {
    issue = state.issue,
    poles = state.poles,
    round = #state.rounds,
    rounds = state.max_rounds,
    position = round.positions[participant],
    scapegoat = round.scapegoats[participant] == true,
    counts = counts,
  }
end

------------------------------------------------------------------------
-- report

local function map_block(result, round, lang)
  local points = {}
  for _, place in ipairs(places) do
    local count = round.counts[place.value]
    if count > 0 then
      points[#points + 1] = { x = place.x, y = place.y, label = text.pick(place.short or place.label, lang),
        count = count }
    end
  end
  return { type = "position_map", points = points,
    left = text.pick(result.poles.left, lang), right = text.pick(result.poles.right, lang) }
end

-- "Joiner (Voor de opvanglocatie)": a place named with its pole, for tables.
local function place_name(result, value, lang)
  local place = place_of[value]
  if place.short then
    local pole = value:find("_left$") and result.poles.left or result.poles.right
    return f("%s (%s)", place.short, text.pick(pole, lang))
  end
  return text.pick(place.label, lang)
end

local function distribution_table(result, lang)
  local columns = { { nl = "Plek", en = "Place" } }
  for _, round in ipairs(result.distribution) do
    columns[#columns + 1] = text.format({ nl = "Ronde %d", en = "Round %d" }, lang, round.round)
  end
  local rows = {}
  for _, place in ipairs(places) do
    local row = { place_name(result, place.value, lang) }
    for _, round in ipairs(result.distribution) do
      row[#row + 1] = round.counts[place.value]
    end
    rows[#rows + 1] = row
  end
  return { type = "table", columns = columns, rows = rows }
end

local function movements_block(result, lang)
  if #result.movements == 0 then
    return { type = "paragraph", text = { nl = "Niemand is van plek veranderd.", en = "Nobody changed place." } }
  end
  local rows = {}
  for _, move in ipairs(result.movements) do
    rows[#rows + 1] = { move.round, move.participant,
      place_name(result, move.from, lang), place_name(result, move.to, lang) }
  end
  return { type = "table",
    columns = { { nl = "Ronde", en = "Round" }, { nl = "Deelnemer", en = "Participant" },
      { nl = "Van", en = "From" }, { nl = "Naar", en = "To" } },
    rows = rows }
end

local function report(result, ctx)
  local lang = ctx.lang
  local issue = text.format({ nl = "Kwestie: %s. Polen: %s en %s.", en = "Issue: %s. Poles: %s and %s." },
    lang, text.pick(result.issue, lang), text.pick(result.poles.left, lang), text.pick(result.poles.right, lang))
  local blocks = {
    { type = "heading", text = { nl = "Polarisatiekaart", en = "Polarisation map" } },
    { type = "paragraph", text = issue },
  }
  for _, round in ipairs(result.distribution) do
    if #result.distribution > 1 then
      blocks[#blocks + 1] = { type = "heading",
        text = text.format({ nl = "Ronde %d", en = "Round %d" }, lang, round.round) }
    end
    blocks[#blocks + 1] = map_block(result, round, lang)
  end
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Verdeling per ronde", en = "Distribution per round" } }
  blocks[#blocks + 1] = distribution_table(result, lang)
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Bewegingen", en = "Movements" } }
  blocks[#blocks + 1] = movements_block(result, lang)
  return blocks
end

------------------------------------------------------------------------

return {
  id = "polarisation-map",
  version = "1.0.1",
  title = { nl = "Polarisatiekaart", en = "Polarisation map" },
  summary = {
    nl = text.prose([[
Voor één kwestie met twee polen kiest iedereen een plek op de polarisatiekaart van Bart Brandsma:
pusher of joiner bij een van de polen, het stille midden of bruggenbouwer. Na het luisteren naar
elkaar mag je van plek veranderen.]]),
    en = text.prose([[
For one issue with two poles, everyone takes a place on Bart Brandsma's polarisation map: pusher or
joiner at one of the poles, the silent middle or bridge builder. After listening to each other you
may change place.]]),
  },
  purpose = {
    nl = text.prose([[
Polarisatie leren zien als een dynamiek met rollen, en ontdekken waar je zelf staat. Dat levert soms
verrassende inzichten op, vooral over het stille midden en over je eigen rol als professional.]]),
    en = text.prose([[
Learn to see polarisation as a dynamic with roles, and discover where you stand yourself. That
sometimes gives surprising insights, above all about the silent middle and your own role as a
professional.]]),
  },
  duration = { default = 45, minimum = 20 },
  group_size = { min = 6, max = 50 },
  materials = {
    { nl = "Tape of touw om de as tussen de polen op de vloer te leggen",
      en = "Tape or rope to mark the line between the poles on the floor" },
    { nl = "Twee grote bladen met de namen van de polen", en = "Two large sheets with the names of the poles" },
    { nl = "Een stoel voor de bruggenbouwer (boven de polen)",
      en = "A chair for the bridge builder (above the poles)" },
  },
  params = {
    { name = "issue", type = "bilingual", label = { nl = "Kwestie", en = "Issue" }, default = defaults.issue },
    { name = "left_pole", type = "bilingual", label = { nl = "Linkerpool", en = "Left pole" },
      default = defaults.left },
    { name = "right_pole", type = "bilingual", label = { nl = "Rechterpool", en = "Right pole" },
      default = defaults.right },
    { name = "rounds", type = "integer", label = { nl = "Aantal rondes", en = "Number of rounds" },
      default = 2, min = 1, max = 5 },
  },
  phases = {
    { id = "explain",
      title = { nl = "Het denkkader", en = "The frame" },
      instructions = {
        nl = text.prose([[
Stel de kwestie en de twee polen voor. Leg daarna het Denkkader Polarisatie van Bart Brandsma uit.

Drie basiswetten. Eén: polarisatie is een gedachteconstructie, een wij-zij-denken. Twee:
polarisatie heeft brandstof nodig: eenvoudige uitspraken over de identiteit van de tegenpolen,
gekoppeld aan een oordeel. Drie: polarisatie is een dynamiek van het onderbuikgevoel, niet van de
ratio.

Vijf rollen. De pusher levert de brandstof; aan elke pool staat er een. De joiner kiest een kant,
maar minder extreem dan de pusher. Het stille midden is neutraal, onverschillig of genuanceerd, of
neutraal uit beroep, zoals leerkrachten, politie en burgemeesters. De bruggenbouwer staat boven de
polen: goedbedoeld, maar hij maakt het vaak erger, omdat het onderwerp van de polen centraal
blijft. De zondebok vind je bij sterke polarisatie in het midden: hij wordt van beide kanten
aangevallen.]]),
        en = text.prose([[
Introduce the issue and the two poles. Then explain Bart Brandsma's frame of polarisation.

Three basic laws. One: polarisation is a thought construct, an us-and-them way of thinking. Two:
polarisation needs fuel: simple statements about the identity of the opposite poles, tied to a
judgement. Three: polarisation is a dynamic of gut feeling, not of reason.

Five roles. The pusher supplies the fuel; there is one at each pole. The joiner chooses a side, but
is less extreme than the pusher. The silent middle is neutral, indifferent or nuanced, or neutral by
profession, like teachers, police officers and mayors. The bridge builder stands above the poles:
well meant, but often making things worse, because the subject of the poles stays central. In
strong polarisation the scapegoat is found in the middle: attacked from both sides.]]),
      },
      inputs = {} },
    { id = "map",
      title = { nl = "Op de kaart", en = "On the map" },
      instructions = {
        nl = text.prose([[
Wijs de plekken in de ruimte aan: de twee polen aan de uiteinden van de lijn, de joiners wat
dichter bij het midden, het stille midden in het midden, de bruggenbouwer op een stoel erboven.
Vraag iedereen te gaan staan waar hij of zij zich bij deze kwestie thuis voelt, en die plek ook in
Werkvorm te kiezen. Het gaat niet om goed of fout: kijk waar je zelf staat.

Laat vanuit elke plek een paar mensen uitleggen waarom ze daar staan. Luister vooral naar het
stille midden: daar hoor je wat er echt speelt.

Duwt het gesprek iemand in de rol van zondebok, markeer dat dan (alleen de begeleider kan dat),
benoem het zorgvuldig en bescherm die persoon.

Start daarna de volgende ronde (zoveel rondes als je instelde). Wie na het horen van de anderen van
plek wil veranderen, doet dat nu; Werkvorm houdt bij wie van waar naar waar gaat. Vraag aan wie
bewoog wat hen deed bewegen.]]),
        en = text.prose([[
Point out the places in the room: the two poles at the ends of the line, the joiners somewhat
closer to the middle, the silent middle in the middle, the bridge builder on a chair above them. Ask
everyone to stand where they feel at home on this issue, and to choose that place in Werkvorm as
well. It is not about right or wrong: look at where you stand yourself.

Let a few people at each place explain why they stand there. Listen above all to the silent middle:
that is where you hear what is really going on.

If the conversation pushes someone into the role of scapegoat, mark it (only the facilitator can),
name it with care and protect that person.

Then start the next round (as many rounds as you set). Whoever wants to change place after hearing
the others does so now; Werkvorm keeps track of who moves from where to where. Ask those who moved
what made them move.]]),
      },
      inputs = {
        { name = "position", title = { nl = "Mijn plek", en = "My place" },
          by = "participant",
          fields = {
            { name = "position", type = "choice", label = { nl = "Waar sta je?", en = "Where do you stand?" },
              options = position_options },
          } },
        { name = "scapegoat", title = { nl = "Zondebok markeren", en = "Mark a scapegoat" },
          by = "facilitator",
          fields = {
            { name = "participant", type = "participant", label = { nl = "Wie", en = "Who" } },
            { name = "remove", type = "boolean", required = false,
              label = { nl = "Markering weghalen", en = "Remove the mark" } },
          } },
        { name = "next_round", title = { nl = "Volgende ronde", en = "Next round" },
          by = "facilitator", fields = {} },
      } },
    { id = "debrief",
      title = { nl = "Nabespreking", en = "Debrief" },
      instructions = {
        nl = text.prose([[
Bespreek de kaart en de bewegingen. Wat deed het met je om op die plek te staan? Wie bewoog, en
waardoor? Wat hoorde je van het stille midden?

Bespreek de vier game changers voor de professional. Verander van doelgroep: richt je niet op de
pushers, maar op het midden. Verander het onderwerp: niet de identiteit van de polen, maar de
zorgen van het midden. Verander je positie: niet erboven, maar in het midden, verbonden. Verander
de toon: bemiddelend spreken, niet moraliseren, niet zoeken wie schuldig is.

Je kunt je als professional wel uitspreken, maar wees je bewust van de effecten: wie een pool
kiest, kan niet zo snel meer terug naar een andere rol. Grote kwesties zoals racisme, klimaat,
asiel en woningnood los je niet op; we moeten ze leren hanteren en de pijn leren verdelen.]]),
        en = text.prose([[
Discuss the map and the movements. What did it do to you to stand in that place? Who moved, and
why? What did you hear from the silent middle?

Discuss the four game changers for the professional. Change the target group: focus not on the
pushers but on the middle. Change the subject: not the identity of the poles, but the concerns of
the middle. Change your position: not above, but in the middle, connected. Change the tone:
mediating speech, no moralising, no search for who is guilty.

As a professional you may speak out, but be aware of the effects: whoever chooses a pole cannot
easily go back to another role. Big issues such as racism, climate, asylum and the housing shortage
cannot be solved; we have to learn to handle them and to share the pain.]]),
      },
      inputs = {} },
  },
  init = init,
  handlers = {
    position = position,
    scapegoat = scapegoat,
    next_round = next_round,
  },
  outcome = outcome,
  view = view,
  report = report,
}
