-- Huisregels: safe space of brave space
--
-- The agreements a group makes at the start of a session on a sensitive
-- theme (seeds 000 and 001): the trainer brings a starter list, participants
-- propose more, and then every agreement goes through consent: "eens",
-- "kan ermee leven" or "bezwaar". Agreements the group made itself are
-- agreements people hold each other to; rules handed down are not.
--
-- With `decide = "announce"` the facilitator presents the agreements and
-- nobody votes (seed 001 presented its two); they stand as presented.
--
-- Decision rule: an agreement is adopted when at least one participant has
-- answered and it has no more objections than the trainer allows (by
-- default none: consent means nobody objects). An objection needs a reason,
-- because the group can only amend an agreement it understands the
-- objection to.

local ANSWER_LABEL = {
  agree = { nl = "Eens", en = "Agree" },
  live_with = { nl = "Kan ermee leven", en = "Can live with it" },
  object = { nl = "Bezwaar", en = "Object" },
}

local STATUS_LABEL = {
  adopted = { nl = "aangenomen", en = "adopted" },
  not_adopted = { nl = "niet aangenomen", en = "not adopted" },
  not_discussed = { nl = "niet besproken", en = "not discussed" },
}

-- The kinds of space, their definitions and their starter lists: see lib/spaces.lua.
local spaces = require("spaces")
local SPACE, STARTERS = spaces.kinds, spaces.starters

-- Texts in both languages, and input clean-up: see lib/text.lua.
local say = require("text").both_format
local trim = require("text").trim

-- Two wordings that differ only in case, spacing or a final full stop are
-- the same agreement.
local function normalise(s)
  return (trim(s):lower():gsub("%s+", " "):gsub("[%.!]+$", ""))
end

-- state.number_of finds a rule by its normalised text at once, instead of
-- normalising every rule again for each proposal; add_rule and amend_rule
-- keep it up to date. No two rules have the same normalised text.
local function find_rule(state, text)
  return state.rules[state.number_of[normalise(text)]]
end

-- Besides its answers in the order given, a rule keeps where each
-- participant's answer is in that list and how many there are of each
-- answer. consent keeps them up to date, so that neither a new answer nor a
-- view goes through all answers.
local function no_answers(rule)
  rule.answers = {}      -- { who =, answer =, reason = }
  rule.position_of = {}  -- participant -> the place of their answer in rule.answers
  rule.counts = { agree = 0, live_with = 0, object = 0 }
  rule.hands = nil  -- counted by a show of hands
end

local function add_rule(state, text, source)
  local number = #state.rules + 1
  local rule = { number = number, text = text, source = source, previous = {} }
  no_answers(rule)
  state.rules[number] = rule
  state.number_of[normalise(text)] = number
end

local function check_new_rule(state, text)
  if text == "" then
    return false, say("Je voorstel is leeg.", "Your proposal is empty.")
  end
  local existing = find_rule(state, text)
  if existing then
    return false, say("Die afspraak staat er al: nr. %d.", "That agreement is already there: no. %d.",
      existing.number)
  end
  return true
end

local function propose(state, input)
  local who = input.participant
  local text = trim(input.fields.text)
  local given = who and state.proposed[who] or 0
  -- As in seed 001 (at most 3 post-its per person): a cap keeps the list
  -- short enough to go through one by one.
  if state.max_proposals == 0 then
    return false, say("In deze sessie stel je geen eigen afspraken voor: we reageren op de startlijst.",
      "In this session you do not propose agreements of your own: we respond to the starter list.")
  end
  if who and given >= state.max_proposals then
    return false, {
      nl = string.format("Je hebt al %d %s voorgesteld; het maximum is %d per persoon.",
        given, given == 1 and "afspraak" or "afspraken", state.max_proposals),
      en = string.format("You have already proposed %d %s; the maximum is %d per person.",
        given, given == 1 and "agreement" or "agreements", state.max_proposals),
    }
  end
  local ok, reason = check_new_rule(state, text)
  if not ok then
    return false, reason
  end
  if who then
    state.proposed[who] = given + 1
  end
  add_rule(state, text, "participant")
end

local function add_by_facilitator(state, input)
  local text = trim(input.fields.text)
  local ok, reason = check_new_rule(state, text)
  if not ok then
    return false, reason
  end
  add_rule(state, text, "facilitator")
end

local function consent(state, input)
  local fields = input.fields
  local rule = state.rules[fields.rule]
  if rule == nil then
    return false, say("Er is geen afspraak nr. %d.", "There is no agreement no. %d.", fields.rule)
  end
  local reason = fields.reason and trim(fields.reason) or ""
  if fields.answer == "object" and reason == "" then
    return false, say("Geef bij een bezwaar tegen afspraak nr. %d ook de reden: daarmee kan de groep de afspraak "
      .. "verbeteren.", "Give a reason with your objection to agreement no. %d: it lets the group improve "
      .. "the agreement.", rule.number)
  end
  if state.hands then
    return false, say("In deze sessie telt de begeleider de handen.", "In this session the facilitator counts hands.")
  end
  local who = input.participant
  local entry = { who = who, answer = fields.answer, reason = reason ~= "" and reason or nil }
  -- Changing your answer after hearing the others is part of consent: the
  -- latest answer counts.
  local earlier = rule.answers[rule.position_of[who]]
  if earlier then
    rule.counts[earlier.answer] = rule.counts[earlier.answer] - 1
    earlier.answer, earlier.reason = entry.answer, entry.reason
  else
    rule.answers[#rule.answers + 1] = entry
    rule.position_of[who] = #rule.answers
  end
  rule.counts[entry.answer] = rule.counts[entry.answer] + 1
end

-- A quick show of hands instead of a full consent round: the facilitator
-- counts the hands for an agreement. A count again replaces the last one.
local function show_of_hands(state, input)
  local fields = input.fields
  local rule = state.rules[fields.rule]
  if rule == nil then
    return false, say("Er is geen afspraak nr. %d.", "There is no agreement no. %d.", fields.rule)
  end
  if not state.hands then
    return false, say("In deze sessie reageert ieder zelf op de afspraken; tel geen handen.",
      "In this session everyone answers the agreements themselves; do not count hands.")
  end
  rule.counts = { agree = fields.agree, live_with = fields.live_with, object = fields.object }
  rule.hands = true
end

-- The facilitator rewords an agreement to meet an objection. The group then
-- answers again: consent to the old wording is not consent to the new.
local function amend_rule(state, input)
  local rule = state.rules[input.fields.rule]
  if rule == nil then
    return false, say("Er is geen afspraak nr. %d.", "There is no agreement no. %d.", input.fields.rule)
  end
  local text = trim(input.fields.text)
  if text == "" then
    return false, say("De nieuwe tekst is leeg.", "The new wording is empty.")
  end
  if normalise(text) == normalise(rule.text) then
    return false, say("De tekst van afspraak nr. %d is niet veranderd.",
      "The wording of agreement no. %d has not changed.", rule.number)
  end
  local other = find_rule(state, text)
  if other then
    return false, say("Die afspraak staat er al: nr. %d.", "That agreement is already there: no. %d.", other.number)
  end
  rule.previous[#rule.previous + 1] = rule.text
  state.number_of[normalise(rule.text)] = nil
  rule.text = text
  state.number_of[normalise(text)] = rule.number
  no_answers(rule)
end

local function reasons(rule, answer)
  local list = {}
  for _, entry in ipairs(rule.answers) do
    if entry.answer == answer and entry.reason then
      list[#list + 1] = entry.reason
    end
  end
  return list
end

local function status(counts, total, max_objections)
  if total == 0 then
    return "not_discussed"
  end
  return counts.object <= max_objections and "adopted" or "not_adopted"
end

-- One agreement as plain data: its counts, the reasons (without names: an
-- objection is about the agreement, not about who raised it) and the
-- decision.
local function rule_outcome(rule, max_objections, announced)
  local counts = rule.counts
  local answered = rule.hands and counts.agree + counts.live_with + counts.object or #rule.answers
  return {
    number = rule.number,
    text = rule.text,
    source = rule.source,
    agree = counts.agree,
    live_with = counts.live_with,
    object = counts.object,
    answers = answered,
    status = announced and "adopted" or status(counts, answered, max_objections),
    objections = reasons(rule, "object"),
    concerns = reasons(rule, "live_with"),
    previous = rule.previous,
  }
end

local function decision_text(max_objections)
  if max_objections == 0 then
    return say("Een afspraak is aangenomen als minstens één deelnemer heeft gereageerd en niemand bezwaar heeft.",
      "An agreement is adopted when at least one participant has answered and nobody objects.")
  end
  if max_objections == 1 then
    return say("Een afspraak is aangenomen als minstens één deelnemer heeft gereageerd en er hoogstens één "
      .. "bezwaar is.", "An agreement is adopted when at least one participant has answered and there is at "
      .. "most one objection.")
  end
  return say("Een afspraak is aangenomen als minstens één deelnemer heeft gereageerd en er hoogstens %d "
    .. "bezwaren zijn.", "An agreement is adopted when at least one participant has answered and there are at "
    .. "most %d objections.", max_objections)
end

local function numbered_reasons(rules, key)
  local items = {}
  for _, rule in ipairs(rules) do
    for _, reason in ipairs(rule[key]) do
      items[#items + 1] = { nl = "Nr. " .. rule.number .. ": " .. reason, en = "No. " .. rule.number .. ": " .. reason }
    end
  end
  return items
end

local propose_instructions = {
  nl = "Leg uit waarom we afspraken maken: over gevoelige thema's praat je alleen open als je weet waar je aan "
    .. "toe bent. Vertel of we een safe space of een brave space maken en lees de definitie voor. Lees dan de "
    .. "startlijst voor en vraag: wat heb jij nodig om hier vrijuit te kunnen spreken? Wat ontbreekt er? "
    .. "Deelnemers stellen afspraken voor in hun eigen woorden; een afspraak die er al staat, hoeft niet "
    .. "opnieuw. Afspraken die in de zaal genoemd worden, kun je zelf toevoegen.",
  en = "Explain why we make agreements: on sensitive themes people only speak openly when they know where "
    .. "they stand. Say whether we are making a safe space or a brave space, and read the definition aloud. "
    .. "Then read the starter list and ask: what do you need to be able to speak freely here? What is missing? "
    .. "Participants propose agreements in their own words; an agreement already on the list need not be "
    .. "proposed again. You can add agreements that are said aloud in the room yourself.",
}

local consent_instructions = {
  nl = "Neem de afspraken één voor één door. Iedereen kiest: eens, kan ermee leven, of bezwaar. Een bezwaar is "
    .. "geen veto maar een reden: vraag wie bezwaar heeft wat er moet veranderen zodat het voor hem of haar "
    .. "werkt, en herformuleer de afspraak als de groep dat wil. Na een nieuwe formulering reageert iedereen "
    .. "opnieuw. Je mag je keuze veranderen nadat je de anderen gehoord hebt.",
  en = "Go through the agreements one by one. Everyone chooses: agree, can live with it, or object. An objection "
    .. "is not a veto but a reason: ask the person who objects what would need to change for it to work for "
    .. "them, and reword the agreement if the group wants to. After a rewording everyone answers again. You may "
    .. "change your choice after hearing the others.",
}

local close_instructions = {
  nl = "Lees de aangenomen afspraken hardop voor en hang ze zichtbaar op. Zeg dat iedereen, ook jij als "
    .. "begeleider, de groep eraan mag herinneren. Afspraken die niet zijn aangenomen, noem je ook: de "
    .. "bezwaren zeggen iets over wat de groep nodig heeft.",
  en = "Read the adopted agreements aloud and put them up where everyone can see them. Say that everyone, you "
    .. "as facilitator included, may remind the group of them. Also mention the agreements that were not "
    .. "adopted: the objections say something about what the group needs.",
}

return {
  id = "house-rules",
  version = "1.3.1",
  title = { nl = "Huisregels: safe space of brave space", en = "House rules: safe space or brave space" },
  summary = {
    nl = "De groep maakt samen afspraken voor een safe of brave space: een startlijst plus eigen voorstellen, "
      .. "en per afspraak: eens, kan ermee leven of bezwaar (met reden).",
    en = "The group makes its agreements for a safe or brave space together: a starter list plus its own "
      .. "proposals, and for each agreement: agree, can live with it, or object (with a reason).",
  },
  purpose = {
    nl = "Vooraf vastleggen hoe we met elkaar omgaan, zodat deelnemers over racisme, vooroordelen of "
      .. "polarisatie durven te spreken en elkaar durven aan te spreken. Afspraken die de groep zelf heeft "
      .. "gemaakt, worden gedragen; de bezwaren laten zien wat deelnemers nodig hebben.",
    en = "To settle beforehand how we treat each other, so that participants dare to speak about racism, "
      .. "prejudice or polarisation, and dare to call each other out. Agreements the group made itself are "
      .. "carried by it; the objections show what participants need.",
  },
  duration = { default = 20, minimum = 10 },
  group_size = { min = 3, max = 50 },
  materials = {
    { nl = "Flip-over met de startlijst", en = "Flip chart with the starter list" },
    { nl = "Stiften", en = "Markers", when = { decide = { "consent", "hands" } } },
  },
  params = {
    { name = "space", type = "choice",
      label = { nl = "Soort ruimte", en = "Kind of space" },
      default = "brave",
      options = {
        { value = "safe", label = SPACE.safe.name },
        { value = "safer", label = SPACE.safer.name },
        { value = "brave", label = SPACE.brave.name },
        { value = "safer_brave", label = SPACE.safer_brave.name },
      } },
    { name = "definition", type = "text", max_length = 600,
      label = { nl = "Eigen omschrijving van de ruimte, in de taal van de sessie (leeg: die van de werkvorm)",
        en = "Own description of the space, in the session's language (empty: the exercise's)" },
      default = "" },
    { name = "safe_rules", type = "text_list", max_length = 200,
      label = { nl = "Startlijst voor een safe of safer space (leeg: die van de werkvorm, in de taal van de sessie)",
        en = "Starter list for a safe or safer space (empty: the exercise's own, in the session's language)" },
      default = {} },
    { name = "brave_rules", type = "text_list", max_length = 200,
      label = { nl = "Startlijst voor een brave space (leeg: die van de werkvorm, in de taal van de sessie)",
        en = "Starter list for a brave space (empty: the exercise's own, in the session's language)" },
      default = {} },
    { name = "conditions", type = "text_list", max_length = 300,
      label = { nl = "Randvoorwaarden van de organisatie (geen huisregels: er wordt niet over gestemd)",
        en = "The organisation's conditions (not house rules: nobody votes on them)" },
      default = {} },
    { name = "decide", type = "choice",
      label = { nl = "Besluiten", en = "Deciding" },
      default = "consent",
      options = {
        { value = "consent", label = { nl = "Instemmingsronde: ieder reageert per afspraak",
          en = "Consent round: everyone answers each agreement" } },
        { value = "hands", label = { nl = "Handopsteken: de begeleider telt per afspraak",
          en = "Show of hands: the facilitator counts for each agreement" } },
        { value = "announce", label = { nl = "Voorstellen: de begeleider stelt de afspraken voor, zonder stemming",
          en = "Present: the facilitator presents the agreements, without a vote" } },
      } },
    { name = "max_proposals", type = "integer",
      label = { nl = "Maximum aantal eigen voorstellen per persoon (0: alleen de startlijst)",
        en = "Maximum number of own proposals per person (0: the starter list only)" },
      default = 3, min = 0, max = 10 },
    { name = "max_objections", type = "integer",
      label = { nl = "Aangenomen bij hoogstens zoveel bezwaren", en = "Adopted with at most this many objections" },
      default = 0, min = 0, max = 10 },
  },
  phases = {
    { id = "propose",
      title = { nl = "Afspraken voorstellen", en = "Propose agreements" },
      instructions = propose_instructions,
      inputs = {
        { name = "propose",
          title = { nl = "Afspraak voorstellen", en = "Propose an agreement" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", max_length = 200,
              label = { nl = "Afspraak", en = "Agreement" } },
          } },
        { name = "add_rule",
          title = { nl = "Afspraak toevoegen", en = "Add an agreement" },
          by = "facilitator",
          fields = {
            { name = "text", type = "text", max_length = 200,
              label = { nl = "Afspraak", en = "Agreement" } },
          } },
      } },
    { id = "consent",
      when = { decide = { "consent", "hands" } },
      title = { nl = "Instemmen", en = "Consent" },
      instructions = consent_instructions,
      inputs = {
        { name = "consent",
          title = { nl = "Reactie op een afspraak", en = "Answer to an agreement" },
          by = "participant",
          fields = {
            { name = "rule", type = "integer", min = 1, refers_to = "rules",
              label = { nl = "Nummer van de afspraak", en = "Number of the agreement" } },
            { name = "answer", type = "choice",
              label = { nl = "Jouw reactie", en = "Your answer" },
              options = {
                { value = "agree", label = ANSWER_LABEL.agree },
                { value = "live_with", label = ANSWER_LABEL.live_with },
                { value = "object", label = ANSWER_LABEL.object },
              } },
            { name = "reason", type = "text", max_length = 300, required = false,
              label = { nl = "Reden (verplicht bij bezwaar)", en = "Reason (required with an objection)" } },
          } },
        { name = "show_of_hands",
          title = { nl = "Handen tellen", en = "Count hands" },
          by = "facilitator",
          fields = {
            { name = "rule", type = "integer", min = 1, refers_to = "rules",
              label = { nl = "Nummer van de afspraak", en = "Number of the agreement" } },
            { name = "agree", type = "integer", min = 0, max = 1000, label = ANSWER_LABEL.agree },
            { name = "live_with", type = "integer", min = 0, max = 1000, label = ANSWER_LABEL.live_with },
            { name = "object", type = "integer", min = 0, max = 1000, label = ANSWER_LABEL.object },
          } },
        { name = "amend_rule",
          title = { nl = "Afspraak herformuleren", en = "Reword an agreement" },
          by = "facilitator",
          fields = {
            { name = "rule", type = "integer", min = 1, refers_to = "rules",
              label = { nl = "Nummer van de afspraak", en = "Number of the agreement" } },
            { name = "text", type = "text", max_length = 200,
              label = { nl = "Nieuwe tekst", en = "New wording" } },
          } },
      } },
    { id = "close",
      title = { nl = "Afspraken vastleggen", en = "Record the agreements" },
      instructions = close_instructions,
      inputs = {} },
  },

  init = function(params, _, ctx)
    local conditions = {}
    for _, condition in ipairs(params.conditions) do
      condition = trim(condition)
      if condition ~= "" then
        conditions[#conditions + 1] = condition
      end
    end
    -- the trainer's own words, or else (nil) the kind of space's, from lib/spaces.lua
    local definition = trim(params.definition) ~= "" and trim(params.definition) or nil
    local state = {
      space = params.space,
      definition = definition,
      max_proposals = params.max_proposals,
      max_objections = params.max_objections,
      hands = params.decide == "hands",
      announced = params.decide == "announce",
      conditions = conditions,
      rules = {},
      number_of = {},  -- normalised text -> rule number
      proposed = {},
    }
    local given = (params.space == "safe" or params.space == "safer") and params.safe_rules or params.brave_rules
    local starters = #given > 0 and given or STARTERS[params.space][ctx.lang]
    for _, text in ipairs(starters) do
      text = trim(text)
      if text ~= "" and not find_rule(state, text) then
        add_rule(state, text, "starter")
      end
    end
    return state
  end,

  handlers = {
    propose = propose,
    add_rule = add_by_facilitator,
    consent = consent,
    show_of_hands = show_of_hands,
    amend_rule = amend_rule,
  },

  outcome = function(state)
    local rules, adopted = {}, {}
    for index, rule in ipairs(state.rules) do
      rules[index] = rule_outcome(rule, state.max_objections, state.announced)
      if rules[index].status == "adopted" then
        adopted[#adopted + 1] = rule.text
      end
    end
    return {
      space = state.space,
      max_objections = state.max_objections,
      decided_by = state.announced and "announce" or state.hands and "hands" or "consent",
      definition = state.definition,
      conditions = state.conditions,
      adopted = adopted,
      rules = rules,
    }
  end,

  -- Consent is given in the open, so everyone sees the agreements, their own
  -- answer and how many objections each has (those are the ones to talk
  -- about).
  view = function(state, participant)
    local rules = {}
    for index, rule in ipairs(state.rules) do
      local mine = participant and rule.answers[rule.position_of[participant]]
      rules[index] = {
        number = rule.number, text = rule.text, mine = mine and mine.answer or nil,
        objections = rule.counts.object,
      }
    end
    local given = participant and state.proposed[participant] or 0
    return { space = state.space, rules = rules, proposals_left = math.max(state.max_proposals - given, 0) }
  end,

  -- What the minutes put first: the agreements adopted, and the organisation's conditions.
  decisions = function(outcome)
    local blocks = {}
    if #outcome.adopted > 0 then
      local space = SPACE[outcome.space]
      blocks[#blocks + 1] = { type = "heading",
        text = { nl = "Afspraken (" .. space.name.nl .. ")", en = "Agreements (" .. space.name.en .. ")" } }
      blocks[#blocks + 1] = { type = "list", items = outcome.adopted }
    end
    if #outcome.conditions > 0 then
      blocks[#blocks + 1] = { type = "heading", text = { nl = "Randvoorwaarden", en = "Conditions" } }
      blocks[#blocks + 1] = { type = "list", items = outcome.conditions }
    end
    return blocks
  end,

  report = function(outcome)
    local space = SPACE[outcome.space]
    local blocks = {
      { type = "heading",
        text = { nl = space.name.nl .. ": onze afspraken", en = space.name.en .. ": our agreements" } },
      { type = "paragraph", text = outcome.definition or space.definition },
    }
    if #outcome.adopted > 0 then
      blocks[#blocks + 1] = { type = "list", items = outcome.adopted }
    elseif #outcome.rules == 0 then
      blocks[#blocks + 1] = { type = "paragraph",
        text = say("Er zijn geen afspraken voorgesteld.", "No agreements were proposed.") }
    else
      blocks[#blocks + 1] = { type = "paragraph",
        text = say("Er is (nog) geen afspraak aangenomen.", "No agreement has been adopted (yet).") }
    end
    if outcome.decided_by == "announce" then
      blocks[#blocks + 1] = { type = "paragraph",
        text = say("De begeleider stelde de afspraken voor; er is niet over gestemd.",
          "The facilitator presented the agreements; there was no vote.") }
    else
      local rows = {}
      for index, rule in ipairs(outcome.rules) do
        local decision = STATUS_LABEL[rule.status]
        rows[index] = { rule.number, rule.text, rule.agree, rule.live_with, rule.object,
          { nl = decision.nl, en = decision.en } }
      end
      blocks[#blocks + 1] = { type = "table",
        columns = { { nl = "Nr.", en = "No." }, { nl = "Afspraak", en = "Agreement" }, ANSWER_LABEL.agree,
          ANSWER_LABEL.live_with, ANSWER_LABEL.object, { nl = "Besluit", en = "Decision" } },
        rows = rows }
      blocks[#blocks + 1] = { type = "paragraph", text = decision_text(outcome.max_objections) }
    end
    if outcome.decided_by == "hands" then
      blocks[#blocks + 1] = { type = "paragraph",
        text = say("Besloten met handopsteken.", "Decided by a show of hands.") }
    end
    -- the organisation's conditions stand apart: they were not up for a vote
    if #outcome.conditions > 0 then
      blocks[#blocks + 1] = { type = "heading", text = { nl = "Randvoorwaarden", en = "Conditions" } }
      blocks[#blocks + 1] = { type = "list", items = outcome.conditions }
    end
    local objections = numbered_reasons(outcome.rules, "objections")
    if #objections > 0 then
      blocks[#blocks + 1] = { type = "heading", text = { nl = "Bezwaren", en = "Objections" } }
      blocks[#blocks + 1] = { type = "list", items = objections }
    end
    local concerns = numbered_reasons(outcome.rules, "concerns")
    if #concerns > 0 then
      blocks[#blocks + 1] = { type = "heading",
        text = { nl = "Kanttekeningen (kan ermee leven)", en = "Concerns (can live with it)" } }
      blocks[#blocks + 1] = { type = "list", items = concerns }
    end
    return blocks
  end,
}
