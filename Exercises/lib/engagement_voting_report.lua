-- engagement_voting_report: the blocks of engagement-voting's outcome for the
-- minutes.
--
--   engagement_voting_report.report(outcome, ctx)    -> the report's blocks
--   engagement_voting_report.decisions(outcome, ctx) -> the engagements chosen,
--                                                       for a report's summary
--   engagement_voting_report.dots_nl(n), .dots_en(n) -> "5 bolletjes", "5 dots",
--                                                       as the exercise says it too

local text = require("text")

local f = string.format

-- "1 bolletje", "5 bolletjes"; "1 dot", "5 dots".
local function dots_nl(n)
  return text.count(n, "bolletje", "bolletjes")
end

local function dots_en(n)
  return text.count(n, "dot", "dots")
end

-- What the minutes put first: the engagements chosen, most dots first.
local function decisions(result)
  if #result.chosen == 0 then
    return {}
  end
  local items = {}
  for _, entry in ipairs(result.chosen) do
    items[#items + 1] = entry.text
  end
  return {
    { type = "heading", text = { nl = "Gekozen engagementen", en = "Chosen engagements" } },
    { type = "list", items = items },
  }
end

local function report(result, ctx)
  local lang = ctx.lang
  local function line(nl, en, ...)
    return text.format({ nl = nl, en = en }, lang, ...)
  end
  local function dots_word(n)
    return lang == "en" and dots_en(n) or dots_nl(n)
  end
  -- the minutes of seed 001 count votes: "Ik durf ... aan de slag te gaan; 7 stemmen"
  local function votes_word(n)
    return lang == "en" and text.count(n, "vote", "votes") or text.count(n, "stem", "stemmen")
  end
  local chosen_keys, chosen_items = {}, {}
  for _, entry in ipairs(result.chosen) do
    chosen_keys[entry.key] = true
    local after = entry.by == "facilitator" and line(" (na de stemming gekozen)", " (chosen after the vote)") or ""
    chosen_items[#chosen_items + 1] = f("%s; %s%s", entry.text, votes_word(entry.count), after)
  end
  -- every engagement once, in the chart; the chosen ones again as the minutes list them
  local bars = {}
  for _, entry in ipairs(result.ranking) do
    bars[#bars + 1] = { label = entry.text, value = entry.count, highlight = chosen_keys[entry.key] or nil }
  end
  local rules = result.rules
  local stacking = rules.max_per_note > 0
    and line("hoogstens %d per engagement", "at most %d per engagement", rules.max_per_note)
    or line("stapelen mocht", "stacking allowed")
  local blocks = {
    { type = "heading", text = { nl = "Stemmen op engagementen", en = "Voting on engagements" } },
    { type = "paragraph", text = text.pick(result.question, lang) },
    { type = "paragraph", text = line(
      "%d engagementen, %d deelnemers met elk %s (%s); %d bolletjes gebruikt.",
      "%d engagements, %d participants with %s each (%s); %d dots used.",
      #result.notes, result.participants, dots_word(rules.dots), stacking, result.dots_used) },
    { type = "bar_chart", title = { nl = "Bolletjes per engagement", en = "Dots per engagement" }, bars = bars },
    { type = "heading", text = { nl = "Gekozen engagementen", en = "Chosen engagements" } },
  }
  if #chosen_items > 0 then
    blocks[#blocks + 1] = { type = "list", items = chosen_items }
  else
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = "Er is (nog) niet gestemd.", en = "No votes (yet)." } }
  end
  if #result.dots_left > 0 then
    local left = 0
    for _, entry in ipairs(result.dots_left) do
      left = left + entry.left
    end
    local people = #result.dots_left
    local nl = people == 1 and f("Niet alle bolletjes zijn gebruikt: 1 deelnemer hield %s over.", dots_nl(left))
      or f("Niet alle bolletjes zijn gebruikt: %d deelnemers hielden samen %s over.", people, dots_nl(left))
    local en = f("Not all dots were used: %s kept %s.",
      text.count(people, "participant", "participants"), dots_en(left))
    blocks[#blocks + 1] = { type = "paragraph", text = { nl = nl, en = en } }
  end
  return blocks
end

return {
  report = report,
  decisions = decisions,
  dots_nl = dots_nl,
  dots_en = dots_en,
}
