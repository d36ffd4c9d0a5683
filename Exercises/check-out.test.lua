-- Tests for check-out.

return {
  { name = "a round of sentences: one each, a pass that is not final, an anonymous one",
    participants = { "ann", "bob", "cas" },
    events = {
      { participant = "ann", input = "leave_with", fields = { text = " Dat iedereen vooroordelen heeft, ik ook. " } },
      { participant = "ann", input = "leave_with", fields = { text = "Nog iets" },
        rejected = "Je hebt al iets gezegd" },
      { participant = "bob", input = "pass" },
      { participant = "bob", input = "pass", rejected = "Je hebt al gepast" },
      { participant = "cas", input = "pass" },
      { input = "leave_with", fields = { text = "Goesting om te beginnen" } },
      { participant = "bob", input = "leave_with", fields = { text = "Luisteren" } },
      { participant = "bob", input = "pass", rejected = "Je hebt al iets gezegd" },
    },
    outcome = {
      form = "sentence",
      said = { "Dat iedereen vooroordelen heeft, ik ook.", "Goesting om te beginnen", "Luisteren" },
      passed = 1,
    },
    views = { bob = { done = true }, cas = { done = false, passed = true } },
  },

  { name = "one word each makes a word cloud; a sentence is refused",
    params = { form = "word", question = { nl = "Eén woord?", en = "One word?" } },
    participants = { "ann", "bob", "cas" },
    events = {
      { participant = "ann", input = "leave_with", fields = { text = "Hoopvol" } },
      { participant = "bob", input = "leave_with", fields = { text = "Heel hoopvol" },
        rejected = "Eén woord, geen zin" },
      { participant = "bob", input = "leave_with", fields = { text = "hoopvol" } },
      { participant = "cas", input = "leave_with", fields = { text = "Moe" } },
      { join = "dirk" },
      { participant = "dirk", input = "pass" },
    },
    outcome = {
      form = "word",
      said = { "Hoopvol", "hoopvol", "Moe" },
      passed = 1,
      words = { { word = "hoopvol", count = 2 }, { word = "moe", count = 1 } },
    },
  },

  { name = "a pass cannot be anonymous; an empty text is refused",
    participants = { "ann", "bob" },
    events = {
      { input = "pass", rejected = "participant" },
      { participant = "ann", input = "leave_with", fields = { text = "   " }, rejected = "leeg" },
      { participant = "ann", input = "leave_with", fields = { text = "Rust" } },
    },
    outcome = { said = { "Rust" }, passed = 0 },
    views = { ann = { done = true }, bob = { done = false } },
  },

  { name = "in English: the exercise's question in both languages, a sentence kept as said",
    participants = { "ann" },
    events = {
      { participant = "ann", input = "leave_with", fields = { text = "Curious about the next session" } },
    },
    outcome = {
      question = { nl = "Met welk woord of welke zin ga je naar huis?",
        en = "Which word or sentence do you take home with you?" },
      said = { "Curious about the next session" },
    },
  },
}
