-- Tests for why-yes-why-not. The first case is seed 000's table, verbatim:
-- the facilitator notes the 7 arguments why and the 7 why not, with the
-- seed's one arrow ("Dit is niet de rol van de overheid →" continued by
-- "→ Dit moet je maar privé organiseren").

local function note(side, text, follows)
  return { input = "record_argument", fields = { side = side, text = text, follows = follows } }
end

-- a participant's argument
local function argue(who, side, text, follows)
  return { participant = who, input = "argument", fields = { side = side, text = text, follows = follows } }
end

local WEEK = { nl = "Moeten we elk jaar een dialoogweek houden?", en = "Should we hold a dialogue week every year?" }

local seed_pro = {
  "Ventileren/luchten is belangrijk",
  "Je kan dit op alle thema's toepassen",
  "Liever wij dan anderen: dan kunnen we managen en sturen en randvoorwaarden stellen",
  "De behoefte is er",
  "Doe het dan ook duurzaam",
  "Extern doen we het ook",
  "Wij hebben de expertise",
}

local seed_events = {}
for _, text in ipairs(seed_pro) do
  seed_events[#seed_events + 1] = note("pro", text)
end
for _, event in ipairs({
  note("con", "Doel is niet helder. Waarom?"),                                      -- 8
  note("con", "Dit is niet de rol van de overheid"),                                -- 9
  note("con", "Dit moet je maar privé organiseren", 9),                             -- 10
  note("con", "Door sommige standpunten wordt het onveilig → Safe Space kan je niet waarmaken"),
  note("con", "Je geeft usual suspects te veel podium"),
  note("con", "Als je 1 thema doet, dan moet je alles doen"),
  note("con", "Risico op extra polarisatie als Bureau faciliteert"),
}) do
  seed_events[#seed_events + 1] = event
end
seed_events[#seed_events + 1] = { phase = "discuss" }

return {
  { name = "seed 000: seven arguments why and seven why not, with the seed's arrow",
    participants = { "ann", "bob", "cem", "dewi", "eva" },
    events = seed_events,
    outcome = {
      question = {
        nl = "Is het onze rol als Bureau Safe Space dialogen te organiseren?",
        en = "Is it our role, as Bureau Safe Space, to organise dialogues?",
      },
      counts = { pro = 7, con = 7 },
      pro = {
        { number = 1, text = "Ventileren/luchten is belangrijk", continued = false },
        { number = 2, text = "Je kan dit op alle thema's toepassen", continued = false },
        { number = 3, text = "Liever wij dan anderen: dan kunnen we managen en sturen en randvoorwaarden stellen",
          continued = false },
        { number = 4, text = "De behoefte is er", continued = false },
        { number = 5, text = "Doe het dan ook duurzaam", continued = false },
        { number = 6, text = "Extern doen we het ook", continued = false },
        { number = 7, text = "Wij hebben de expertise", continued = false },
      },
      con = {
        { number = 8, text = "Doel is niet helder. Waarom?", continued = false },
        { number = 9, text = "Dit is niet de rol van de overheid", continued = true },
        { number = 10, text = "Dit moet je maar privé organiseren", follows = 9, continued = false },
        { number = 11, text = "Door sommige standpunten wordt het onveilig → Safe Space kan je niet waarmaken",
          continued = false },
        { number = 12, text = "Je geeft usual suspects te veel podium", continued = false },
        { number = 13, text = "Als je 1 thema doet, dan moet je alles doen", continued = false },
        { number = 14, text = "Risico op extra polarisatie als Bureau faciliteert", continued = false },
      },
    },
    views = {
      ann = {
        pro = seed_pro,
        con = {
          "Doel is niet helder. Waarom?",
          "Dit is niet de rol van de overheid →",
          "→ Dit moet je maar privé organiseren",
          "Door sommige standpunten wordt het onveilig → Safe Space kan je niet waarmaken",
          "Je geeft usual suspects te veel podium",
          "Als je 1 thema doet, dan moet je alles doen",
          "Risico op extra polarisatie als Bureau faciliteert",
        },
        left = 5,
      },
    },
  },

  { name = "participants write in both columns, anonymously too, up to the cap per person",
    params = {
      question = WEEK,
      max_per_person = 2,
    },
    participants = { "ann", "bob" },
    events = {
      argue("ann", "pro", "  De behoefte is er  "),
      argue("ann", "con", "Doel is niet helder"),
      { participant = "ann", input = "argument", fields = { side = "con", text = "Kost veel tijd" },
        rejected = "het maximum is 2 per persoon" },
      { participant = "bob", input = "argument", fields = { side = "con", text = "   " }, rejected = "is empty" },
      { input = "argument", fields = { side = "pro", text = "Extern doen we het ook" } },
      { input = "argument", fields = { side = "pro", text = "Wij hebben de expertise" } },
      { input = "argument", fields = { side = "con", text = "Het kost veel tijd en geld" } },
      { phase = "discuss" },
      { participant = "bob", input = "argument", fields = { side = "pro", text = "Nog één" }, rejected = true },
    },
    outcome = {
      question = WEEK,
      counts = { pro = 3, con = 2 },
      pro = {
        { number = 1, text = "De behoefte is er" },
        { number = 3, text = "Extern doen we het ook" },
        { number = 4, text = "Wij hebben de expertise" },
      },
      con = {
        { number = 2, text = "Doel is niet helder" },
        { number = 5, text = "Het kost veel tijd en geld" },
      },
    },
    views = { ann = { left = 0 }, bob = { left = 2 } },
  },

  { name = "a follow-up stays in its own column and needs an existing argument",
    participants = { "ann", "bob" },
    events = {
      argue("ann", "con", "Dit is niet de rol van de overheid"),
      { participant = "bob", input = "argument",
        fields = { side = "pro", text = "Liever wij dan anderen", follows = 1 },
        rejected = "Argument nr. 1 staat bij 'Waarom niet?'" },
      { participant = "bob", input = "argument",
        fields = { side = "con", text = "Dit moet je maar privé organiseren", follows = 7 },
        rejected = "geen argument nr. 7" },
      { participant = "bob", input = "argument",
        fields = { side = "con", text = "Dit moet je maar privé organiseren", follows = 1 } },
      { participant = "ann", input = "argument",
        fields = { side = "con", text = "Dan is het niet meer vrijblijvend", follows = 2 } },
      argue("bob", "pro", "De behoefte is er"),
    },
    outcome = {
      counts = { pro = 1, con = 3 },
      con = {
        { number = 1, text = "Dit is niet de rol van de overheid", continued = true },
        { number = 2, text = "Dit moet je maar privé organiseren", follows = 1, continued = true },
        { number = 3, text = "Dan is het niet meer vrijblijvend", follows = 2, continued = false },
      },
    },
    views = {
      ann = {
        con = {
          "Dit is niet de rol van de overheid →",
          "→ Dit moet je maar privé organiseren →",
          "→ Dan is het niet meer vrijblijvend",
        },
        pro = { "De behoefte is er" },
      },
    },
  },

  { name = "with follow-ups switched off every argument stands on its own",
    params = { follow_ups = "off" },
    participants = { "ann", "bob" },
    events = {
      argue("ann", "con", "Dit is niet de rol van de overheid"),
      { participant = "bob", input = "argument",
        fields = { side = "con", text = "Dit moet je maar privé organiseren", follows = 1 },
        rejected = "staan in deze sessie uit" },
      { input = "record_argument",
        fields = { side = "con", text = "Dit moet je maar privé organiseren", follows = 1 },
        rejected = "staan in deze sessie uit" },
      argue("bob", "con", "Dit moet je maar privé organiseren"),
    },
    outcome = {
      counts = { pro = 0, con = 2 },
      pro = {},
      con = {
        { number = 1, text = "Dit is niet de rol van de overheid", continued = false },
        { number = 2, text = "Dit moet je maar privé organiseren", continued = false },
      },
    },
  },

  { name = "the facilitator removes an argument, its follow-ups first",
    participants = { "ann", "bob" },
    events = {
      argue("ann", "pro", "Ventileren/luchten is belangrijk"),
      argue("bob", "pro", "Ventileren is belangrijk", 1),
      argue("bob", "pro", "De behoefte is er"),
      { input = "remove_argument", fields = { number = 1 }, rejected = "nog vervolgen" },
      { input = "remove_argument", fields = { number = 2 } },
      { input = "remove_argument", fields = { number = 2 }, rejected = "geen argument nr. 2" },
      { input = "remove_argument", fields = { number = 4 }, rejected = "geen argument nr. 4" },
      { participant = "ann", input = "argument",
        fields = { side = "pro", text = "Toch wel", follows = 2 }, rejected = "geen argument nr. 2" },
    },
    outcome = {
      counts = { pro = 2, con = 0 },
      pro = {
        { number = 1, text = "Ventileren/luchten is belangrijk", continued = false },
        { number = 3, text = "De behoefte is er", continued = false },
      },
    },
    -- a removed argument still counts towards its writer's cap
    views = { bob = { left = 3 } },
  },
  { name = "each argument is followed by its follow-ups in order, nested, without the removed ones",
    participants = { "ann" },
    events = {
      note("pro", "A"),          -- 1
      note("pro", "B"),          -- 2
      note("con", "C"),          -- 3
      note("pro", "A1", 1),      -- 4
      note("pro", "B1", 2),      -- 5
      note("pro", "A1a", 4),     -- 6
      note("pro", "A2", 1),      -- 7
      note("con", "C1", 3),      -- 8
      note("pro", "A1b", 4),     -- 9
      { input = "remove_argument", fields = { number = 4 }, rejected = "nog vervolgen" },
      { input = "remove_argument", fields = { number = 6 } },
      { input = "remove_argument", fields = { number = 4 }, rejected = "nog vervolgen" },
      { input = "remove_argument", fields = { number = 9 } },
      { input = "remove_argument", fields = { number = 4 } },
      { input = "remove_argument", fields = { number = 2 }, rejected = "nog vervolgen" },
      note("con", "C2", 3),      -- 10
    },
    outcome = {
      counts = { pro = 4, con = 3 },
      pro = {
        { number = 1, text = "A", continued = true },
        { number = 7, text = "A2", follows = 1, continued = false },
        { number = 2, text = "B", continued = true },
        { number = 5, text = "B1", follows = 2, continued = false },
      },
      con = {
        { number = 3, text = "C", continued = true },
        { number = 8, text = "C1", follows = 3, continued = false },
        { number = 10, text = "C2", follows = 3, continued = false },
      },
    },
    views = { ann = { pro = { "A →", "→ A2", "B →", "→ B1" }, con = { "C →", "→ C1", "→ C2" } } },
  },
}
