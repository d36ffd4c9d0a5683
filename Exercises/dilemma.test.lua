-- Tests for dilemma.

local function choose(who, option, reason)
  return { participant = who, input = "choose", fields = { option = option, reason = reason } }
end

return {
  { name = "choices with their reasons; a change of mind after the conversation; an anonymous choice",
    participants = { "ann", "bob", "cas" },
    events = {
      choose("ann", 1, "Zwijgen is ook een boodschap."),
      choose("bob", 2, "  Aan tafel zet je iemand voor schut.  "),
      choose("cas", 3),
      { participant = "ann", input = "choose", fields = { option = 1 }, rejected = "Dat heb je al gekozen" },
      { participant = "cas", input = "choose", fields = { option = 5 }, rejected = "Er is geen keuze 5" },
      choose(nil, 1, "Wie lacht, doet mee."),
      choose("cas", 2, "Ik heb gehoord dat het gesprek achteraf beter werkt."),
    },
    outcome = {
      chosen = 4,
      changed = 1,
      options = {
        { number = 1, text = "Ik zeg er meteen iets van, aan tafel.", count = 2,
          reasons = { "Zwijgen is ook een boodschap.", "Wie lacht, doet mee." } },
        { number = 2, count = 2,
          reasons = { "Aan tafel zet je iemand voor schut.", "Ik heb gehoord dat het gesprek achteraf beter werkt." } },
        { number = 3, count = 0, reasons = {} },
        { number = 4, count = 0, reasons = {} },
      },
    },
    views = { cas = { choice = "2. Ik spreek de collega later onder vier ogen aan." } },
  },

  { name = "a case and options of the session's own",
    params = {
      case = { nl = "Een bewoner weigert hulp van een vrijwilliger met een hoofddoek.",
        en = "A resident refuses help from a volunteer wearing a headscarf." },
      options = { "De vrijwilliger blijft", "Een andere vrijwilliger neemt over" },
    },
    participants = { "ann", "bob" },
    events = {
      choose("ann", 1, "De vrijwilliger is welkom zoals ze is."),
      { participant = "bob", input = "choose", fields = { option = 3 }, rejected = "kies er een van 1 tot 2" },
    },
    outcome = {
      chosen = 1,
      changed = 0,
      options = {
        { number = 1, text = "De vrijwilliger blijft", count = 1 },
        { number = 2, text = "Een andere vrijwilliger neemt over", count = 0 },
      },
    },
  },

  { name = "a choice without a reason counts; an empty reason is no reason",
    participants = { "ann", "bob" },
    events = {
      choose("ann", 4),
      choose("bob", 4, "   "),
    },
    outcome = {
      chosen = 2,
      options = { { count = 0 }, { count = 0 }, { count = 0 }, { number = 4, count = 2, reasons = {} } },
    },
  },

  { name = "nobody chose yet: every option at zero",
    participants = { "ann" },
    events = {},
    outcome = { chosen = 0, changed = 0 },
    views = { ann = { options = { { number = 1 }, { number = 2 }, { number = 3 }, { number = 4 } } } },
  },

  { name = "an English session brings the exercise's options in English",
    lang = "en",
    participants = { "ann" },
    events = { choose("ann", 2, "A quiet word works better.") },
    outcome = {
      options = {
        { number = 1, text = "I say something at once, at the table." },
        { number = 2, text = "I speak to the colleague later, in private.", count = 1,
          reasons = { "A quiet word works better." } },
        { number = 3 }, { number = 4 },
      },
    },
  },
}
