-- Tests for engagement-voting. The first case replays seed 001: the 17
-- engagements of session 6 of "Iedereen Mee" and their vote counts (50 dots:
-- 10 participants with 5 dots each).

local seed_notes = {
  "Ik zou graag confronterende bevragingen doen binnen adviesraad, commissie en personeelsteam van de stad",
  "Ik zou graag algemeen de groepswerking vanuit een inclusieve bril bekijken, zowel naar inhoud als organisatie",
  "Bij groepswerkingen wil ik vooraf aandacht hebben voor de dynamieken die vooroordelen kunnen versterken",
  "Ik engageer me om meer samenwerkingen te doen met organisaties onderling",
  "Ik neem graag thema interculturalisering in mijn huidige werking",
  "Ik zou graag moeilijke gesprekken niet uit de weg gaan omwille van drukte of tijdsgebrek",
  "Kandidaat-vrijwilligers (nieuwkomers) warm maken om zich bij verschillende organisaties aan te sluiten",
  "Ik ga op zoek naar meer diverse vrijwilligers",
  "Ik organiseer verschillende opleidingen voor vrijwilligers rond thema interculturaliseren",
  "Ik maak graag tijd voor meer vrijwilligerswerk",
  "Ik blijf vormingen volgen in verband met racisme en dekolonisatie, je bent nooit te oud om te leren",
  "Bewust blijven van mijn eigen blinde vlekken en anderen helpen om hun eigen blinde vlekken te zien",
  "Ik wil meer personen van kleur en personen met migratieachtergrond binnentrekken in mijn organisatie",
  "Ik wil graag een dialoog met politie over polarisatie, racisme en vooroordelen",
  "Ik wil een safe space creëren in mijn werking, ook voor de LGBTQI+-gemeenschap onder verzoekers",
  "Ik wil mijn cliënten die nieuwkomers zijn meer betrekken in het leven van onze stad",
  "Ik durf met ervaringsdeskundigen aan de slag te gaan",
}
local seed_votes = { 6, 4, 0, 3, 6, 3, 0, 3, 0, 0, 5, 4, 1, 2, 3, 3, 7 }
local people = { "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10" }

-- The seed's notes, written by the ten participants in turn (at most 2 each).
local function seed_events()
  local events = {}
  for i, note in ipairs(seed_notes) do
    events[#events + 1] = { participant = people[(i - 1) % #people + 1], input = "engagement",
      fields = { text = note } }
  end
  events[#events + 1] = { phase = "vote" }
  -- hand out the 50 dots: each participant's five go on the next notes with votes left
  local left = {}
  for i, v in ipairs(seed_votes) do left[i] = v end
  local note = 1
  for _, who in ipairs(people) do
    local dots = 5
    while dots > 0 do
      while left[note] == 0 do note = note + 1 end
      local n = math.min(dots, left[note])
      events[#events + 1] = { participant = who, input = "dot", fields = { note = note, count = n } }
      left[note] = left[note] - n
      dots = dots - n
    end
  end
  events[#events + 1] = { phase = "results" }
  return events
end

return {
  { name = "seed 001: 17 engagements, 50 dots, the top two include a tie",
    participants = people,
    events = seed_events(),
    outcome = {
      tally = seed_votes,
      dots_used = 50,
      dots_left = {},
      chosen = {
        { key = 17, count = 7, rank = 1, text = "Ik durf met ervaringsdeskundigen aan de slag te gaan" },
        { key = 1, count = 6, rank = 2 },
        { key = 5, count = 6, rank = 2 },
      },
    },
    views = { p01 = { phase = "results", dots_left = 0, chosen = { { key = 17 }, { key = 1 }, { key = 5 } } } },
  },

  { name = "dots may be stacked, and are refused once used up",
    params = { dots = 5 },
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "engagement",
        fields = { text = "Ik durf met ervaringsdeskundigen aan de slag te gaan" } },
      { participant = "ann", input = "engagement",
        fields = { text = "Ik ga op zoek naar meer diverse vrijwilligers" } },
      { phase = "vote" },
      { participant = "bob", input = "dot", fields = { note = 1, count = 5 } },
      { participant = "bob", input = "dot", fields = { note = 2 }, rejected = "Je hebt je 5 bolletjes al gebruikt" },
      { participant = "ann", input = "dot", fields = { note = 2, count = 3 } },
      { participant = "ann", input = "dot", fields = { note = 1, count = 3 },
        rejected = "Je hebt nog 2 van je 5 bolletjes over" },
      { participant = "ann", input = "dot", fields = { note = 3 }, rejected = "Er is geen engagement 3" },
      { participant = "ann", input = "engagement", fields = { text = "te laat" }, rejected = true },
    },
    outcome = {
      notes = { { id = 1, text = "Ik durf met ervaringsdeskundigen aan de slag te gaan" },
        { id = 2, text = "Ik ga op zoek naar meer diverse vrijwilligers" } },
      tally = { 5, 3 },
      ranking = { { key = 1, count = 5, rank = 1 }, { key = 2, count = 3, rank = 2 } },
      dots_left = { { participant = "ann", left = 2 } },
    },
    -- silent voting: while the vote is open bob sees his own dots, not the tally
    views = {
      bob = { phase = "vote", my_dots = { { note = 1, count = 5 } }, dots_left = 0, still_voting = 1 },
      ann = { my_dots = { { note = 2, count = 3 } }, dots_left = 2 },
    },
  },

  { name = "at most three engagements per person; empty notes are refused",
    participants = { "ann", "bob", "cas" },
    events = {
      { participant = "ann", input = "engagement", fields = { text = "Een" } },
      { participant = "ann", input = "engagement", fields = { text = "Twee" } },
      { participant = "ann", input = "engagement", fields = { text = "Drie" } },
      { participant = "ann", input = "engagement", fields = { text = "Vier" },
        rejected = "Je hebt al 3 engagementen geschreven; het maximum is 3 per persoon" },
      { participant = "bob", input = "engagement", fields = { text = "   " }, rejected = "is empty" },
      { participant = "bob", input = "engagement", fields = { text = "  Vijf  " } },
      { phase = "vote" },
      { participant = "cas", input = "dot", fields = { note = 4, count = 2 } },
      { participant = "cas", input = "dot", fields = { note = 4, count = 0 }, rejected = true },
    },
    outcome = {
      notes = { { text = "Een" }, { text = "Twee" }, { text = "Drie" }, { text = "Vijf" } },
      tally = { 0, 0, 0, 2 },
      -- notes without dots share the last rank and are never chosen
      ranking = { { key = 4, rank = 1 }, { key = 1, rank = 2 }, { key = 2, rank = 2 }, { key = 3, rank = 2 } },
      chosen = { { key = 4, count = 2 } },
      dots_left = { { participant = "ann", left = 5 }, { participant = "bob", left = 5 },
        { participant = "cas", left = 3 } },
    },
    views = { ann = { phase = "vote", my_dots = {}, dots_left = 5, still_voting = 3 } },
  },

  { name = "params: one engagement each, 3 dots, a cap of 2 per note, top 1",
    params = { max_per_person = 1, dots = 3, max_per_note = 2, top = 1 },
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "engagement", fields = { text = "Dialoog met de politie" } },
      { participant = "ann", input = "engagement", fields = { text = "Nog een" },
        rejected = "het maximum is 1 per persoon" },
      { participant = "bob", input = "engagement", fields = { text = "Safe space voor LGBTQI+" } },
      { participant = "bob", input = "dot", fields = { note = 1 }, rejected = true }, -- still collecting
      { phase = "vote" },
      { participant = "ann", input = "dot", fields = { note = 1, count = 3 },
        rejected = "Je mag hoogstens 2 bolletjes op één engagement zetten" },
      { participant = "ann", input = "dot", fields = { note = 9 }, rejected = "Er is geen engagement 9" },
      { participant = "ann", input = "dot", fields = { note = 1, count = 2 } },
      { participant = "ann", input = "dot", fields = { note = 1 }, rejected = "op engagement 1 staan er al 2 van jou" },
      { participant = "ann", input = "dot", fields = { note = 2 } },
      { participant = "bob", input = "dot", fields = { note = 2, count = 2 } },
      { participant = "bob", input = "dot", fields = { note = 1 } },
      { phase = "results" },
    },
    outcome = {
      rules = { max_per_person = 1, dots = 3, max_per_note = 2, top = 1 },
      tally = { 3, 3 },
      chosen = { { key = 1, count = 3, rank = 1 }, { key = 2, count = 3, rank = 1 } },
      dots_left = {},
    },
    views = { bob = { phase = "results", tally = { 3, 3 } } },
  },

  { name = "no engagements, nothing to vote on",
    participants = { "ann", "bob", "cas" },
    events = {
      { phase = "vote" },
      { participant = "ann", input = "dot", fields = { note = 1 }, rejected = "Er zijn nog geen engagementen" },
      { phase = "results" },
    },
    outcome = { notes = {}, tally = {}, ranking = {}, chosen = {}, dots_used = 0,
      dots_left = { { participant = "ann", left = 5 }, { participant = "bob", left = 5 },
        { participant = "cas", left = 5 } } },
    views = { cas = { phase = "results", notes = {}, my_dots = {}, dots_left = 5, chosen = {} } },
  },

  { name = "a dot may be taken back while the vote is open",
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "engagement", fields = { text = "Vormingen volgen" } },
      { participant = "bob", input = "engagement", fields = { text = "Diverse vrijwilligers zoeken" } },
      { phase = "vote" },
      { participant = "ann", input = "remove_dot", fields = { note = 1 },
        rejected = "Je hebt geen bolletjes op engagement 1" },
      { participant = "ann", input = "dot", fields = { note = 1, count = 5 } },
      { participant = "ann", input = "remove_dot", fields = { note = 1, count = 6 },
        rejected = "Je hebt 5 bolletjes op engagement 1" },
      { participant = "ann", input = "remove_dot", fields = { note = 1, count = 2 } },
      { participant = "ann", input = "dot", fields = { note = 2, count = 2 } },
      { participant = "ann", input = "remove_dot", fields = { note = 9 }, rejected = "Er is geen engagement 9" },
      { phase = "results" },
      { participant = "ann", input = "dot", fields = { note = 2 }, rejected = true }, -- the vote is closed
    },
    outcome = {
      tally = { 3, 2 },
      dots_used = 5,
      dots_left = { { participant = "bob", left = 5 } },
      chosen = { { key = 1 }, { key = 2 } },
    },
  },

  { name = "someone who comes in late gets dots too, and they count",
    participants = { "ann" },
    events = {
      { participant = "ann", input = "engagement", fields = { text = "Een" } },
      { participant = "bob", input = "engagement", fields = { text = "Twee" }, rejected = "neemt niet deel" },
      { join = "bob" },
      { participant = "bob", input = "engagement", fields = { text = "Twee" } },
      { phase = "vote" },
      { participant = "bob", input = "dot", fields = { note = 1, count = 5 } },
    },
    outcome = { participants = 2, tally = { 5, 0 }, dots_used = 5 },
    views = { bob = { dots_left = 0 } },
  },
}
