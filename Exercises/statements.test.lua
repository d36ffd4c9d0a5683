-- Tests for statements.

-- Places by their number in the list the phone shows.
local CORNERS = { strongly_disagree = 1, disagree = 2, agree = 3, strongly_agree = 4 }
local LINE = { strongly_disagree = 1, disagree = 2, neutral = 3, agree = 4, strongly_agree = 5 }

local function place(who, where, places)
  return { participant = who, input = "take_place", fields = { place = (places or CORNERS)[where] } }
end

return {
  { name = "four corners: places per statement, a move after the conversation",
    params = { statements = { "Iedereen heeft vooroordelen, ik ook.", "Neutraliteit bestaat niet." } },
    participants = { "ann", "bob", "cas", "dirk" },
    events = {
      place("ann", "agree"), place("bob", "strongly_agree"), place("cas", "disagree"), place("dirk", "agree"),
      place("cas", "agree"),  -- convinced by the others
      { participant = "cas", input = "take_place", fields = { place = 3 }, rejected = "Daar sta je al" },
      { participant = "dirk", input = "take_place", fields = { place = 5 }, rejected = "Kies een plaats van 1 tot 4" },
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
      ann = { statement = "2/2: Neutraliteit bestaat niet.", position = { nl = "Oneens", en = "Disagree" } },
      cas = {
        places = { { number = 1, text = { nl = "Helemaal oneens" } }, { number = 2 }, { number = 3 }, { number = 4 } },
      },
    },
  },

  { name = "a line has a middle; without statements of its own the exercise brings three",
    params = { form = "line" },
    participants = { "ann", "bob" },
    events = {
      place("ann", "neutral", LINE),
      { participant = "bob", input = "take_place", fields = { place = 6 }, rejected = "groter dan het maximum 5" },
    },
    outcome = {
      form = "line",
      statements = {
        { number = 1, text = "Iedereen heeft vooroordelen, ik ook.", placed = 1, moved = 0,
          final = { { place = "strongly_disagree", count = 0 }, { place = "disagree", count = 0 },
            { place = "neutral", count = 1 }, { place = "agree", count = 0 },
            { place = "strongly_agree", count = 0 } } },
      },
    },
  },

  { name = "only the facilitator puts up a statement; a place needs a participant",
    participants = { "ann" },
    events = {
      { participant = "ann", input = "show_statement", fields = { number = 2 }, rejected = "begeleider" },
      { input = "take_place", fields = { place = 3 }, rejected = "participant" },
      place("ann", "strongly_disagree"),
    },
    -- only the statements put up so far are in the outcome
    outcome = { statements = { { number = 1, placed = 1 } } },
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
    views = { ann = { statement = "1/2: Eén", position = { nl = "Eens" } } },
  },

  { name = "an English session brings the exercise's statements in English",
    lang = "en",
    participants = { "ann" },
    events = { place("ann", "agree") },
    outcome = { statements = { { number = 1, text = "Everyone has prejudices, me too.", placed = 1 } } },
    views = { ann = { statement = "1/3: Everyone has prejudices, me too.", position = { en = "Agree" } } },
  },
}
