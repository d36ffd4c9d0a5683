-- The whole-job baseline for `werkvorm replay RECORD`: what the replay does, in plain Lua with
-- lua-cjson, in the standalone lua5.4 interpreter. It reads the record, checks the SHA-256 of
-- the script and sources it carries, loads the exercises with a `require` that serves the
-- record's modules, applies every event in order (inputs checked against the exercise's
-- declarations: known input, right phase, right actor, known participant, fields of the right
-- type and within bounds, texts trimmed), runs init, the handlers and the outcome, and compares
-- every event's result and every step's outcome with the recorded ones.
--
--   lua5.4 lua/replay-whole-job.lua RECORD      (Debian: apt-get install lua5.4 lua-cjson)
--
-- Exit code 0 when the replay is identical, 1 when it differs, 2 when the record cannot be read.
-- Left out, compared with werkvorm: parsing the session script (the record's steps carry the
-- params with defaults filled in), the sandbox, the instruction budget, fixed-order `pairs`,
-- moderated steps (`held` inputs), and comparing the runtime's rejection reasons and the errors
-- of failed inputs (their code and kind are compared; the exercises' own reasons in full).
-- `math.random` is lua5.4's own, seeded as werkvorm seeds a step.
local cjson = require("cjson")
local null = cjson.null
local f = string.format

local path = arg[1]
if not path then
  io.stderr:write("usage: lua5.4 replay-whole-job.lua RECORD\n")
  os.exit(2)
end

-- Wall clock: lua5.4 has only os.time (whole seconds), so date(1) is asked, at the start and
-- end of each part (about 1 ms each time, counted in the part).
local function wall()
  local pipe = io.popen("date +%s.%N")
  local now = tonumber(pipe:read("l"))
  pipe:close()
  return now
end
local started_cpu, started_wall = os.clock(), wall()

local function fail(message)
  io.stderr:write(path, ": ", message, "\n")
  os.exit(2)
end

------------------------------------------------------------------------
-- reading

local file = io.open(path, "rb") or fail("cannot be opened")
local parsed, record = pcall(cjson.decode, file:read("a"))
file:close()
if not parsed then fail("is not valid JSON: " .. tostring(record)) end
local read_cpu, read_wall = os.clock(), wall()

local function is(value) return value ~= nil and value ~= null end

if record.format ~= "werkvorm-record" then fail("format: is not \"werkvorm-record\"") end
if record.version ~= 2 then fail("version: this baseline reads records of version 2 only") end
for _, key in ipairs({ "session", "seed", "participants", "exercises", "modules", "steps", "events" }) do
  if type(record[key]) ~= (key == "seed" and "number" or "table") then fail(key .. ": is missing") end
end

------------------------------------------------------------------------
-- SHA-256 of the script and every source, as werkvorm checks them

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local function sha256(message)
  local M = 0xffffffff
  local h0, h1, h2, h3 = 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
  local h4, h5, h6, h7 = 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  local length = #message
  message = message .. "\128" .. string.rep("\0", (55 - length) % 64) .. string.pack(">I8", length * 8)
  local w = {}
  for chunk = 1, #message, 64 do
    for i = 1, 16 do w[i] = string.unpack(">I4", message, chunk + (i - 1) * 4) end
    for i = 17, 64 do
      local x, y = w[i - 15], w[i - 2]
      local s0 = ((x >> 7) | (x << 25)) ~ ((x >> 18) | (x << 14)) ~ (x >> 3)
      local s1 = ((y >> 17) | (y << 15)) ~ ((y >> 19) | (y << 13)) ~ (y >> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) & M
    end
    local a, b, c, d, e, g, h, k = h0, h1, h2, h3, h4, h5, h6, h7
    for i = 1, 64 do
      local S1 = ((e >> 6) | (e << 26)) ~ ((e >> 11) | (e << 21)) ~ ((e >> 25) | (e << 7))
      local t1 = k + S1 + ((e & g) ~ (~e & h)) + K[i] + w[i]
      local S0 = ((a >> 2) | (a << 30)) ~ ((a >> 13) | (a << 19)) ~ ((a >> 22) | (a << 10))
      local t2 = S0 + ((a & b) ~ (a & c) ~ (b & c))
      k, h, g, e, d, c, b, a = h, g, e, (d + t1) & M, c, b, a, (t1 + t2) & M
    end
    h0, h1, h2, h3 = (h0 + a) & M, (h1 + b) & M, (h2 + c) & M, (h3 + d) & M
    h4, h5, h6, h7 = (h4 + e) & M, (h5 + g) & M, (h6 + h) & M, (h7 + k) & M
  end
  return f("%08x%08x%08x%08x%08x%08x%08x%08x", h0, h1, h2, h3, h4, h5, h6, h7)
end

local session = record.session
if type(session.script) ~= "string" or sha256(session.script) ~= session.script_sha256 then
  fail("session.script_sha256: does not match the script the record carries")
end
for _, kind in ipairs({ "exercises", "modules" }) do
  for name, source in pairs(record[kind]) do
    if type(source.source) ~= "string" or sha256(source.source) ~= source.sha256 then
      fail(f("%s.%s.sha256: does not match the source the record carries", kind, name))
    end
  end
end

------------------------------------------------------------------------
-- loading an exercise: its own environment, with a `require` that serves the record's modules

local function load_exercise(id)
  local entry = record.exercises[id] or fail("exercises: has no exercise " .. id)
  local env = setmetatable({}, { __index = _G })
  local loaded = {}
  env.require = function(name)
    if loaded[name] == nil then
      local module = record.modules[name] or error(f("module '%s' not found in the record", name), 2)
      local chunk = assert(load(module.source, "@" .. module.path, "t", env))
      loaded[name] = chunk(name) or true
    end
    return loaded[name]
  end
  local chunk, problem = load(entry.source, "@" .. entry.path, "t", env)
  if not chunk then return nil, problem end
  local ok, exercise = pcall(chunk)
  if not ok then return nil, exercise end
  if type(exercise) ~= "table" or type(exercise.phases) ~= "table" then
    return nil, entry.path .. ": returns no exercise"
  end
  -- every input's declaration and the index of its phase, by name
  exercise.declarations = {}
  for index, phase in ipairs(exercise.phases) do
    for _, input in ipairs(phase.inputs or {}) do
      if not exercise.declarations[input.name] then
        exercise.declarations[input.name] = { phase = index, input = input }
      end
      input.declared = {}
      for _, field in ipairs(input.fields or {}) do input.declared[field.name] = field end
    end
  end
  return exercise
end

------------------------------------------------------------------------
-- checking an input's fields against its declaration

-- White space and invisible format characters trimmed at either end, as werkvorm trims texts.
local blank = {}
for _, c in ipairs({ 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0xAD, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
  0x3000, 0xFEFF }) do
  blank[c] = true
end
for c = 0x2000, 0x200F do blank[c] = true end
for c = 0x2060, 0x2064 do blank[c] = true end

local function trim(text)
  local first = text:find("[^\t-\r ]")
  if not first then return "" end
  local last = #text
  while true do
    local byte = text:byte(last)
    if byte ~= 32 and (byte < 9 or byte > 13) then break end
    last = last - 1
  end
  if text:byte(first) < 128 and text:byte(last) < 128 then return text:sub(first, last) end
  -- the rare text with something not ASCII at an end: code point by code point
  text = text:sub(first, last)
  if not utf8.len(text) then return text end
  first, last = 1, #text
  while first <= last and blank[utf8.codepoint(text, first)] do first = utf8.offset(text, 2, first) end
  while last >= first do
    local start = utf8.offset(text, 0, last)
    if not blank[utf8.codepoint(text, start)] then break end
    last = start - 1
  end
  return text:sub(first, last)
end

local function rejection(code, nl, en)
  return { result = "rejected", code = code, reason = { nl = nl, en = en or nl } }
end

-- The fields in canonical form (texts trimmed, whole numbers as integers), or a rejection.
local function check_fields(declaration, fields, participants)
  local declared = declaration.declared
  local unknown
  for key in pairs(fields) do
    if not declared[key] and (unknown == nil or tostring(key) < unknown) then unknown = tostring(key) end
  end
  if unknown then
    return nil, rejection("unknown_field", f("the input '%s' has no field '%s'", declaration.name, unknown))
  end
  for _, field in ipairs(declaration.fields or {}) do
    local name, value = field.name, fields[field.name]
    if value == null then value = nil end
    local kind = field.type
    if value ~= nil then
      if kind == "text" then
        if type(value) ~= "string" then
          return nil, rejection("invalid_value", f("the field '%s' must be text", name))
        end
        value = trim(value)
        if value == "" then
          value = nil
        elseif field.max_length and (utf8.len(value) or #value) > field.max_length then
          return nil, rejection("too_long", f("the text is longer than %d characters", field.max_length))
        end
      elseif kind == "integer" or kind == "number" then
        local number = type(value) == "number" and (kind == "number" and value or math.tointeger(value)) or nil
        if number == nil then return nil, rejection("invalid_value", f("the field '%s' must be a %s", name, kind)) end
        if (field.min and number < field.min) or (field.max and number > field.max) then
          return nil, rejection("out_of_range", f("the field '%s' is out of range", name))
        end
        value = number
      elseif kind == "boolean" then
        if type(value) ~= "boolean" then
          return nil, rejection("invalid_value", f("the field '%s' must be true or false", name))
        end
      elseif kind == "choice" then
        local found = false
        for _, option in ipairs(field.options or {}) do found = found or option.value == value end
        if not found then
          return nil, rejection("invalid_value", f("the field '%s' is not one of its options", name))
        end
      elseif kind == "participant" then
        if not participants[value] then
          return nil, rejection("invalid_value", f("the field '%s' must be a participant", name))
        end
      end
    end
    if value == nil and field.required ~= false then
      return nil, rejection("missing_field", f("the field '%s' is missing", name))
    end
    fields[name] = value
  end
  return fields
end

------------------------------------------------------------------------
-- a step's run of its exercise

local function deep_copy(value, seen)
  if type(value) ~= "table" then return value end
  seen = seen or {}
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for key, item in pairs(value) do copy[deep_copy(key, seen)] = deep_copy(item, seen) end
  return copy
end

local function copy_list(list)
  return table.move(list, 1, #list, 1, {})
end

local Run = {}
Run.__index = Run

local function start_run(step, exercise, participants)
  local run = setmetatable({ step = step, exercise = exercise, phase = 1, history = {}, set = {} }, Run)
  run.participants = copy_list(participants)
  run.initial = copy_list(participants)
  for _, who in ipairs(participants) do run.set[who] = true end
  local params = step.params or {}
  run.ctx = {
    lang = session.language, phase = exercise.phases[1].id, params = params, participants = copy_list(participants),
  }
  math.randomseed(record.seed * 1000003 + step.step)
  run.state = exercise.init(params, run.ctx.participants, run.ctx)
  if type(run.state) ~= "table" then error("init must return the state, a table", 0) end
  return run
end

-- Someone joins while the step runs: in ctx.participants (a new list) before `join` is called.
function Run:join(who)
  if self.set[who] then return end
  self.set[who] = true
  self.participants[#self.participants + 1] = who
  self.history[#self.history + 1] = { join = who }
  self.ctx.participants = copy_list(self.participants)
  if self.exercise.join then pcall(self.exercise.join, self.state, who, self.ctx) end
end

-- Checks one input and gives it to its handler.
function Run:handle(name, participant, fields)
  local exercise = self.exercise
  local declared = exercise.declarations[name]
  if not declared then return rejection("unknown_input", f("the exercise has no input '%s'", name)) end
  if declared.phase ~= self.phase then return rejection("wrong_phase", f("'%s' belongs to another phase", name)) end
  local declaration = declared.input
  local by = declaration.by or "participant"
  if by == "facilitator" and participant then
    return rejection("facilitator_only", f("'%s' is given by the facilitator", name))
  end
  if by == "participant" and not participant and not declaration.anonymous then
    return rejection("participant_needed", f("'%s' needs the participant who gives it", name))
  end
  if by == "participant" and participant and not self.set[participant] then
    return rejection("unknown_participant", f("'%s' is not a participant of this session", participant))
  end
  local checked, refused = check_fields(declaration, fields, self.set)
  if not checked then return refused end
  local input = { name = name, participant = participant, fields = checked, phase = exercise.phases[self.phase].id }
  local ok, accepted, reason = pcall(exercise.handlers[name], self.state, input, self.ctx)
  if not ok then
    self:rebuild()
    return { result = "failed", reason = tostring(accepted) }
  end
  if accepted == false then
    if reason == nil or reason == false then
      reason = { nl = "Geweigerd", en = "Rejected" }
    elseif type(reason) ~= "table" then
      reason = { nl = tostring(reason), en = tostring(reason) }
    end
    return { result = "rejected", code = "exercise", reason = reason }
  end
  self.history[#self.history + 1] = { phase = self.phase, input = input }
  return { result = "accepted" }
end

-- After a handler raised: the state from the last copy (or from init) and every change since,
-- then a new copy.
function Run:rebuild()
  local exercise, ctx = self.exercise, self.ctx
  local phase, everyone = self.phase, self.participants
  local start
  if self.checkpoint then
    self.state, start = self.checkpoint.state, self.checkpoint.count + 1
    ctx.participants = copy_list(self.checkpoint.participants)
  else
    ctx.phase, ctx.participants = exercise.phases[1].id, copy_list(self.initial)
    math.randomseed(record.seed * 1000003 + self.step.step)
    self.state, start = exercise.init(ctx.params, ctx.participants, ctx), 1
  end
  for i = start, #self.history do
    local change = self.history[i]
    if change.join then
      local list = copy_list(ctx.participants)
      list[#list + 1] = change.join
      ctx.participants = list
      if exercise.join then pcall(exercise.join, self.state, change.join, ctx) end
    else
      ctx.phase = exercise.phases[change.phase].id
      change.input.phase = ctx.phase
      pcall(exercise.handlers[change.input.name], self.state, change.input, ctx)
    end
  end
  self.checkpoint = { state = deep_copy(self.state), count = #self.history, participants = copy_list(everyone) }
  self.participants, self.phase = everyone, phase
  ctx.participants, ctx.phase = copy_list(everyone), exercise.phases[phase].id
end

------------------------------------------------------------------------
-- the session: its steps and events

local steps = {}
for _, step in ipairs(record.steps) do steps[step.step] = step end
local step_count = #record.steps
local participants = copy_list(record.participants)
local joined = {}
for _, who in ipairs(participants) do joined[who] = true end
local runs, exercises = {}, {}
local current, paused = nil, false
local seen = {}  -- the first result of each event a client gave an id, by participant and id

local function unknown_step(number)
  return rejection("unknown_step",
    f("there is no step %s; the session has steps 1 to %d", tostring(number), step_count))
end

-- The run of an exercise step, started at its first event; or the result for a step that has none.
local function run_of(number)
  local run = runs[number]
  if run then return run end
  local step = steps[number]
  if not step then return nil, unknown_step(number) end
  if step.kind ~= "exercise" then return nil, rejection("not_an_exercise", f("step %d is not an exercise", number)) end
  local exercise = exercises[step.exercise]
  if not exercise then
    local problem
    exercise, problem = load_exercise(step.exercise)
    if not exercise then return nil, { result = "failed", reason = tostring(problem) } end
    exercises[step.exercise] = exercise
  end
  local ok, started = pcall(start_run, step, exercise, participants)
  if not ok then return nil, { result = "failed", reason = "init: " .. tostring(started) } end
  runs[number] = started
  return started
end

local accepted = { result = "accepted" }

local function apply(event)
  local number = event.step
  if is(event.input) then
    local run, refused = run_of(number)
    if not run then return refused end
    local participant = is(event.participant) and event.participant or nil
    local from_participant = participant ~= nil and event.on_behalf ~= true
    if from_participant and paused then return rejection("input_paused", "Input is paused") end
    if from_participant and current and current ~= number then
      return rejection("step_closed", f("Step %d is closed; the session is at step %d now", number, current))
    end
    local fields = is(event.fields) and event.fields or {}
    return run:handle(event.input, participant, fields)
  elseif is(event.phase) then
    local run, refused = run_of(number)
    if not run then return refused end
    for index, phase in ipairs(run.exercise.phases) do
      if phase.id == event.phase then
        run.phase, run.ctx.phase = index, phase.id
        return accepted
      end
    end
    return rejection("unknown_phase", f("the exercise has no phase '%s'", event.phase))
  elseif is(event.join) then
    local who = event.join
    if joined[who] then return rejection("already_joined", f("'%s' has joined already", who)) end
    joined[who] = true
    participants[#participants + 1] = who
    for _, step in ipairs(record.steps) do
      if runs[step.step] then runs[step.step]:join(who) end
    end
    return accepted
  elseif is(event.go) then
    if not steps[event.go] then return unknown_step(event.go) end
    current = event.go
    return accepted
  elseif is(event.reveal) then
    if not steps[number] then return unknown_step(number) end
    return accepted
  elseif is(event.pause) then
    paused = event.pause
    return accepted
  elseif is(event.approve) or is(event.hide) then
    -- no step is moderated here, so no input is ever held
    return rejection("not_held", f("Input %d is not waiting for approval", event.approve or event.hide))
  end
  fail(f("events[%d]: is no event this baseline knows", event.seq or 0))
end

------------------------------------------------------------------------
-- comparing

local function sorted_keys(a, b)
  local keys, seen_key = {}, {}
  for _, t in ipairs({ a, b }) do
    if type(t) == "table" then
      for key in pairs(t) do
        if not seen_key[key] then seen_key[key], keys[#keys + 1] = true, key end
      end
    end
  end
  table.sort(keys, function(x, y)
    local tx, ty = type(x), type(y)
    if tx ~= ty then return tx == "number" end
    return x < y
  end)
  return keys
end

local function show(value)
  if value == nil or value == null then return "nothing" end
  local ok, text = pcall(cjson.encode, value)
  text = ok and text or tostring(value)
  return #text > 80 and text:sub(1, 80) .. "…" or text
end

-- Every place (up to `limit`) where two plain values differ, into `found`.
local function differences(recorded, replayed, place, found, limit)
  if #found >= limit then return end
  if recorded == null then recorded = nil end
  if replayed == null then replayed = nil end
  if type(recorded) == "table" and type(replayed) == "table" then
    for _, key in ipairs(sorted_keys(recorded, replayed)) do
      local at = math.type(key) == "integer" and f("%s[%d]", place, key) or place .. "." .. tostring(key)
      differences(recorded[key], replayed[key], at, found, limit)
    end
  elseif recorded ~= replayed then  -- numbers compare by value: JSON's 3 is lua-cjson's 3.0
    found[#found + 1] = f("%s: recorded %s, replayed %s", place, show(recorded), show(replayed))
  end
end

local divergences = {}
local function diverge(step, place, recorded, replayed)
  divergences[#divergences + 1] =
    f("step %d: %s: recorded %s, replayed %s", math.tointeger(step) or 0, place, recorded, replayed)
end

local function compare(event, number, result, duplicate)
  if event.result == result.result and event.duplicate == duplicate and event.code == result.code then
    if result.result ~= "rejected" or result.code ~= "exercise" then return end
    local found = {}
    differences(event.reason, result.reason, f("events[%d].reason", number), found, 10)
    for _, difference in ipairs(found) do
      divergences[#divergences + 1] = f("step %d: %s", math.tointeger(event.step) or 0, difference)
    end
    return
  end
  if event.duplicate ~= duplicate then
    diverge(event.step, f("events[%d].duplicate", number),
      tostring(event.duplicate or "nothing"), tostring(duplicate or "nothing"))
  end
  if event.result ~= result.result then
    diverge(event.step, f("events[%d].result", number), show(event.result),
      show(result.result) .. (result.result == "failed" and " (" .. result.reason .. ")" or ""))
  elseif event.code ~= result.code then
    diverge(event.step, f("events[%d].code", number), show(event.code), show(result.code))
  end
end

------------------------------------------------------------------------
-- the replay

local events = record.events
for number = 1, #events do
  local event = events[number]
  local result, duplicate
  local key = is(event.id) and (is(event.participant) and event.participant or "") .. "\0" .. event.id or nil
  local first = key and seen[key]
  if first then
    result, duplicate = first.result, first.seq
  else
    result = apply(event)
    if key then seen[key] = { seq = number, result = result } end
  end
  compare(event, number, result, duplicate)
end

local exercise_steps = 0
for _, step in ipairs(record.steps) do
  if step.kind == "exercise" then
    exercise_steps = exercise_steps + 1
    local run, refused = run_of(step.step)
    local ok, outcome
    if run then ok, outcome = pcall(run.exercise.outcome, run.state, run.ctx) end
    if not run or not ok then
      diverge(step.step, "outcome", "an outcome", "no outcome (" .. tostring(run and outcome or refused.reason) .. ")")
    else
      local found = {}
      differences(step.outcome, outcome, "outcome", found, 1000)
      for _, difference in ipairs(found) do
        divergences[#divergences + 1] = f("step %d (%s): %s", step.step, step.exercise, difference)
      end
    end
  end
end

local done_cpu, done_wall = os.clock(), wall()
if #divergences == 0 then
  print(f("replayed %d events in %d exercise steps: every result and outcome is identical", #events, exercise_steps))
else
  print(f("replayed %d events in %d exercise steps: %d differences", #events, exercise_steps, #divergences))
  for i = 1, math.min(#divergences, 20) do print("  " .. divergences[i]) end
  if #divergences > 20 then print(f("  ... and %d more", #divergences - 20)) end
end
io.stderr:write(f("read: %.3f s CPU, %.3f s wall clock; whole: %.3f s CPU, %.3f s wall clock; Lua heap %.1f MB\n",
  read_cpu - started_cpu, read_wall - started_wall, done_cpu - started_cpu, done_wall - started_wall,
  collectgarbage("count") / 1024))
os.exit(#divergences == 0 and 0 or 1)
