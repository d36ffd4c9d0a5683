-- spaces: the kinds of space a group makes agreements for (seeds 000 and
-- 001), with their names and definitions in both languages, and the starter
-- agreements for each, per language.
--
--   spaces.kinds.safe | .safer | .brave | .safer_brave
--       -> { name = { nl =, en = }, definition = { nl =, en = } }
--   spaces.starters[kind][lang] -> the starter agreements, a list of texts:
--       a safe and a safer space start from the same list, a brave space and a
--       safer and brave space from the other

local SPACE = {
  safe = {
    name = { nl = "Safe space", en = "Safe space" },
    -- seed 000's working definition
    definition = {
      nl = "Een safe space is een plek waar gelijkgestemden elkaar vinden om ruimte te geven aan emoties en "
        .. "gevoelens, zonder daarbij rekening te hoeven houden met de mogelijke gevoeligheden van andersdenkenden.",
      en = "A safe space is a place where like-minded people find each other to give room to emotions and "
        .. "feelings, without having to take into account the possible sensitivities of people who think otherwise.",
    },
  },
  brave = {
    name = { nl = "Brave space", en = "Brave space" },
    -- seed 001's words
    definition = {
      nl = "Een brave space is een ruimte waar we verantwoordelijk gehouden worden voor de uitspraken die we doen "
        .. "en waar we gecorrigeerd worden wanneer die de grenzen van haatspraak overschrijden.",
      en = "A brave space is a space where we are held to account for what we say, and corrected when it "
        .. "crosses the line into hate speech.",
    },
  },
  safer = {
    name = { nl = "Safer space", en = "Safer space" },
    -- seed 001's words; "safer": no space is safe for everyone, but it can be safer
    definition = {
      nl = "Een safer space is een plaats waar we elkaar kunnen versterken: geen ruimte is voor iedereen veilig, "
        .. "maar we maken haar samen veiliger.",
      en = "A safer space is a place where we can strengthen each other: no space is safe for everyone, but "
        .. "together we make it safer.",
    },
  },
}
-- Seed 001 calls the learning network both: a safer space and a brave space.
SPACE.safer_brave = {
  name = { nl = "Safer en brave space", en = "Safer and brave space" },
  definition = {
    nl = SPACE.safer.definition.nl .. " Het is ook een brave space: een ruimte waar we verantwoordelijk gehouden "
      .. "worden voor de uitspraken die we doen en waar we gecorrigeerd worden wanneer die de grenzen van "
      .. "haatspraak overschrijden.",
    en = SPACE.safer.definition.en .. " It is also a brave space: a space where we are held to account for what "
      .. "we say, and corrected when it crosses the line into hate speech.",
  },
}

-- The starter lists, in the session's language, used when the session script
-- gives none: a safe and a safer space start from the first, a brave space
-- from the second.
local STARTERS = {
  safe = {
    nl = {
      "Respect voor elkaar en elkaars mening",
      "Ieder gevoel is valide",
      "Geen geweld en geen aanvallen op personen",
      "Constructief: wat we zeggen draagt bij aan een inclusieve organisatie",
      "Wat hier gezegd wordt, mag je gebruiken, maar je vertelt niet wie het zei (Chatham House Rule)",
      "Een gespreksleider bewaakt de afspraken; wie nazorg nodig heeft, krijgt die",
    },
    en = {
      "Respect for each other and for each other's opinions",
      "Every feeling is valid",
      "No violence and no attacks on people",
      "Constructive: what we say contributes to an inclusive organisation",
      "You may use what is said here, but you do not say who said it (Chatham House Rule)",
      "A discussion leader guards the agreements; whoever needs aftercare gets it",
    },
  },
  brave = {
    nl = {
      "Controversy with civility: we gaan het meningsverschil met respect aan, in plaats van 'agree to disagree'",
      "Own your intentions and your impact: je bent verantwoordelijk voor je bedoeling én voor hoe die aankomt",
      "Challenge by choice: je kiest zelf hoe ver je gaat en wanneer je instapt",
      "Respect voor elkaar en elkaars mening",
      "Geen aanvallen: we bespreken uitspraken en ideeën, we vallen geen personen aan",
      "We houden elkaar verantwoordelijk voor onze uitspraken en corrigeren wie de grens van haatspraak "
        .. "overschrijdt",
      "Wat hier gezegd wordt, mag je gebruiken, maar je vertelt niet wie het zei (Chatham House Rule)",
    },
    en = {
      "Controversy with civility: we face disagreement with respect, instead of 'agree to disagree'",
      "Own your intentions and your impact: you are responsible for what you mean and for how it lands",
      "Challenge by choice: you decide how far you go and when you join in",
      "Respect for each other and for each other's opinions",
      "No attacks: we discuss statements and ideas, we do not attack people",
      "We hold each other to account for what we say and correct whoever crosses the line into hate speech",
      "You may use what is said here, but you do not say who said it (Chatham House Rule)",
    },
  },
}
STARTERS.safer = STARTERS.safe
STARTERS.safer_brave = STARTERS.brave

return {
  kinds = SPACE,
  starters = STARTERS,
}
