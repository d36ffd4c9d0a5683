-- Polarisation map, after Bart Brandsma's "Denkkader Polarisatie" (seed 004:
-- "kijk waar je zelf op de polarisatiekaart staat bij bepaalde kwesties").
-- A standing exercise: for an issue with two named poles, everyone stands
-- where they feel at home, says why if they like, and may move after hearing
-- the others. The concerns of the silent middle are written down: that is
-- where you hear what is really going on. Several issues can follow each
-- other in one step (`issues`), and a last round can choose the game changer
-- to work with (`game_changer`).
--
-- Rounds, kept simple: the map happens in one phase ("map"). The facilitator
-- starts the next round with `next_round`, the next issue with `next_issue`;
-- a new round starts with everyone where they stood, and whoever changes
-- place in that round has moved.

local text = require("text")

local f = string.format

-- Brandsma's roles, their places on the map and the four game changers:
-- see lib/polarisation.lua. The report and the projector's blocks: see
-- lib/polarisation_report.lua.
local polarisation = require("polarisation")
local places, place_of = polarisation.places, polarisation.place_of
local position_options, game_changers = polarisation.position_options, polarisation.game_changers
local polarisation_report = require("polarisation_report")
local report, decisions = polarisation_report.report, polarisation_report.decisions

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

local function new_round(before)
  -- participant -> place, participant -> true, participant -> why they stand there
  return {
    positions = before and copy_map(before.positions) or {},
    scapegoats = before and copy_map(before.scapegoats) or {},
    reasons = before and copy_map(before.reasons) or {},
  }
end

-- "Kwestie: linkerpool / rechterpool", as an entry of `issues` is written;
-- without the poles, "Voor" and "Tegen" (in the session's language).
local function parse_issue(entry, lang)
  local issue, left, right = entry:match("^(.-):%s*(.-)%s*/%s*(.-)%s*$")
  if not issue or issue == "" or left == "" or right == "" then
    issue = text.trim(entry)
    left, right = text.pick({ nl = "Voor", en = "For" }, lang), text.pick({ nl = "Tegen", en = "Against" }, lang)
  end
  return { issue = text.trim(issue), poles = { left = left, right = right } }
end

local function init(params, participants, ctx)
  local issues = { { issue = params.issue, poles = { left = params.left_pole, right = params.right_pole } } }
  for _, entry in ipairs(params.issues) do
    if text.trim(entry) ~= "" then
      issues[#issues + 1] = parse_issue(entry, ctx.lang)
    end
  end
  for _, issue in ipairs(issues) do
    issue.rounds = { new_round() }
    issue.concerns = {}  -- { text =, participant = | anonymous = true }
  end
  return {
    participants = participants,
    max_rounds = params.rounds,
    issues = issues,
    current = 1,
    choices = {},  -- participant -> game changer
  }
end

local function current_issue(state)
  return state.issues[state.current]
end

local function current(state)
  local rounds = current_issue(state).rounds
  return rounds[#rounds]
end

------------------------------------------------------------------------
-- handlers

-- Everyone chooses their own place; changing it in a later round is a
-- movement ("people may move after hearing others").
local function position(state, input)
  local round = current(state)
  local who, place, reason = input.participant, input.fields.position, input.fields.reason
  if round.positions[who] == place and (reason == nil or reason == round.reasons[who]) then
    return false, text.both("Je staat al op die plek", "You are already standing there")
  end
  if round.positions[who] ~= place then
    round.reasons[who] = nil  -- a reason belongs to a place
  end
  round.positions[who] = place
  round.reasons[who] = reason or round.reasons[who]
end

-- What worries the silent middle, in its own words; anonymous is fine.
local function concern(state, input)
  local said = text.trim(input.fields.text)
  local list = current_issue(state).concerns
  for _, entry in ipairs(list) do
    if entry.text:lower() == said:lower() then
      return false, text.both("Die zorg staat er al", "That concern is already there")
    end
  end
  list[#list + 1] = input.participant and { text = said, participant = input.participant }
    or { text = said, anonymous = true }
end

local function next_issue(state)
  if state.current >= #state.issues then
    local count = #state.issues
    if count == 1 then
      return false, text.both("Deze stap heeft één kwestie", "This step has one issue")
    end
    return false, text.both(f("Dit is de laatste kwestie (%d van %d)", count, count),
      f("This is the last issue (%d of %d)", count, count))
  end
  state.current = state.current + 1
end

-- One game changer per person; a new choice replaces the last.
local function choose_game_changer(state, input)
  state.choices[input.participant] = input.fields.game_changer
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
  local rounds = current_issue(state).rounds
  if #rounds >= state.max_rounds then
    return false, text.both(f("Dit was de laatste ronde (%d van %d)", #rounds, state.max_rounds),
      f("This was the last round (%d of %d)", #rounds, state.max_rounds))
  end
  if next(round.positions) == nil then
    return false, text.both("Nog niemand staat op de kaart", "Nobody is on the map yet")
  end
  rounds[#rounds + 1] = new_round(round)
end

------------------------------------------------------------------------
-- outcome

local function where(round, who)
  if round.scapegoats[who] then
    return "scapegoat"
  end
  return round.positions[who]
end

local function distribution_of(state, issue, number)
  local round = issue.rounds[number]
  local counts, positions, marked, unplaced, reasons = {}, {}, {}, {}, {}
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
    if round.reasons[who] and round.positions[who] then
      reasons[#reasons + 1] = { place = round.positions[who], text = round.reasons[who] }
    end
  end
  return { round = number, counts = counts, positions = positions, scapegoats = marked, unplaced = unplaced,
    reasons = reasons, participants = #state.participants }
end

-- A movement: a participant who stood somewhere at the end of one round and
-- stands somewhere else at the end of the next (a first placement in a later
-- round is not a movement).
local function movements_of(state, issue)
  local moves = {}
  for number = 2, #issue.rounds do
    local before, after = issue.rounds[number - 1], issue.rounds[number]
    for _, who in ipairs(state.participants) do
      local from, to = before.positions[who], after.positions[who]
      if from and to and from ~= to then
        moves[#moves + 1] = { round = number, participant = who, from = from, to = to }
      end
    end
  end
  return moves
end

local function issue_outcome(state, number)
  local issue = state.issues[number]
  local distribution = {}
  for round = 1, #issue.rounds do
    distribution[round] = distribution_of(state, issue, round)
  end
  local concerns = {}
  for index, entry in ipairs(issue.concerns) do
    concerns[index] = copy_map(entry)
  end
  return {
    number = number,
    issue = issue.issue,
    poles = issue.poles,
    rounds_played = #issue.rounds,
    distribution = distribution,
    movements = movements_of(state, issue),
    concerns = concerns,
  }
end

-- How many chose each game changer, and the one (or ones, on a tie) chosen.
local function game_changer_outcome(state)
  local counts, chosen, most = {}, {}, 0
  for _, changer in ipairs(game_changers) do
    counts[changer.value] = 0
  end
  for _, who in ipairs(state.participants) do
    local choice = state.choices[who]
    if choice then
      counts[choice] = counts[choice] + 1
    end
  end
  for _, changer in ipairs(game_changers) do
    local count = counts[changer.value]
    if count > most then
      chosen, most = { changer.value }, count
    elseif count == most and count > 0 then
      chosen[#chosen + 1] = changer.value
    end
  end
  return { counts = counts, chosen = chosen }
end

-- The first issue's fields stay at the top, as in a step with one issue.
local function outcome(state)
  local issues = {}
  for number = 1, #state.issues do
    issues[number] = issue_outcome(state, number)
  end
  local first = issues[1]
  return {
    issue = first.issue,
    poles = first.poles,
    rounds = state.max_rounds,
    rounds_played = first.rounds_played,
    distribution = first.distribution,
    movements = first.movements,
    concerns = first.concerns,
    issues = issues,
    current_issue = state.current,
    game_changers = game_changer_outcome(state),
  }
end

------------------------------------------------------------------------
-- view: a standing exercise is public, everyone sees the room

local function view(state, participant)
  local round = current(state)
  local issue = current_issue(state)
  local counts = distribution_of(state, issue, #issue.rounds).counts
  local place = participant and round.positions[participant]
  local choice = participant and state.choices[participant]
  local changer_label
  for _, changer in ipairs(game_changers) do
    if changer.value == choice then
      changer_label = { nl = changer.label.nl, en = changer.label.en }
    end
  end
  local progress  -- which issue, when there are several; the round is shown with its own label
  if #state.issues > 1 then
    progress = { nl = f("kwestie %d van %d", state.current, #state.issues),
      en = f("issue %d of %d", state.current, #state.issues) }
  end
  return {
    issue = issue.issue,
    poles = issue.poles,
    issue_number = state.current,
    issues = #state.issues,
    progress = progress,
    round = #issue.rounds,
    rounds = state.max_rounds,
    -- the place by its name for the phone, and by its value
    position = place and { nl = place_of[place].label.nl, en = place_of[place].label.en } or nil,
    place = place,
    reason = participant and round.reasons[participant] or nil,
    scapegoat = round.scapegoats[participant] == true,
    counts = counts,
    game_changer = changer_label,
    game_changer_choice = choice,
  }
end

------------------------------------------------------------------------

return {
  id = "polarisation-map",
  version = "2.0.0",
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
    { name = "issues", type = "text_list", max_length = 300,
      label = { nl = "Meer kwesties na de eerste, elk als ‘Kwestie: linkerpool / rechterpool’",
        en = "More issues after the first, each as ‘Issue: left pole / right pole’" },
      default = {} },
    { name = "game_changer", type = "boolean",
      label = { nl = "Een ronde waarin de groep een game changer kiest",
        en = "A round in which the group chooses a game changer" },
      default = false },
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
            { name = "reason", type = "text", max_length = 280, required = false,
              label = { nl = "Waarom sta je daar?", en = "Why do you stand there?" } },
          } },
        { name = "concern", title = { nl = "Zorg van het stille midden", en = "A concern of the silent middle" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", max_length = 280,
              label = { nl = "Waar maak je je zorgen over?", en = "What are you worried about?" } },
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
        { name = "next_issue", title = { nl = "Volgende kwestie", en = "Next issue" },
          by = "facilitator", fields = {} },
      } },
    { id = "game_changer",
      when = { game_changer = true },
      title = { nl = "Een game changer kiezen", en = "Choose a game changer" },
      instructions = {
        nl = text.prose([[
Leg de vier game changers voor de professional uit: verander van doelgroep (het midden, niet de
pushers), van onderwerp (de zorgen van het midden), van positie (in het midden, verbonden) en van
toon (bemiddelend, niet moraliseren). Iedereen kiest de game changer waarmee hij of zij bij deze
kwestie aan de slag wil; bespreek wat de groep koos en waarom.]]),
        en = text.prose([[
Explain the four game changers for the professional: change the target group (the middle, not the
pushers), the subject (the concerns of the middle), your position (in the middle, connected) and the
tone (mediating, no moralising). Everyone chooses the game changer they want to work with on this
issue; discuss what the group chose and why.]]),
      },
      inputs = {
        { name = "choose_game_changer", title = { nl = "Mijn game changer", en = "My game changer" },
          by = "participant",
          fields = {
            { name = "game_changer", type = "choice", label = { nl = "Game changer", en = "Game changer" },
              options = game_changers },
          } },
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
    concern = concern,
    scapegoat = scapegoat,
    next_round = next_round,
    next_issue = next_issue,
    choose_game_changer = choose_game_changer,
  },
  outcome = outcome,
  view = view,
  report = report,
  decisions = decisions,
}
