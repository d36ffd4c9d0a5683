-- Tests for stereotype-reflection. Statements and reflections echo seed 001;
-- the brainstorm's thoughts are its post-its, word for word.

local function thought(who, term, said)
  return { participant = who, input = "thought", fields = { term = term, text = said } }
end

return {
  { name = "seed 001: a free brainstorm per word, the four dimensions after it",
    params = { terms = { "Racisme", "Stereotypen en vooroordelen", "Dekolonisering" } },
    participants = { "ann", "bob", "cas" },
    events = {
      thought("ann", 1, "Micro agressie"),
      thought(nil, 1, "Is structureel → oplossingen om top down en bottom up levels"),
      thought("bob", 2, "Vaak uiten we het onbewust, ergens ook menselijk"),
      thought("cas", 3, "Het gaat ook over “herverdelen van middelen”"),
      { phase = "introduce" },
      { phase = "reflect" },
    },
    outcome = {
      mode = "brainstorm",
      terms = {
        { term = "Racisme", thoughts = { { text = "Micro agressie", participant = "ann" },
          { text = "Is structureel → oplossingen om top down en bottom up levels", anonymous = true } } },
        { term = "Stereotypen en vooroordelen",
          thoughts = { { text = "Vaak uiten we het onbewust, ergens ook menselijk" } } },
        { term = "Dekolonisering", thoughts = { { text = "Het gaat ook over “herverdelen van middelen”" } } },
      },
      statements = 0,
    },
    views = {
      bob = { terms = {
        { number = 1, text = "Racisme",
          thoughts = { "Micro agressie", "Is structureel → oplossingen om top down en bottom up levels" } },
        { number = 2, text = "Stereotypen en vooroordelen",
          thoughts = { "Vaak uiten we het onbewust, ergens ook menselijk" } },
        { number = 3, text = "Dekolonisering", thoughts = { "Het gaat ook over “herverdelen van middelen”" } },
      } },
    },
  },

  { name = "the brainstorm refuses an unknown word, an empty or repeated thought, and placing in dimensions",
    participants = { "ann", "bob" },
    events = {
      thought("ann", 1, "Politiek correct taalgebruik"),
      { participant = "bob", input = "thought", fields = { term = 4, text = "Iets" },
        rejected = "Er is geen woord 4; kies er een van 1 tot 3" },
      { participant = "bob", input = "thought", fields = { term = 1, text = "politiek correct taalgebruik " },
        rejected = "Dit staat al bij “Racisme”" },
      { participant = "bob", input = "thought", fields = { term = 2, text = "  " }, rejected = "is empty" },
      { phase = "reflect" },
      { input = "move_statement", fields = { statement = 1, dimension = "structural" },
        rejected = "In deze stap plaatst niemand uitspraken in dimensies" },
    },
    outcome = {
      terms = { { term = "Racisme", thoughts = { { text = "Politiek correct taalgebruik" } } },
        { term = "Dekolonisering", thoughts = {} }, { term = "Stereotypen en vooroordelen", thoughts = {} } },
    },
  },

  { name = "in English the default words are English",
    lang = "en",
    participants = { "ann", "bob" },
    events = { thought("ann", 2, "More than the link with the Belgian Congo") },
    outcome = {
      terms = { { term = "Racism" }, { term = "Decolonisation",
        thoughts = { { text = "More than the link with the Belgian Congo" } } },
        { term = "Stereotypes and prejudices" } },
    },
  },

  { name = "statements land in their dimension; anonymous ones carry no name",
    params = { mode = "dimensions" },
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
    params = { mode = "dimensions" },
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
    params = { mode = "dimensions" },
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
      mode = "dimensions",
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
