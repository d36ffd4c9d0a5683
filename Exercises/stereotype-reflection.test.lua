-- Tests for stereotype-reflection. Statements and reflections echo seed 001.

return {
  { name = "statements land in their dimension; anonymous ones carry no name",
    participants = { "ann", "bob", "cas" },
    events = {
      { phase = "share" },
      { participant = "ann", input = "stereotype",
        fields = { text = "\"Ik zie geen kleur\" zeggen tegen een collega", dimension = "interpersonal" } },
      { input = "stereotype",
        fields = { text = "Kandidaten met een vreemd klinkende naam worden minder snel uitgenodigd",
          dimension = "structural" } },
      { input = "stereotype",
        fields = { text = "Bewakingsagenten volgen mensen met een donkere huidskleur in de winkel",
          dimension = "institutional" } },
      { participant = "bob", input = "stereotype",
        fields = { text = "Steil haar vond ik vanzelfsprekend mooier", dimension = "internalised" } },
      { phase = "reflect" },
      { participant = "cas", input = "reflection",
        fields = { text = "Ons referentiekader is niet universeel: een leerkans." } },
      { input = "reflection", fields = { text = "Het medicijn is in gesprek gaan en bijleren." } },
    },
    outcome = {
      statements = 4,
      dimensions = {
        { dimension = "institutional", count = 1, statements = { { id = 3, anonymous = true } } },
        { dimension = "structural", count = 1,
          statements = { { id = 2, anonymous = true,
            text = "Kandidaten met een vreemd klinkende naam worden minder snel uitgenodigd" } } },
        { dimension = "interpersonal", count = 1, statements = { { id = 1, participant = "ann" } } },
        { dimension = "internalised", count = 1, statements = { { id = 4, participant = "bob" } } },
      },
      reflections = {
        { participant = "cas", text = "Ons referentiekader is niet universeel: een leerkans." },
        { anonymous = true, text = "Het medicijn is in gesprek gaan en bijleren." },
      },
      moved = {},
    },
    views = { ann = { mine = 1 }, cas = { mine = 0, dimensions = { {}, {}, {}, {} } } },
  },

  { name = "rejections: empty text, wrong phase, unknown dimension, moves by the facilitator only",
    participants = { "ann", "bob" },
    events = {
      { participant = "ann", input = "stereotype", fields = { text = "Te vroeg", dimension = "structural" },
        rejected = true }, -- the explanation comes first
      { phase = "share" },
      { participant = "ann", input = "stereotype", fields = { text = "  ", dimension = "structural" },
        rejected = "is empty" },
      { participant = "ann", input = "stereotype", fields = { text = "Iets", dimension = "moral" },
        rejected = true }, -- not one of the four
      { participant = "ann", input = "stereotype", fields = { text = "Jongeren uit de wijk zijn lastig" },
        rejected = true }, -- a dimension is required
      { participant = "ann", input = "stereotype",
        fields = { text = "Jongeren uit de wijk zijn lastig", dimension = "interpersonal" } },
      { phase = "reflect" },
      { participant = "bob", input = "reflection", fields = { text = "" }, rejected = "is empty" },
      { participant = "bob", input = "move_statement", fields = { statement = 1, dimension = "structural" },
        rejected = true }, -- facilitator only
      { input = "move_statement", fields = { statement = 2, dimension = "structural" },
        rejected = "Er is geen uitspraak 2" },
      { input = "move_statement", fields = { statement = 1, dimension = "interpersonal" },
        rejected = "Uitspraak 1 staat al bij Interpersoonlijk" },
    },
    outcome = {
      statements = 1,
      dimensions = { { count = 0 }, { count = 0 }, { count = 1 }, { count = 0 } },
      reflections = {},
      moved = {},
    },
  },

  { name = "after discussion the facilitator moves a statement to another dimension",
    participants = { "ann", "bob" },
    events = {
      { phase = "share" },
      { participant = "ann", input = "stereotype",
        fields = { text = "Geen personen van kleur op hoger niveau in het stadsbestuur",
          dimension = "interpersonal" } },
      { participant = "bob", input = "stereotype",
        fields = { text = "Hoofddoeken verbieden bij een organisatie", dimension = "institutional" } },
      { phase = "reflect" },
      { input = "move_statement", fields = { statement = 1, dimension = "structural" } },
      { input = "move_statement", fields = { statement = 1, dimension = "institutional" } },
    },
    outcome = {
      dimensions = {
        { dimension = "institutional", count = 2, statements = { { id = 1 }, { id = 2 } } },
        { dimension = "structural", count = 0, statements = {} },
        { dimension = "interpersonal", count = 0 },
        { dimension = "internalised", count = 0 },
      },
      moved = {
        { statement = 1, from = "interpersonal", to = "structural",
          text = "Geen personen van kleur op hoger niveau in het stadsbestuur" },
        { statement = 1, from = "structural", to = "institutional" },
      },
    },
  },

  { name = "params: own questions appear in the outcome and the view",
    params = {
      prompt = { nl = "Welk stereotype over ouderen hoorde je deze week?",
        en = "Which stereotype about older people did you hear this week?" },
      reflection_question = { nl = "Wat doe je ermee?", en = "What will you do with it?" },
    },
    participants = { "ann" },
    events = {
      { phase = "share" },
      { participant = "ann", input = "stereotype",
        fields = { text = "Ouderen kunnen niet met een smartphone om", dimension = "interpersonal" } },
    },
    outcome = {
      prompt = { nl = "Welk stereotype over ouderen hoorde je deze week?" },
      reflection_question = { en = "What will you do with it?" },
      statements = 1,
    },
    views = { ann = { prompt = { en = "Which stereotype about older people did you hear this week?" }, mine = 1 } },
  },
}
