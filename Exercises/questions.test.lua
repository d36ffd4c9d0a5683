-- Tests for questions, with the questions that the leads of the action plans
-- sent in for seed 003's knowledge session (Amsterdam, 10 December 2024),
-- verbatim, addressed as in the seed: "Aan de GS", "Aan de WH", "Aan de GS
-- en/of WH" (GS: the municipal secretary, WH: the alderman).

local SEED = {
  "In het bericht van het GMT (uitvoeringsagenda) staat een kader met 6 punten die het GMT in de komende "
    .. "periode gaat doen. Is het GMT bereid om openheid van zaken te geven bij alle stappen die het GMT maakt? We "
    .. "hebben een heleboel gremia binnen de gemeentelijke organisatie. Het zou mooi zijn als iedereen een kijkje "
    .. "in de keuken van het GMT kan krijgen op deze 6 punten, zodat dit als voorbeeld gebruikt kan worden voor "
    .. "alle andere gremia binnen de gemeente Amsterdam. Dit zou een enorme boost kunnen geven aan de "
    .. "uitvoeringsagenda I&D",
  "In een interview met de Volkskrant in november 2024 noemde u onderstaande (zie afbeelding hieronder). We "
    .. "zeggen continue dat de juiste woorden gebruiken belangrijk is. Mijn vraag zou zijn of u dit nu nog steeds "
    .. "zo zou zeggen.",
  "We willen collega's stimuleren om naar kantoor te komen, maar kunnen vervolgens geen inclusieve "
    .. "werkomgeving aanbieden (denk aan voldoende stilteruimtes). Hoe verhoudt zich dit tot elkaar?",
  "Hoe waarborgen we de kwaliteit van onze interventies? Zijn er bijvoorbeeld extra middelen beschikbaar? En "
    .. "hoe worden deze verdeeld over de directies/stadsdelen?",
  "Er wordt best vaak aangegeven dat het gaat om hoe de ander iets voelt. Hoe komt iets bij mij aan en niet "
    .. "of de ander het wel zo bedoeld heeft of niet. Daarvanuit bekeken zijn de reacties die ik heb gelezen op "
    .. "intranet/tamtam best confronterend (rondom spanningen in de stad). Op welke wijze gaat de organisatie "
    .. "hiermee om? Dit in relatie tot het wel of niet opleggen van sancties. Wat voor mogelijkheden zijn er "
    .. "hiervoor beschikbaar?",
  "Op het thema 'sociale veiligheid en antidiscriminatie' staan zeer veel nieuwe interventies gepland. Hoe "
    .. "wordt dit met medewerkers gecommuniceerd, zodat we door de bomen het bos blijven zien?",
  "Onder het thema 'bewustzijn' missen wij ruimte voor de dialoog. De nieuwe interventies hebben weinig "
    .. "impact als dit niet gekoppeld worden aan een dialoog. Wat is jullie visie hierop?",
  "Het onderdeel 'sturen en monitoren' is volledig gericht op monitoren en niet op sturen. Hoe ziet het "
    .. "sturingselement (of meerderen) eruit? En wie doen het \"sturen\" straks?",
}

local SEED_TO = { "GS", "WH", "GS en/of WH", "GS en/of WH", "GS en/of WH", "GS en/of WH", "GS en/of WH", "GS en/of WH" }

local function vote(who, number, rejected)
  return { participant = who, input = "upvote", fields = { question = number }, rejected = rejected }
end

local function moderate(input, number, rejected)
  return { input = input, fields = { question = number }, rejected = rejected }
end

-- A question as it appears in the outcome.
local function entry(number, votes, asked, answered)
  return { number = number, text = SEED[number], to = SEED_TO[number], votes = votes, live = false,
    asked = asked, answered = answered }
end

-- Not from the seed, which only says there was room for spontaneous questions.
local FLOOR = "Hoe houden we de trekkers betrokken bij de evaluatie in 2025?"

local leads = { "t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09", "t10" }

local seed_events = {}
for number, text in ipairs(SEED) do
  seed_events[number] = { participant = leads[number], input = "question",
    fields = { text = text, to = SEED_TO[number] } }
end
for _, event in ipairs({
  { phase = "session" },
  vote("t09", 3), vote("t10", 3), vote("t04", 3),
  vote("t09", 5), vote("t10", 5), vote("t01", 5), vote("t02", 5),
  vote("t09", 7), vote("t02", 7),
  vote("t05", 4),
  -- the municipal secretary alone (15:00-15:30)
  moderate("asked", 1), moderate("answered", 1),
  moderate("asked", 5), moderate("answered", 5),
  moderate("asked", 3),
  -- with the alderman (15:30-16:00); a question from the floor
  moderate("asked", 2), moderate("answered", 2),
  { participant = "t09", input = "live_question", fields = { text = FLOOR, to = "WH" } },
  vote("t01", 9),
  moderate("asked", 9), moderate("answered", 9),
  { phase = "close" },
}) do
  seed_events[#seed_events + 1] = event
end

return {
  { name = "seed 003: eight questions sent in, asked of the secretary and then the alderman",
    participants = leads,
    events = seed_events,
    outcome = {
      asked = {
        entry(1, 0, true, true),
        entry(5, 4, true, true),
        entry(3, 3, true, false),
        entry(2, 0, true, true),
        { number = 9, text = FLOOR, to = "WH", votes = 1, live = true, asked = true, answered = true },
      },
      unanswered = {
        entry(3, 3, true, false),
        entry(7, 2, false, false),
        entry(4, 1, false, false),
        entry(6, 0, false, false),
        entry(8, 0, false, false),
      },
      counts = { submitted = 8, live = 1, asked = 5, answered = 4, withdrawn = 0 },
    },
    views = {
      t09 = { questions = {
        { number = 1 }, { number = 2 }, { number = 3, voted = true }, { number = 4 }, { number = 5, voted = true },
        { number = 6 }, { number = 7, voted = true }, { number = 8 }, { number = 9, mine = true, voted = false },
      } },
    },
  },

  { name = "one vote per person per question, never for your own, only while it waits",
    params = { submitted = { SEED[3], SEED[4], SEED[5] } },
    participants = { "ann", "bob", "cem" },
    events = {
      { participant = "ann", input = "question", fields = { text = SEED[6] } },
      vote("bob", 4, true),
      { phase = "session" },
      vote("ann", 4, "Vraag nr. 4 is je eigen vraag"),
      vote("bob", 4),
      vote("bob", 4, "Je hebt al op vraag nr. 4 gestemd"),
      vote("cem", 4),
      vote("bob", 9, "Er is geen vraag nr. 9"),
      moderate("asked", 1),
      vote("bob", 1, "Vraag nr. 1 is al gesteld"),
      moderate("withdraw", 2),
      vote("bob", 2, "Er is geen vraag nr. 2"),
      vote("ann", 3),
    },
    outcome = {
      asked = { { number = 1, text = SEED[3], votes = 0, live = false, asked = true, answered = false } },
      unanswered = {
        { number = 4, text = SEED[6], votes = 2 },
        { number = 3, text = SEED[5], votes = 1 },
        { number = 1, text = SEED[3], votes = 0 },
      },
      counts = { submitted = 3, live = 0, asked = 1, answered = 0, withdrawn = 1 },
    },
    views = {
      ann = { questions = {
        { number = 1, mine = false, voted = false },
        { number = 3, mine = false, voted = true },
        { number = 4, mine = true, voted = false, votes = 2 },
      } },
      bob = { questions = {
        { number = 1, asked = true }, { number = 3, voted = false }, { number = 4, voted = true },
      } },
    },
  },

  { name = "the moderator marks asked before answered, once each, and keeps asked questions",
    participants = { "ann", "bob" },
    events = {
      { input = "add_question", fields = { text = SEED[1], to = "  GS " } },
      { input = "add_question", fields = { text = "   " }, rejected = "is empty" },
      { participant = "ann", input = "question", fields = { text = "  " .. SEED[1] },
        rejected = "staat er al" },
      { participant = "ann", input = "question", fields = { text = SEED[7], to = "" } },
      { phase = "session" },
      moderate("answered", 1, "Vraag nr. 1 is nog niet gesteld"),
      moderate("asked", 1),
      moderate("asked", 1, "Vraag nr. 1 is al gesteld (als 1e)"),
      moderate("answered", 1),
      moderate("answered", 1, "Vraag nr. 1 is al beantwoord"),
      moderate("withdraw", 1, "blijft in het verslag"),
      moderate("withdraw", 2),
      moderate("withdraw", 2, "Er is geen vraag nr. 2"),
      moderate("asked", 2, "Er is geen vraag nr. 2"),
      -- once withdrawn, the same question may be put again from the floor
      { participant = "bob", input = "live_question", fields = { text = SEED[7] } },
    },
    outcome = {
      asked = { { number = 1, text = SEED[1], to = "GS", votes = 0, live = false, asked = true, answered = true } },
      unanswered = { { number = 3, text = SEED[7], votes = 0, live = true, asked = false, answered = false } },
      counts = { submitted = 1, live = 1, asked = 1, answered = 1, withdrawn = 1 },
    },
  },

  { name = "with the floor closed only questions sent in are asked",
    params = { live_questions = "closed", submitted = { SEED[4] } },
    participants = { "ann", "bob" },
    events = {
      { phase = "session" },
      { participant = "ann", input = "live_question", fields = { text = SEED[8] },
        rejected = "alleen de vooraf ingestuurde vragen" },
      { participant = "ann", input = "question", fields = { text = SEED[8] }, rejected = true },
      vote("bob", 1),
    },
    outcome = {
      asked = {},
      unanswered = { { number = 1, text = SEED[4], votes = 1, asked = false } },
      counts = { submitted = 1, live = 0, asked = 0, answered = 0, withdrawn = 0 },
    },
  },

  { name = "unanswered questions: most votes first, ties in the order they came in",
    params = { submitted = { SEED[3], SEED[4], SEED[6], SEED[7] } },
    participants = { "ann", "bob", "cem" },
    events = {
      { phase = "session" },
      vote("ann", 2), vote("bob", 2),
      vote("ann", 4), vote("cem", 4),
      vote("bob", 3),
    },
    outcome = {
      asked = {},
      unanswered = {
        { number = 2, votes = 2 }, { number = 4, votes = 2 }, { number = 3, votes = 1 }, { number = 1, votes = 0 },
      },
    },
  },
  { name = "a repeat, in any case or spacing, is told the number of the question in play, also after a withdrawal",
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "question", fields = { text = "Wat kost het?" } },
      { participant = "bob", input = "question", fields = { text = "Wie betaalt?" } },
      { phase = "session" },
      moderate("withdraw", 1),
      { participant = "bob", input = "live_question", fields = { text = "wat  kost het?" } },
      { participant = "ann", input = "live_question", fields = { text = "WAT KOST HET?" }, rejected = "(nr. 3)" },
      { participant = "ann", input = "live_question", fields = { text = " Wie  betaalt? " }, rejected = "(nr. 2)" },
    },
    outcome = {
      unanswered = { { number = 2, text = "Wie betaalt?" }, { number = 3, text = "wat  kost het?", live = true } },
      counts = { submitted = 1, live = 1, asked = 0, answered = 0, withdrawn = 1 },
    },
  },

  { name = "seed 003's two blocks: the secretary, then with the alderman; who asked, the answer in short",
    params = {
      guests = { "de gemeentesecretaris (15:00–15:30)", "de gemeentesecretaris en de wethouder (15:30–16:00)" },
    },
    participants = leads,
    events = {
      { input = "add_question", fields = { text = SEED[1], to = "GS" } },
      { input = "add_question", fields = { text = SEED[2], to = "WH" } },
      { input = "add_question", fields = { text = SEED[3], to = "GS en/of WH" } },
      { phase = "session" },
      { input = "asked", fields = { question = 1, asked_by = "submitter" } },
      { input = "answered", fields = { question = 1, summary = "  Het GMT deelt zijn stappen op intranet. " } },
      { input = "asked", fields = { question = 3, asked_by = "colleague" } },
      { input = "next_block" },
      { input = "asked", fields = { question = 2 } },
      { input = "answered", fields = { question = 2 } },
      { input = "next_block", rejected = "Dit is het laatste blok (2 van 2)." },
      { phase = "close" },
    },
    outcome = {
      blocks = {
        { number = 1, guests = "de gemeentesecretaris (15:00–15:30)", asked = { 1, 3 } },
        { number = 2, guests = "de gemeentesecretaris en de wethouder (15:30–16:00)", asked = { 2 } },
      },
      asked = {
        { number = 1, block = 1, asked_by = "submitter", answered = true,
          summary = "Het GMT deelt zijn stappen op intranet." },
        { number = 3, block = 1, asked_by = "colleague", answered = false },
        { number = 2, block = 2, answered = true },
      },
      unanswered = { { number = 3 } },
      block = 2,
    },
    views = { t01 = { guests = "de gemeentesecretaris en de wethouder (15:30–16:00)" } },
  },

  { name = "without guests there is one block, and no next one",
    participants = leads,
    events = {
      { phase = "session" },
      { input = "next_block", rejected = "Deze vragenronde heeft één blok." },
    },
    outcome = { blocks = {}, block = 1 },
  },
}
