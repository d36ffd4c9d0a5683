-- polarisation_report: the blocks of a polarisation map's outcome, for the
-- minutes and, while the step runs (ctx.live), for the projector.
--
--   polarisation_report.report(outcome, ctx)    -> the report's blocks
--   polarisation_report.decisions(outcome, ctx) -> the game changer chosen,
--                                                  for a report's summary

local text = require("text")
local polarisation = require("polarisation")
local places, place_of, game_changers = polarisation.places, polarisation.place_of, polarisation.game_changers

local f = string.format

-- The moves into a round, as arrows from place to place with how many.
local function arrows_into(issue, number)
  local arrows, index = {}, {}
  for _, move in ipairs(issue.movements) do
    if move.round == number then
      local key = move.from .. ">" .. move.to
      if not index[key] then
        local from, to = place_of[move.from], place_of[move.to]
        arrows[#arrows + 1] = { from_x = from.x, from_y = from.y, to_x = to.x, to_y = to.y, count = 0 }
        index[key] = #arrows
      end
      arrows[index[key]].count = arrows[index[key]].count + 1
    end
  end
  return arrows
end

local function map_block(issue, round, lang)
  local points = {}
  for _, place in ipairs(places) do
    local count = round.counts[place.value]
    if count > 0 then
      points[#points + 1] = { x = place.x, y = place.y, label = text.pick(place.short or place.label, lang),
        count = count }
    end
  end
  return { type = "position_map", points = points, arrows = arrows_into(issue, round.round),
    left = text.pick(issue.poles.left, lang), right = text.pick(issue.poles.right, lang) }
end

-- "Joiner (Voor de opvanglocatie)": a place named with its pole, for tables.
local function place_name(issue, value, lang)
  local place = place_of[value]
  if place.short then
    local pole = value:find("_left$") and issue.poles.left or issue.poles.right
    return f("%s (%s)", place.short, text.pick(pole, lang))
  end
  return text.pick(place.label, lang)
end

local function distribution_table(issue, lang)
  local columns = { { nl = "Plek", en = "Place" } }
  for _, round in ipairs(issue.distribution) do
    columns[#columns + 1] = text.format({ nl = "Ronde %d", en = "Round %d" }, lang, round.round)
  end
  local rows = {}
  for _, place in ipairs(places) do
    local row = { place_name(issue, place.value, lang) }
    for _, round in ipairs(issue.distribution) do
      row[#row + 1] = round.counts[place.value]
    end
    rows[#rows + 1] = row
  end
  return { type = "table", columns = columns, rows = rows }
end

-- Who moved: by name only when the session script shows names for this
-- step; otherwise how many went from where to where.
local function movements_block(issue, ctx)
  local lang = ctx.lang
  if #issue.movements == 0 then
    return { type = "paragraph", text = { nl = "Niemand is van plek veranderd.", en = "Nobody changed place." } }
  end
  local rows = {}
  if ctx.names then
    for _, move in ipairs(issue.movements) do
      rows[#rows + 1] = { move.round, move.participant,
        place_name(issue, move.from, lang), place_name(issue, move.to, lang) }
    end
    return { type = "table",
      columns = { { nl = "Ronde", en = "Round" }, { nl = "Deelnemer", en = "Participant" },
        { nl = "Van", en = "From" }, { nl = "Naar", en = "To" } },
      rows = rows }
  end
  local index = {}
  for _, move in ipairs(issue.movements) do
    local key = move.round .. ":" .. move.from .. ">" .. move.to
    if not index[key] then
      rows[#rows + 1] = { move.round, place_name(issue, move.from, lang), place_name(issue, move.to, lang), 0 }
      index[key] = #rows
    end
    rows[index[key]][4] = rows[index[key]][4] + 1
  end
  return { type = "table",
    columns = { { nl = "Ronde", en = "Round" }, { nl = "Van", en = "From" }, { nl = "Naar", en = "To" },
      { nl = "Aantal", en = "Number" } },
    rows = rows }
end

local function entry_text(entry, ctx)
  if ctx.names and entry.participant then
    return f("%s: %s", entry.participant, entry.text)
  end
  return entry.text
end

-- How many are not on the map, when anyone is not.
local function unplaced_block(blocks, round, lang)
  if #round.unplaced > 0 then
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "Niet op de kaart: %d van de %d.", en = "Not on the map: %d of %d." }, lang,
        #round.unplaced, round.participants) }
  end
end

-- What worries the silent middle, when it said anything.
local function concerns_block(blocks, issue, ctx)
  if #issue.concerns > 0 then
    local items = {}
    for index, entry in ipairs(issue.concerns) do
      items[index] = entry_text(entry, ctx)
    end
    blocks[#blocks + 1] = { type = "heading", text = { nl = "Zorgen van het stille midden",
      en = "Concerns of the silent middle" } }
    blocks[#blocks + 1] = { type = "list", items = items }
  end
end

local function issue_blocks(blocks, issue, several, ctx)
  local lang = ctx.lang
  local poles = text.format({ nl = "Polen: %s en %s.", en = "Poles: %s and %s." }, lang,
    text.pick(issue.poles.left, lang), text.pick(issue.poles.right, lang))
  if several then
    blocks[#blocks + 1] = { type = "heading",
      text = text.format({ nl = "Kwestie %d: %s", en = "Issue %d: %s" }, lang, issue.number,
        text.pick(issue.issue, lang)) }
    blocks[#blocks + 1] = { type = "paragraph", text = poles }
  else
    blocks[#blocks + 1] = { type = "paragraph",
      text = text.format({ nl = "Kwestie: %s. %s", en = "Issue: %s. %s" }, lang, text.pick(issue.issue, lang), poles) }
  end
  for _, round in ipairs(issue.distribution) do
    if #issue.distribution > 1 then
      blocks[#blocks + 1] = { type = "paragraph",
        text = text.format({ nl = "Ronde %d", en = "Round %d" }, lang, round.round) }
    end
    blocks[#blocks + 1] = map_block(issue, round, lang)
    unplaced_block(blocks, round, lang)
  end
  local last = issue.distribution[#issue.distribution]
  if #last.reasons > 0 then
    local items = {}
    for _, reason in ipairs(last.reasons) do
      items[#items + 1] = f("%s: %s", place_name(issue, reason.place, lang), reason.text)
    end
    blocks[#blocks + 1] = { type = "heading", text = { nl = "Waarom daar", en = "Why there" } }
    blocks[#blocks + 1] = { type = "list", items = items }
  end
  concerns_block(blocks, issue, ctx)
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Verdeling per ronde", en = "Distribution per round" } }
  blocks[#blocks + 1] = distribution_table(issue, lang)
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Bewegingen", en = "Movements" } }
  blocks[#blocks + 1] = movements_block(issue, ctx)
end

local function game_changer_blocks(blocks, result, lang)
  local counts = result.game_changers.counts
  local bars, any = {}, false
  local chosen = {}
  for _, value in ipairs(result.game_changers.chosen) do
    chosen[value] = true
  end
  for _, changer in ipairs(game_changers) do
    any = any or counts[changer.value] > 0
    bars[#bars + 1] = { label = text.pick(changer.label, lang), value = counts[changer.value],
      highlight = chosen[changer.value] or nil }
  end
  if not any then
    return
  end
  blocks[#blocks + 1] = { type = "heading", text = { nl = "Game changer", en = "Game changer" } }
  blocks[#blocks + 1] = { type = "bar_chart", bars = bars }
end

-- On the projector while the step runs (ctx.live): the issue the room is at,
-- its map as it stands, and the concerns of the silent middle.
local function live_report(result, ctx)
  local lang = ctx.lang
  local issue = result.issues[result.current_issue]
  local round = issue.distribution[#issue.distribution]
  local blocks = {
    { type = "paragraph", text = text.format({ nl = "%s (ronde %d)", en = "%s (round %d)" }, lang,
      text.pick(issue.issue, lang), round.round) },
    map_block(issue, round, lang),
  }
  unplaced_block(blocks, round, lang)
  concerns_block(blocks, issue, ctx)
  game_changer_blocks(blocks, result, lang)
  return blocks
end

local function report(result, ctx)
  if ctx.live then
    return live_report(result, ctx)
  end
  local blocks = {
    { type = "heading", text = { nl = "Polarisatiekaart", en = "Polarisation map" } },
  }
  for _, issue in ipairs(result.issues) do
    issue_blocks(blocks, issue, #result.issues > 1, ctx)
  end
  game_changer_blocks(blocks, result, ctx.lang)
  return blocks
end

-- What the minutes put first: the game changer the group chose.
local function decisions(result, ctx)
  if #result.game_changers.chosen == 0 then
    return {}
  end
  local items = {}
  for _, value in ipairs(result.game_changers.chosen) do
    for _, changer in ipairs(game_changers) do
      if changer.value == value then
        items[#items + 1] = text.pick(changer.label, ctx.lang)
      end
    end
  end
  return {
    { type = "heading", text = { nl = "Gekozen game changer", en = "Game changer chosen" } },
    { type = "list", items = items },
  }
end

return {
  report = report,
  decisions = decisions,
}
