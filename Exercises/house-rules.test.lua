-- Tests for house-rules. The proposals and objections are in the words of
-- seeds 000 and 001 where they have them ("Veilig gevoel creëren voor
-- iedereen", "ieder gevoel is valide", the brave space of seed 001).

local BRAVE = {
  "Controversy with civility: we gaan het meningsverschil met respect aan, in plaats van 'agree to disagree'",
  "Own your intentions and your impact: je bent verantwoordelijk voor je bedoeling én voor hoe die aankomt",
  "Challenge by choice: je kiest zelf hoe ver je gaat en wanneer je instapt",
  "Respect voor elkaar en elkaars mening",
  "Geen aanvallen: we bespreken uitspraken en ideeën, we vallen geen personen aan",
  "We houden elkaar verantwoordelijk voor onze uitspraken en corrigeren wie de grens van haatspraak overschrijdt",
  "Wat hier gezegd wordt, mag je gebruiken, maar je vertelt niet wie het zei (Chatham House Rule)",
}

local SAFE = {
  "Respect voor elkaar en elkaars mening",
  "Ieder gevoel is valide",
  "Geen geweld en geen aanvallen op personen",
  "Constructief: wat we zeggen draagt bij aan een inclusieve organisatie",
  "Wat hier gezegd wordt, mag je gebruiken, maar je vertelt niet wie het zei (Chatham House Rule)",
  "Een gespreksleider bewaakt de afspraken; wie nazorg nodig heeft, krijgt die",
}

local function consent(who, rule, answer, reason, rejected)
  return { participant = who, input = "consent", fields = { rule = rule, answer = answer, reason = reason },
    rejected = rejected }
end

local function propose(who, text, rejected)
  return { participant = who, input = "propose", fields = { text = text }, rejected = rejected }
end

-- Everyone in `people` agrees to agreements first..last.
local function all_agree(events, people, first, last)
  for rule = first, last do
    for _, who in ipairs(people) do
      events[#events + 1] = consent(who, rule, "agree")
    end
  end
  return events
end

local function copy(list)
  local result = {}
  for index, value in ipairs(list) do
    result[index] = value
  end
  return result
end

local brave_and_seed = copy(BRAVE)
brave_and_seed[8] = "Veilig gevoel creëren voor iedereen"

local people = { "ann", "bob", "cem" }

return {
  { name = "brave space: the starter list plus seed 001's proposal, adopted by all",
    participants = people,
    events = all_agree({
      propose("ann", "Veilig gevoel creëren voor iedereen"),
      propose("bob", "respect voor elkaar en  elkaars mening.", "Die afspraak staat er al: nr. 4"),
      consent("cem", 1, "agree", nil, true),
      { phase = "consent" },
      propose("bob", "Te laat", true),
    }, people, 1, 8),
    outcome = {
      space = "brave",
      max_objections = 0,
      adopted = brave_and_seed,
      rules = {
        { number = 1, text = BRAVE[1], source = "starter", agree = 3, live_with = 0, object = 0, answers = 3,
          status = "adopted", objections = {}, concerns = {}, previous = {} },
        { number = 2 }, { number = 3 }, { number = 4 }, { number = 5 }, { number = 6 }, { number = 7 },
        { number = 8, text = "Veilig gevoel creëren voor iedereen", source = "participant", agree = 3,
          status = "adopted" },
      },
    },
    views = { ann = { proposals_left = 2, rules = {
      { number = 1, mine = "agree", objections = 0 }, { number = 2 }, { number = 3 }, { number = 4 },
      { number = 5 }, { number = 6 }, { number = 7 }, { number = 8, mine = "agree" },
    } } },
  },

  { name = "safe space: an objection needs a reason and stops the agreement",
    params = { space = "safe" },
    participants = people,
    events = {
      { phase = "consent" },
      consent("ann", 2, "agree"),
      consent("bob", 2, "object", "   ", "Geef bij een bezwaar tegen afspraak nr. 2 ook de reden"),
      consent("bob", 2, "object", nil, "Geef bij een bezwaar"),
      consent("bob", 2, "object", "Een gevoel is valide, maar niet elke uitspraak die eruit volgt"),
      consent("cem", 2, "live_with", "Liever: ieder gevoel mag er zijn"),
      consent("cem", 9, "agree", nil, "Er is geen afspraak nr. 9"),
      consent("ann", 1, "agree"),
      consent("bob", 1, "live_with"),
      { phase = "close" },
    },
    outcome = {
      space = "safe",
      adopted = { SAFE[1] },
      rules = {
        { number = 1, text = SAFE[1], agree = 1, live_with = 1, object = 0, answers = 2, status = "adopted",
          objections = {}, concerns = {} },
        { number = 2, text = SAFE[2], agree = 1, live_with = 1, object = 1, answers = 3, status = "not_adopted",
          objections = { "Een gevoel is valide, maar niet elke uitspraak die eruit volgt" },
          concerns = { "Liever: ieder gevoel mag er zijn" } },
        { number = 3, answers = 0, status = "not_discussed" },
        { number = 4, status = "not_discussed" }, { number = 5, status = "not_discussed" },
        { number = 6, status = "not_discussed" },
      },
    },
    views = { bob = { rules = {
      { number = 1, mine = "live_with" }, { number = 2, mine = "object", objections = 1 },
      { number = 3 }, { number = 4 }, { number = 5 }, { number = 6 },
    } } },
  },

  { name = "with one objection allowed, and the latest answer counting",
    params = { space = "safe", max_objections = 1 },
    participants = people,
    events = {
      { phase = "consent" },
      consent("ann", 2, "object", "Te vaag"),
      consent("bob", 2, "object", "Wie bepaalt dat?"),
      consent("cem", 2, "agree"),
      consent("bob", 2, "live_with", "Na de uitleg: goed genoeg"),
      consent("ann", 3, "object", "Geweld hoort in geen enkele ruimte"),
      consent("bob", 3, "object", "Ook verbaal geweld noemen"),
    },
    outcome = {
      max_objections = 1,
      adopted = { SAFE[2] },
      rules = {
        { number = 1, status = "not_discussed" },
        { number = 2, agree = 1, live_with = 1, object = 1, status = "adopted",
          objections = { "Te vaag" }, concerns = { "Na de uitleg: goed genoeg" } },
        { number = 3, object = 2, status = "not_adopted",
          objections = { "Geweld hoort in geen enkele ruimte", "Ook verbaal geweld noemen" } },
        { number = 4 }, { number = 5 }, { number = 6 },
      },
    },
  },

  { name = "the facilitator rewords an agreement and the group answers again",
    params = { space = "safe" },
    participants = people,
    events = {
      { phase = "consent" },
      consent("ann", 3, "object", "Ook verbaal geweld noemen"),
      consent("bob", 3, "agree"),
      { input = "amend_rule", fields = { rule = 3, text = "  " }, rejected = "is empty" },
      { input = "amend_rule", fields = { rule = 3, text = "Geen geweld en geen aanvallen op personen." },
        rejected = "niet veranderd" },
      { input = "amend_rule", fields = { rule = 3, text = "Ieder gevoel is valide" },
        rejected = "Die afspraak staat er al: nr. 2" },
      { input = "amend_rule", fields = { rule = 12, text = "Iets" }, rejected = "geen afspraak nr. 12" },
      { input = "amend_rule",
        fields = { rule = 3, text = "Geen geweld, ook niet in woorden, en geen aanvallen op personen" } },
      consent("ann", 3, "agree"),
      consent("cem", 3, "live_with"),
    },
    outcome = {
      adopted = { "Geen geweld, ook niet in woorden, en geen aanvallen op personen" },
      rules = {
        { number = 1 }, { number = 2 },
        { number = 3, text = "Geen geweld, ook niet in woorden, en geen aanvallen op personen", source = "starter",
          agree = 1, live_with = 1, object = 0, answers = 2, status = "adopted", objections = {},
          previous = { "Geen geweld en geen aanvallen op personen" } },
        { number = 4 }, { number = 5 }, { number = 6 },
      },
    },
  },

  { name = "proposals are capped per person; the room's proposals come from the facilitator",
    params = {
      max_proposals = 1,
      -- a starter list with the same agreement twice keeps it once
      brave_rules = { "Respect voor elkaar en elkaars mening", " Respect voor elkaar en elkaars mening. " },
    },
    participants = people,
    events = {
      propose("ann", "Veilig gevoel creëren voor iedereen"),
      propose("ann", "Telefoons weg", "Je hebt al 1 afspraak voorgesteld; het maximum is 1 per persoon"),
      propose("bob", "   ", "is empty"),
      propose(nil, "We laten elkaar uitpraten"),
      propose(nil, "We laten elkaar uitpraten", "nr. 3"),
      { input = "add_rule", fields = { text = "Veilig gevoel creëren voor iedereen" }, rejected = "nr. 2" },
      { input = "add_rule", fields = { text = "Ruimte voor nazorg na afloop" } },
      { phase = "consent" },
      { input = "add_rule", fields = { text = "Te laat" }, rejected = true },
    },
    outcome = {
      adopted = {},
      rules = {
        { number = 1, text = "Respect voor elkaar en elkaars mening", source = "starter", status = "not_discussed" },
        { number = 2, text = "Veilig gevoel creëren voor iedereen", source = "participant" },
        { number = 3, text = "We laten elkaar uitpraten", source = "participant" },
        { number = 4, text = "Ruimte voor nazorg na afloop", source = "facilitator" },
      },
    },
    views = { ann = { proposals_left = 0 }, bob = { proposals_left = 1 } },
  },

  { name = "with no own proposals the group answers the starter list only",
    params = { max_proposals = 0 },
    participants = people,
    events = {
      propose("ann", "Veilig gevoel creëren voor iedereen", "geen eigen afspraken"),
    },
    outcome = {
      rules = {
        { number = 1 }, { number = 2 }, { number = 3 }, { number = 4 }, { number = 5 }, { number = 6 },
        { number = 7, text = "Wat hier gezegd wordt, mag je gebruiken, maar je vertelt niet wie het zei "
          .. "(Chatham House Rule)" },
      },
    },
    views = { ann = { proposals_left = 0 } },
  },
}
