-- Tests for statements.

local function place(who, where)
  return { participant = who, input = "take_place", fields = { place = where } }
end

return {
  { name = "four corners: places per statement, a move after the conversation",
    params = { statements = { "Iedereen heeft vooroordelen, ik ook.", "Neutraliteit bestaat niet." } },
    participants = { "ann", "bob", "cas", "dirk" },
    events = {
      place("ann", "agree"), place("bob", "strongly_agree"), place("cas", "disagree"), place("dirk", "agree"),
      place("cas", "agree"),  -- convinced by the others
      { participant = "cas", input = "take_place", fields = { place = "agree" }, rejected = "Daar sta je al" },
      { participant = "dirk", input = "take_place", fields = { place = "neutral" }, rejected = "geen midden" },
      { input = "show_statement", fields = { number = 2 } },
      place("ann", "disagree"), place("bob", "strongly_disagree"),
      { input = "show_statement", fields = { number = 3 }, rejected = "Er is geen stelling 3" },
    },
    outcome = {
      form = "corners",
      statements = {
        { number = 1, text = "Iedereen heeft vooroordelen, ik ook.", placed = 4, moved = 1,
          first = { { place = "strongly_disagree", count = 0 }, { place = "disagree", count = 1 },
            { place = "agree", count = 2 }, { place = "strongly_agree", count = 1 } },
          final = { { place = "strongly_disagree", count = 0 }, { place = "disagree", count = 0 },
            { place = "agree", count = 3 }, { place = "strongly_agree", count = 1 } } },
        { number = 2, placed = 2, moved = 0 },
      },
    },
    views = {
      ann = { number = 2, of = 2, mine = "disagree" },
      cas = { number = 2, statement = "Neutraliteit bestaat niet." },
    },
  },

  { name = "a line has a middle; without statements of its own the exercise brings three",
    params = { form = "line" },
    participants = { "ann", "bob" },
    events = {
      place("ann", "neutral"),
      { participant = "bob", input = "take_place", fields = { place = "maybe" }, rejected = "place" },
    },
    outcome = {
      form = "line",
      statements = {
        { number = 1, text = "Iedereen heeft vooroordelen, ik ook.", placed = 1, moved = 0,
          final = { { place = "strongly_disagree", count = 0 }, { place = "disagree", count = 0 },
            { place = "neutral", count = 1 }, { place = "agree", count = 0 },
            { place = "strongly_agree", count = 0 } } },
        { number = 2, placed = 0 },
        { number = 3, text = "Over polarisatie praten maakt het alleen maar erger.", placed = 0 },
      },
    },
  },

  { name = "only the facilitator puts up a statement; a place needs a participant",
    participants = { "ann" },
    events = {
      { participant = "ann", input = "show_statement", fields = { number = 2 }, rejected = "begeleider" },
      { input = "take_place", fields = { place = "agree" }, rejected = "participant" },
      place("ann", "strongly_disagree"),
    },
    outcome = { statements = { { number = 1, placed = 1 }, { number = 2, placed = 0 }, { number = 3, placed = 0 } } },
  },

  { name = "going back to a statement keeps where people stood",
    params = { statements = { "Eén", "Twee" } },
    participants = { "ann", "bob" },
    events = {
      place("ann", "agree"),
      { input = "show_statement", fields = { number = 2 } },
      place("ann", "disagree"),
      { input = "show_statement", fields = { number = 1 } },
      place("bob", "agree"),
    },
    outcome = {
      statements = {
        { number = 1, placed = 2, moved = 0 },
        { number = 2, placed = 1, moved = 0 },
      },
    },
    views = { ann = { number = 1, mine = "agree" } },
  },

  { name = "an English session brings the exercise's statements in English",
    lang = "en",
    participants = { "ann" },
    events = { place("ann", "agree") },
    outcome = { statements = {
      { number = 1, text = "Everyone has prejudices, me too.", placed = 1 },
      { number = 2, text = "As an organisation we should stay neutral in public debates." },
      { number = 3, text = "Talking about polarisation only makes it worse." },
    } },
  },
}
