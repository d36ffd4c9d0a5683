-- Stereotype reflection, after seed 001 (learning network "Iedereen Mee",
-- session 6). By default (`mode = "brainstorm"`) as the seed ran it: what
-- stayed with you about a few words from the previous session (racisme,
-- dekolonisering, stereotypen en vooroordelen), written down per word in a
-- free brainstorm; then the four dimensions of racism are explained, after
-- Don Moussa Pandzou. With `mode = "dimensions"` participants instead name a
-- prejudice or stereotype they noticed and place it in one of the four
-- dimensions. Both end with a reflection.

local text = require("text")
local words = require("words")

local f = string.format

local dimensions = {
  { value = "institutional", label = { nl = "Institutioneel", en = "Institutional" } },
  { value = "structural", label = { nl = "Structureel", en = "Structural" } },
  { value = "interpersonal", label = { nl = "Interpersoonlijk", en = "Interpersonal" } },
  { value = "internalised", label = { nl = "Geïnternaliseerd", en = "Internalised" } },
}

local label_of = {}
for _, dimension in ipairs(dimensions) do
  label_of[dimension.value] = dimension.label
end

-- The words of seed 001's question, in its order.
local default_terms = {
  nl = { "Racisme", "Dekolonisering", "Stereotypen en vooroordelen" },
  en = { "Racism", "Decolonisation", "Stereotypes and prejudices" },
}

local defaults = {
  brainstorm = {
    nl = "Wat is je bijgebleven over deze woorden uit de vorige sessie?",
    en = "What has stayed with you about these words from the previous session?",
  },
  prompt = {
    nl = "Welk vooroordeel of stereotype heb je opgemerkt, bij jezelf of om je heen? "
      .. "In welke dimensie van racisme plaats je het?",
    en = "Which prejudice or stereotype did you notice, in yourself or around you? "
      .. "In which dimension of racism would you place it?",
  },
  reflection = {
    nl = "Wat zegt dit over je eigen referentiekader, en wat neem je mee naar je werk?",
    en = "What does this say about your own frame of reference, and what do you take back to your work?",
  },
}

------------------------------------------------------------------------
-- state

local function init(params, _, ctx)
  local terms = {}
  for index, term in ipairs(#params.terms > 0 and params.terms or default_terms[ctx.lang]) do
    terms[index] = { term = term, thoughts = {}, given = {} }
  end
  return {
    mode = params.mode,
    brainstorm_question = params.brainstorm_question,
    prompt = params.prompt,
    reflection_question = params.reflection_question,
    -- the brainstorm: per term, what was written ({ text =, participant = | anonymous = true })
    -- and, in lower case, as a set, so that a repeat is found at once
    terms = terms,
    statements = {},   -- { id =, text =, dimension =, participant = | anonymous = true }
    reflections = {},  -- { text =, participant = | anonymous = true }
    moved = {},        -- { statement =, from =, to = }
  }
end

-- Anonymous is allowed: saying your own prejudice aloud takes introspection,
-- and a name should not be the price of honesty.
local function author(entry, participant)
  if participant then
    entry.participant = participant
  else
    entry.anonymous = true
  end
  return entry
end

------------------------------------------------------------------------
-- handlers

-- A thought on one of the words: several per person, as on post-its.
local function thought(state, input)
  local number = input.fields.term
  local term = state.terms[number]
  if not term then
    return false, text.both_format("Er is geen woord %d; kies er een van 1 tot %d",
      "There is no word %d; choose one from 1 to %d", number, #state.terms)
  end
  local said = text.trim(input.fields.text)
  if said == "" then
    return false, text.both("Schrijf eerst op wat je is bijgebleven", "Write down what has stayed with you first")
  end
  if term.given[said:lower()] then
    return false, text.both_format("Dit staat al bij “%s”", "This is already under “%s”", term.term)
  end
  term.given[said:lower()] = true
  term.thoughts[#term.thoughts + 1] = author({ text = said }, input.participant)
end

local function stereotype(state, input)
  local said = text.trim(input.fields.text)
  if said == "" then
    return false, text.both("Schrijf eerst het vooroordeel of stereotype op",
      "Write down the prejudice or stereotype first")
  end
  local id = #state.statements + 1
  state.statements[id] = author({ id = id, text = said, dimension = input.fields.dimension }, input.participant)
end

local function reflection(state, input)
  local said = text.trim(input.fields.text)
  if said == "" then
    return false, text.both("Schrijf eerst je reflectie op", "Write down your reflection first")
  end
  state.reflections[#state.reflections + 1] = author({ text = said }, input.participant)
end

-- After discussion the group may agree that a statement belongs in another
-- dimension; the facilitator moves it and the move stays visible.
local function move_statement(state, input)
  local id, to = input.fields.statement, input.fields.dimension
  if #state.statements == 0 and state.mode == "brainstorm" then
    return false, text.both("In deze stap plaatst niemand uitspraken in dimensies",
      "In this step nobody places statements in dimensions")
  end
  local statement = state.statements[id]
  if not statement then
    return false, text.both(f("Er is geen uitspraak %d", id), f("There is no statement %d", id))
  end
  if statement.dimension == to then
    return false, text.both(f("Uitspraak %d staat al bij %s", id, label_of[to].nl),
      f("Statement %d is already under %s", id, label_of[to].en))
  end
  state.moved[#state.moved + 1] = { statement = id, from = statement.dimension, to = to }
  statement.dimension = to
end

------------------------------------------------------------------------
-- outcome

local function copy(entry)
  local result = {}
  for key, value in pairs(entry) do
    result[key] = value
  end
  return result
end

local function outcome(state)
  local per_dimension = {}
  for _, dimension in ipairs(dimensions) do
    local statements = {}
    for _, statement in ipairs(state.statements) do
      if statement.dimension == dimension.value then
        statements[#statements + 1] = copy(statement)
      end
    end
    per_dimension[#per_dimension + 1] = {
      dimension = dimension.value,
      count = #statements,
      statements = statements,
    }
  end
  local reflections, moved = {}, {}
  for index, entry in ipairs(state.reflections) do
    reflections[index] = copy(entry)
  end
  for index, entry in ipairs(state.moved) do
    moved[index] = copy(entry)
    moved[index].text = state.statements[entry.statement].text
  end
  local terms = {}
  for index, term in ipairs(state.terms) do
    local thoughts = {}
    for position, entry in ipairs(term.thoughts) do
      thoughts[position] = copy(entry)
    end
    terms[index] = { term = term.term, thoughts = thoughts }
  end
  return {
    mode = state.mode,
    brainstorm_question = state.brainstorm_question,
    terms = terms,
    prompt = state.prompt,
    reflection_question = state.reflection_question,
    statements = #state.statements,
    dimensions = per_dimension,
    reflections = reflections,
    moved = moved,
  }
end

------------------------------------------------------------------------
-- view: the wall is shared, so everyone sees the statements per dimension

-- The dimensions with their statements' texts only: a phone shows nobody's name.
local function anonymous(per_dimension)
  local list = {}
  for index, dimension in ipairs(per_dimension) do
    local statements = {}
    for position, statement in ipairs(dimension.statements) do
      statements[position] = { id = statement.id, text = statement.text }
    end
    list[index] = { dimension = dimension.dimension, count = dimension.count, statements = statements }
  end
  return list
end

local function view(state, participant)
  local mine = 0
  for _, statement in ipairs(state.statements) do
    if participant and statement.participant == participant then
      mine = mine + 1
    end
  end
  local result = outcome(state)
  -- the words, numbered for the phone, with what was written under each (no names)
  local terms = {}
  for index, term in ipairs(result.terms) do
    local thoughts = {}
    for position, entry in ipairs(term.thoughts) do
      thoughts[position] = entry.text
    end
    terms[index] = { number = index, text = term.term, thoughts = thoughts }
  end
  return {
    mode = result.mode,
    brainstorm_question = result.mode == "brainstorm" and result.brainstorm_question or nil,
    terms = result.mode == "brainstorm" and terms or nil,
    prompt = result.mode == "dimensions" and result.prompt or nil,
    reflection_question = result.reflection_question,
    dimensions = result.mode == "dimensions" and anonymous(result.dimensions) or nil,
    mine = mine,
  }
end

------------------------------------------------------------------------
-- report

-- A statement with its author only when the session script shows names for
-- this step (ctx.names); otherwise the statement alone.
local function item(entry, ctx)
  if not ctx.names then
    return entry.text
  end
  if entry.participant then
    return f("%s: %s", entry.participant, entry.text)
  end
  return text.format({ nl = "Anoniem: %s", en = "Anonymous: %s" }, ctx.lang, entry.text)
end

-- The word cloud is made of the reflections only: a cloud of the
-- stereotypes themselves would print the prejudices in big letters.
local function reflection_texts(result)
  local texts = {}
  for _, entry in ipairs(result.reflections) do
    texts[#texts + 1] = entry.text
  end
  return texts
end

-- The reflections, with a word cloud of them; the minutes' last part.
local function reflection_blocks(blocks, result, ctx)
  local lang = ctx.lang
  local items = {}
  for _, entry in ipairs(result.reflections) do
    items[#items + 1] = item(entry, ctx)
  end
  if #items == 0 and result.mode == "brainstorm" then
    return  -- the brainstorm was the exercise; a reflection round is not always held
  end
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Reflecties", en = "Reflections" } }
  blocks[#blocks + 1] = { type = "paragraph", text = text.pick(result.reflection_question, lang) }
  if #items > 0 then
    blocks[#blocks + 1] = { type = "list", items = items }
    local cloud = words.frequencies(reflection_texts(result), lang, { limit = 40 })
    if #cloud > 0 then
      blocks[#blocks + 1] = { type = "word_cloud", words = cloud }
    end
  else
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Geen reflecties.", en = "No reflections." } }
  end
end

-- Seed 001's minutes: the question, then per word what was written.
local function brainstorm_report(result, ctx)
  local blocks = {
    { type = "paragraph", text = text.pick(result.brainstorm_question, ctx.lang) },
  }
  for _, term in ipairs(result.terms) do
    blocks[#blocks + 1] = { type = "heading", text = term.term }
    local items = {}
    for _, entry in ipairs(term.thoughts) do
      items[#items + 1] = item(entry, ctx)
    end
    if #items > 0 then
      blocks[#blocks + 1] = { type = "list", items = items }
    else
      blocks[#blocks + 1] = { type = "paragraph", text = { nl = "(Niets opgeschreven.)", en = "(Nothing written.)" } }
    end
  end
  reflection_blocks(blocks, result, ctx)
  return blocks
end

local function report(result, ctx)
  if result.mode == "brainstorm" then
    return brainstorm_report(result, ctx)
  end
  local lang = ctx.lang
  local bars = {}
  local blocks = {
    { type = "heading", text = { nl = "Stereotypen en de vier dimensies van racisme",
      en = "Stereotypes and the four dimensions of racism" } },
    { type = "paragraph", text = text.pick(result.prompt, lang) },
    { type = "bar_chart", title = { nl = "Uitspraken per dimensie", en = "Statements per dimension" }, bars = bars },
  }
  for _, dimension in ipairs(result.dimensions) do
    local label = text.pick(label_of[dimension.dimension], lang)
    bars[#bars + 1] = { label = label, value = dimension.count }
    blocks[#blocks + 1] = { type = "heading", text = label }
    local items = {}
    for _, statement in ipairs(dimension.statements) do
      items[#items + 1] = item(statement, ctx)
    end
    if #items > 0 then
      blocks[#blocks + 1] = { type = "list", items = items }
    else
      blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Geen uitspraken.", en = "No statements." } }
    end
  end
  if #result.moved > 0 then
    local rows = {}
    for _, move in ipairs(result.moved) do
      rows[#rows + 1] = { move.text, text.pick(label_of[move.from], lang), text.pick(label_of[move.to], lang) }
    end
    blocks[#blocks + 1] = { type = "paragraph",
      text = { nl = "Na het gesprek verplaatst:", en = "Moved after the discussion:" } }
    blocks[#blocks + 1] = { type = "table",
      columns = { { nl = "Uitspraak", en = "Statement" }, { nl = "Van", en = "From" }, { nl = "Naar", en = "To" } },
      rows = rows }
  end
  reflection_blocks(blocks, result, ctx)
  return blocks
end

------------------------------------------------------------------------

-- A fresh field declaration each time: the two inputs share no tables.
local function dimension_field()
  local options = {}
  for _, dimension in ipairs(dimensions) do
    options[#options + 1] = { value = dimension.value, label = { nl = dimension.label.nl, en = dimension.label.en } }
  end
  return { name = "dimension", type = "choice", label = { nl = "Dimensie", en = "Dimension" }, options = options }
end

return {
  id = "stereotype-reflection",
  version = "2.0.1",
  title = { nl = "Stereotypen en de vier dimensies van racisme", en = "Stereotypes and the four dimensions of racism" },
  summary = {
    nl = text.prose([[
Deelnemers schrijven vrij op wat hen is bijgebleven over een paar woorden (racisme, dekolonisering,
stereotypen en vooroordelen), per woord. Daarna komen de vier dimensies van racisme aan bod:
institutioneel, structureel, interpersoonlijk en geïnternaliseerd. Of, als andere werkwijze, ze
benoemen een vooroordeel of stereotype en plaatsen het in een van de vier dimensies.]]),
    en = text.prose([[
Participants freely write down what has stayed with them about a few words (racism,
decolonisation, stereotypes and prejudices), word by word. Then the four dimensions of racism
follow: institutional, structural, interpersonal and internalised. Or, as another way of working,
they name a prejudice or stereotype and place it in one of the four dimensions.]]),
  },
  purpose = {
    nl = text.prose([[
Laten zien dat racisme op verschillende niveaus speelt, niet alleen tussen personen, en dat
iedereen vooroordelen heeft. Stereotypen doen ons beseffen dat ons referentiekader niet universeel
is: een kans om eigen waarden, normen en gewoonten in vraag te stellen.]]),
    en = text.prose([[
Show that racism plays out on several levels, not only between people, and that everyone holds
prejudices. Stereotypes make us realise that our frame of reference is not universal: a chance to
question our own values, norms and habits.]]),
  },
  duration = { default = 30, minimum = 15 },
  group_size = { min = 4, max = 50 },
  materials = {
    { nl = "Post-its en stiften", en = "Post-its and markers" },
    { nl = "Een flip-over of muur met vier vakken, één per dimensie",
      en = "A flip chart or wall with four areas, one per dimension", when = { mode = "dimensions" } },
  },
  params = {
    { name = "mode", type = "choice", label = { nl = "Werkwijze", en = "Way of working" }, default = "brainstorm",
      options = {
        { value = "brainstorm", label = { nl = "Vrij brainstormen per woord", en = "Free brainstorm per word" } },
        { value = "dimensions",
          label = { nl = "Plaatsen in de vier dimensies", en = "Placing in the four dimensions" } },
      } },
    { name = "terms", type = "text_list", max_length = 80,
      label = { nl = "Woorden om over te brainstormen (leeg: racisme, dekolonisering, stereotypen en vooroordelen)",
        en = "Words to brainstorm on (empty: racism, decolonisation, stereotypes and prejudices)" },
      default = {} },
    { name = "brainstorm_question", type = "bilingual", label = { nl = "Brainstormvraag", en = "Brainstorm question" },
      default = defaults.brainstorm },
    { name = "prompt", type = "bilingual", label = { nl = "Vraag bij het plaatsen", en = "Question for placing" },
      default = defaults.prompt },
    { name = "reflection_question", type = "bilingual",
      label = { nl = "Reflectievraag", en = "Reflection question" }, default = defaults.reflection },
  },
  phases = {
    { id = "brainstorm",
      when = { mode = "brainstorm" },
      title = { nl = "Wat is je bijgebleven?", en = "What has stayed with you?" },
      instructions = {
        nl = text.prose([[
Stel de centrale vraag aan de groep en noem de woorden. De deelnemers schrijven op wat hen is
bijgebleven, per woord: vrij brainstormen en prikkelen, zoveel post-its als ze willen. Anoniem
mag. Lees daarna per woord voor wat er staat, en laat de groep aanvullen.]]),
        en = text.prose([[
Ask the group the central question and name the words. Participants write down what has stayed
with them, word by word: a free brainstorm to spark ideas, as many post-its as they like.
Anonymous is fine. Then read out what is there, word by word, and let the group add to it.]]),
      },
      inputs = {
        { name = "thought", title = { nl = "Wat je is bijgebleven", en = "What has stayed with you" },
          by = "participant", anonymous = true,
          fields = {
            { name = "term", type = "integer", min = 1, max = 20, refers_to = "terms",
              label = { nl = "Woord", en = "Word" } },
            { name = "text", type = "text", max_length = 280,
              label = { nl = "Wat is je bijgebleven?", en = "What has stayed with you?" } },
          } },
      } },
    { id = "introduce",
      title = { nl = "De vier dimensies", en = "The four dimensions" },
      instructions = {
        nl = text.prose([[
Racisme speelt zich af op verschillende niveaus in de samenleving en in interacties. De vier
dimensies van racisme geven een breed beeld: racisme zit in alle domeinen van de samenleving.

Bij institutioneel en structureel racisme gaat het om machtsstructuren die ongelijkheid creëren,
bevestigen en behouden. Er is niet één persoon aan te wijzen, maar een heel systeem: overheden,
organisaties, bedrijven en onderwijs. Deze vorm van racisme is niet meteen zichtbaar. Als je zelf
geen nadelen ondervindt, besef je vaak niet dat anderen op basis van huidskleur of een vreemd
klinkende naam worden uitgesloten van een job, een stageplek of een huurappartement.
Institutioneel racisme zit in de regels en praktijken van een organisatie, bijvoorbeeld: mensen
met een migratieachtergrond of een donkere huidskleur worden in een winkel sneller in de gaten
gehouden door bewakingsagenten. Structureel racisme zit in het samenspel van systemen, zoals arbeid,
onderwijs en de huurmarkt, en is moeilijk te doorbreken.

Interpersoonlijk of moreel racisme speelt zich af tussen personen. Het ontstaat door bewuste of
onbewuste vooroordelen en haat naar mensen vanwege hun huidskleur of etniciteit. Het is vaak de
meest zichtbare vorm, maar kan ook heel subtiel zijn, zoals in micro-agressies: "Ik zie geen
kleur." "Mag ik aan je haar voelen?" "Ik ben geen racist, ik heb vrienden van kleur." Het kan ook
ontstaan tussen mensen van kleur onderling.

Geïnternaliseerd racisme is aanwezig in iemands denken en voelen: het, bewust of onbewust,
aanvaarden van een hiërarchie waarin mensen met een witte huidskleur een betere positie hebben dan
mensen met een andere huidskleur. Denk aan meisjes die hun kroeshaar laten ontkrullen omdat steil
haar als aantrekkelijker wordt gezien. Raciale vooroordelen worden al bij heel jonge kinderen
vastgesteld, zoals het experiment met de witte en de zwarte pop liet zien.]]),
        en = text.prose([[
Racism plays out on several levels in society and in interactions. The four dimensions of racism
give a broad picture: racism is present in every domain of society.

Institutional and structural racism are about power structures that create, confirm and maintain
inequality. There is no single person to point at, but a whole system: governments, organisations,
companies and education. This form of racism is not immediately visible. If you do not suffer its
disadvantages yourself, you often do not realise that others are shut out of a job, an internship
or a rented flat because of their skin colour or a foreign-sounding name. Institutional racism
lives in the rules and practices of an organisation, for example: people with a migration
background or dark skin are watched more closely by security guards when they go shopping. Structural racism lives
in the interplay of systems, such as work, education and the housing market, and is hard to break.

Interpersonal or moral racism happens between people. It comes from conscious or unconscious
prejudice and hatred towards people because of their skin colour or ethnicity. It is often the
most visible form, but it can be very subtle too, as in micro-aggressions: "I don't see colour."
"Can I touch your hair?" "I'm not a racist, I have friends of colour." It can also arise between
people of colour.

Internalised racism is present in someone's thinking and feeling: accepting, consciously or not, a
hierarchy in which people with white skin have a better position than people with another skin
colour. Think of girls who have their curly hair straightened because straight hair is seen as more
attractive. Racial prejudice is found even in very young children, as the experiment with the white
and the black doll showed.]]),
      },
      inputs = {} },
    { id = "share",
      when = { mode = "dimensions" },
      title = { nl = "Vooroordelen delen en plaatsen", en = "Share and place prejudices" },
      instructions = {
        nl = text.prose([[
Iedereen heeft stereotiepe ideeën; ze uitspreken vraagt introspectie. Het is niet simpel om in de
eigen boezem te kijken en vast te stellen dat jij en ik, met de beste bedoelingen, toch
vooroordelen en stereotypen in stand houden.

Stel de vraag. Iedereen schrijft één vooroordeel of stereotype per post-it, bij zichzelf of om zich
heen opgemerkt, en plaatst het in een van de vier vakken. Anoniem mag. Twijfel je over de
dimensie, kies er dan een: de groep bespreekt het straks. Geef geen commentaar terwijl mensen
schrijven.]]),
        en = text.prose([[
Everyone holds stereotyped ideas; saying them aloud takes introspection. It is not easy to look
into your own heart and find that you and I, with the best of intentions, still keep prejudices and
stereotypes alive.

Ask the question. Everyone writes one prejudice or stereotype per post-it, noticed in themselves or
around them, and places it in one of the four areas. Anonymous is fine. If you are unsure about the
dimension, choose one: the group will discuss it afterwards. Give no comments while people write.]]),
      },
      inputs = {
        { name = "stereotype", title = { nl = "Vooroordeel of stereotype", en = "Prejudice or stereotype" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", label = { nl = "Wat merkte je op?", en = "What did you notice?" },
              max_length = 280 },
            dimension_field(),
          } },
      } },
    { id = "reflect",
      title = { nl = "Reflectie", en = "Reflection" },
      instructions = {
        nl = text.prose([[
Hebben de deelnemers uitspraken in de dimensies geplaatst, loop dan de vier vakken door. Waar
staan de meeste uitspraken, waar de minste? Wat zie je niet? Institutioneel en structureel
racisme zijn minder zichtbaar en blijven daardoor vaak leeg. Verplaats een uitspraak als de groep
samen vindt dat ze beter in een andere dimensie past.

Stel daarna de reflectievraag; antwoorden mogen anoniem. Sluit af met de kern: alle stereotypen
maken het voor de mensen over wie ze gaan moeilijk om zichzelf te zijn. Ze houden geen rekening met
persoonlijke verschillen zoals karakter, talenten en voorkeuren. Het medicijn tegen vooroordelen
is in gesprek gaan en bijleren over die vooroordelen en waar ze vandaan komen.]]),
        en = text.prose([[
If participants placed statements in the dimensions, go through the four areas. Where are the
most statements, where the fewest? What do you not see? Institutional and structural racism are
less visible and so often stay empty. Move a statement if the group agrees that it fits better in
another dimension.

Then ask the reflection question; answers may be anonymous. Close with the core: all stereotypes
make it hard for the people they concern to be themselves. They take no account of personal
differences such as character, talents and preferences. The medicine against prejudice is to talk
and to learn about these prejudices and where they come from.]]),
      },
      inputs = {
        { name = "reflection", title = { nl = "Reflectie", en = "Reflection" },
          by = "participant", anonymous = true,
          fields = {
            { name = "text", type = "text", label = { nl = "Jouw reflectie", en = "Your reflection" },
              max_length = 500 },
          } },
        { name = "move_statement", title = { nl = "Uitspraak verplaatsen", en = "Move a statement" },
          by = "facilitator",
          fields = {
            { name = "statement", type = "integer", label = { nl = "Uitspraak (nummer)", en = "Statement (number)" },
              min = 1 },
            dimension_field(),
          } },
      } },
  },
  init = init,
  handlers = {
    thought = thought,
    stereotype = stereotype,
    reflection = reflection,
    move_statement = move_statement,
  },
  outcome = outcome,
  view = view,
  report = report,
}
