-- Open vraag
--
-- Mentimeter-style answers to one open question, as in seed 002 ("Samenleven
-- in diversiteit", Amersfoort): everyone types an answer on their phone, the
-- answers appear on the screen and grow into a word cloud, and the group
-- talks about what it sees. Answers are anonymous unless the trainer chooses
-- otherwise: an open question about a diverse society only gets honest
-- answers when nobody has to put their name to them.

local words = require("words")

-- Texts in both languages, and input clean-up: see lib/text.lua.
local say = require("text").both_format
local trim = require("text").trim
local count = require("text").count

local function answers_nl(n)
  return count(n, "antwoord", "antwoorden")
end

local function answers_en(n)
  return count(n, "answer", "answers")
end

local function answer(state, input)
  local who = input.participant
  local text = trim(input.fields.text)
  if text == "" then
    return false, say("Je antwoord is leeg.", "Your answer is empty.")
  end
  -- With names shown, an answer must have a writer to show.
  if state.names_shown and who == nil then
    return false, say("Bij deze vraag staan namen bij de antwoorden: antwoord met je naam.",
      "Answers to this question carry names: answer under your name.")
  end
  -- The cap keeps the screen from filling with one person's answers; it can
  -- only be counted for participants who answer under their name.
  local given = who and state.given[who] or 0
  if who and given >= state.max_answers then
    return false, {
      nl = string.format("Je hebt al %s gegeven; bij deze vraag is het maximum %s per persoon.",
        answers_nl(given), answers_nl(state.max_answers)),
      en = string.format("You have already given %s; the maximum for this question is %s per person.",
        answers_en(given), answers_en(state.max_answers)),
    }
  end
  if who then
    state.given[who] = given + 1
    local mine = state.mine[who] or {}
    mine[#mine + 1] = text
    state.mine[who] = mine
  end
  local number = #state.answers + 1
  state.answers[number] = { number = number, text = text, by = who }
  for _, entry in ipairs(words.frequencies({ text }, state.language)) do
    state.counts[entry.word] = (state.counts[entry.word] or 0) + entry.count
  end
end

-- Moderation: the facilitator takes an answer off the screen (an insult, a
-- name that should not be there). It still counts towards its writer's cap.
local function hide_answer(state, input)
  local number = input.fields.number
  local entry = state.answers[number]
  if entry == nil then
    return false, say("Er is geen antwoord nr. %d.", "There is no answer no. %d.", number)
  end
  if entry.hidden then
    return false, say("Antwoord nr. %d is al verborgen.", "Answer no. %d is already hidden.", number)
  end
  entry.hidden = true
  for _, item in ipairs(words.frequencies({ entry.text }, state.language)) do
    local left = state.counts[item.word] - item.count
    state.counts[item.word] = left > 0 and left or nil
  end
end

local function write_summary(state, input)
  local text = trim(input.fields.text)
  if text == "" then
    return false, say("De samenvatting is leeg.", "The summary is empty.")
  end
  state.summary = text
end

local function visible(state)
  local list = {}
  for _, entry in ipairs(state.answers) do
    if not entry.hidden then
      list[#list + 1] = entry
    end
  end
  return list
end

local function public_answer(entry, names_shown)
  return { number = entry.number, text = entry.text, by = names_shown and entry.by or nil }
end

local answer_instructions = {
  nl = "Zet de vraag op het scherm en lees hem voor. Deelnemers antwoorden op hun telefoon, in hun eigen woorden; "
    .. "een paar woorden mag, een paar zinnen ook. Zeg erbij dat de antwoorden anoniem zijn (tenzij je namen "
    .. "hebt aangezet) en dat er geen goede of foute antwoorden zijn. Geef twee tot vijf minuten en becommentarieer "
    .. "de antwoorden nog niet terwijl ze binnenkomen. Haal een antwoord alleen weg als het kwetsend is of iemand "
    .. "herkenbaar maakt.",
  en = "Put the question on the screen and read it aloud. Participants answer on their phones, in their own words; "
    .. "a few words will do, so will a few sentences. Tell them that the answers are anonymous (unless you have "
    .. "switched names on) and that there are no right or wrong answers. Allow two to five minutes and do not "
    .. "comment on the answers while they come in. Remove an answer only if it is hurtful or makes someone "
    .. "identifiable.",
}

local discuss_instructions = {
  nl = "Laat de woordwolk en de antwoorden zien. Vraag: wat valt op? Welke woorden springen eruit, en wat mist er? "
    .. "Lees ook een paar antwoorden voor die weinig gedeelde woorden hebben: een klein woord in de wolk kan een "
    .. "belangrijke gedachte zijn. Vat aan het eind samen wat de groep ziet, en schrijf die samenvatting op voor "
    .. "het verslag.",
  en = "Show the word cloud and the answers. Ask: what stands out? Which words leap out, and what is missing? "
    .. "Also read out a few answers whose words are rarely shared: a small word in the cloud can be an important "
    .. "thought. At the end, sum up what the group sees, and write that summary down for the minutes.",
}

return {
  id = "open-question",
  version = "1.0.1",
  title = { nl = "Open vraag", en = "Open question" },
  summary = {
    nl = "Deelnemers beantwoorden één open vraag op hun telefoon, anoniem als je dat wilt. "
      .. "De antwoorden verschijnen op het scherm en vormen samen een woordwolk.",
    en = "Participants answer one open question on their phones, anonymously if you wish. "
      .. "The answers appear on the screen and together make a word cloud.",
  },
  purpose = {
    nl = "In korte tijd van iedereen horen wat er leeft, ook van wie in de groep niet snel het woord neemt. "
      .. "De woordwolk laat zien wat gedeeld wordt; de antwoorden zelf laten de nuance horen. Geschikt om een "
      .. "gezamenlijk vertrekpunt te vinden, zoals een toekomstbeeld van een diverse stad.",
    en = "To hear from everyone in a short time, including those who rarely speak up in the group. The word cloud "
      .. "shows what is shared; the answers themselves carry the nuance. Suited to finding a common starting "
      .. "point, such as a picture of the future of a diverse city.",
  },
  duration = { default = 15, minimum = 5 },
  group_size = { min = 2, max = 200 },
  materials = {
    { nl = "Scherm of beamer", en = "Screen or projector" },
    { nl = "Telefoon of laptop per deelnemer", en = "A phone or laptop per participant" },
  },
  params = {
    { name = "question", type = "bilingual",
      label = { nl = "Vraag", en = "Question" },
      default = {
        nl = "Beschrijf jouw ideale diverse samenleving",
        en = "Describe your ideal diverse society",
      } },
    { name = "max_answers", type = "integer",
      label = { nl = "Maximum aantal antwoorden per persoon", en = "Maximum number of answers per person" },
      default = 1, min = 1, max = 10 },
    { name = "names", type = "choice",
      label = { nl = "Namen bij de antwoorden", en = "Names with the answers" },
      default = "hidden",
      options = {
        { value = "hidden", label = { nl = "Anoniem", en = "Anonymous" } },
        { value = "shown", label = { nl = "Namen tonen", en = "Show names" } },
      } },
    { name = "language", type = "choice",
      label = {
        nl = "Taal van de antwoorden (voor de woordwolk)",
        en = "Language of the answers (for the word cloud)",
      },
      default = "nl",
      options = {
        { value = "nl", label = { nl = "Nederlands", en = "Dutch" } },
        { value = "en", label = { nl = "Engels", en = "English" } },
      } },
    { name = "cloud_words", type = "integer",
      label = { nl = "Aantal woorden in de woordwolk", en = "Number of words in the word cloud" },
      default = 40, min = 5, max = 100 },
  },
  phases = {
    { id = "answer",
      title = { nl = "Antwoorden", en = "Answer" },
      instructions = answer_instructions,
      inputs = {
        { name = "answer",
          title = { nl = "Antwoord", en = "Answer" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", max_length = 500,
              label = { nl = "Je antwoord", en = "Your answer" } },
          } },
        { name = "hide_answer",
          title = { nl = "Antwoord verbergen", en = "Hide an answer" },
          by = "facilitator",
          fields = {
            { name = "number", type = "integer", min = 1,
              label = { nl = "Nummer van het antwoord", en = "Number of the answer" } },
          } },
      } },
    { id = "discuss",
      title = { nl = "Bespreken", en = "Discuss" },
      instructions = discuss_instructions,
      inputs = {
        { name = "summary",
          title = { nl = "Samenvatting", en = "Summary" },
          by = "facilitator",
          fields = {
            { name = "text", type = "text", max_length = 2000,
              label = { nl = "Samenvatting voor het verslag", en = "Summary for the minutes" } },
          } },
      } },
  },

  init = function(params)
    return {
      question = params.question,
      max_answers = params.max_answers,
      names_shown = params.names == "shown",
      language = params.language,
      cloud_words = params.cloud_words,
      answers = {},
      given = {},
      mine = {},
      counts = {},
    }
  end,

  handlers = {
    answer = answer,
    hide_answer = hide_answer,
    summary = write_summary,
  },

  outcome = function(state)
    local shown = {}
    for _, entry in ipairs(visible(state)) do
      shown[#shown + 1] = public_answer(entry, state.names_shown)
    end
    return {
      question = state.question,
      answers = shown,
      count = #shown,
      hidden = #state.answers - #shown,
      words = words.top(state.counts, state.cloud_words),
      summary = state.summary,
    }
  end,

  -- A participant sees their own answers and how many they have left; the
  -- facilitator (no participant) sees every answer with its number, to
  -- moderate.
  view = function(state, participant)
    if participant == nil then
      local all = {}
      for _, entry in ipairs(state.answers) do
        all[#all + 1] = { number = entry.number, text = entry.text, hidden = entry.hidden == true }
      end
      return { question = state.question, answers = all }
    end
    local mine = {}
    for index, text in ipairs(state.mine[participant] or {}) do
      mine[index] = text
    end
    return {
      question = state.question,
      mine = mine,
      left = state.max_answers - (state.given[participant] or 0),
    }
  end,

  report = function(outcome)
    local blocks = {
      { type = "heading", text = outcome.question },
    }
    if outcome.summary then
      blocks[#blocks + 1] = { type = "heading", text = { nl = "Samenvatting", en = "Summary" } }
      blocks[#blocks + 1] = { type = "paragraph", text = outcome.summary }
    end
    if outcome.count == 0 then
      blocks[#blocks + 1] = { type = "paragraph", text = say("Er zijn geen antwoorden.", "There are no answers.") }
      return blocks
    end
    blocks[#blocks + 1] = { type = "word_cloud", words = outcome.words }
    local items = {}
    for _, entry in ipairs(outcome.answers) do
      items[#items + 1] = entry.by and (entry.text .. " — " .. entry.by) or entry.text
    end
    blocks[#blocks + 1] = { type = "heading",
      text = { nl = "Antwoorden (" .. outcome.count .. ")", en = "Answers (" .. outcome.count .. ")" } }
    blocks[#blocks + 1] = { type = "list", items = items }
    if outcome.hidden > 0 then
      blocks[#blocks + 1] = { type = "paragraph",
        text = {
          nl = "De begeleider heeft " .. answers_nl(outcome.hidden) .. " verborgen.",
          en = "The facilitator hid " .. answers_en(outcome.hidden) .. ".",
        } }
    end
    return blocks
  end,
}
