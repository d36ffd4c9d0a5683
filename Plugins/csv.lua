-- csv: every input of a recorded session as a CSV table, for spreadsheet users: one row per
-- input or phase change, in the order they were entered, one column per field, headers and
-- values in the report's language. The participant is shown only for a step whose names the
-- session script shows. `werkvorm report RECORD --plugin csv`.
local text = require("text")

-- A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). A text that a
-- spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return)
-- gets a ' before it, so that opening the file runs nothing a participant typed.
local function cell(value)
  local s = value == nil and "" or tostring(value)
  if type(value) == "string" and s:find("^[=+%-@\t\r]") then
    s = "'" .. s
  end
  if s:find('[,"\r\n]') then
    s = '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

local HEADERS = {
  nl = { "stap", "tijd", "deelnemer", "invoer", "resultaat", "reden" },
  en = { "step", "time", "participant", "input", "result", "reason" },
}

local RESULTS = {
  accepted = { nl = "aanvaard", en = "accepted" },
  rejected = { nl = "geweigerd", en = "rejected" },
  failed = { nl = "mislukt", en = "failed" },
  held = { nl = "wacht op goedkeuring", en = "held for approval" },
}

local PHASE = { nl = "fase: %s", en = "phase: %s" }

-- A field's value in a cell: true and false in the report's language, numbers as Dutch or
-- English writes them.
local function field_value(value, lang)
  if value == true then return lang == "nl" and "ja" or "yes" end
  if value == false then return lang == "nl" and "nee" or "no" end
  if math.type(value) == "float" and lang == "nl" then return (tostring(value):gsub("%.", ",")) end
  return value
end

-- What an event did: its input, its phase, or for the facilitator's steering the kind of
-- step it took (a join by its kind only: its value is a name).
local ACTIONS = { "go", "join", "reveal", "pause", "approve", "hide" }
local function action_of(event, lang)
  if event.input then return event.input end
  if event.phase then return text.format(PHASE, lang, event.phase) end
  for _, key in ipairs(ACTIONS) do
    if event[key] ~= nil then return key end
  end
  return ""
end

-- Who gave an input is left out, unless the session script shows names for that step.
local function render(session)
  local lang = session.language
  local names = {}
  for _, step in ipairs(session.steps) do names[step.step] = step.names end
  -- one column per field any input has, in the order of their names
  local seen, fields = {}, {}
  for _, event in ipairs(session.events) do
    for key in pairs(event.fields or {}) do
      if not seen[key] then
        seen[key] = true
        fields[#fields + 1] = key
      end
    end
  end
  table.sort(fields)
  local header = {}
  for i, name in ipairs(HEADERS[lang]) do header[i] = cell(name) end
  for _, name in ipairs(fields) do table.insert(header, #header - 1, cell(name)) end
  local rows = { table.concat(header, ",") }
  for _, event in ipairs(session.events) do
    local participant = names[event.step] and event.participant or nil
    local row = { cell(event.step), cell(event.time), cell(participant), cell(action_of(event, lang)) }
    for _, name in ipairs(fields) do
      row[#row + 1] = cell(field_value((event.fields or {})[name], lang))
    end
    local result = RESULTS[event.result]
    row[#row + 1] = cell(result and result[lang] or event.result)
    row[#row + 1] = cell(event.reason and text.pick(event.reason, lang) or "")
    rows[#rows + 1] = table.concat(row, ",")
  end
  return table.concat(rows, "\n") .. "\n"
end

return {
  name = "csv",
  description = { nl = "Elke invoer als CSV-tabel", en = "Every input as a CSV table" },
  extension = "csv",
  render = render,
}
