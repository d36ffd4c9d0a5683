-- words: word frequencies for word clouds.
--
--   words.frequencies(texts, lang [, opts]) -> { { word =, count = }, ... }
--     most frequent first, ties by word (byte-wise).
--
-- Every word is lowercased, also the accented capitals of Dutch, English,
-- French and German (É -> é, Ë -> ë, Ĳ -> ĳ ...). A word is a run of letters
-- and digits; every character outside ASCII counts as a letter, except
-- punctuation, symbols and spaces (curly quotes, dashes, arrows, bullets,
-- emoji). An apostrophe or a dash between two letters stays inside the word
-- ("auto's", "top-down"); a curly apostrophe becomes a straight one.
-- Dutch and English stop words are dropped in both languages, except the
-- stop words of the other language that are real words in `lang` ("door"
-- and "want" in English text, "been" in Dutch text). Words shorter than
-- `min_length` characters (UTF-8 characters, not bytes) are dropped.
--
-- opts (all optional):
--   min_length = 3           shortest word kept
--   stop_words = { ... }     extra words to drop (lowercase)
--   limit = n                keep only the first n words

local dutch = [[
aan af al alle alles als altijd andere ben bij daar dan dat de der deze die
dit doch doen door dus een eens en er ge geen geweest haar had heb hebben
heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw jullie
kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu
of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit uw
van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt
zal ze zelf zich zij zijn zo zonder zou zouden daarom hierbij waar welke
welk elk elke iedere ieder heel erg nogal even dus bv enz etc zoals via
binnen tussen sinds terwijl wanneer hoewel omdat indien zodat mee wie ons
je jezelf zichzelf hen hun zulke zo'n dezelfde hetzelfde gaan gaat ging
worden wordt werden zijn is was waren wees geweest kunnen kan kon konden
moeten moet moest mogen mag mocht willen wil wou hebben heeft had hadden
ervoor erover ermee erbij ergens ervan eraan erin daarvoor daarmee daarbij
daarvan daarin daarop waarvoor waarmee waarbij waarin hierdoor hiervoor
komen komt kwam kwamen zitten zit zat doen doet deed maken maakt maakte
zeggen zegt zei laten laat liet staan staat stond krijgen krijgt kreeg
weer nooit vaak soms wat alleen samen steeds echt wel vooral ander anders
]]

local english = [[
a about above after again against all am an and any are as at be because
been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just let me more
most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves also may might must
shall us many much every etc via per yet upon within without cannot can't
don't doesn't didn't isn't aren't wasn't weren't won't wouldn't i'm it's
that's there's we're they're you're i've we've they've
get gets got make makes made come comes came go goes went take takes took
say says said see sees saw let lets put puts always never often
sometimes really still even again together
]]

-- Stop words of the other language that are ordinary words in this one.
local false_friends = {
  nl = { "been", "most" },
  en = { "door", "die", "want", "men", "ben", "hoe", "wil", "even", "had" },
}

local function word_set(source)
  local set = {}
  for word in source:gmatch("%S+") do
    set[word] = true
  end
  return set
end

local dutch_set, english_set = word_set(dutch), word_set(english)

local cached_stop_words = {}

local function stop_words_for(lang, extra)
  if extra == nil and cached_stop_words[lang] then
    return cached_stop_words[lang]
  end
  local set = {}
  for _, source in ipairs({ dutch_set, english_set }) do
    for word in pairs(source) do
      set[word] = true
    end
  end
  local own = lang == "en" and english_set or dutch_set
  for _, word in ipairs(false_friends[lang] or {}) do
    if not own[word] then
      set[word] = nil
    end
  end
  for _, word in ipairs(extra or {}) do
    set[word] = true
  end
  if extra == nil then
    cached_stop_words[lang] = set
  end
  return set
end

-- Lowercase one code point: ASCII, Latin-1 (À..Þ) and Latin Extended-A.
local function lower_code(code)
  if code >= 0x41 and code <= 0x5A then
    return code + 32
  elseif code >= 0xC0 and code <= 0xDE and code ~= 0xD7 then
    return code + 32
  elseif code >= 0x0100 and code <= 0x0137 and code ~= 0x0130 then
    return code | 1
  elseif code == 0x0130 then
    return 0x69
  elseif (code >= 0x0139 and code <= 0x0148) or (code >= 0x0179 and code <= 0x017E) then
    return code % 2 == 1 and code + 1 or code
  elseif code >= 0x014A and code <= 0x0177 then
    return code | 1
  elseif code == 0x0178 then
    return 0xFF
  end
  return code
end

local apostrophes = { [0x27] = true, [0x2019] = true, [0x02BC] = true }
local dashes = { [0x2D] = true, [0x2010] = true, [0x2011] = true }

local function is_letter(code)
  if code < 0x80 then
    return (code >= 0x30 and code <= 0x39) or (code >= 0x61 and code <= 0x7A)
      or (code >= 0x41 and code <= 0x5A)
  end
  if code < 0xC0 or code == 0xD7 or code == 0xF7 then
    return false -- Latin-1 punctuation and symbols: « » ¿ ° × ÷ ...
  end
  if (code >= 0x2000 and code <= 0x2BFF) or (code >= 0x3000 and code <= 0x303F)
      or (code >= 0xFE00 and code <= 0xFE0F) or code >= 0x1F000 then
    return false -- punctuation, arrows, symbols, emoji
  end
  return true
end

-- The text as a list of code points; a byte that is not valid UTF-8 counts
-- as a letter of its own (so broken text still splits sensibly).
local function code_points(s)
  local codes = {}
  for char in s:gmatch("[\0-\x7F\xC0-\xFF][\x80-\xBF]*") do
    local ok, code = pcall(utf8.codepoint, char)
    codes[#codes + 1] = ok and code or 0xFFFD
  end
  return codes
end

local function tokens(s)
  local codes = code_points(s)
  local result, current = {}, {}
  local function finish()
    if #current > 0 then
      result[#result + 1] = utf8.char(table.unpack(current))
      current = {}
    end
  end
  for index, code in ipairs(codes) do
    local next_code = codes[index + 1]
    if is_letter(code) then
      current[#current + 1] = lower_code(code)
    elseif (apostrophes[code] or dashes[code]) and #current > 0
        and next_code and is_letter(next_code) then
      current[#current + 1] = apostrophes[code] and 0x27 or 0x2D
    else
      finish()
    end
  end
  finish()
  return result
end

local function frequency_before(a, b)
  if a.count ~= b.count then
    return a.count > b.count
  end
  return a.word < b.word
end

-- Words with their counts ({ [word] = count }), most frequent first, at most `limit`: for an
-- exercise that keeps its counts up to date as answers come in.
local function top(counts, limit)
  local result = {}
  for word, count in pairs(counts) do
    result[#result + 1] = { word = word, count = count }
  end
  table.sort(result, frequency_before)
  if limit then
    for index = #result, limit + 1, -1 do
      result[index] = nil
    end
  end
  return result
end

local function frequencies(texts, lang, opts)
  opts = opts or {}
  local min_length = opts.min_length or 3
  local stop = stop_words_for(lang, opts.stop_words)
  local counts = {}
  for _, s in ipairs(texts) do
    for _, word in ipairs(tokens(s)) do
      if not stop[word] and utf8.len(word) >= min_length then
        counts[word] = (counts[word] or 0) + 1
      end
    end
  end
  return top(counts, opts.limit)
end

return {
  frequencies = frequencies,
  top = top,
}
