-- csv: every input of a recorded session as a CSV table, for spreadsheet users: one row per
-- input or phase change, in the order they were entered; the participant only for a step whose
-- names the session script shows. `werkvorm report RECORD --plugin csv`.
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

local function fields_text(fields)
  if not fields then return "" end
  local keys = {}
  for key in pairs(fields) do keys[#keys + 1] = key end
  table.sort(keys)
  local parts = {}
  for i, key in ipairs(keys) do parts[i] = key .. "=" .. tostring(fields[key]) end
  return table.concat(parts, "; ")
end

-- Who gave an input is left out, unless the session script shows names for that step.
local function render(session)
  local names = {}
  for _, step in ipairs(session.steps) do names[step.step] = step.names end
  local rows = { "stap,tijd,deelnemer,invoer,velden,resultaat,reden" }
  for _, event in ipairs(session.events) do
    local participant = names[event.step] and event.participant or nil
    local reason = event.reason and text.pick(event.reason, session.language) or ""
    local input = event.input or ("fase: " .. tostring(event.phase))
    rows[#rows + 1] = table.concat({
      cell(event.step), cell(event.time), cell(participant), cell(input),
      cell(fields_text(event.fields)), cell(event.result), cell(reason),
    }, ",")
  end
  return table.concat(rows, "\n") .. "\n"
end

return {
  name = "csv",
  description = { nl = "Elke invoer als CSV-tabel", en = "Every input as a CSV table" },
  extension = "csv",
  render = render,
}
