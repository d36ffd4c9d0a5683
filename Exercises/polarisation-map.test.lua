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
    views = { eva = { round = 2, place = "middle", position = { nl = "Stille midden", en = "Silent middle" },
      scapegoat = false, counts = { middle = 4 } } },
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

  { name = "seed 004's several issues in one step, with reasons, the silent middle's concerns and arrows",
    params = { rounds = 2, issues = { "Zwarte Piet: traditie / racisme", "Windmolens in de polder" } },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma" },
    events = {
      { phase = "map" },
      { participant = "ann", input = "position",
        fields = { position = "pusher_left", reason = "Opvang is een plicht" } },
      { participant = "bob", input = "position",
        fields = { position = "middle", reason = "Ik wil eerst weten hoe groot" } },
      { participant = "cas", input = "position", fields = { position = "middle" } },
      { participant = "cas", input = "concern", fields = { text = "Is de school van mijn kinderen er klaar voor?" } },
      { input = "concern", fields = { text = "Wie luistert naar de buurt?" } },
      { input = "concern", fields = { text = "wie luistert naar de buurt?" }, rejected = "Die zorg staat er al" },
      { input = "next_round" },
      { participant = "ann", input = "position", fields = { position = "joiner_left" } },
      { participant = "cas", input = "position", fields = { position = "joiner_left" } },
      { input = "next_issue" },
      { participant = "dirk", input = "position", fields = { position = "pusher_right" } },
      { input = "next_issue" },
      { input = "next_issue", rejected = "Dit is de laatste kwestie (3 van 3)" },
      { participant = "eva", input = "position", fields = { position = "bridge_builder" } },
      { phase = "debrief" },
    },
    outcome = {
      issues = {
        { number = 1, rounds_played = 2,
          distribution = {
            { round = 1, reasons = { { place = "pusher_left", text = "Opvang is een plicht" },
              { place = "middle", text = "Ik wil eerst weten hoe groot" } },
              unplaced = { "dirk", "eva", "fatma" }, participants = 6 },
            -- a reason belongs to a place: ann moved, so hers is gone; bob stayed, so his stays
            { round = 2, reasons = { { place = "middle", text = "Ik wil eerst weten hoe groot" } } },
          },
          movements = { { round = 2, participant = "ann", from = "pusher_left", to = "joiner_left" },
            { round = 2, participant = "cas", from = "middle", to = "joiner_left" } },
          concerns = { { text = "Is de school van mijn kinderen er klaar voor?", participant = "cas" },
            { text = "Wie luistert naar de buurt?", anonymous = true } } },
        { number = 2, issue = "Zwarte Piet", poles = { left = "traditie", right = "racisme" }, rounds_played = 1,
          distribution = { { round = 1, counts = { pusher_right = 1 } } } },
        { number = 3, issue = "Windmolens in de polder", poles = { left = "Voor", right = "Tegen" },
          distribution = { { round = 1, counts = { bridge_builder = 1 } } } },
      },
      current_issue = 3,
      movements = { { participant = "ann" }, { participant = "cas" } },
    },
    views = { eva = { issue = "Windmolens in de polder", issue_number = 3, issues = 3, place = "bridge_builder" } },
  },

  { name = "a game changer round, used only when the script asks for it",
    params = { rounds = 1, game_changer = true },
    participants = { "ann", "bob", "cas", "dirk", "eva", "fatma" },
    events = {
      { phase = "map" },
      { participant = "ann", input = "position", fields = { position = "middle" } },
      { phase = "game_changer" },
      { participant = "ann", input = "choose_game_changer", fields = { game_changer = "tone" } },
      { participant = "bob", input = "choose_game_changer", fields = { game_changer = "subject" } },
      { participant = "cas", input = "choose_game_changer", fields = { game_changer = "subject" } },
      { participant = "ann", input = "choose_game_changer", fields = { game_changer = "subject" } },
      { participant = "dirk", input = "choose_game_changer", fields = { game_changer = "target_group" } },
    },
    outcome = {
      game_changers = { counts = { target_group = 1, subject = 3, position = 0, tone = 0 }, chosen = { "subject" } },
    },
    views = { ann = { game_changer_choice = "subject" } },
  },
}
