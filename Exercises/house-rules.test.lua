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

-- Many answers, changed answers and rewordings, made up by a small random
-- number generator of its own (so every run has the same events). The test
-- keeps its own list of answers per agreement and counts them again; the
-- exercise keeps its counts and each participant's answer as they come, and
-- the two must agree, in the outcome and in every participant's view.
local function random_consent(seed, steps)
  local x = seed
  local function random(n) -- 1 to n
    x = (x * 1103515245 + 12345) % 2147483648
    return x // 65536 % n + 1
  end
  local answers = { "agree", "live_with", "object" }
  local texts, given = copy(BRAVE), {}
  for rule = 1, #texts do
    given[rule] = {}
  end
  local events = { { phase = "consent" } }
  for step = 1, steps do
    local rule = random(#texts)
    if random(12) == 1 then
      local text = "Afspraak " .. rule .. ", herschreven bij stap " .. step
      events[#events + 1] = { input = "amend_rule", fields = { rule = rule, text = text } }
      texts[rule], given[rule] = text, {}
    else
      local who, answer = people[random(#people)], answers[random(3)]
      local reason = random(3) > 1 and ("Reden " .. step) or nil
      if answer == "object" and reason == nil then
        events[#events + 1] = consent(who, rule, answer, nil, "Geef bij een bezwaar")
      else
        events[#events + 1] = consent(who, rule, answer, reason)
        local earlier
        for _, entry in ipairs(given[rule]) do
          if entry.who == who then
            earlier = entry
          end
        end
        if earlier then
          earlier.answer, earlier.reason = answer, reason
        else
          table.insert(given[rule], { who = who, answer = answer, reason = reason })
        end
      end
    end
  end

  local rules, views = {}, {}
  for _, who in ipairs(people) do
    views[who] = { rules = {} }
  end
  for rule, text in ipairs(texts) do
    local counts, objections, concerns = { agree = 0, live_with = 0, object = 0 }, {}, {}
    for _, entry in ipairs(given[rule]) do
      counts[entry.answer] = counts[entry.answer] + 1
      if entry.answer == "object" then
        objections[#objections + 1] = entry.reason
      elseif entry.answer == "live_with" and entry.reason then
        concerns[#concerns + 1] = entry.reason
      end
    end
    local status = #given[rule] == 0 and "not_discussed" or (counts.object == 0 and "adopted" or "not_adopted")
    rules[rule] = { number = rule, text = text, agree = counts.agree, live_with = counts.live_with,
      object = counts.object, answers = #given[rule], status = status, objections = objections,
      concerns = concerns }
    for _, who in ipairs(people) do
      local mine
      for _, entry in ipairs(given[rule]) do
        if entry.who == who then
          mine = entry.answer
        end
      end
      views[who].rules[rule] = { number = rule, text = text, mine = mine, objections = counts.object }
    end
  end
  return events, rules, views
end

local many_events, many_rules, many_views = random_consent(11, 500)

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
  { name = "a reworded agreement frees its old wording and takes the new one, in any case and spacing",
    participants = people,
    events = {
      propose("ann", "Telefoons op stil"),
      { phase = "consent" },
      { input = "amend_rule", fields = { rule = 8, text = "Telefoons uit" } },
      { input = "amend_rule", fields = { rule = 4, text = "Respect voor iedereen" } },
      { phase = "propose" },
      propose("bob", "telefoons  op stil."),
      propose("cem", "TELEFOONS UIT!", "Die afspraak staat er al: nr. 8"),
      propose("cem", "Respect voor elkaar en elkaars mening"),
      propose("ann", "respect voor iedereen", "Die afspraak staat er al: nr. 4"),
      { phase = "consent" },
      { input = "amend_rule", fields = { rule = 9, text = "Telefoons uit." }, rejected = "staat er al: nr. 8" },
      { input = "amend_rule", fields = { rule = 9, text = "Telefoons op stil!" }, rejected = "niet veranderd" },
      { input = "amend_rule", fields = { rule = 8, text = "Telefoons weg" } },
      { input = "amend_rule", fields = { rule = 9, text = "telefoons uit" } },
    },
    outcome = {
      rules = {
        { number = 1 }, { number = 2 }, { number = 3 },
        { number = 4, text = "Respect voor iedereen", previous = { BRAVE[4] } },
        { number = 5 }, { number = 6 }, { number = 7 },
        { number = 8, text = "Telefoons weg", source = "participant",
          previous = { "Telefoons op stil", "Telefoons uit" } },
        { number = 9, text = "telefoons uit", previous = { "telefoons  op stil." } },
        { number = 10, text = "Respect voor elkaar en elkaars mening", source = "participant" },
      },
    },
  },

  { name = "the answers kept per agreement equal a recount after 500 answers, changes and rewordings",
    participants = people,
    events = many_events,
    outcome = { rules = many_rules },
    views = many_views,
  },

  { name = "a safer and brave space, the organisation's conditions apart, decided by a show of hands",
    params = { space = "safer_brave", decide = "hands", max_proposals = 0,
      conditions = { "Een neutrale locatie", "Nazorg voor wie dat nodig heeft" } },
    participants = people,
    events = {
      { phase = "consent" },
      consent("ann", 1, "agree", nil, "telt de begeleider de handen"),
      { input = "show_of_hands", fields = { rule = 1, agree = 8, live_with = 2, object = 0 } },
      { input = "show_of_hands", fields = { rule = 2, agree = 5, live_with = 0, object = 1 } },
      { input = "show_of_hands", fields = { rule = 2, agree = 6, live_with = 0, object = 0 } },
      { input = "show_of_hands", fields = { rule = 12, agree = 1, live_with = 0, object = 0 },
        rejected = "Er is geen afspraak nr. 12" },
    },
    outcome = {
      space = "safer_brave",
      decided_by = "hands",
      conditions = { "Een neutrale locatie", "Nazorg voor wie dat nodig heeft" },
      adopted = { BRAVE[1], BRAVE[2] },
      rules = {
        { number = 1, agree = 8, live_with = 2, object = 0, answers = 10, status = "adopted" },
        { number = 2, agree = 6, object = 0, answers = 6, status = "adopted" },
        { number = 3, status = "not_discussed" }, { number = 4 }, { number = 5 }, { number = 6 }, { number = 7 },
      },
    },
  },

  { name = "in an English session the starter list is English; hands are not counted in a consent round",
    params = { space = "safer" },
    lang = "en",
    participants = people,
    events = {
      { phase = "consent" },
      { input = "show_of_hands", fields = { rule = 1, agree = 3, live_with = 0, object = 0 },
        rejected = "do not count hands" },
    },
    outcome = {
      space = "safer",
      decided_by = "consent",
      rules = {
        { number = 1, text = "Respect for each other and for each other's opinions" },
        { number = 2, text = "Every feeling is valid" },
        { number = 3 }, { number = 4 }, { number = 5 }, { number = 6 },
      },
    },
  },

  { name = "seed 001: the facilitator presents the network's own agreements, without a vote",
    params = { space = "safer_brave", decide = "announce", max_proposals = 0,
      definition = "Het netwerk is een safer space en een brave space.",
      brave_rules = { "Respect voor elkaar en elkaars mening", "Veilig gevoel creëren voor iedereen" } },
    participants = people,
    events = {
      { input = "add_rule", fields = { text = "respect voor elkaar en elkaars mening." },
        rejected = "Die afspraak staat er al: nr. 1" },
      { phase = "close" },
    },
    outcome = {
      space = "safer_brave",
      decided_by = "announce",
      definition = "Het netwerk is een safer space en een brave space.",
      adopted = { "Respect voor elkaar en elkaars mening", "Veilig gevoel creëren voor iedereen" },
      rules = { { number = 1, answers = 0, status = "adopted" }, { number = 2, answers = 0, status = "adopted" } },
    },
  },
}
