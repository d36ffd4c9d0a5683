-- Vragenronde
--
-- A moderated question round, as in seed 003 (Amsterdam, 10 December 2024):
-- the leads of the action plans sent in their questions for the alderman
-- and the municipal secretary beforehand, each addressed to one of them or
-- to both; in the session a colleague of the bureau guided the talk, the
-- questions were asked by the person who sent them in or by a colleague,
-- and there was room for spontaneous questions.
--
-- Upvotes show the moderator which questions the room most wants answered.
-- The minutes keep the questions in the order they were asked, who asked
-- them (the person who sent them in, or a colleague), a short summary of
-- each answer, and the ones that were not answered, so that they can be
-- answered afterwards.
--
-- Guests can come in blocks (`guests`): seed 003 had the municipal
-- secretary from 15:00 to 15:30, then the secretary with the alderman until
-- 16:00. The moderator moves to the next block; questions not answered yet
-- carry over to it. With `moderation: true` in the session script, the
-- questions participants send wait for the moderator's approval.

local rank = require("rank")

-- Texts in both languages, and input clean-up: see lib/text.lua.
local say = require("text").both_format
local trim = require("text").trim

local function normalise(s)
  return (trim(s):lower():gsub("%s+", " "))
end

-- state.number_of finds a question still in play by its normalised text at
-- once, instead of normalising every question again for each new one;
-- add_question and withdraw keep it up to date.
local function find_question(state, text)
  return state.questions[state.number_of[normalise(text)]]
end

local function add_question(state, text, to, by, live)
  local number = #state.questions + 1
  state.questions[number] = {
    number = number, text = text, to = to, by = by, live = live, votes = 0, voters = {},
  }
  state.number_of[normalise(text)] = number
end

local function optional(text)
  if text == nil then
    return nil
  end
  local trimmed = trim(text)
  return trimmed ~= "" and trimmed or nil
end

-- The checks every new question goes through, wherever it comes from.
local function check_new_question(state, text)
  if text == "" then
    return false, say("Je vraag is leeg.", "Your question is empty.")
  end
  local same = find_question(state, text)
  if same then
    return false, say("Die vraag staat er al (nr. %d); je kunt er in de vragenronde op stemmen.",
      "That question is already there (no. %d); you can vote for it during the question round.", same.number)
  end
  return true
end

local function submit(live)
  return function(state, input)
    local text = trim(input.fields.text)
    local ok, reason = check_new_question(state, text)
    if not ok then
      return false, reason
    end
    add_question(state, text, optional(input.fields.to), input.participant, live)
  end
end

local submit_before = submit(false)
local submit_live = submit(true)

-- Spontaneous questions: seed 003 left room for them "depending on how the
-- conversation goes"; a trainer with a tight agenda closes it.
local function live_question(state, input)
  if not state.live_allowed then
    return false, say("In deze vragenronde worden alleen de vooraf ingestuurde vragen gesteld.",
      "In this question round only the questions sent in beforehand are asked.")
  end
  return submit_live(state, input)
end

local function existing(state, number)
  local question = state.questions[number]
  if question == nil or question.withdrawn then
    return nil, say("Er is geen vraag nr. %d.", "There is no question no. %d.", number)
  end
  return question
end

local function upvote(state, input)
  local who = input.participant
  local question, missing = existing(state, input.fields.question)
  if not question then
    return false, missing
  end
  -- Votes decide what comes next; for a question already asked they no
  -- longer do.
  if question.asked then
    return false, say("Vraag nr. %d is al gesteld.", "Question no. %d has already been asked.", question.number)
  end
  -- Votes show what the others want to hear: your own question has your
  -- interest already.
  if question.by == who then
    return false, say("Vraag nr. %d is je eigen vraag; stem op de vragen van anderen.",
      "Question no. %d is your own; vote for the questions of others.", question.number)
  end
  if question.voters[who] then
    return false, say("Je hebt al op vraag nr. %d gestemd.", "You have already voted for question no. %d.",
      question.number)
  end
  question.voters[who] = true
  question.votes = question.votes + 1
end

local function mark_asked(state, input)
  local question, missing = existing(state, input.fields.question)
  if not question then
    return false, missing
  end
  if question.asked then
    return false, say("Vraag nr. %d is al gesteld (als %de).", "Question no. %d has already been asked (as no. %d).",
      question.number, question.asked)
  end
  state.asked_count = state.asked_count + 1
  question.asked = state.asked_count
  question.block = state.block
  question.asked_by = input.fields.asked_by
end

-- The next guests come in; what is not answered yet carries over.
local function next_block(state)
  if state.block >= #state.guests then
    local count = #state.guests
    if count <= 1 then
      return false, say("Deze vragenronde heeft één blok.", "This question round has one block.")
    end
    return false, say("Dit is het laatste blok (%d van %d).", "This is the last block (%d of %d).", count, count)
  end
  state.block = state.block + 1
end

local function mark_answered(state, input)
  local question, missing = existing(state, input.fields.question)
  if not question then
    return false, missing
  end
  if not question.asked then
    return false, say("Vraag nr. %d is nog niet gesteld; markeer hem eerst als gesteld.",
      "Question no. %d has not been asked yet; mark it as asked first.", question.number)
  end
  if question.answered then
    return false, say("Vraag nr. %d is al beantwoord.", "Question no. %d has already been answered.",
      question.number)
  end
  question.answered = true
  question.summary = optional(input.fields.summary)
end

-- Moderation: a duplicate, a question taken back by the person who sent it,
-- or one that crosses a line. A question that has been asked belongs to
-- the minutes and stays.
local function withdraw(state, input)
  local question, missing = existing(state, input.fields.question)
  if not question then
    return false, missing
  end
  if question.asked then
    return false, say("Vraag nr. %d is al gesteld en blijft in het verslag.",
      "Question no. %d has already been asked and stays in the minutes.", question.number)
  end
  question.withdrawn = true
  state.number_of[normalise(question.text)] = nil
end

local function public(question)
  return {
    number = question.number, text = question.text, to = question.to, votes = question.votes,
    live = question.live, asked = question.asked ~= nil, answered = question.answered == true,
    block = question.block, asked_by = question.asked_by, summary = question.summary,
  }
end


local function asked_in_order(state)
  local list = {}
  for _, question in ipairs(state.questions) do
    if question.asked then
      list[question.asked] = public(question)
    end
  end
  return list
end

-- Each block with its guests and the numbers of the questions asked in it,
-- in the order they were asked.
local function blocks_of(state)
  local list = {}
  for number, guests in ipairs(state.guests) do
    list[number] = { number = number, guests = guests, asked = {} }
  end
  for _, question in ipairs(asked_in_order(state)) do
    table.insert(list[question.block].asked, question.number)
  end
  return list
end

-- Not answered: most votes first, then in the order they came in.
local function unanswered(state)
  local votes = {}
  for _, question in ipairs(state.questions) do
    if not question.withdrawn and not question.answered then
      votes[question.number] = question.votes
    end
  end
  local list = {}
  for _, entry in ipairs(rank.by_count(votes)) do
    list[#list + 1] = public(state.questions[entry.key])
  end
  return list
end

local function counts(state)
  local result = { submitted = 0, live = 0, asked = 0, answered = 0, withdrawn = 0 }
  for _, question in ipairs(state.questions) do
    if question.withdrawn then
      result.withdrawn = result.withdrawn + 1
    else
      local key = question.live and "live" or "submitted"
      result[key] = result[key] + 1
      result.asked = result.asked + (question.asked and 1 or 0)
      result.answered = result.answered + (question.answered and 1 or 0)
    end
  end
  return result
end

local ASKED_BY = {
  submitter = { nl = "gesteld door de indiener", en = "asked by the person who sent it in" },
  colleague = { nl = "gesteld door een collega", en = "asked by a colleague" },
}

-- A question as the minutes list it: the question, to whom, who asked it,
-- whether it came from the floor, and the answer in short.
local function question_line(question)
  local notes = { nl = {}, en = {} }
  local function note(nl, en)
    notes.nl[#notes.nl + 1] = nl
    notes.en[#notes.en + 1] = en
  end
  if question.to then
    note("aan " .. question.to, "to " .. question.to)
  end
  if question.asked_by then
    note(ASKED_BY[question.asked_by].nl, ASKED_BY[question.asked_by].en)
  end
  if question.live then
    note("uit de zaal", "from the floor")
  end
  local line = {}
  for _, lang in ipairs({ "nl", "en" }) do
    local text = question.text
    if #notes[lang] > 0 then
      text = text .. " (" .. table.concat(notes[lang], "; ") .. ")"
    end
    if question.summary then
      text = text .. (lang == "nl" and " Antwoord: " or " Answer: ") .. question.summary
    elseif question.asked and not question.answered then
      text = text .. (lang == "nl" and " (Niet beantwoord.)" or " (Not answered.)")
    end
    line[lang] = text
  end
  return line
end

local function question_list(questions)
  local items = {}
  for index, question in ipairs(questions) do
    items[index] = question_line(question)
  end
  return { type = "list", items = items }
end

local ASKED_BY_FIELD = { name = "asked_by", type = "choice", required = false,
  label = { nl = "Gesteld door", en = "Asked by" },
  options = {
    { value = "submitter", label = { nl = "De indiener zelf", en = "The person who sent it in" } },
    { value = "colleague", label = { nl = "Een collega", en = "A colleague" } },
  } }

local question_fields = {
  { name = "text", type = "text", max_length = 1000,
    label = { nl = "Vraag", en = "Question" } },
  { name = "to", type = "text", max_length = 80, required = false,
    label = { nl = "Aan wie (bijvoorbeeld de wethouder)", en = "To whom (for instance the alderman)" } },
}

local function number_field()
  return { { name = "question", type = "integer", min = 1, refers_to = "questions",
    label = { nl = "Nummer van de vraag", en = "Number of the question" } } }
end

local submit_instructions = {
  nl = "Nodig de deelnemers vooraf uit om hun vragen in te sturen, en zeg aan wie de vraag gericht is "
    .. "(bijvoorbeeld de wethouder of de gemeentesecretaris). Vragen die per mail binnenkomen, zet je er zelf "
    .. "bij. Vraag wie zijn of haar vraag in de sessie zelf wil stellen; anders stelt een collega hem. Stuur "
    .. "de gasten de vragen op tijd toe, zodat ze zich kunnen voorbereiden.",
  en = "Invite participants beforehand to send in their questions, and to say whom the question is for (for "
    .. "instance the alderman or the municipal secretary). Add questions that come in by e-mail yourself. Ask "
    .. "who wants to put their question in the session themselves; otherwise a colleague will ask it. Send "
    .. "the questions to the guests in good time, so that they can prepare.",
}

local session_instructions = {
  nl = "Introduceer de gasten en leg uit hoe de vragenronde gaat: de ingestuurde vragen staan op het scherm, "
    .. "iedereen kan stemmen op de vragen die hij of zij het belangrijkst vindt (niet op je eigen vraag), en "
    .. "er is ruimte voor nieuwe vragen uit de zaal. Nodig bij elke vraag de vraagsteller uit om hem zelf te "
    .. "stellen en toe te lichten. Markeer een vraag als gesteld wanneer hij gesteld wordt, en als beantwoord "
    .. "wanneer de gast erop heeft geantwoord, met het antwoord in het kort voor het verslag, en noteer wie de "
    .. "vraag stelde. Komen de gasten in blokken, ga dan naar het volgende blok als de volgende gasten "
    .. "aanschuiven: de vragen die nog niet beantwoord zijn, schuiven mee. Bewaak de tijd: liever alle gasten een "
    .. "paar vragen dan één gast alle vragen.",
  en = "Introduce the guests and explain how the question round works: the questions sent in are on the "
    .. "screen, everyone can vote for the questions they find most important (not for their own), and there "
    .. "is room for new questions from the floor. For each question, invite the person who asked it to put it "
    .. "and explain it. Mark a question as asked when it is put, and as answered once the guest has answered "
    .. "it, with the answer in short for the minutes, and note who asked it. If the guests come in blocks, move "
    .. "to the next block when the next guests join: the questions not answered yet carry over. Keep time: "
    .. "better a few questions for every guest than all the questions for one.",
}

local close_instructions = {
  nl = "Lees voor welke vragen nog niet beantwoord zijn, en spreek met de gasten af hoe en wanneer die "
    .. "alsnog beantwoord worden. Bedank de vraagstellers en de gasten.",
  en = "Read out which questions have not been answered yet, and agree with the guests how and when they will "
    .. "still be answered. Thank the people who asked and the guests.",
}

return {
  id = "questions",
  version = "2.0.0",
  title = { nl = "Vragenronde", en = "Question round" },
  summary = {
    nl = "Deelnemers sturen vooraf vragen in voor een gast, zoals een wethouder, en stellen ze in de sessie, "
      .. "samen met vragen uit de zaal. Iedereen kan stemmen op vragen; de begeleider houdt bij wat gesteld en "
      .. "beantwoord is.",
    en = "Participants send in questions for a guest, such as an alderman, beforehand and put them in the "
      .. "session, together with questions from the floor. Everyone can vote for questions; the moderator keeps "
      .. "track of what has been asked and answered.",
  },
  purpose = {
    nl = "Deelnemers rechtstreeks in gesprek brengen met bestuurders of leidinggevenden over hun vragen, zorgen "
      .. "en ideeën, zonder dat de luidste stem het gesprek bepaalt. Het verslag laat zien wat er gevraagd en "
      .. "beantwoord is, en welke vragen nog een antwoord verdienen.",
    en = "To bring participants into direct conversation with administrators or managers about their questions, "
      .. "concerns and ideas, without the loudest voice steering the conversation. The minutes show what was "
      .. "asked and answered, and which questions still deserve an answer.",
  },
  duration = { default = 60, minimum = 20 },
  group_size = { min = 5, max = 100 },
  materials = {
    { nl = "Scherm of beamer met de vragen", en = "Screen or projector showing the questions" },
    { nl = "Microfoon bij een grote zaal", en = "Microphone in a large room" },
  },
  params = {
    { name = "guests", type = "text_list", max_length = 200,
      label = { nl = "Gasten per blok, in volgorde (bijvoorbeeld: de gemeentesecretaris (15:00–15:30))",
        en = "Guests per block, in order (for instance: the municipal secretary (15:00–15:30))" },
      default = {} },
    { name = "submitted", type = "text_list", max_length = 1000,
      label = { nl = "Vooraf ingestuurde vragen", en = "Questions sent in beforehand" },
      default = {} },
    { name = "live_questions", type = "choice",
      label = { nl = "Vragen uit de zaal", en = "Questions from the floor" },
      default = "allowed",
      options = {
        { value = "allowed", label = { nl = "Welkom", en = "Welcome" } },
        { value = "closed", label = { nl = "Alleen ingestuurde vragen", en = "Questions sent in only" } },
      } },
  },
  phases = {
    { id = "submit",
      title = { nl = "Vragen insturen", en = "Send in questions" },
      instructions = submit_instructions,
      inputs = {
        { name = "question",
          title = { nl = "Vraag insturen", en = "Send in a question" },
          by = "participant", anonymous = true,
          fields = question_fields },
        { name = "add_question",
          title = { nl = "Ingestuurde vraag toevoegen", en = "Add a question sent in" },
          by = "facilitator",
          fields = question_fields },
      } },
    { id = "session",
      title = { nl = "Vragenronde", en = "Question round" },
      instructions = session_instructions,
      inputs = {
        { name = "live_question",
          title = { nl = "Vraag uit de zaal", en = "Question from the floor" },
          by = "participant", anonymous = true,
          fields = question_fields },
        { name = "upvote",
          title = { nl = "Stemmen op een vraag", en = "Vote for a question" },
          by = "participant",
          fields = number_field() },
        { name = "asked",
          title = { nl = "Vraag is gesteld", en = "Question asked" },
          by = "facilitator",
          fields = { number_field()[1], ASKED_BY_FIELD } },
        { name = "answered",
          title = { nl = "Vraag is beantwoord", en = "Question answered" },
          by = "facilitator",
          fields = { number_field()[1],
            { name = "summary", type = "text", max_length = 500, required = false,
              label = { nl = "Het antwoord in het kort, voor het verslag",
                en = "The answer in short, for the minutes" } } } },
        { name = "next_block",
          title = { nl = "Volgend blok: de volgende gasten", en = "Next block: the next guests" },
          by = "facilitator",
          fields = {} },
        { name = "withdraw",
          title = { nl = "Vraag intrekken", en = "Withdraw a question" },
          by = "facilitator",
          fields = number_field() },
      } },
    { id = "close",
      title = { nl = "Afronding", en = "Closing" },
      instructions = close_instructions,
      inputs = {} },
  },

  init = function(params)
    local guests = {}
    for _, label in ipairs(params.guests) do
      label = trim(label)
      if label ~= "" then
        guests[#guests + 1] = label
      end
    end
    local state = {
      live_allowed = params.live_questions == "allowed",
      guests = #guests > 0 and guests or { "" },  -- one block without a name when none are given
      named_guests = #guests > 0,
      block = 1,
      questions = {},
      number_of = {},  -- normalised text -> number, of the questions not withdrawn
      asked_count = 0,
    }
    for _, text in ipairs(params.submitted) do
      text = trim(text)
      if text ~= "" and not find_question(state, text) then
        add_question(state, text, nil, nil, false)
      end
    end
    return state
  end,

  handlers = {
    question = submit_before,
    add_question = submit_before,
    live_question = live_question,
    upvote = upvote,
    asked = mark_asked,
    answered = mark_answered,
    withdraw = withdraw,
    next_block = next_block,
  },

  outcome = function(state)
    return {
      asked = asked_in_order(state),
      unanswered = unanswered(state),
      counts = counts(state),
      blocks = state.named_guests and blocks_of(state) or {},
      block = state.block,
    }
  end,

  -- Everyone sees the questions still in play with their votes, which ones
  -- are their own and which they voted for.
  view = function(state, participant)
    local list = {}
    for _, question in ipairs(state.questions) do
      if not question.withdrawn then
        local entry = public(question)
        entry.mine = participant ~= nil and question.by == participant
        entry.voted = participant ~= nil and question.voters[participant] == true
        list[#list + 1] = entry
      end
    end
    return { questions = list, guests = state.named_guests and state.guests[state.block] or nil }
  end,

  report = function(outcome)
    local c = outcome.counts
    local blocks = {
      { type = "heading", text = { nl = "Vragenronde", en = "Question round" } },
      { type = "paragraph",
        text = say("%d vragen vooraf ingestuurd en %d uit de zaal; %d gesteld, waarvan %d beantwoord.",
          "%d questions sent in beforehand and %d from the floor; %d asked, of which %d answered.",
          c.submitted, c.live, c.asked, c.answered) },
    }
    local by_number = {}
    for _, question in ipairs(outcome.asked) do
      by_number[question.number] = question
    end
    -- with guests in blocks: what each block's guests were asked
    for _, block in ipairs(outcome.blocks) do
      blocks[#blocks + 1] = { type = "heading",
        text = say("Blok %d: %s", "Block %d: %s", block.number, block.guests) }
      local asked = {}
      for index, number in ipairs(block.asked) do
        asked[index] = by_number[number]
      end
      if #asked > 0 then
        blocks[#blocks + 1] = question_list(asked)
      else
        blocks[#blocks + 1] = { type = "paragraph", text = say("(Geen vragen gesteld.)", "(No questions asked.)") }
      end
    end
    if #outcome.blocks == 0 and #outcome.asked > 0 then
      blocks[#blocks + 1] = { type = "heading", text = { nl = "Gestelde vragen", en = "Questions asked" } }
      blocks[#blocks + 1] = question_list(outcome.asked)
    end
    if #outcome.unanswered > 0 then
      blocks[#blocks + 1] = { type = "heading",
        text = { nl = "Nog niet beantwoord", en = "Not answered yet" } }
      blocks[#blocks + 1] = question_list(outcome.unanswered)
    end
    return blocks
  end,
}
