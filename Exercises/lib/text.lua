-- text: the two-language text values of the exercise API.
--
--   text.pick(t, lang)          -> the string for lang: a plain string is
--                                  itself; a table gives t[lang], else the
--                                  other language; nil gives ""
--   text.format(t, lang, ...)   -> string.format on the picked string

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

return {
  pick = pick,
  format = format,
}
