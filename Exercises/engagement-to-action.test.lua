-- Tests for engagement-to-action. The answers are from seed 001, for the
-- engagement "Ik durf met ervaringsdeskundigen aan de slag te gaan." (and, in
-- the params case, the seed's second engagement). Groups are drawn with the
-- seeded math.random (Lua 5.4's generator).

local function answer(who, group, question, said, owner, by)
  return { participant = who, input = "answer",
    fields = { group = group, question = question, text = said, who = owner, by = by } }
end

local first = "Ik durf met ervaringsdeskundigen aan de slag te gaan."
local second = "Vormingen organiseren met betrekking tot inclusie op de werkvloer. Ook collega’s opmerkzaam "
  .. "maken op en verantwoordelijk houden voor hun uitspraken en acties."


-- The same event, expected to be rejected (reason: true or a Dutch text).
local function refused(event, reason)
  event.rejected = reason
  return event
end

return {
  { name = "seed 001: two groups, each its own chosen engagement, the four questions, the first steps",
    params = { engagements = { first, second } },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma", "gert" },
    seed = 1,
    events = {
      { phase = "work" },
      answer("ann", 1, "visible", "Onbewuste vooroordelen komen naar voor"),
      answer("ann", 1, "visible", "Blinde vlekken in eigen job ontdekken"),
      answer("cas", 1, "chafe", "Vrijwilligers kan je niet verplichten: hoe ver reikt hun engagement?"),
      answer("cas", 1, "first_step", "We zoeken naar partners in de stad met een netwerk ervaringsdeskundigen",
        "Team lokaal sociaal beleid", "oktober"),
      answer("dirk", 1, "needs", "Collega's, bestuur en leden die iets brengen"),
      answer("bob", 2, "chafe", "Grote nood aan interne gedragenheid van deze opleidingen"),
      answer("bob", 2, "first_step", "Procesbegeleiding vanuit team lokaal sociaal beleid voor alle diensten"),
      { phase = "share" },
      { input = "take_step", fields = { group = 2, step = 1, by = "eind 2023" } },
    },
    outcome = {
      engagements = { first, second },
      questions = { { id = "visible" }, { id = "chafe" }, { id = "first_step" }, { id = "needs" } },
      groups = {
        { group = 1, engagement = first, members = { "ann", "cas", "dirk", "gert" },
          answers = {
            visible = { "Onbewuste vooroordelen komen naar voor", "Blinde vlekken in eigen job ontdekken" },
            chafe = { "Vrijwilligers kan je niet verplichten: hoe ver reikt hun engagement?" },
            first_step = { "We zoeken naar partners in de stad met een netwerk ervaringsdeskundigen" },
            needs = { "Collega's, bestuur en leden die iets brengen" },
          },
          actions = { { text = "We zoeken naar partners in de stad met een netwerk ervaringsdeskundigen",
            who = "Team lokaal sociaal beleid", by = "oktober" } } },
        { group = 2, engagement = second, members = { "bob", "eva", "fatma" },
          answers = { visible = {}, needs = {},
            first_step = { "Procesbegeleiding vanuit team lokaal sociaal beleid voor alle diensten" } },
          actions = { { text = "Procesbegeleiding vanuit team lokaal sociaal beleid voor alle diensten",
            by = "eind 2023" } } },
      },
    },
    views = {
      eva = { group = 2, engagement = second, members = { "bob", "eva", "fatma" }, groups = 2,
        answers = {
          { text = { nl = "Waar het kan schuren: Grote nood aan interne gedragenheid van deze opleidingen" } },
          { text = {
            nl = "Eerste kleine stap: Procesbegeleiding vanuit team lokaal sociaal beleid voor alle diensten" } },
        } },
      gert = { group = 1, engagement = first },
    },
  },

  { name = "the facilitator gives a group another engagement; who and by when belong to a first step",
    params = { engagements = { first }, groups = 2 },
    participants = { "ann", "bob", "cas", "dirk" },
    events = {
      { input = "set_engagement", fields = { group = 2, engagement = "  " .. second .. " " } },
      refused({ input = "set_engagement", fields = { group = 3, engagement = "Iets anders" } },
        "Er zijn maar 2 groepen; kies een groep van 1 tot 2"),
      { phase = "work" },
      refused(answer("ann", 1, "chafe", "Geen tijd", "Ann"), "Wie en tegen wanneer horen bij een eerste kleine stap"),
      answer("ann", 1, "first_step", "Topic agenderen op bestaande overlegmomenten"),
      { phase = "share" },
      refused({ input = "take_step", fields = { group = 2, step = 1, who = "Bob" } },
        "Groep 2 heeft nog geen eerste kleine stap"),
      refused({ input = "take_step", fields = { group = 1, step = 2, who = "Bob" } },
        "Groep 1 heeft 1 eerste kleine stap; kies een nummer van 1 tot 1"),
      { input = "take_step", fields = { group = 1, step = 1, who = "Dienst welzijn" } },
      { input = "take_step", fields = { group = 1, step = 1, by = "volgend netwerk" } },
    },
    outcome = {
      engagements = { first, second },
      groups = {
        { group = 1, engagement = first, answers = { chafe = {} },
          actions = { { text = "Topic agenderen op bestaande overlegmomenten", who = "Dienst welzijn",
            by = "volgend netwerk" } } },
        { group = 2, engagement = second, actions = {} },
      },
    },
  },

  { name = "without chosen engagements: an example in the session's language, the same for every group",
    lang = "en",
    params = { groups = 2 },
    participants = { "ann", "bob" },
    outcome = {
      engagements = { "I dare to work with experts by experience." },
      groups = { { engagement = "I dare to work with experts by experience." },
        { engagement = "I dare to work with experts by experience." } },
    },
  },

  { name = "rejections: a group that does not exist, an empty or repeated answer, the wrong phase",
    participants = { "ann", "bob", "cas" },
    events = {
      refused(answer("ann", 1, "visible", "Te vroeg"), true), -- still introducing
      { phase = "work" },
      refused(answer("ann", 3, "visible", "Meer empathie"), "Er zijn maar 2 groepen; kies een groep van 1 tot 2"),
      refused(answer("ann", 1, "visible", "   "), "is empty"),
      answer("ann", 1, "visible", "Meer empathie"),
      refused(answer("bob", 1, "visible", "meer empathie "), "Dit antwoord staat al bij groep 1"),
      answer("bob", 2, "visible", "Meer empathie"), -- another group may say the same
      refused(answer("bob", 1, "wishes", "Iets"), true), -- not one of the four questions
      refused(answer("bob", 11, "visible", "Iets"), true), -- beyond any group number
      { phase = "share" },
      refused(answer("cas", 1, "needs", "Te laat"), true),
    },
    outcome = {
      groups = {
        { group = 1, answers = { visible = { "Meer empathie" }, chafe = {}, first_step = {}, needs = {} } },
        { group = 2, answers = { visible = { "Meer empathie" } } },
      },
    },
  },

  { name = "params: another engagement and three groups",
    params = {
      engagements = { "Vormingen organiseren met betrekking tot inclusie op de werkvloer." },
      groups = 3,
    },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma", "gert" },
    seed = 1,
    events = {
      { phase = "work" },
      answer("fatma", 3, "visible", "Collega's durven elkaar aan te spreken op kwetsende uitspraken"),
      answer("fatma", 3, "needs", "Geld, tijd en middelen"),
      refused(answer("fatma", 4, "needs", "Tools om impact te meten"), "Er zijn maar 3 groepen"),
    },
    outcome = {
      engagements = { "Vormingen organiseren met betrekking tot inclusie op de werkvloer." },
      groups = {
        { group = 1, members = { "ann", "dirk", "gert" } },
        { group = 2, members = { "cas", "eva" } },
        { group = 3, members = { "bob", "fatma" },
          answers = { visible = { "Collega's durven elkaar aan te spreken op kwetsende uitspraken" },
            needs = { "Geld, tijd en middelen" } } },
      },
    },
    views = { fatma = { group = 3, groups = 3 } },
  },

  { name = "one group holds everyone, in roster order",
    params = { groups = 1 },
    participants = { "ann", "bob", "cas" },
    events = {
      { phase = "work" },
      answer("cas", 1, "first_step", "Topic van ervaringsdeskundigen agenderen op bestaande overlegmomenten"),
      refused(answer("cas", 2, "first_step", "Iets"), "Er is maar 1 groep; kies groep 1"),
    },
    outcome = {
      groups = {
        { group = 1, members = { "ann", "bob", "cas" },
          answers = { first_step = { "Topic van ervaringsdeskundigen agenderen op bestaande overlegmomenten" } } },
      },
    },
  },

  { name = "someone who comes in late joins the smallest group",
    params = { groups = 2 },
    participants = { "ann", "bob", "cas" },
    events = { { join = "dirk" } },
    views = { dirk = { members = { "bob", "dirk" } }, ann = { members = { "ann", "cas" } } },
  },
  { name = "a repeat is refused within one question of one group only, however many answers came before",
    params = { groups = 1 },
    participants = { "ann", "bob" },
    events = {
      { phase = "work" },
      answer("ann", 1, "needs", "Tijd"),
      answer("ann", 1, "needs", "Geld"),
      answer("bob", 1, "needs", "Een netwerk"),
      answer("bob", 1, "chafe", "tijd"), -- another question may say the same
      refused(answer("bob", 1, "needs", "GELD"), "Dit antwoord staat al bij groep 1"),
      refused(answer("ann", 1, "chafe", "Tijd"), "Dit antwoord staat al bij groep 1"),
      answer("bob", 1, "needs", "Geld en tijd"),
    },
    outcome = {
      groups = { { group = 1, answers = { needs = { "Tijd", "Geld", "Een netwerk", "Geld en tijd" },
        chafe = { "tijd" }, visible = {}, first_step = {} } } },
    },
  },

  { name = "an answer without a group number goes to the writer's own group",
    params = { groups = 2 },
    participants = { "ann", "bob", "cas", "dirk" },
    seed = 1,
    events = {
      { phase = "work" },
      { participant = "bob", input = "answer", fields = { question = "visible", text = "Meer empathie" } },
    },
    views = { bob = { answers = { { text = { nl = "Zichtbaar en voelbaar anders: Meer empathie" } } } } },
  },
}
