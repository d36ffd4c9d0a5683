-- Tests for small-group-exchange, with answers of seed 001 ("Iedereen Mee",
-- session 6, Sint-Niklaas), verbatim. Groups are drawn with the session's
-- seeded math.random; the groups below are those of Lua 5.4's generator.

local function answer(group, question, said, who)
  return { participant = who, input = "answer", fields = { group = group, question = question, text = said } }
end

local people = { "ann", "bob", "cas", "dirk", "eva", "fatma", "gert", "hanna", "ilse", "jamal" }

return {
  { name = "seed 001: two groups of five, answers under the three questions",
    participants = people,
    seed = 1,
    events = {
      answer(1, "proud", "Wonderbar is een actie om echt trots op te zijn: er werken personen met en zonder "
        .. "beperking samen, met diverse vrijwilligers.", "ann"),
      answer(2, "proud", "Deelnemen aan vormingen en netwerkmomenten (zoals het lerend netwerk iedereen mee)"),
      answer(2, "build_on", "Regenboogbeleid Stad Sint-Niklaas", "bob"),
      answer(1, "did_not_work", "Principe van “derde keer goeie keer”: vaak moet je acties herhalen om "
        .. "resultaten te zien", "cas"),
      { phase = "share" },
    },
    outcome = {
      group_sizes = { 5, 5 },
      questions = {
        { id = "proud", answers = {
          { group = 1, text = "Wonderbar is een actie om echt trots op te zijn: er werken personen met en zonder "
            .. "beperking samen, met diverse vrijwilligers." },
          { group = 2, text = "Deelnemen aan vormingen en netwerkmomenten (zoals het lerend netwerk iedereen mee)" },
        } },
        { id = "build_on", answers = { { group = 2, text = "Regenboogbeleid Stad Sint-Niklaas" } } },
        { id = "did_not_work", answers = {
          { group = 1,
            text = "Principe van “derde keer goeie keer”: vaak moet je acties herhalen om resultaten te zien" },
        } },
      },
    },
  },

  { name = "rejections: a group that is not there, an empty answer, the same answer twice",
    participants = { "ann", "bob", "cas", "dirk" },
    events = {
      { participant = "ann", input = "answer", fields = { group = 2, question = "proud", text = "Iets" },
        rejected = "Er is maar één groepje: groepje 1" },
      { input = "answer", fields = { question = "proud", text = "Iets" },
        rejected = "Geef het nummer van het groepje" },
      { participant = "ann", input = "answer", fields = { group = 1, question = "proud", text = "   " },
        rejected = "is leeg" },
      answer(1, "proud", "Stadsgesprek", "ann"),
      { participant = "bob", input = "answer", fields = { group = 1, question = "proud", text = "stadsgesprek" },
        rejected = "Dit antwoord staat al bij groep 1" },
      { participant = "bob", input = "answer", fields = { group = 1, question = "elsewhere", text = "Iets" },
        rejected = "question" },
    },
    outcome = {
      group_sizes = { 4 },
      questions = {
        { id = "proud", answers = { { group = 1, text = "Stadsgesprek" } } },
        { id = "build_on", answers = {} },
        { id = "did_not_work", answers = {} },
      },
    },
  },

  { name = "groups of about four; someone who comes in late joins the smallest group",
    params = { group_size = 4 },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma", "gert", "hanna", "ilse" },
    seed = 1,
    events = {
      { join = "kai" },
      answer(3, "build_on", "Wandelingen van Bonangana", "kai"),
    },
    outcome = {
      group_sizes = { 4, 3, 3 },
      questions = {
        { id = "proud", answers = {} },
        { id = "build_on", answers = { { group = 3, text = "Wandelingen van Bonangana" } } },
        { id = "did_not_work", answers = {} },
      },
    },
  },

  { name = "a participant's view: their group, its members and its answers; an answer without a group is their own's",
    participants = { "ann", "bob", "cas", "dirk" },
    events = {
      { participant = "bob", input = "answer", fields = { question = "build_on", text = "Stadsgesprek" } },
    },
    outcome = {
      questions = { { id = "proud" }, { id = "build_on", answers = { { group = 1, text = "Stadsgesprek" } } },
        { id = "did_not_work" } },
    },
    views = {
      ann = { groups = 1, group = 1, members = { "ann", "bob", "cas", "dirk" },
        answers = { { text = { nl = "Waarop we verder bouwen: Stadsgesprek" } } },
        questions = { { number = 1 }, { number = 2 }, { number = 3 } } },
    },
  },
}
