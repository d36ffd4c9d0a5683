-- Tests for check-in. Pairs are drawn with the session's seeded math.random;
-- the exact pairs below are those of Lua 5.4's generator for that seed.

return {
  { name = "seed 001: pairs, a named and an anonymous prejudice, a pass",
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma" },
    seed = 1,
    events = {
      { participant = "ann", input = "statement",
        fields = { text = "Ik dacht dat nieuwkomers geen Nederlands wilden leren." } },
      { input = "statement",
        fields = { text = "Ik schrok toen ik merkte dat ik een vrouw met hoofddoek anders aansprak." } },
      { participant = "bob", input = "pass" },
      { participant = "bob", input = "pass", rejected = "Je hebt al gepast" },
      { participant = "ann", input = "pass", rejected = "Je hebt al iets gedeeld" },
      { participant = "ann", input = "statement", fields = { text = "Nog iets" },
        rejected = "Je hebt al iets gedeeld" },
      { phase = "debrief" },
    },
    outcome = {
      mode = "pairs",
      pairs = { { "ann", "dirk" }, { "bob", "fatma" }, { "cas", "eva" } },
      statements = {
        { participant = "ann", text = "Ik dacht dat nieuwkomers geen Nederlands wilden leren." },
        { anonymous = true, text = "Ik schrok toen ik merkte dat ik een vrouw met hoofddoek anders aansprak." },
      },
      passed = { "bob" },
      question = {
        nl = "Stel jezelf voor aan je buur. Geef een voorbeeld van een vooroordeel dat je had. Vertel het aan je buur.",
      },
    },
    views = {
      dirk = { partners = { "ann" }, shared = false, passed = false },
      ann = { partners = { "dirk" }, shared = true },
    },
  },

  { name = "a round: order follows the roster; a pass is not final",
    params = { mode = "round",
      question = { nl = "Hoe kom je binnen? Eén woord.", en = "How are you arriving? One word." } },
    participants = { "ann", "bob", "cas" },
    events = {
      { participant = "ann", input = "statement", fields = { text = "Nieuwsgierig" } },
      { participant = "bob", input = "pass" },
      { participant = "cas", input = "pass" },
      { participant = "bob", input = "statement", fields = { text = "   " }, rejected = "is empty" },
      { participant = "bob", input = "statement", fields = { text = "Moe, maar blij" } },
    },
    outcome = {
      mode = "round",
      order = { "ann", "bob", "cas" },
      statements = { { participant = "ann", text = "Nieuwsgierig" }, { participant = "bob", text = "Moe, maar blij" } },
      passed = { "cas" },
      question = { nl = "Hoe kom je binnen? Eén woord.", en = "How are you arriving? One word." },
    },
    views = { bob = { turn = 2, shared = true, passed = false }, cas = { turn = 3, passed = true } },
  },

  { name = "an odd number gives one group of three; another seed, other pairs",
    participants = { "ann", "bob", "cas", "dirk", "eva" },
    seed = 7,
    events = {
      { participant = "cas", input = "statement",
        fields = { text = "Ik verwachtte dat een jonge collega minder ervaring had." } },
    },
    outcome = {
      pairs = { { "ann", "eva" }, { "bob", "cas", "dirk" } },
      statements = { { participant = "cas" } },
      passed = {},
    },
    views = { cas = { partners = { "bob", "dirk" } }, eva = { partners = { "ann" } } },
  },

  { name = "passing cannot be anonymous, and nothing is taken after the check-in",
    participants = { "ann", "bob" },
    events = {
      { input = "pass", rejected = true },
      { participant = "zoe", input = "statement", fields = { text = "Hallo" }, rejected = true },
      { phase = "debrief" },
      { participant = "ann", input = "statement", fields = { text = "Te laat" }, rejected = true },
    },
    outcome = {
      pairs = { { "ann", "bob" } },
      statements = {},
      passed = {},
    },
  },

  { name = "someone who comes in late gets a partner; nobody is moved",
    participants = { "ann", "bob", "cas", "dirk" },
    seed = 1,
    events = {
      { join = "eva" },
      { join = "fatma" },
      { participant = "fatma", input = "statement", fields = { text = "Ik kwam te laat." } },
    },
    outcome = { pairs = { { "ann", "cas", "fatma" }, { "bob", "dirk", "eva" } } },
    views = { eva = { partners = { "bob", "dirk" } } },
  },

  { name = "groups of three to five: about four each, listed in roster order",
    params = { mode = "groups", group_size = 4 },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma", "gert", "hans", "ilse", "jan" },
    seed = 3,
    outcome = {
      mode = "groups",
      question = { nl = "Stel jezelf voor aan je groepje. Geef een voorbeeld van een vooroordeel dat je had. "
        .. "Vertel het aan je groepje." },
      groups = { { "ann", "cas", "fatma", "hans" }, { "bob", "eva", "gert" }, { "dirk", "ilse", "jan" } },
      repeats = 0,
    },
    views = { eva = { partners = { "bob", "gert" } } },
  },

  { name = "new pairs avoid the pairs of an earlier check-in, as far as the room allows",
    params = { avoid = { { "ann", "eva" }, { "bob", "cas", "dirk" } } },
    participants = { "ann", "bob", "cas", "dirk", "eva" },
    seed = 7,  -- the seed that, without avoid, draws exactly these pairs again
    -- a group of three of five people must hold two who met: bob and cas, once
    outcome = { pairs = { { "ann", "bob", "cas" }, { "dirk", "eva" } }, repeats = 1 },
  },

  { name = "with four people who all met before, the fewest repeats possible",
    params = { avoid = { { "ann", "bob", "cas", "dirk" } } },
    participants = { "ann", "bob", "cas", "dirk" },
    outcome = { repeats = 2 },
  },

  { name = "someone who comes in late joins the smallest group",
    params = { mode = "groups", group_size = 3 },
    participants = { "ann", "bob", "cas", "dirk", "eva" },
    events = { { join = "fatma" } },
    views = { fatma = { partners = { "bob", "dirk" } } },
  },
}
