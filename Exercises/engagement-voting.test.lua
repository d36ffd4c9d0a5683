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

-- A long vote, made up by a small random number generator of its own (so
-- every run has the same events): dots placed and taken back at random, some
-- against the rules, and someone who joins halfway. The test counts the dots
-- again from the events, apart from the exercise, which keeps its tally as
-- the dots come and go; the two must agree.
local function random_vote(seed, notes, steps, close)
  local x = seed
  local function random(n) -- 1 to n
    x = (x * 1103515245 + 12345) % 2147483648
    return x // 65536 % n + 1
  end
  local dots, cap = 5, 3 -- the case's params; up to 10 notes per person
  local voters = { "ann", "bob", "cas", "dirk", "eva" }
  local events, mine, used = {}, {}, {}
  for id = 1, notes do
    events[#events + 1] = { participant = voters[(id - 1) % #voters + 1], input = "engagement",
      fields = { text = "Engagement " .. id } }
  end
  events[#events + 1] = { phase = "vote" }
  for _, who in ipairs(voters) do
    mine[who], used[who] = {}, 0
  end
  for step = 1, steps do
    if step == steps // 2 then
      events[#events + 1] = { join = "fatma" }
      voters[#voters + 1] = "fatma"
      mine.fatma, used.fatma = {}, 0
    end
    local who, note, count = voters[random(#voters)], random(notes), random(2)
    local take_back = random(2) == 1
    if take_back and random(4) > 1 then -- mostly from a note that has some of theirs
      local theirs = {}
      for id = 1, notes do
        if (mine[who][id] or 0) > 0 then
          theirs[#theirs + 1] = id
        end
      end
      note = #theirs > 0 and theirs[random(#theirs)] or note
    end
    local on = mine[who][note] or 0
    local event = { participant = who, fields = { note = note, count = count } }
    if take_back then
      event.input = "remove_dot"
      if on >= count then
        mine[who][note], used[who] = on - count, used[who] - count
      else
        event.rejected = true
      end
    else
      event.input = "dot"
      if used[who] + count <= dots and on + count <= cap then
        mine[who][note], used[who] = on + count, used[who] + count
      else
        event.rejected = true
      end
    end
    events[#events + 1] = event
  end
  if close then
    events[#events + 1] = { phase = "results" }
  end

  local tally, dots_used, dots_left, views, still_voting = {}, 0, {}, {}, 0
  for id = 1, notes do
    tally[id] = 0
  end
  for _, who in ipairs(voters) do
    local my_dots = {}
    for id = 1, notes do
      local n = mine[who][id] or 0
      tally[id] = tally[id] + n
      if n > 0 then
        my_dots[#my_dots + 1] = { note = id, count = n }
      end
    end
    dots_used = dots_used + used[who]
    if used[who] < dots then
      dots_left[#dots_left + 1] = { participant = who, left = dots - used[who] }
      still_voting = still_voting + 1
    end
    views[who] = { my_dots = my_dots, dots_left = dots - used[who] }
  end
  for _, who in ipairs(voters) do
    views[who].still_voting = not close and still_voting or nil
  end
  -- most dots first, ties in the order of the notes and sharing a rank
  local ranking = {}
  for id = 1, notes do
    ranking[id] = { key = id, count = tally[id] }
  end
  table.sort(ranking, function(a, b)
    if a.count ~= b.count then
      return a.count > b.count
    end
    return a.key < b.key
  end)
  for position, entry in ipairs(ranking) do
    local previous = ranking[position - 1]
    entry.rank = (previous and previous.count == entry.count) and previous.rank or position
  end
  return {
    params = { max_per_person = 10, dots = dots, max_per_note = cap },
    participants = { "ann", "bob", "cas", "dirk", "eva" },
    events = events,
    outcome = { participants = #voters, tally = tally, ranking = ranking, dots_used = dots_used,
      dots_left = dots_left },
    views = views,
  }
end

local function case(name, made)
  made.name = name
  return made
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
    views = { p01 = { phase = "results", dots_left = 0, chosen = { { id = 17 }, { id = 1 }, { id = 5 } } } },
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
  case("the tally kept as dots come and go equals a recount: 12 notes, 400 tries, while voting",
    random_vote(7, 12, 400, false)),

  case("the tally kept as dots come and go equals a recount: 30 notes, 600 tries, after the vote",
    random_vote(2024, 30, 600, true)),

  { name = "paper post-its typed in, a duplicate merged, and the group's own choice after the vote",
    params = { top = 1 },
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "engagement", fields = { text = "Meer diverse vrijwilligers" } },
      { input = "add_note", fields = { text = "Werken met ervaringsdeskundigen" } },
      { input = "add_note", fields = { text = "Meer diversiteit bij de vrijwilligers" } },
      { input = "merge", fields = { from = 3, into = 1 } },
      { input = "merge", fields = { from = 3, into = 2 }, rejected = "Engagement 3 is samengevoegd met 1" },
      { input = "merge", fields = { from = 2, into = 2 }, rejected = "twee verschillende" },
      { phase = "vote" },
      { participant = "ann", input = "dot", fields = { note = 3 }, rejected = "samengevoegd met 1" },
      { participant = "ann", input = "dot", fields = { note = 1, count = 5 } },
      { participant = "bob", input = "dot", fields = { note = 2, count = 2 } },
      { phase = "results" },
      { input = "choose_note", fields = { note = 2 } },
      { input = "leave_out_note", fields = { note = 1 } },
      { input = "choose_note", fields = { note = 4 }, rejected = "Er is geen engagement 4" },
    },
    outcome = {
      notes = { { id = 1, text = "Meer diverse vrijwilligers" }, { id = 2, text = "Werken met ervaringsdeskundigen" } },
      merged = { { from = 3, into = 1 } },
      ranking = { { key = 1, count = 5, rank = 1 }, { key = 2, count = 2, rank = 2 } },
      chosen = { { key = 2, count = 2, by = "facilitator", text = "Werken met ervaringsdeskundigen" } },
    },
  },
}
