-- verslag: Dutch minutes ("Verslag") of a recorded session, in the form of the minutes of
-- "Iedereen Mee", session 6: a title, the date, a summary of what was decided (the exercises'
-- decisions), then per part of the session, numbered as on the agenda, what was said and
-- decided, as bullet points. `werkvorm report RECORD --plugin verslag`.
local text = require("text")

local function say(value)
  return text.pick(value, "nl")
end

-- A number as Dutch writes it: whole numbers without decimals, others with a decimal comma.
local function number(value)
  if math.type(value) == "float" and value == math.floor(value) then
    return string.format("%d", math.floor(value))
  end
  return (tostring(value):gsub("%.", ","))
end

-- Each report block becomes lines of the minutes.
local function block_lines(block, out)
  local kind = block.type
  if kind == "heading" or kind == "section" then
    out[#out + 1] = say(block.text)
  elseif kind == "paragraph" then
    out[#out + 1] = "· " .. say(block.text)
  elseif kind == "list" then
    for _, item in ipairs(block.items) do out[#out + 1] = "· " .. say(item) end
  elseif kind == "table" then
    local header = {}
    for i, column in ipairs(block.columns) do header[i] = say(column) end
    out[#out + 1] = "  " .. table.concat(header, " | ")
    for _, row in ipairs(block.rows) do
      local cells = {}
      for i, cell in ipairs(row) do cells[i] = say(cell) end
      out[#out + 1] = "  " .. table.concat(cells, " | ")
    end
  elseif kind == "bar_chart" then
    if block.title then out[#out + 1] = say(block.title) end
    for _, bar in ipairs(block.bars) do
      out[#out + 1] = "· " .. say(bar.label) .. ": " .. number(bar.value) .. (bar.highlight and " (gekozen)" or "")
    end
  elseif kind == "two_columns" then
    for _, side in ipairs({ block.left, block.right }) do
      out[#out + 1] = say(side.title)
      for _, item in ipairs(side.items) do out[#out + 1] = "· " .. say(item) end
    end
  elseif kind == "position_map" then
    out[#out + 1] = "Kaart van " .. say(block.left) .. " tot " .. say(block.right) .. ":"
    for _, point in ipairs(block.points) do
      out[#out + 1] = "· " .. say(point.label) .. ": " .. number(point.count)
    end
  elseif kind == "word_cloud" then
    -- in the minutes only the words that came back: a word said once says little
    local words = {}
    for _, word in ipairs(block.words) do
      if word.count > 1 then words[#words + 1] = word.word .. " (" .. word.count .. ")" end
    end
    if #words > 0 then out[#out + 1] = "· Woorden die terugkwamen: " .. table.concat(words, ", ") end
  end
end

-- The trainer's notes: each line a bullet, and a line that starts with "- " an item under
-- the line before it.
local function note_lines(notes, out)
  for line in (notes .. "\n"):gmatch("(.-)\n") do
    local item = line:match("^%s*[-*]%s+(.*)$")
    if item then
      out[#out + 1] = "   – " .. item
    elseif line:match("%S") then
      out[#out + 1] = "· " .. line
    end
  end
end

local function render(session)
  local out = {
    "Verslag " .. session.title,
    "Sessie: " .. session.date .. ", " .. session.start,
    "",
  }
  if #session.summary > 0 then
    out[#out + 1] = "Samenvatting"
    for _, block in ipairs(session.summary) do block_lines(block, out) end
    out[#out + 1] = ""
  end
  -- numbered as the agenda numbers them, the break included
  for _, step in ipairs(session.steps) do
    out[#out + 1] = step.step .. ") " .. step.title .. " (" .. step.start .. "–" .. step["end"] .. ")"
    if step.notes then note_lines(step.notes, out) end
    for index, block in ipairs(step.report) do
      -- the exercise's own first heading, when it only says the step's title again
      if not (index == 1 and block.type == "heading" and say(block.text) == step.title) then
        block_lines(block, out)
      end
    end
    out[#out + 1] = ""
  end
  return table.concat(out, "\n")
end

return {
  name = "verslag",
  description = { nl = "Verslag van de sessie, zoals een lerend netwerk het rondstuurt",
    en = "Dutch minutes of the session" },
  render = render,
}
