-- Tests for polarisation-map.

local function counts(c)
  local all = { pusher_left = 0, joiner_left = 0, middle = 0, bridge_builder = 0,
    joiner_right = 0, pusher_right = 0, scapegoat = 0 }
  for place, n in pairs(c) do
    all[place] = n
  end
  return all
end

return {
  { name = "two rounds: places, a scapegoat, and who moved where",
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma" },
    events = {
      { phase = "map" },
      { participant = "ann", input = "position", fields = { position = "pusher_left" } },
      { participant = "bob", input = "position", fields = { position = "joiner_left" } },
      { participant = "cas", input = "position", fields = { position = "middle" } },
      { participant = "dirk", input = "position", fields = { position = "middle" } },
      { participant = "eva", input = "position", fields = { position = "bridge_builder" } },
      { participant = "fatma", input = "position", fields = { position = "pusher_right" } },
      { input = "scapegoat", fields = { participant = "dirk" } },
      { input = "next_round" },
      { participant = "bob", input = "position", fields = { position = "middle" } },
      { participant = "eva", input = "position", fields = { position = "joiner_right" } },
      { participant = "eva", input = "position", fields = { position = "middle" } },
      { input = "scapegoat", fields = { participant = "dirk", remove = true } },
      { phase = "debrief" },
    },
    outcome = {
      rounds = 2,
      rounds_played = 2,
      distribution = {
        { round = 1,
          counts = counts({ pusher_left = 1, joiner_left = 1, middle = 1, bridge_builder = 1,
            pusher_right = 1, scapegoat = 1 }),
          positions = { ann = "pusher_left", bob = "joiner_left", cas = "middle", dirk = "middle",
            eva = "bridge_builder", fatma = "pusher_right" },
          scapegoats = { "dirk" },
          unplaced = {} },
        { round = 2,
          counts = counts({ pusher_left = 1, middle = 4, pusher_right = 1 }),
          scapegoats = {},
          unplaced = {} },
      },
      movements = {
        { round = 2, participant = "bob", from = "joiner_left", to = "middle" },
        { round = 2, participant = "eva", from = "bridge_builder", to = "middle" },
      },
    },
    views = { eva = { round = 2, position = "middle", scapegoat = false, counts = { middle = 4 } } },
  },

  { name = "rejections: same place, double marks, no round without people, no round after the last",
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma" },
    events = {
      -- still explaining: the map phase has not started
      { participant = "ann", input = "position", fields = { position = "middle" }, rejected = true },
      { phase = "map" },
      { input = "next_round", rejected = "Nog niemand staat op de kaart" },
      { participant = "ann", input = "position", fields = { position = "middle" } },
      { participant = "ann", input = "position", fields = { position = "middle" },
        rejected = "Je staat al op die plek" },
      { participant = "ann", input = "position", fields = { position = "scapegoat" }, rejected = true }, -- not a choice
      -- only the facilitator marks a scapegoat
      { participant = "ann", input = "scapegoat", fields = { participant = "bob" }, rejected = true },
      { input = "scapegoat", fields = { participant = "bob", remove = true },
        rejected = "bob is niet als zondebok gemarkeerd" },
      { input = "scapegoat", fields = { participant = "bob" } },
      { input = "scapegoat", fields = { participant = "bob" }, rejected = "bob is al als zondebok gemarkeerd" },
      { input = "scapegoat", fields = { participant = "zoe" }, rejected = true }, -- not in the session
      { input = "next_round" },
      { input = "next_round", rejected = "Dit was de laatste ronde (2 van 2)" },
    },
    outcome = {
      rounds_played = 2,
      distribution = {
        { round = 1, counts = counts({ middle = 1, scapegoat = 1 }), scapegoats = { "bob" },
          unplaced = { "cas", "dirk", "eva", "fatma" } },
        -- the scapegoat mark carries over into the next round
        { round = 2, counts = counts({ middle = 1, scapegoat = 1 }), scapegoats = { "bob" } },
      },
      movements = {},
    },
    views = { bob = { scapegoat = true, round = 2 } },
  },

  { name = "params: own issue and poles, three rounds, moving back and forth",
    params = {
      issue = { nl = "Zwarte Piet bij de intocht van Sinterklaas", en = "Black Pete at the arrival of Sinterklaas" },
      left_pole = { nl = "Traditie behouden", en = "Keep the tradition" },
      right_pole = { nl = "Traditie veranderen", en = "Change the tradition" },
      rounds = 3,
    },
    participants = { "ann", "bob", "cas" },
    events = {
      { phase = "map" },
      { participant = "ann", input = "position", fields = { position = "joiner_left" } },
      { participant = "bob", input = "position", fields = { position = "joiner_right" } },
      { input = "next_round" },
      { participant = "ann", input = "position", fields = { position = "middle" } },
      { participant = "cas", input = "position", fields = { position = "bridge_builder" } }, -- late, not a move
      { input = "next_round" },
      { participant = "ann", input = "position", fields = { position = "joiner_left" } },
      { participant = "bob", input = "position", fields = { position = "pusher_right" } },
      { input = "next_round", rejected = "Dit was de laatste ronde (3 van 3)" },
    },
    outcome = {
      issue = { nl = "Zwarte Piet bij de intocht van Sinterklaas" },
      poles = { left = { nl = "Traditie behouden" }, right = { en = "Change the tradition" } },
      rounds = 3,
      rounds_played = 3,
      distribution = {
        { round = 1, counts = counts({ joiner_left = 1, joiner_right = 1 }), unplaced = { "cas" } },
        { round = 2, counts = counts({ middle = 1, joiner_right = 1, bridge_builder = 1 }), unplaced = {} },
        { round = 3, counts = counts({ joiner_left = 1, pusher_right = 1, bridge_builder = 1 }) },
      },
      movements = {
        { round = 2, participant = "ann", from = "joiner_left", to = "middle" },
        { round = 3, participant = "ann", from = "middle", to = "joiner_left" },
        { round = 3, participant = "bob", from = "joiner_right", to = "pusher_right" },
      },
    },
  },

  { name = "one round only: no next round, nobody moves",
    params = { rounds = 1 },
    participants = { "ann", "bob" },
    events = {
      { phase = "map" },
      { participant = "ann", input = "position", fields = { position = "middle" } },
      { participant = "ann", input = "position", fields = { position = "pusher_right" } }, -- a correction, not a move
      { input = "next_round", rejected = "Dit was de laatste ronde (1 van 1)" },
      { phase = "debrief" },
      { input = "next_round", rejected = true }, -- the map phase is over
    },
    outcome = {
      rounds = 1,
      rounds_played = 1,
      distribution = { { round = 1, counts = counts({ pusher_right = 1 }), positions = { ann = "pusher_right" },
        unplaced = { "bob" } } },
      movements = {},
    },
    views = { bob = { round = 1, rounds = 1, scapegoat = false, counts = { pusher_right = 1 } } },
  },
}
