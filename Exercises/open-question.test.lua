-- Tests for open-question, with the Mentimeter answers of seed 002
-- ("Samenleven in diversiteit", Amersfoort, October 2020) to its three
-- questions, verbatim.

local seed = {
  -- Beschrijf jouw ideale diverse Amersfoortse samenleving (1/2 and 2/2)
  ideal = {
    "Voortdurend veranderende stad op basis van wie er is",
    "Jezelf kunnen zijn en ontwikkelen met respect en nieuwsgierigheid naar de ander",
    "op samenleving waar iedereen op zijn/haar manier kan meedoen en gewaardeerd wordt om wie hij is. De "
      .. "verschillen worden gezien en gevierd",
    "Mensen die open over zichzelf en hun meningen/perspectieven durven uit te wisselen",
    "“Ruimte voor groepen die zich willen onderscheiden.\nRuimte voor geografisch maatwerk”",
    "Alle wijken divers, met veel onderlinge samenhang, sociale buurtinitiatieven gericht op elkaar ontmoeten "
      .. "en ondersteunen",
    "Iedereen is zichtbaar en mag er zijn",
    "Dat we vanuit diverse culturen/achtergronden/overtuigingen etc open staan voor elkaar en dat we van "
      .. "elkaar kunnen leren en elkaar ondersteunen",
    "Iedereen doet mee. We hebben de openbare ruimte voor iedereen passend ingericht, maar ook het onderwijs, "
      .. "cultuur, zorg. Mensen kennen elkaar, doen dingen samen op microniveau (bijv buurt) en breder.",
    "Dynamische stad waarin iedereen zich thuis voelt en de ruimte heeft om zichzelf te kunnen zijn.",
    "Mensen voelen zich gezien en gehoord. Als er wrijving of hindernissen zijn dan weet men waar ze terecht "
      .. "kunnen om hier oplossingen of ondersteuning bij te krijgen.",
    "Ontmoeten in de wijk. Onderwijs (preventie)",
    "Plekken waar ontmoeting in verscheidenheid vanzelfsprekend is",
    "Een stad waar diversiteit een gemeengoed is. Waar we met elkaar genieten van de verschillen, ons "
      .. "verwonderen, respect hebben voor keuzes en vragen stellen aan elkaar. De dialoog aan gaan wanneer iets "
      .. "je intrigeert.",
    "Samen werking en weten van elkaars kwaliteiten",
    "Bij wrijving en tegenstellingen met elkaar in gesprek blijven.",
    "geen verschil tussen mensen met gelijke kansen en mogelijkheden.",
    "Aandacht voor verbindende symbolen in de stad, initiatieven die een stem bieden aan mensen die anders "
      .. "zich anders voelen, denken, eruit zien, op multi-disciplinair niveau werken aan transformatie, "
      .. "preventief inzetten op diversiteit",
    "Een werkkring die divers is",
    "Waar mensen naar elkaar luisteren en respect hebben voor elkaars situatie",
    "Een plek met professionals op de juiste plekken om polarisatie tegen te gaan en de dialoog te starten. "
      .. "Dialoog onder druk.",
    "Ruimte voor alle genderexpressies",
    "Leerscholen om elkaars cultuur en de aspecten ervan als smeltkroes van elkaar te leren: "
      .. "nieuwsgierigheid. Leergierigheid.",
  },
  -- Waar moeten we volgens jou als eerste aan werken? (1/2 and 2/2)
  first_work = {
    "Gesprekken blijven voeren. Nu meer dan anders. De polarisatie neemt nu alleen maar toe.",
    "In gesprek, ook over de vooroordelen, ook over de stigma. Laat de ander de vragen aan je stellen die "
      .. "vervelend zijn, maar zorg dan ook dat de antwoorden gehoord worden.",
    "Gezamenlijk definiëren: wat verstaan diverse stakeholders onder \"samenleven in diversiteit\" en wat "
      .. "zijn hierbij noodzakelijke randvoorwaarden?",
    "Blijven luisteren naar de zwijgende midden-groep.",
    "Iedereen in zijn kracht zetten door met elkaar in gesprek te gaan om de diversiteit ook de ruimte te "
      .. "geven. laten mee kijken bij de professionals wat doen ze hoe doen ze het en wat kan ik daar van leren.",
    "Prettige buurten en wijken. Laagdrempelige mogelijkheden om elkaar te kunnen ontmoeten",
    "Onderwijs",
    "Het versterken van de basishouding van professionals",
    "We zijn gestart met een sociale kaart dementie d2.0 het is mooi om dit uit breiden naar andere "
      .. "initiatieven. met de bedoeling zichtbaarheid en elkaar weten te vinden",
    "Een stevig anti-discriminatie/anti-racisme beleid.",
    "Ontmoeten en elkaar leren kennen. Ondersteunen met gelegenheden hiervoor maken/bieden",
    "Arbeidsmarkt /bestaanszekerheid en ontwikkelen/opgroeien",
    "Aan vertrouwen in jezelf, de buurt etc.",
    "Meer ontmoetingen mogelijk maken tussen verschillende groepen. Arbeidsmarkt. Onderwijs (ook nederlandse "
      .. "taal)",
    "zoveel mogelijk draagkracht in de wijk creëren door inwoners goed mee te nemen met de plannen",
    "Naast ontmoeten ook rolmodellen benutten",
    "Mensen gesprekken, begrip en vaardigheden aanbieden om ontmoeting te kunnen ervaren. Samen informeren en "
      .. "samen opzetten",
    "Ontmoeten in de wijk. Onderwijs.",
    "Aan anderen deze vraag stellen.",
    "Diversiteit permanent op iedereens radar",
    "Werken in en aan een inclusieve en geïntegreerde stad, vraagt om voortdurende aandacht van professionals "
      .. "voor dit onderwerp (ook bijv. om aan de eigen vaardigheden te werken).",
  },
  -- Hoe kunnen we ervoor zorgen dat de aandacht voor dit thema permanent is, juist ook bij
  -- professionals bij wie het thema minder leeft? (1/2 and 2/2)
  permanent = {
    "Ervaar zelf ook dat je een unieke minderheid ben of kan zijn",
    "Een divers gezelschap zorgt voor verschillende invalshoeken. Actief op zoek naar diversiteit",
    "Extra aandacht voor mooie voorbeelden. Werken aan een olievlek en daar de energie in stoppen",
    "Keuzes maken. Verschil durven maken.",
    "Beleid, eigenaarschap en vaardigheden trainen. En openheid in communicatie",
    "Divers samengesteld personeelsbestand kom ik nog te weinig tegen bij organisaties, dat moet en kan beter.",
    "Professionele norm/vakmanschap dat subsidiegever en klanten/burgers mogen afdwingen",
    "De urgentie benadrukken door het delen van verhalen (positief en negatief)",
    "Integreren bij casuïstiek overleg, voorbeelden. Trainen, werkgroep diversiteit",
    "Zorgen voor capaciteit",
    "Eigen positie en diversiteit herkennen",
    "Geef het goede voorbeeld!",
    "Een aanjager aanwijzen die verbindt, versnelt, actief aansluit bij uiteenlopende overleggen.",
    "Voorwaarden opnemen in (beleids)plannen",
    "Aanjager in elke organisatie. Aanjagers weer met elkaar verbinden?",
    "Subsidie voorwaarden",
    "Als thema bij je eigen teamvergadering/organisatie. Maar ook in de wijken bijvoorbeeld buurtnetwerk overleg.",
    "Door dit op te nemen in samenwerkingsafspraken als een basis principe",
    "Het begint met het kweken van begrip dat diversiteit niet alleen iets is van 'een ander' maar vooral ook "
      .. "bij jezelf als persoon, als professional, bij de eigen organisatie",
    "Diversiteit opnemen in interne processen en procedures, diversiteit opnemen bij intervisie en supervisie",
  },
}

local IDEAL = { nl = "Beschrijf jouw ideale diverse Amersfoortse samenleving",
  en = "Describe your ideal diverse society in Amersfoort" }
local FIRST = { nl = "Waar moeten we volgens jou als eerste aan werken?",
  en = "In your view, what should we work on first?" }
local PERMANENT = {
  nl = "Hoe kunnen we ervoor zorgen dat de aandacht voor dit thema permanent is, juist ook bij professionals "
    .. "bij wie het thema minder leeft?",
  en = "How can we make sure that attention to this theme lasts, especially among professionals for whom it "
    .. "matters less?",
}

local function answer(who, text, rejected)
  return { participant = who, input = "answer", fields = { text = text }, rejected = rejected }
end

local function numbered(texts)
  local list = {}
  for number, text in ipairs(texts) do
    list[number] = { number = number, text = text }
  end
  return list
end

-- Case 1: each of 23 participants gives one answer, as in the seed.
local ideal_people, ideal_events = {}, {}
for index, text in ipairs(seed.ideal) do
  local who = string.format("p%02d", index)
  ideal_people[index] = who
  ideal_events[index] = answer(who, text)
end
ideal_events[#ideal_events + 1] = answer("p01", "Nog een gedachte", "het maximum 1 antwoord per persoon")
ideal_events[#ideal_events + 1] = { phase = "discuss" }

-- Case 2: six participants give three answers each; three answer anonymously.
local first_people = { "ann", "bob", "cem", "dewi", "eva", "fenna" }
local first_events = {}
for index, text in ipairs(seed.first_work) do
  local who = first_people[(index - 1) // 3 + 1]
  first_events[index] = answer(who, text)
end

-- Case 4: every answer anonymous, plus one the facilitator takes away.
local permanent_events = {}
for index, text in ipairs(seed.permanent) do
  permanent_events[index] = answer(nil, text)
end

local function append(list, more)
  for _, item in ipairs(more) do
    list[#list + 1] = item
  end
  return list
end

return {
  { name = "seed 002: one anonymous answer each to the ideal diverse society, and a word cloud",
    params = { question = IDEAL, cloud_words = 8 },
    participants = ideal_people,
    events = ideal_events,
    outcome = {
      question = IDEAL,
      count = 23,
      hidden = 0,
      answers = numbered(seed.ideal),
      words = {
        { word = "elkaar", count = 10 },
        { word = "mensen", count = 6 },
        { word = "iedereen", count = 5 },
        { word = "ruimte", count = 5 },
        { word = "stad", count = 4 },
        { word = "dialoog", count = 3 },
        { word = "elkaars", count = 3 },
        { word = "respect", count = 3 },
      },
    },
    views = { p05 = { mine = { seed.ideal[5] }, left = 0 } },
  },

  { name = "up to three answers per person; anonymous answers are not capped",
    params = { question = FIRST, max_answers = 3, cloud_words = 5 },
    participants = first_people,
    events = append(first_events, {
      answer("ann", "Nog een vierde", "Je hebt al 3 antwoorden gegeven; bij deze vraag is het maximum 3 antwoorden"),
      answer("bob", "   ", "is empty"),
    }),
    outcome = {
      question = FIRST,
      count = 21,
      answers = numbered(seed.first_work),
      words = {
        { word = "elkaar", count = 4 },
        { word = "ontmoeten", count = 4 },
        { word = "diversiteit", count = 3 },
        { word = "onderwijs", count = 3 },
        { word = "professionals", count = 3 },
      },
    },
    views = {
      ann = { mine = { seed.first_work[1], seed.first_work[2], seed.first_work[3] }, left = 0 },
      fenna = { mine = { seed.first_work[16], seed.first_work[17], seed.first_work[18] }, left = 0 },
    },
  },

  { name = "with names shown every answer carries its writer",
    params = { question = FIRST, names = "shown", max_answers = 2 },
    participants = { "ann", "bob" },
    events = {
      answer("ann", seed.first_work[7]),
      answer(nil, seed.first_work[4], "antwoord met je naam"),
      answer("bob", seed.first_work[10]),
      answer("ann", seed.first_work[18]),
    },
    outcome = {
      count = 3,
      answers = {
        { number = 1, text = "Onderwijs", by = "ann" },
        { number = 2, text = "Een stevig anti-discriminatie/anti-racisme beleid.", by = "bob" },
        { number = 3, text = "Ontmoeten in de wijk. Onderwijs.", by = "ann" },
      },
    },
    views = { ann = { left = 0 }, bob = { left = 1 } },
  },

  { name = "the facilitator hides an answer and writes the summary for the minutes",
    params = { question = PERMANENT, cloud_words = 6 },
    participants = { "ann", "bob" },
    events = append(permanent_events, {
      answer(nil, "Diversiteit is onzin, diversiteit diversiteit diversiteit"),
      { input = "hide_answer", fields = { number = 21 } },
      { input = "hide_answer", fields = { number = 21 }, rejected = "al verborgen" },
      { input = "hide_answer", fields = { number = 30 }, rejected = "geen antwoord nr. 30" },
      { input = "summary", fields = { text = "Te vroeg" }, rejected = true },
      { phase = "discuss" },
      answer("ann", "Te laat", true),
      { input = "summary", fields = { text = "  " }, rejected = "is empty" },
      { input = "summary", fields = { text = "Veel enthousiasme voor een gedeeld vertrekpunt. Zet een aanjager in." } },
    }),
    outcome = {
      question = PERMANENT,
      count = 20,
      hidden = 1,
      answers = numbered(seed.permanent),
      summary = "Veel enthousiasme voor een gedeeld vertrekpunt. Zet een aanjager in.",
      words = {
        { word = "diversiteit", count = 6 },
        { word = "eigen", count = 3 },
        { word = "opnemen", count = 3 },
        { word = "organisatie", count = 3 },
        { word = "aanjager", count = 2 },
        { word = "actief", count = 2 },
      },
    },
    views = { ann = { mine = {}, left = 1 } },
  },

  { name = "answers in English keep English words that are Dutch stop words",
    params = { question = { nl = "Wat heeft onze stad nodig?", en = "What does our city need?" }, language = "en",
      max_answers = 2 },
    participants = { "ann", "bob" },
    events = {
      answer("ann", "Keep the door open for everyone"),
      answer("bob", "An open door and open minds"),
    },
    outcome = {
      count = 2,
      words = {
        { word = "open", count = 3 },
        { word = "door", count = 2 },
        { word = "everyone", count = 1 },
        { word = "keep", count = 1 },
        { word = "minds", count = 1 },
      },
    },
  },

  { name = "the same answers read as Dutch drop 'door'",
    params = { max_answers = 2 },
    participants = { "ann", "bob" },
    events = {
      answer("ann", "Keep the door open for everyone"),
      answer("bob", "An open door and open minds"),
    },
    outcome = {
      question = { nl = "Beschrijf jouw ideale diverse samenleving", en = "Describe your ideal diverse society" },
      words = {
        { word = "open", count = 3 },
        { word = "everyone", count = 1 },
        { word = "keep", count = 1 },
        { word = "minds", count = 1 },
      },
    },
  },
}
