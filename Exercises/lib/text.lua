-- text: the two-language text values of the exercise API.
--
--   text.pick(t, lang)          -> the string for lang: a plain string is
--                                  itself; a table gives t[lang], else the
--                                  other language; nil gives ""
--   text.format(t, lang, ...)   -> string.format on the picked string
--   text.both(nl, en)           -> the text { nl = nl, en = en }
--   text.both_format(nl, en, ...) -> the text with string.format(nl, ...) and
--                                  string.format(en, ...)
--   text.prose(s)               -> wrapped lines joined: a single line break
--                                  becomes a space, a blank line a paragraph
--   text.trim(s)                -> s without leading and trailing whitespace
--   text.count(n, one, many)    -> "1 dot", "5 dots": n with the singular
--                                  or plural word

local fallback = { nl = "en", en = "nl" }

local function pick(t, lang)
  if t == nil then
    return ""
  end
  if type(t) ~= "table" then
    return tostring(t)
  end
  return t[lang] or t[fallback[lang] or "nl"] or t.nl or t.en or ""
end

local function format(t, lang, ...)
  return string.format(pick(t, lang), ...)
end

local function both(nl, en)
  return { nl = nl, en = en }
end

local function both_format(nl, en, ...)
  return { nl = string.format(nl, ...), en = string.format(en, ...) }
end

local function prose(s)
  local paragraphs = {}
  for paragraph in (s .. "\n\n"):gmatch("(.-)\n[ \t]*\n") do
    local joined = paragraph:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
    if joined ~= "" then
      paragraphs[#paragraphs + 1] = joined
    end
  end
  return table.concat(paragraphs, "\n\n")
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function count(n, one, many)
  return string.format("%d %s", n, n == 1 and one or many)
end

return {
  pick = pick,
  format = format,
  both = both,
  both_format = both_format,
  prose = prose,
  trim = trim,
  count = count,
}
